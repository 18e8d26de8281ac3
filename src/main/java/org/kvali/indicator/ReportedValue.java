package org.kvali.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.kvali.report.Gender;
import org.kvali.report.Period;

/**
 * A value reported for one period, of the whole or of one gender or region; {@code current} when no newer report
 * for the same period and group corrects it. {@code reportedBy} names the key or account, {@code reportedFor} holds
 * the organizations (ids) the reporting partner acted for, none for an administrator.
 */
record ReportedValue(long indicatorId, String periodKey, LocalDate periodStart, LocalDate periodEnd, double value,
		String comment, String evidenceUrl, String reportedBy, List<Long> reportedFor, OffsetDateTime reportedAt,
		boolean current, String dimension, String dimensionValue, boolean withdrawn) {

	/**
	 * What values of one group, the current ones of the periods within a window in the order {@code reportedValues}
	 * gives (newest first), come to, once those withdrawn (withdrawIndicatorValue) are left out, 0 being a value: a
	 * count or amount their sum, added as the decimals they were reported as (0.1 and
	 * 0.2 make 0.3, not 0.30000000000000004); a percentage or another level ({@code latest}: municipalities with a
	 * youth council, 3, 4 and 5 of three quarters are 5, not 12), which does not add up, that of the period ending last
	 * (of two ending together, the one reported last); null for none (a withdrawn quarter asked for alone told 0 %
	 * before).
	 */
	static Double combined(List<ReportedValue> values, boolean latest) {
		var counted = values.stream().filter(value -> !value.withdrawn).toList();
		if (counted.isEmpty()) {
			return null;
		}
		if (latest) {
			ReportedValue last = counted.get(0);
			for (var value : counted) {
				if (value.periodEnd.isAfter(last.periodEnd)) {
					last = value;
				}
			}
			return last.value;
		}
		var sum = BigDecimal.ZERO;
		for (var value : counted) {
			sum = sum.add(BigDecimal.valueOf(value.value));
		}
		return sum.doubleValue();
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
