package org.kvali.iati;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.kvali.graphql.Text;
import org.kvali.indicator.IndicatorResult;

/** Writes an activity's {@code result} elements: its indicators, their baselines, and their periods' values. */
final class IatiResults {

	private final XMLStreamWriter xml;

	private final OffsetDateTime now;

	IatiResults(XMLStreamWriter xml, OffsetDateTime now) {
		this.xml = xml;
		this.now = now;
	}

	/**
	 * A result of the activity that runs from {@code start} to {@code end} (a programme or project; null when not
	 * known): each period as far as it lies within them, as its values are counted (a programme starting on 15
	 * September published the whole year; a project's periods, the programme's: testers').
	 */
	void result(IndicatorResult result, LocalDate start, LocalDate end) throws XMLStreamException {
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
			IatiDocument.narrative(this.xml, result.description() == null ? cumulative
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
			IatiDocument.empty(this.xml, "period-start", "iso-date", from.toString());
			IatiDocument.empty(this.xml, "period-end", "iso-date", to.toString());
			if (period.target() != null) {
				IatiDocument.empty(this.xml, "target", "value", value(result, period.target()));
			}
			if (period.actual() != null) {
				IatiDocument.empty(this.xml, "actual", "value", value(result, period.actual()));
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
		IatiDocument.narrative(this.xml, result.name(), null);
		if (result.nameKa() != null) {
			IatiDocument.narrative(this.xml, result.nameKa(), "ka");
		}
		this.xml.writeEndElement();
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
