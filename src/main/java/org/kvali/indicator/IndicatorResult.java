package org.kvali.indicator;

import java.time.LocalDate;
import java.util.List;

import org.kvali.report.Period;

/**
 * An indicator as donors' reporting formats need it: per target period, the target and the actual, and for computed
 * indicators that select no gender, and reported ones whose partners reported both, the actual of women and of men.
 *
 * @param projectCode the project it belongs to, or null for the programme's own indicators
 * @param level IMPACT, OUTCOME or OUTPUT
 * @param percent whether the unit is a percentage
 * @param higherIsBetter whether higher values are better
 * @param cumulative whether each period's target and actual count from the programme's start, not within the period
 * @param summable whether its values of projects and periods may be added up: a count of what is new in each, not
 *        of distinct people or organizations (whom another project's count may hold too), nor a level reported
 */
public record IndicatorResult(String projectCode, String code, String name, String nameKa, String description,
		String level, boolean percent, boolean higherIsBetter, Double baselineValue, LocalDate baselineDate,
		boolean cumulative, boolean summable, List<PeriodResult> periods) {

	/**
	 * One target period, or a reported value's period that no target's covers (no target); {@code female} and
	 * {@code male} for computed indicators that select no gender, and reported ones with values for both.
	 */
	public record PeriodResult(Period period, Double target, Double actual, Double female, Double male) {
	}

}
