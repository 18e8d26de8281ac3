package org.kvali.iati;

import java.io.Writer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.kvali.indicator.IndicatorResult;
import org.kvali.organization.Organization;
import org.kvali.programme.Programme;
import org.kvali.programme.Project;
import org.kvali.programme.ProjectPartner;

/**
 * Writes an IATI 2.03 {@code iati-activities} document, one {@code iati-activity} per project, elements in the order
 * the standard's schema requires. The programme's own indicators appear in every project's results marked as not
 * to be aggregated, so no total counts them twice.
 */
final class IatiDocument {

	/** DAC 5-digit sector: democratic participation and civil society. */
	private static final String SECTOR = "15150";

	private static final String ROLE_FUNDING = "1";

	private static final String ROLE_IMPLEMENTING = "4";

	private final XMLStreamWriter xml;

	private final OffsetDateTime now;

	IatiDocument(Writer out, OffsetDateTime now) throws XMLStreamException {
		this.xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
		this.now = now;
	}

	void write(Programme programme, List<Project> projects, Map<Long, List<ProjectPartner>> partners,
			List<Long> donorIds, Map<Long, Organization> organizations, Map<String, List<IatiLocations.Place>> places,
			List<IndicatorResult> results) throws XMLStreamException {
		this.xml.writeStartDocument("UTF-8", "1.0");
		this.xml.writeStartElement("iati-activities");
		this.xml.writeAttribute("version", "2.03");
		this.xml.writeAttribute("generated-datetime", this.now.toString());
		for (var project : projects) {
			activity(programme, project, partners.getOrDefault(project.id(), List.of()), donorIds, organizations,
					places.getOrDefault(project.code(), List.of()),
					results.stream()
						.filter(r -> r.projectCode() == null || r.projectCode().equals(project.code()))
						.toList());
		}
		this.xml.writeEndElement();
		this.xml.writeEndDocument();
		this.xml.flush();
	}

	private void activity(Programme programme, Project project, List<ProjectPartner> partners, List<Long> donorIds,
			Map<Long, Organization> organizations, List<IatiLocations.Place> places, List<IndicatorResult> results)
			throws XMLStreamException {
		this.xml.writeStartElement("iati-activity");
		this.xml.writeAttribute("last-updated-datetime", this.now.toString());
		this.xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "en");
		this.xml.writeAttribute("default-currency", "EUR");
		this.xml.writeAttribute("hierarchy", "2");
		var lead = project.leadOrganizationId() == null ? null : organizations.get(project.leadOrganizationId());
		text("iati-identifier", programme.code() + "-" + project.code());
		this.xml.writeStartElement("reporting-org");
		this.xml.writeAttribute("ref", lead != null ? lead.code() : programme.code());
		this.xml.writeAttribute("type", "21");
		narrative(lead != null ? lead.name() : programme.name(), null);
		this.xml.writeEndElement();
		this.xml.writeStartElement("title");
		narrative(project.name(), null);
		if (project.nameKa() != null) {
			narrative(project.nameKa(), "ka");
		}
		this.xml.writeEndElement();
		this.xml.writeStartElement("description");
		this.xml.writeAttribute("type", "1");
		narrative(programme.name() + (programme.description() == null ? "" : ": " + programme.description()), null);
		this.xml.writeEndElement();
		for (var donor : donorIds) {
			participating(organizations.get(donor), ROLE_FUNDING);
		}
		if (lead != null) {
			participating(lead, ROLE_IMPLEMENTING);
		}
		for (var partner : partners) {
			participating(organizations.get(partner.organizationId()), ROLE_IMPLEMENTING);
		}
		var end = project.endDate() != null ? project.endDate() : programme.endDate();
		var start = project.startDate() != null ? project.startDate() : programme.startDate();
		empty("activity-status", "code", end != null && end.isBefore(this.now.toLocalDate()) ? "4" : "2");
		date("1", start);
		date("3", end);
		this.xml.writeStartElement("recipient-country");
		this.xml.writeAttribute("code", "GE");
		this.xml.writeAttribute("percentage", "100");
		this.xml.writeEndElement();
		for (var place : places) {
			this.xml.writeStartElement("location");
			this.xml.writeAttribute("ref", place.code());
			this.xml.writeStartElement("name");
			narrative(place.name(), null);
			this.xml.writeEndElement();
			this.xml.writeStartElement("description");
			narrative(place.name() + ", " + place.regionName() + " (" + place.regionCode() + ")", null);
			this.xml.writeEndElement();
			this.xml.writeEndElement();
		}
		this.xml.writeStartElement("sector");
		this.xml.writeAttribute("vocabulary", "1");
		this.xml.writeAttribute("code", SECTOR);
		this.xml.writeAttribute("percentage", "100");
		this.xml.writeEndElement();
		for (var result : results) {
			result(result);
		}
		this.xml.writeEndElement();
	}

	private void result(IndicatorResult result) throws XMLStreamException {
		this.xml.writeStartElement("result");
		this.xml.writeAttribute("type", switch (result.level()) {
			case "OUTPUT" -> "1";
			case "OUTCOME" -> "2";
			default -> "3";
		});
		this.xml.writeAttribute("aggregation-status", result.projectCode() != null ? "1" : "0");
		this.xml.writeStartElement("title");
		narrative(result.name(), null);
		this.xml.writeEndElement();
		this.xml.writeStartElement("indicator");
		this.xml.writeAttribute("measure", result.percent() ? "2" : "1");
		this.xml.writeAttribute("ascending", result.higherIsBetter() ? "1" : "0");
		this.xml.writeStartElement("title");
		narrative(result.name(), null);
		this.xml.writeEndElement();
		this.xml.writeStartElement("reference");
		this.xml.writeAttribute("vocabulary", "99");
		this.xml.writeAttribute("code", result.code());
		this.xml.writeEndElement();
		if (result.baselineValue() != null) {
			this.xml.writeStartElement("baseline");
			var date = result.baselineDate();
			if (date != null) {
				this.xml.writeAttribute("iso-date", date.toString());
			}
			// IATI needs a year: without a date, that of the first period, where a programme measures its baseline
			int year = date != null ? date.getYear()
					: result.periods().isEmpty() ? this.now.getYear() : result.periods().get(0).period().start().getYear();
			this.xml.writeAttribute("year", Integer.toString(year));
			this.xml.writeAttribute("value", number(result.baselineValue()));
			this.xml.writeEndElement();
		}
		for (var period : result.periods()) {
			this.xml.writeStartElement("period");
			empty("period-start", "iso-date", period.period().start().toString());
			empty("period-end", "iso-date", period.period().end().toString());
			empty("target", "value", number(period.target()));
			if (period.actual() != null) {
				empty("actual", "value", number(period.actual()));
			}
			sex(period.female(), "2");
			sex(period.male(), "1");
			this.xml.writeEndElement();
		}
		this.xml.writeEndElement();
		this.xml.writeEndElement();
	}

	/** An actual of one sex, with the dimension the IATI guidance uses (1 male, 2 female). */
	private void sex(Double value, String code) throws XMLStreamException {
		if (value == null) {
			return;
		}
		this.xml.writeStartElement("actual");
		this.xml.writeAttribute("value", number(value));
		this.xml.writeStartElement("dimension");
		this.xml.writeAttribute("name", "sex");
		this.xml.writeAttribute("value", code);
		this.xml.writeEndElement();
		this.xml.writeEndElement();
	}

	private void participating(Organization organization, String role) throws XMLStreamException {
		this.xml.writeStartElement("participating-org");
		this.xml.writeAttribute("ref", organization.code());
		this.xml.writeAttribute("role", role);
		narrative(organization.name(), null);
		this.xml.writeEndElement();
	}

	private void date(String type, LocalDate date) throws XMLStreamException {
		if (date != null) {
			this.xml.writeStartElement("activity-date");
			this.xml.writeAttribute("type", type);
			this.xml.writeAttribute("iso-date", date.toString());
			this.xml.writeEndElement();
		}
	}

	private void narrative(String text, String lang) throws XMLStreamException {
		this.xml.writeStartElement("narrative");
		if (lang != null) {
			this.xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", lang);
		}
		this.xml.writeCharacters(text);
		this.xml.writeEndElement();
	}

	private void text(String element, String text) throws XMLStreamException {
		this.xml.writeStartElement(element);
		this.xml.writeCharacters(text);
		this.xml.writeEndElement();
	}

	private void empty(String element, String attribute, String value) throws XMLStreamException {
		this.xml.writeStartElement(element);
		this.xml.writeAttribute(attribute, value);
		this.xml.writeEndElement();
	}

	private static String number(double value) {
		return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
	}

}
