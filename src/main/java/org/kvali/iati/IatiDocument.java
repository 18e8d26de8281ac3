package org.kvali.iati;

import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.kvali.graphql.Dates;
import org.kvali.graphql.Text;
import org.kvali.indicator.IndicatorResult;
import org.kvali.organization.Organization;

/**
 * Writes an IATI 2.03 {@code iati-activities} document of {@link IatiActivities}, elements in the order the
 * standard's schema requires; numbers as plain decimals.
 */
final class IatiDocument {

	/** DAC 5-digit sector: democratic participation and civil society. */
	private static final String SECTOR = "15150";

	/** IATI's organisation type "other", for a reporting organization whose kind does not tell its type. */
	private static final String OTHER = "90";

	private final XMLStreamWriter xml;

	private final OffsetDateTime now;

	IatiDocument(Writer out, OffsetDateTime now) throws XMLStreamException {
		this.xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
		this.now = now;
	}

	void write(List<IatiActivities.Activity> activities) throws XMLStreamException {
		this.xml.writeStartDocument("UTF-8", "1.0");
		this.xml.writeStartElement("iati-activities");
		this.xml.writeAttribute("version", "2.03");
		this.xml.writeAttribute("generated-datetime", timestamp());
		for (var activity : activities) {
			activity(activity);
		}
		this.xml.writeEndElement();
		this.xml.writeEndDocument();
		this.xml.flush();
	}

	private void activity(IatiActivities.Activity activity) throws XMLStreamException {
		// no last-updated-datetime: it says when the activity's data last changed, by which registries tell what to
		// read again, and the file's time given for it told every fetch of them that all had changed (a review's)
		this.xml.writeStartElement("iati-activity");
		this.xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "en");
		this.xml.writeAttribute("default-currency", "EUR");
		this.xml.writeAttribute("hierarchy", activity.hierarchy());
		text("iati-identifier", activity.identifier());
		this.xml.writeStartElement("reporting-org");
		this.xml.writeAttribute("ref", IatiActivities.ref(activity.reporting()));
		var type = type(activity.reporting());
		this.xml.writeAttribute("type", type != null ? type : OTHER);
		narrative(activity.reporting().name(), null);
		this.xml.writeEndElement();
		this.xml.writeStartElement("title");
		narrative(activity.title(), null);
		if (activity.titleKa() != null) {
			narrative(activity.titleKa(), "ka");
		}
		this.xml.writeEndElement();
		this.xml.writeStartElement("description");
		this.xml.writeAttribute("type", "1");
		narrative(activity.description(), null);
		this.xml.writeEndElement();
		for (var participant : activity.participants()) {
			participating(participant);
		}
		var today = this.now.toLocalDate();
		// begun as its activities have, whatever was planned; in finalisation once they have all ended and the planned
		// end is past: its results are still reported, where 4, closed, had told a donor the day after the end that
		// nothing more would come (a review's)
		empty("activity-status", "code", activity.actualEnd() != null ? "3" : activity.actualStart() != null ? "2"
				: activity.start() != null && activity.start().isAfter(today) ? "1"
						: activity.end() != null && activity.end().isBefore(today) ? "3" : "2");
		date("1", activity.start());
		date("2", activity.actualStart());
		date("3", activity.end());
		date("4", activity.actualEnd());
		this.xml.writeStartElement("recipient-country");
		this.xml.writeAttribute("code", "GE");
		this.xml.writeAttribute("percentage", "100");
		this.xml.writeEndElement();
		for (var place : activity.places()) {
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
		for (var related : activity.related()) {
			this.xml.writeStartElement("related-activity");
			this.xml.writeAttribute("ref", related.identifier());
			this.xml.writeAttribute("type", related.type());
			this.xml.writeEndElement();
		}
		for (var result : activity.results()) {
			result(result, activity.start(), activity.end());
		}
		this.xml.writeEndElement();
	}

	/**
	 * A result of the activity that runs from {@code start} to {@code end} (a programme or project; null when not
	 * known): each period as far as it lies within them, as its values are counted (a programme starting on 15
	 * September published the whole year; a project's periods, the programme's: testers').
	 */
	private void result(IndicatorResult result, LocalDate start, LocalDate end) throws XMLStreamException {
		this.xml.writeStartElement("result");
		this.xml.writeAttribute("type", switch (result.level()) {
			case "OUTPUT" -> "1";
			case "OUTCOME" -> "2";
			default -> "3";
		});
		// a project's count per period may be added up with others'; a programme's, running totals, shares, levels and
		// counts of distinct people or organizations (whom other projects and periods hold too) may not
		this.xml.writeAttribute("aggregation-status", result.projectCode() != null && !result.cumulative()
				&& !result.percent() && result.summable() ? "1" : "0");
		title(result);
		this.xml.writeStartElement("indicator");
		this.xml.writeAttribute("measure", result.percent() ? "2" : "1");
		this.xml.writeAttribute("ascending", result.higherIsBetter() ? "1" : "0");
		title(result);
		if (result.description() != null || result.cumulative()) {
			this.xml.writeStartElement("description");
			var cumulative = "Cumulative: each period's target and actual count from the start of the programme, "
					+ "not within the period alone.";
			narrative(result.description() == null ? cumulative
					: result.cumulative() ? result.description() + " " + cumulative : result.description(), null);
			this.xml.writeEndElement();
		}
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
			// IATI needs a year: without a date, that of the activity's start, where a programme measures its baseline
			// (the first target's may come years after), else of the first period
			int year = date != null ? date.getYear() : start != null ? start.getYear()
					: result.periods().isEmpty() ? this.now.getYear() : result.periods().get(0).period().start().getYear();
			this.xml.writeAttribute("year", Integer.toString(year));
			this.xml.writeAttribute("value", value(result, result.baselineValue()));
			this.xml.writeEndElement();
		}
		for (var period : result.periods()) {
			var from = start != null && start.isAfter(period.period().start()) ? start : period.period().start();
			var to = end != null && end.isBefore(period.period().end()) ? end : period.period().end();
			if (to.isBefore(from)) {
				// a target of a year the project's dates, moved later, no longer hold: none of its time (it was
				// published as its first day: a reviewer's)
				continue;
			}
			this.xml.writeStartElement("period");
			empty("period-start", "iso-date", from.toString());
			empty("period-end", "iso-date", to.toString());
			if (period.target() != null) {
				empty("target", "value", value(result, period.target()));
			}
			if (period.actual() != null) {
				empty("actual", "value", value(result, period.actual()));
			}
			sex(result, period.female(), "female");
			sex(result, period.male(), "male");
			this.xml.writeEndElement();
		}
		this.xml.writeEndElement();
		this.xml.writeEndElement();
	}

	/**
	 * An actual of one sex, its dimension's value written as IATI's examples write it ("female"): the codes 1 and 2
	 * (ISO 5218's), which a portal shows as written, told a donor "sex: 2" (a review's).
	 */
	private void sex(IndicatorResult result, Double value, String code) throws XMLStreamException {
		if (value == null) {
			return;
		}
		this.xml.writeStartElement("actual");
		this.xml.writeAttribute("value", value(result, value));
		this.xml.writeStartElement("dimension");
		this.xml.writeAttribute("name", "sex");
		this.xml.writeAttribute("value", code);
		this.xml.writeEndElement();
		this.xml.writeEndElement();
	}

	private void title(IndicatorResult result) throws XMLStreamException {
		this.xml.writeStartElement("title");
		narrative(result.name(), null);
		if (result.nameKa() != null) {
			narrative(result.nameKa(), "ka");
		}
		this.xml.writeEndElement();
	}

	private void participating(IatiActivities.Participant participant) throws XMLStreamException {
		var organization = participant.organization();
		this.xml.writeStartElement("participating-org");
		// an organization without its IATI identifier is named alone: its code given as one ("EU") would be taken
		// for another body's by portals that group organizations by it (a review's)
		if (organization.iatiRef() != null) {
			this.xml.writeAttribute("ref", organization.iatiRef());
		}
		var type = type(organization);
		if (type != null) {
			this.xml.writeAttribute("type", type);
		}
		this.xml.writeAttribute("role", participant.role());
		narrative(organization.name(), null);
		this.xml.writeEndElement();
	}

	/**
	 * IATI's organisation type: the one set for the organization, else the one its kind tells, if it does (a donor
	 * may be a government, a multilateral or a foundation).
	 */
	private static String type(Organization organization) {
		if (organization.iatiType() != null) {
			return organization.iatiType();
		}
		return switch (organization.kind()) {
			case IMPLEMENTER -> "21";
			case PARTNER, CSO, ACTIVIST_GROUP -> "24";
			case MUNICIPALITY -> "11";
			case DONOR, OTHER -> null;
		};
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
		this.xml.writeCharacters(xmlText(text));
		this.xml.writeEndElement();
	}

	private void text(String element, String text) throws XMLStreamException {
		this.xml.writeStartElement(element);
		this.xml.writeCharacters(xmlText(text));
		this.xml.writeEndElement();
	}

	/**
	 * The text with what XML 1.0 cannot hold as U+FFFD, the sign of a character lost: names and titles are refused
	 * with one now, but one stored before (U+FFFE was) made the whole file unreadable, served with 200.
	 */
	static String xmlText(String text) {
		var kept = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
			int c = text.codePointAt(i);
			boolean allowed = c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xD7FF
					|| c >= 0xE000 && c <= 0xFFFD || c >= 0x10000;
			kept.appendCodePoint(allowed ? c : 0xFFFD);
		}
		return kept.toString();
	}

	private void empty(String element, String attribute, String value) throws XMLStreamException {
		this.xml.writeStartElement(element);
		this.xml.writeAttribute(attribute, value);
		this.xml.writeEndElement();
	}

	/**
	 * The time of the file in UTC, with its seconds also at a whole minute (an xs:dateTime needs them: 18:00:00, not
	 * 18:00): validators that drop an offset took Tbilisi's +04:00 for a time four hours ahead, in the future.
	 */
	private String timestamp() {
		return Dates.instant(this.now);
	}

	/**
	 * A value of the result as published: a percentage to two decimals (61.03, not 61.029411764705884, which
	 * portals showed as it was), any other value as it is.
	 */
	private static String value(IndicatorResult result, double value) {
		return result.percent() ? BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros()
			.toPlainString() : Text.decimal(value);
	}

}
