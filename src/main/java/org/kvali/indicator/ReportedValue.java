package org.kvali.indicator;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.kvali.report.Period;

/** A value reported for one period; {@code current} when no newer report for the period corrects it. */
record ReportedValue(long indicatorId, String periodKey, LocalDate periodStart, LocalDate periodEnd, double value,
		String comment, String evidenceUrl, String reportedBy, OffsetDateTime reportedAt, boolean current) {

	public Period period() {
		return new Period(this.periodKey, this.periodStart, this.periodEnd);
	}

}
