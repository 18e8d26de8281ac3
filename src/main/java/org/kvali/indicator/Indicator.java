package org.kvali.indicator;

import java.time.LocalDate;
import java.util.List;

import org.kvali.indicator.IndicatorEnums.Aggregation;
import org.kvali.indicator.IndicatorEnums.Direction;
import org.kvali.indicator.IndicatorEnums.Level;
import org.kvali.indicator.IndicatorEnums.Measure;
import org.kvali.indicator.IndicatorEnums.Method;
import org.kvali.indicator.IndicatorEnums.Unit;
import org.kvali.report.Period;

/**
 * An indicator with its targets, its programme's dates and month its years begin in, and a project's indicator its
 * project's dates: everything its values and status are computed from.
 * The filters are JSON in the shape of the GraphQL ParticipationFilter.
 */
record Indicator(long id, String code, String programmeCode, String projectCode, LocalDate programmeStart,
		LocalDate programmeEnd, int yearStart, LocalDate projectStart, LocalDate projectEnd, String name, String nameKa,
		String description, Level level, Unit unit, Direction direction, Method method, Measure measure, String filter,
		String denominatorFilter, Double baselineValue, LocalDate baselineDate, boolean cumulative,
		boolean latestValue, List<Target> targets) {

	record Target(String periodKey, LocalDate start, LocalDate end, double value) {

		public Period period() {
			return new Period(this.periodKey, this.start, this.end);
		}

	}

	record Baseline(double value, LocalDate date) {
	}

	/**
	 * For a reported indicator, how the values of the periods within one make its value: the latest of a percentage,
	 * or of a number whose values are levels ({@code latestValue}), else their sum; null for a computed one.
	 */
	Aggregation aggregation() {
		return this.method == Method.COMPUTED ? null : levels() ? Aggregation.LATEST : Aggregation.SUM;
	}

	/** Whether it is reported and takes the latest value of a period's: a percentage, or a number of levels. */
	boolean levels() {
		return this.method == Method.REPORTED && (this.unit == Unit.PERCENT || this.latestValue);
	}

	Baseline baseline() {
		return this.baselineValue == null ? null : new Baseline(this.baselineValue, this.baselineDate);
	}

	Indicator withFilters(String filter, String denominatorFilter) {
		return new Indicator(this.id, this.code, this.programmeCode, this.projectCode, this.programmeStart,
				this.programmeEnd, this.yearStart, this.projectStart, this.projectEnd, this.name, this.nameKa,
				this.description, this.level, this.unit, this.direction, this.method, this.measure, filter,
				denominatorFilter, this.baselineValue, this.baselineDate, this.cumulative, this.latestValue,
				this.targets);
	}

	Indicator withTargets(List<Target> targets) {
		return new Indicator(this.id, this.code, this.programmeCode, this.projectCode, this.programmeStart,
				this.programmeEnd, this.yearStart, this.projectStart, this.projectEnd, this.name, this.nameKa,
				this.description, this.level, this.unit, this.direction, this.method, this.measure, this.filter,
				this.denominatorFilter, this.baselineValue, this.baselineDate, this.cumulative, this.latestValue,
				targets);
	}

}
