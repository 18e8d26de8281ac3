package org.kvali.indicator;

import java.time.LocalDate;

import org.kvali.report.Dimension;
import org.kvali.report.Period;

import org.springframework.stereotype.Component;

/** Where an indicator stands: the target a period is judged by, and the status of an actual against it on a day. */
@Component
class IndicatorStatus {

	private final IndicatorThresholds thresholds;

	IndicatorStatus(IndicatorThresholds thresholds) {
		this.thresholds = thresholds;
	}

	/**
	 * Where the indicator stands on {@code day} against the target of {@code period}, the actual counted to that day.
	 * Without a value, no status either, but before its period a date alone says it has not started: a computed
	 * indicator's is withheld from this caller (or has no denominator), a reported one has none counting yet (a
	 * year's counts from its last day, and a donor was told OFF_TRACK of a survey due in December; a tester's).
	 */
	IndicatorEnums.Status judged(Indicator indicator, Period period, double target, Double actual,
			LocalDate day) {
		var start = indicator.cumulative() && indicator.programmeStart() != null ? indicator.programmeStart()
				: IndicatorWindows.begins(indicator, period);
		// counting stops at the programme's end, or a project's indicator's project's (IndicatorValues.Key#countedTo),
		// and so does the target's time; a project's indicator has its project's time alone (it stayed ON_TRACK for
		// half a year after its project ended, while the IATI file published the period closed: a tester's)
		var end = IndicatorWindows.byEnd(indicator, period.end());
		if (indicator.projectStart() != null && indicator.projectStart().isAfter(start)
				&& !indicator.projectStart().isAfter(end)) {
			start = indicator.projectStart();
		}
		double elapsed = Progress.elapsed(start, end, day);
		if (actual == null) {
			return elapsed <= 0 ? IndicatorEnums.Status.NOT_STARTED : null;
		}
		// whole things where they are counted; a reported number may be an amount
		double unit = indicator.method() == IndicatorEnums.Method.COMPUTED
				? Progress.unit(indicator.unit(), indicator.baselineValue(), target) : 0;
		return Progress.status(Progress.judged(actual, indicator.baselineValue(), target, indicator.direction()),
				elapsed, day.isAfter(end), Progress.Course.of(indicator), unit, this.thresholds);
	}

	/**
	 * The point's target: its period's; for a cumulative indicator, whose actual counts from the start, and for a level
	 * reported, whose actual is the latest value of the period, also one that
	 * counts to where the point's period does, its end or the programme's when that comes first (the year's at its
	 * fourth quarter, or at the quarter the programme ends in; the fourth quarter's for the year): a quarterly chart
	 * drew no target line at all (a tester's), and a year of quarterly targets took its first quarter's (another's).
	 */
	static Indicator.Target target(Indicator indicator, Period period) {
		if (period.length() == Dimension.MONTH) {
			// targets are of years and quarters: a cumulative one's last month shared its year's (a tester's)
			return null;
		}
		var own = indicator.targets().stream().filter(target -> target.periodKey().equals(period.key())).findFirst();
		var end = IndicatorWindows.byEnd(indicator, period.end());
		if (own.isPresent() || !(indicator.cumulative() || indicator.levels()) || end.isBefore(period.start())) {
			return own.orElse(null);
		}
		return indicator.targets().stream()
			.filter(target -> target.period().overlaps(period)
					&& IndicatorWindows.byEnd(indicator, target.end()).equals(end))
			.findFirst().orElse(null);
	}

}
