package org.kvali.indicator;

import org.kvali.report.Period;

/** One period of an indicator, and where it stands against its target. */
record IndicatorPoint(Period period, Double target, Double actual, Double progress, IndicatorEnums.Status status) {

	static IndicatorPoint of(Indicator indicator, Period period, Double target, Double actual,
			IndicatorEnums.Status status) {
		return new IndicatorPoint(period, target, actual, target == null ? null
				: Progress.of(actual, indicator.baselineValue(), target, indicator.direction()), status);
	}

}
