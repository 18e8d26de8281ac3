package org.kvali.indicator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.kvali.graphql.InvalidArgumentException;
import org.kvali.graphql.Validation;
import org.kvali.indicator.IndicatorEnums.Granularity;
import org.kvali.report.Dimension;
import org.kvali.report.Period;

/** The periods and date windows an indicator's values are taken over. */
final class IndicatorWindows {

	private IndicatorWindows() {
	}

	/**
	 * The activities a period's value counts: from the programme's start when cumulative, else from the day the
	 * period begins ({@link #begins}, never before the programme); never after {@code day}, nor after the programme's
	 * end ({@link IndicatorValues.Key#countedTo}). Without a day, a period that has not begun by {@code today} has no
	 * value yet; one that begins after the programme's end has none.
	 */
	static IndicatorValues.Key window(Indicator indicator, Period period, LocalDate day, LocalDate today) {
		var begins = begins(indicator, period);
		var from = indicator.cumulative() ? indicator.programmeStart() : begins;
		var to = day != null && day.isBefore(period.end()) ? day : period.end();
		// a period ended before the programme began has no value, as one to come has none yet: 2019's was 0; nor has
		// one begun after the programme ended
		var end = indicator.programmeEnd();
		boolean noValue = day == null && begins.isAfter(today) || begins.isAfter(period.end())
				|| end != null && period.start().isAfter(end);
		// a status on the period's last day or after judges its value whole, shown or withheld as its actual is
		boolean whole = day == null || !day.isBefore(period.end());
		return new IndicatorValues.Key(indicator, from, to, false, noValue, today,
				whole && !indicator.cumulative() ? period : null);
	}

	/**
	 * The day, or the programme's end when that comes first: the indicator's results are the programme's, counted and
	 * timed to its end.
	 */
	static LocalDate byProgrammeEnd(Indicator indicator, LocalDate day) {
		var end = indicator.programmeEnd();
		return end != null && end.isBefore(day) ? end : day;
	}

	/**
	 * The day a period begins for an indicator: its first, or the programme's first when that is later. A quarter
	 * under way before the programme starts has nothing reached yet.
	 */
	static LocalDate begins(Indicator indicator, Period period) {
		var programme = indicator.programmeStart();
		return programme != null && programme.isAfter(period.start()) ? programme : period.start();
	}

	static Period period(String key) {
		return Period.ofKey(key)
			.filter(Period::calendar)
			.orElseThrow(() -> new InvalidArgumentException("period", key,
					"A period is a year (2024), a quarter (2024-Q3) or a month (2024-07) of 1900 to 2100"));
	}

	/**
	 * The year or quarter a key names, when it lies within the indicator's programme; otherwise a problem of
	 * {@code argument} and empty.
	 */
	static Optional<Period> programmePeriod(Indicator indicator, String argument, String key, Validation validation) {
		var period = Period.ofKey(key).filter(p -> p.calendar() && p.length() != Dimension.MONTH);
		if (period.isEmpty()) {
			validation.problem(argument, key, "A period is a year (2024) or a quarter (2024-Q3) of 1900 to 2100");
			return Optional.empty();
		}
		if ((indicator.programmeStart() != null && period.get().end().isBefore(indicator.programmeStart()))
				|| (indicator.programmeEnd() != null && period.get().start().isAfter(indicator.programmeEnd()))) {
			validation.problem(argument, key, "The period lies outside the programme (" + indicator.programmeStart()
					+ " to " + indicator.programmeEnd() + ")");
			return Optional.empty();
		}
		return period;
	}

	/** A value the indicator's unit allows: 0 or more, at most 100 for a percentage; {@code what} names it. */
	static void checkValue(IndicatorEnums.Unit unit, String argument, double value, String what,
			Validation validation) {
		boolean percent = unit == IndicatorEnums.Unit.PERCENT;
		if (value < 0 || (percent && value > 100)) {
			validation.problem(argument, value, percent ? "A percentage lies between 0 and 100" : what + " is 0 or more");
		}
		else {
			checkAtMost(argument, value, what, validation);
		}
	}

	/**
	 * The largest value, target or baseline: far beyond any count of people or amount a programme reports, and small
	 * enough that sums of values stay exact to the unit. A reported 1e308 made two quarters add up to infinity, which
	 * no JSON number can carry, and every question about the indicator failed (changeset 031 checks it too).
	 */
	static final double MAX_VALUE = 1e12;

	static void checkAtMost(String argument, double value, String what, Validation validation) {
		if (value > MAX_VALUE) {
			validation.problem(argument, value, what + " is at most 1,000,000,000,000");
		}
	}

	static Double target(Indicator indicator, String key) {
		return indicator.targets().stream().filter(t -> t.periodKey().equals(key)).map(Indicator.Target::value)
			.findFirst().orElse(null);
	}

	/**
	 * The target whose period holds the day (the shortest, of a year and its quarter stored before such targets were
	 * refused), else the last that ended before it, else the first to come.
	 */
	static Indicator.Target currentTarget(List<Indicator.Target> targets, LocalDate day) {
		Indicator.Target holding = null;
		Indicator.Target last = null;
		for (var target : targets) {
			if (!day.isBefore(target.start()) && !day.isAfter(target.end())
					&& (holding == null || target.start().isAfter(holding.start()) || target.end().isBefore(holding.end()))) {
				holding = target;
			}
			if (target.end().isBefore(day)) {
				last = target;
			}
		}
		return holding != null ? holding : last != null ? last : targets.stream().findFirst().orElse(null);
	}

	static List<Period> periods(Indicator indicator, Granularity granularity) {
		LocalDate first = indicator.programmeStart();
		LocalDate last = indicator.programmeEnd();
		if (first == null || last == null) {
			if (indicator.targets().isEmpty()) {
				return List.of();
			}
			first = indicator.targets().get(0).start();
			last = indicator.targets().get(indicator.targets().size() - 1).end();
		}
		var periods = new ArrayList<Period>();
		for (int year = first.getYear(); year <= last.getYear(); year++) {
			if (granularity == Granularity.YEAR) {
				periods.add(Period.ofKey(Integer.toString(year)).orElseThrow());
			}
			else {
				for (int quarter = 1; quarter <= 4; quarter++) {
					var period = Period.ofKey(year + "-Q" + quarter).orElseThrow();
					if (!period.end().isBefore(first) && !period.start().isAfter(last)) {
						periods.add(period);
					}
				}
			}
		}
		return periods;
	}

}
