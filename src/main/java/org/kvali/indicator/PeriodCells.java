package org.kvali.indicator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.kvali.graphql.InvalidArgumentException;
import org.kvali.report.Dimension;
import org.kvali.report.Gender;
import org.kvali.report.ParticipationReport;
import org.kvali.report.Period;
import org.kvali.report.ReportService;
import org.kvali.report.Withholding;

import org.springframework.stereotype.Component;

/**
 * The value of a computed indicator counting people or participations for one period of its programme's (a year, a
 * quarter, a month; not a cumulative one), to a caller who sees small cells suppressed, is shown only where that
 * period's group is in its parent's breakdown by such periods ({@link IndicatorDisaggregation}): the programme's
 * years to date, the year's quarters or months (a month in its quarter's months too), and only in a year shown.
 * Asked one by one, a small quarter was withheld while the year and the other three told it (a tester's: 2025 at 25,
 * its second to fourth quarters at 8, 9 and 6, so 2 in the first), and the quarters of a year withheld told it, and so
 * the other year (a reviewer's). A withheld period is not split either: its groups added up to it.
 */
@Component
class PeriodCells {

	/**
	 * A parent's breakdown by periods of one length, its years beginning in month {@code yearStart}: what the
	 * indicator counts and how (its filters, not its id: the
	 * IATI file counts its women and men as indicators of the same id), the length, and the parent's window.
	 */
	private record Line(String filter, String denominatorFilter, IndicatorEnums.Measure measure,
			IndicatorEnums.Unit unit, Dimension by, int yearStart, LocalDate from, LocalDate to) {
	}

	private final IndicatorDisaggregation disaggregation;

	private final ReportService reports;

	private final Withholding withholding;

	PeriodCells(IndicatorDisaggregation disaggregation, ReportService reports, Withholding withholding) {
		this.disaggregation = disaggregation;
		this.reports = reports;
		this.withholding = withholding;
	}

	/** Takes out of {@code values} those of the keys whose period is withheld from the caller. */
	void withhold(List<IndicatorValues.Key> keys, Map<IndicatorValues.Key, Double> values,
			ParticipationReport.Data data) {
		var lines = new Lines(data);
		for (var key : keys) {
			if (values.containsKey(key) && lines.withheld(key)) {
				values.remove(key);
			}
		}
	}

	/**
	 * The indicator split by the dimensions over the window, as the caller may see it: none of a period withheld
	 * from it; by quarter or month one year at a time, whose quarters and months are shown as that year's; and by a
	 * period with other dimensions, none of a period withheld (year by gender told a withheld year as the women and
	 * men of another shown beside it; a reviewer's); one period by other dimensions, only the groups its lines by
	 * periods and those dimensions show too. A split of the period {@code asked} (null: to date) by longer periods is
	 * refused, a cumulative indicator's too, whose window holds no period of its own (its split of 2025-Q3 by YEAR
	 * named January to September 2025: a review's).
	 */
	List<IndicatorDisaggregation.Group> groups(Indicator indicator, IndicatorSplit split,
			IndicatorValues.Key window, Period asked) {
		// before any line of periods is asked, which may leave a split no groups without looking at them
		IndicatorDisaggregation.checkSplit(indicator, split);
		for (var length : split.by()) {
			if (asked != null && length.isPeriod() && length.compareTo(asked.length()) < 0) {
				// its one group counted the quarter under the year's name (a tester's: 2024 at 157 of 260)
				throw new InvalidArgumentException("by", split.by(), "A split of " + asked.key() + " by " + length
						+ " would give its count under the name of the longer period it lies in: split it by periods"
						+ " no longer than it, or ask for that period (period: \""
						+ Period.holding(length, asked.start(), indicator.yearStart()).key() + "\")");
			}
		}
		// counted and decided from one state of the data, on the SQL path too
		return this.reports.inOneState(new ParticipationReport.Data(), data -> groups(indicator, split, window, data));
	}

	/** The same, counted and decided over the data given. */
	private List<IndicatorDisaggregation.Group> groups(Indicator indicator, IndicatorSplit split,
			IndicatorValues.Key window, ParticipationReport.Data data) {
		var by = split.by();
		if (!counted(indicator) || indicator.cumulative() || window.noValue()) {
			return this.disaggregation.groups(indicator, split, window, data);
		}
		var lines = new Lines(data);
		if (lines.withheld(window)) {
			return List.of();
		}
		var periods = by.stream().filter(Dimension::isPeriod).findFirst();
		if (periods.isEmpty() && window.period() == null || !suppressed(indicator, window, data)) {
			return this.disaggregation.groups(indicator, split, window, data);
		}
		if (periods.isEmpty()) {
			return inItsLines(indicator, split, window, data);
		}
		if (window.period() == null && periods.get() != Dimension.YEAR) {
			// the programme's year of today, or its first or last: one it has (it named 2025 to every programme)
			var day = IndicatorWindows.byEnd(indicator, window.today());
			var start = indicator.programmeStart();
			var year = Period.holding(Dimension.YEAR, start != null && day.isBefore(start) ? start : day,
					indicator.yearStart()).key();
			throw new InvalidArgumentException("by", by, "Split by QUARTER or MONTH one year at a time (period:"
					+ " \"" + year + "\"): each year's quarters and months are shown as that year's breakdown shows"
					+ " them");
		}
		return this.disaggregation.groups(indicator, split, window, data)
			.stream()
			.filter(group -> !lines.withheld(IndicatorWindows.window(indicator, group.group().period(), null,
					window.today())))
			.toList();
	}

	/**
	 * One period's groups that its lines by periods and the same dimensions show too: a year's by YEAR to date, a
	 * quarter's by QUARTER over its year, a month's by MONTH over its year and over its quarter. Each withholds its
	 * own next smallest groups: of a year's 87 young people, split alone 47 women and 34 men (5 of another gender and 1
	 * undisclosed withheld) and by year and gender 47 women and 5 of another gender (34 men and the 1 withheld), the
	 * two together told the 1 (a review's).
	 */
	private List<IndicatorDisaggregation.Group> inItsLines(Indicator indicator, IndicatorSplit split,
			IndicatorValues.Key window, ParticipationReport.Data data) {
		var by = split.by();
		var period = window.period();
		int most = ReportService.MAX_DIMENSIONS - 1;
		if (by.size() > most) {
			throw new InvalidArgumentException("by", by, "A period is split for you by " + most + " dimensions at most:"
					+ " its groups are shown as its line of periods split by them shows them");
		}
		var parents = new ArrayList<IndicatorValues.Key>();
		if (period.length() == Dimension.YEAR) {
			parents.add(IndicatorValues.Key.toDate(indicator, window.today()));
		}
		else {
			var year = Period.holding(Dimension.YEAR, period.start(), indicator.yearStart());
			parents.add(IndicatorWindows.window(indicator, year, null, window.today()));
		}
		if (period.length() == Dimension.MONTH) {
			var quarter = Period.holding(Dimension.QUARTER, period.start(), indicator.yearStart());
			parents.add(IndicatorWindows.window(indicator, quarter, null, window.today()));
		}
		var groups = this.disaggregation.groups(indicator, split, window, data);
		for (var parent : parents) {
			var shown = this.disaggregation.groups(indicator, split.afterPeriods(period.length()), parent, data)
				.stream()
				.filter(group -> period.key().equals(group.group().period().key()))
				.map(group -> group.group().values(by))
				.collect(Collectors.toSet());
			groups = groups.stream().filter(group -> shown.contains(group.group().values(by))).toList();
		}
		return groups;
	}

	/**
	 * Whether the caller's split of the window's value by gender shows both its women and men, as
	 * {@code disaggregate(by: [GENDER], period:)} does, over the data given.
	 */
	boolean showWomenAndMen(Indicator indicator, IndicatorValues.Key window, ParticipationReport.Data data) {
		var shown = groups(indicator, IndicatorSplit.by(List.of(Dimension.GENDER)), window, data).stream()
			.filter(group -> group.value() != null)
			.map(group -> group.group().gender())
			.collect(Collectors.toSet());
		return shown.contains(Gender.FEMALE) && shown.contains(Gender.MALE);
	}

	/** Whether the indicator counts people or participations from participation, as its periods' values do. */
	private static boolean counted(Indicator indicator) {
		return indicator.method() == IndicatorEnums.Method.COMPUTED && indicator.measure() != null
				&& indicator.measure().countsPeople();
	}

	/** Whether small cells are suppressed for the caller over the indicator's filters within the window. */
	private boolean suppressed(Indicator indicator, IndicatorValues.Key window, ParticipationReport.Data data) {
		return suppressed(indicator.filter(), window, data) || indicator.unit() == IndicatorEnums.Unit.PERCENT
				&& suppressed(indicator.denominatorFilter(), window, data);
	}

	private boolean suppressed(String filter, IndicatorValues.Key window, ParticipationReport.Data data) {
		return this.withholding.suppresses(this.disaggregation.filter(filter, window), data);
	}

	/** The periods each line shows, worked out once for all the keys of a request, over one data. */
	private final class Lines {

		/** The periods of each line shown; empty where nothing is suppressed, and every period shown. */
		private final Map<Line, Optional<Set<String>>> shown = new HashMap<>();

		private final ParticipationReport.Data data;

		Lines(ParticipationReport.Data data) {
			this.data = data;
		}

		/**
		 * Whether the key's period is withheld: from its line, or as a quarter or month of a year withheld; a month
		 * also from its quarter's line of months, or with its quarter: shown as the year's months alone, a quarter
		 * less two of its months told the third (a tester's). Its value part-way to a day before today, a status's
		 * judged on that day, is withheld from every caller who is weighed: to 31 March it was the first quarter,
		 * withheld beside a small second ({@code current(asOf:)}, a tester's).
		 */
		boolean withheld(IndicatorValues.Key key) {
			var indicator = key.indicator();
			if (key.period() == null || !counted(indicator)) {
				return false;
			}
			var period = key.period();
			if (key.to().isBefore(key.today())
					&& key.countedTo().isBefore(IndicatorWindows.byEnd(indicator, period.end()))) {
				return suppressed(indicator, key, this.data);
			}
			if (period.length() == Dimension.YEAR) {
				return !shown(indicator, Dimension.YEAR, IndicatorValues.Key.toDate(indicator, key.today()),
						period.key());
			}
			var year = parent(key, Dimension.YEAR);
			if (withheld(year) || !shown(indicator, period.length(), year, period.key())) {
				return true;
			}
			if (period.length() == Dimension.MONTH) {
				var quarter = parent(key, Dimension.QUARTER);
				return withheld(quarter) || !shown(indicator, Dimension.MONTH, quarter, period.key());
			}
			return false;
		}

		/** The whole value of the programme's year or quarter holding the key's period, as of the key's day. */
		private static IndicatorValues.Key parent(IndicatorValues.Key key, Dimension length) {
			var indicator = key.indicator();
			var period = Period.holding(length, key.period().start(), indicator.yearStart());
			return IndicatorWindows.window(indicator, period, null, key.today());
		}

		/** Whether the line of the parent's breakdown by {@code by} shows the period. */
		private boolean shown(Indicator indicator, Dimension by, IndicatorValues.Key parent, String period) {
			var line = new Line(indicator.filter(), indicator.denominatorFilter(), indicator.measure(),
					indicator.unit(), by, indicator.yearStart(), parent.from(), parent.countedTo());
			return this.shown.computeIfAbsent(line,
					asked -> !suppressed(indicator, parent, this.data) ? Optional.empty()
							: Optional.of(PeriodCells.this.disaggregation
								.groups(indicator, IndicatorSplit.by(List.of(by)), parent, this.data)
								.stream()
								.filter(group -> group.value() != null)
								.map(group -> group.group().period().key())
								.collect(Collectors.toSet())))
				.map(periods -> periods.contains(period))
				.orElse(true);
		}

	}

}
