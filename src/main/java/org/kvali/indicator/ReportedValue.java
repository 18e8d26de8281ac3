package org.kvali.indicator;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.kvali.report.Gender;
import org.kvali.report.Period;

/**
 * A value reported for one period, of the whole or of one gender or region; {@code current} when no newer report
 * for the same period and group corrects it.
 */
record ReportedValue(long indicatorId, String periodKey, LocalDate periodStart, LocalDate periodEnd, double value,
		String comment, String evidenceUrl, String reportedBy, OffsetDateTime reportedAt, boolean current,
		String dimension, String dimensionValue) {

	/** Whether its period lies within {@code from} to {@code to} (either may be null, open). */
	boolean within(LocalDate from, LocalDate to) {
		return (from == null || !this.periodStart.isBefore(from)) && (to == null || !this.periodEnd.isAfter(to));
	}

	/** Whether it is a value of the whole, not of one gender or region. */
	boolean whole() {
		return this.dimension == null;
	}

	public Gender gender() {
		return "GENDER".equals(this.dimension) ? Gender.valueOf(this.dimensionValue) : null;
	}

	String regionCode() {
		return "REGION".equals(this.dimension) ? this.dimensionValue : null;
	}

	public Period period() {
		return new Period(this.periodKey, this.periodStart, this.periodEnd);
	}

}
