package org.kvali.iati;

import java.io.Writer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.kvali.graphql.Dates;
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

	private final IatiResults results;

	IatiDocument(Writer out, OffsetDateTime now) throws XMLStreamException {
		this.xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
		this.now = now;
		this.results = new IatiResults(this.xml, now);
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
		narrative(this.xml, activity.reporting().name(), null);
		this.xml.writeEndElement();
		this.xml.writeStartElement("title");
		narrative(this.xml, activity.title(), null);
		if (activity.titleKa() != null) {
			narrative(this.xml, activity.titleKa(), "ka");
		}
		this.xml.writeEndElement();
		this.xml.writeStartElement("description");
		this.xml.writeAttribute("type", "1");
		narrative(this.xml, activity.description(), null);
		this.xml.writeEndElement();
		for (var participant : activity.participants()) {
			participating(participant);
		}
		var today = this.now.toLocalDate();
		// begun as its activities have, whatever was planned; in finalisation once they have all ended and the planned
		// end is past: its results are still reported, where 4, closed, had told a donor the day after the end that
		// nothing more would come (a review's)
		empty(this.xml, "activity-status", "code", activity.actualEnd() != null ? "3"
				: activity.actualStart() != null ? "2"
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
			narrative(this.xml, place.name(), null);
			this.xml.writeEndElement();
			this.xml.writeStartElement("description");
			narrative(this.xml, place.name() + ", " + place.regionName() + " (" + place.regionCode() + ")", null);
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
			this.results.result(result, activity.start(), activity.end());
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
		narrative(this.xml, organization.name(), null);
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

	static void narrative(XMLStreamWriter xml, String text, String lang) throws XMLStreamException {
		xml.writeStartElement("narrative");
		if (lang != null) {
			xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", lang);
		}
		xml.writeCharacters(xmlText(text));
		xml.writeEndElement();
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

	static void empty(XMLStreamWriter xml, String element, String attribute, String value) throws XMLStreamException {
		xml.writeStartElement(element);
		xml.writeAttribute(attribute, value);
		xml.writeEndElement();
	}

	/**
	 * The time of the file in UTC, with its seconds also at a whole minute (an xs:dateTime needs them: 18:00:00, not
	 * 18:00): validators that drop an offset took Tbilisi's +04:00 for a time four hours ahead, in the future.
	 */
	private String timestamp() {
		return Dates.instant(this.now);
	}

}
