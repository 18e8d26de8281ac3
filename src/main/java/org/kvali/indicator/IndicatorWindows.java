package org.kvali.indicator;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

import org.kvali.graphql.InvalidArgumentException;
import org.kvali.graphql.Text;
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
		// one begun after the programme ended, or a project's indicator's project
		boolean noValue = day == null && begins.isAfter(today) || begins.isAfter(period.end())
				|| byEnd(indicator, period.start()).isBefore(period.start());
		// a status on the period's last day or after judges its value whole, shown or withheld as its actual is; on a
		// day part-way, today's is the period's as a breakdown by periods shows it today, an earlier day's is
		// withheld wherever the caller is weighed (PeriodCells)
		return new IndicatorValues.Key(indicator, from, to, false, noValue, today,
				indicator.cumulative() ? null : period);
	}

	/**
	 * The day, or the programme's end when that comes first, or a project's indicator's project's: the indicator's
	 * results are the programme's, or the project's, counted and timed to its end (a project's last quarter's value
	 * reported counted from the quarter's end, and its verdict turned a month after the project ended: a tester's).
	 */
	static LocalDate byEnd(Indicator indicator, LocalDate day) {
		var end = indicator.programmeEnd();
		var project = indicator.projectEnd();
		if (project != null && (end == null || project.isBefore(end))) {
			end = project;
		}
		return end != null && end.isBefore(day) ? end : day;
	}

	/**
	 * The day a period begins for an indicator: its first, or the programme's first when that is later, or a
	 * project's indicator's project's, as {@link #byEnd} ends it. A quarter under way before the programme starts has
	 * nothing reached yet; a year before a project began had an actual of 0, where one after it had none (a
	 * review's).
	 */
	static LocalDate begins(Indicator indicator, Period period) {
		var begins = period.start();
		for (var start : new LocalDate[] { indicator.programmeStart(), indicator.projectStart() }) {
			if (start != null && start.isAfter(begins)) {
				begins = start;
			}
		}
		return begins;
	}

	/**
	 * The period a key names for the indicator: a year or quarter of its programme's (the calendar's, unless its
	 * years begin in another month), or a month.
	 */
	static Period period(Indicator indicator, String key) {
		return Period.ofKey(key)
			.filter(period -> period.length() == Dimension.MONTH || ofProgramme(indicator, period))
			.orElseThrow(() -> new InvalidArgumentException("period", key, "A period is " + year(indicator) + ", "
					+ quarter(indicator) + " or a month (2024-07) of 1900 to 2100" + writtenAs(key,
							period -> period.length() == Dimension.MONTH || ofProgramme(indicator, period))));
	}

	/**
	 * How a key that names a period {@code taken} in another case, or with spaces around it, is written ("; it is
	 * written 2025-Q1"); empty for any other (a tester's 2025-q1 was told what a period is, nothing more).
	 */
	private static String writtenAs(String key, Predicate<Period> taken) {
		var meant = Text.trim(key).toUpperCase(Locale.ROOT);
		return !meant.equals(key) && Period.ofKey(meant).filter(taken).isPresent() ? "; it is written " + meant : "";
	}

	/**
	 * The year or quarter a key names, when it is one of the programme's and lies within it, and a project's
	 * indicator's within the project's; otherwise a problem of {@code argument} and empty.
	 */
	static Optional<Period> programmePeriod(Indicator indicator, String argument, String key, Validation validation) {
		return programmePeriod(indicator, argument, key, false, validation);
	}

	/**
	 * The same; a withdrawal may be of a period outside a project's dates, set before they were held
	 * (it holds none).
	 */
	static Optional<Period> programmePeriod(Indicator indicator, String argument, String key, boolean withdrawal,
			Validation validation) {
		Predicate<Period> taken = p -> p.length() != Dimension.MONTH && ofProgramme(indicator, p);
		var period = Period.ofKey(key).filter(taken);
		if (period.isEmpty()) {
			validation.problem(argument, key, "A period is " + year(indicator) + " or " + quarter(indicator)
					+ " of 1900 to 2100" + writtenAs(key, taken));
			return Optional.empty();
		}
		if ((indicator.programmeStart() != null && period.get().end().isBefore(indicator.programmeStart()))
				|| (indicator.programmeEnd() != null && period.get().start().isAfter(indicator.programmeEnd()))) {
			validation.problem(argument, key, "The period lies outside the programme ("
					+ dates(indicator.programmeStart(), indicator.programmeEnd()) + ")");
			return Optional.empty();
		}
		// a project's indicator counts its activities, within its dates, and the IATI file gives none outside them
		if (!withdrawal && (indicator.projectStart() != null && period.get().end().isBefore(indicator.projectStart())
				|| indicator.projectEnd() != null && period.get().start().isAfter(indicator.projectEnd()))) {
			validation.problem(argument, key, "The period lies outside the project (" + dates(indicator.projectStart(),
					indicator.projectEnd()) + ")");
			return Optional.empty();
		}
		return period;
	}

	/** Dates as a message gives them, either of them left open. */
	static String dates(LocalDate start, LocalDate end) {
		return start == null ? "until " + end : end == null ? "from " + start : start + " to " + end;
	}

	/** Whether the year or quarter is one of the programme's. */
	private static boolean ofProgramme(Indicator indicator, Period period) {
		return Period.holding(period.length(), period.start(), indicator.yearStart()).equals(period);
	}

	/** A year of the programme, as an error names it. */
	private static String year(Indicator indicator) {
		return indicator.yearStart() == 1 ? "a year (2024)" : "one of the programme's years, from "
				+ Month.of(indicator.yearStart()).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " ("
				+ Period.of(Dimension.YEAR, LocalDate.of(2024, indicator.yearStart(), 1)).key() + ")";
	}

	/** A quarter of the programme, as an error names it. */
	private static String quarter(Indicator indicator) {
		return indicator.yearStart() == 1 ? "a quarter (2024-Q3)" : "a quarter of them ("
				+ Period.of(Dimension.QUARTER, LocalDate.of(2024, indicator.yearStart(), 1)).key() + ")";
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

	/**
	 * The target whose period holds the day (the shortest, of a year and its quarter stored before such targets were
	 * refused), else the last that ended before it, else the first to come. A cumulative indicator's actual counts
	 * from the start, and each target is worked towards from the one before it: the first to end on or after the day
	 * holds it, else the last (between milestones of 2025-Q4 and 2026-Q4, 2025's reached was ACHIEVED for nine
	 * months, and the next was not judged: a tester's).
	 */
	static Indicator.Target currentTarget(Indicator indicator, LocalDate day) {
		var targets = indicator.targets();
		if (indicator.cumulative()) {
			// of a year and its last quarter, stored before such targets were refused, the quarter, as above
			var byEnd = Comparator.comparing(Indicator.Target::end);
			return targets.stream()
				.filter(target -> !target.end().isBefore(day))
				.min(byEnd.thenComparing(Indicator.Target::start, Comparator.reverseOrder()))
				.orElseGet(() -> targets.stream().max(byEnd.thenComparing(Indicator.Target::start)).orElse(null));
		}
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

	/**
	 * The programme's years or quarters from the one holding its start to the one holding its end; without both
	 * dates, from the first target's period to the last's.
	 */
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
		var length = granularity == Granularity.YEAR ? Dimension.YEAR : Dimension.QUARTER;
		var periods = new ArrayList<Period>();
		for (var period = Period.holding(length, first, indicator.yearStart()); !period.start().isAfter(last);
				period = Period.of(length, period.end().plusDays(1))) {
			periods.add(period);
		}
		return periods;
	}

}
