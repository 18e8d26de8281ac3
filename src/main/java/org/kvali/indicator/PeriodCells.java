package org.kvali.indicator;

import java.time.LocalDate;
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

	PeriodCells(IndicatorDisaggregation disaggregation, ReportService reports) {
		this.disaggregation = disaggregation;
		this.reports = reports;
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
	 * men of another shown beside it; a reviewer's).
	 */
	List<IndicatorDisaggregation.Group> groups(Indicator indicator, List<Dimension> by, IndicatorValues.Key window) {
		var data = new ParticipationReport.Data();
		if (!counted(indicator) || indicator.cumulative() || window.noValue()) {
			return this.disaggregation.groups(indicator, by, window, data);
		}
		var lines = new Lines(data);
		if (lines.withheld(window)) {
			return List.of();
		}
		var periods = by.stream().filter(Dimension::isPeriod).findFirst();
		if (periods.isEmpty() || !suppressed(indicator, window, data)) {
			return this.disaggregation.groups(indicator, by, window, data);
		}
		if (window.period() == null && periods.get() != Dimension.YEAR) {
			var year = Period.holding(Dimension.YEAR, LocalDate.of(2025, 12, 31), indicator.yearStart()).key();
			throw new InvalidArgumentException("by", by, "Split by QUARTER or MONTH one year at a time (period:"
					+ " \"" + year + "\"): each year's quarters and months are shown as that year's breakdown shows"
					+ " them");
		}
		return this.disaggregation.groups(indicator, by, window, data)
			.stream()
			.filter(group -> !lines.withheld(IndicatorWindows.window(indicator, group.group().period(), null,
					window.today())))
			.toList();
	}

	/**
	 * Whether the caller's splits of the window's value by gender show both its women and men: split by gender alone
	 * ({@code disaggregate(by: [GENDER], period:)}), and for a count of one period, in the line of its periods too (by
	 * YEAR and GENDER to date; a quarter or month by its length and GENDER over its year). Each line withholds its own
	 * next smallest groups: the women and men of a year its line withheld one of told, with the total and the other
	 * groups shown in that line, its few people (a tester's 87 of a year, 47 women and 34 men in the IATI file, 5 of
	 * another gender shown by year and gender: 1 undisclosed).
	 */
	boolean showWomenAndMen(Indicator indicator, IndicatorValues.Key window) {
		if (!womenAndMen(groups(indicator, List.of(Dimension.GENDER), window), null)) {
			return false;
		}
		var period = window.period();
		if (period == null || indicator.cumulative()) {
			return true;
		}
		var year = Period.holding(Dimension.YEAR, period.start(), indicator.yearStart());
		var line = period.length() == Dimension.YEAR ? IndicatorValues.Key.toDate(indicator, window.today())
				: IndicatorWindows.window(indicator, year, null, window.today());
		return womenAndMen(groups(indicator, List.of(period.length(), Dimension.GENDER), line), period.key());
	}

	/** Whether the groups (those of the period, when not null) show a value for women and for men. */
	private static boolean womenAndMen(List<IndicatorDisaggregation.Group> groups, String period) {
		var shown = groups.stream()
			.filter(group -> group.value() != null && (period == null || period.equals(group.group().period().key())))
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
		return this.reports.suppresses(this.disaggregation.filter(filter, window), data);
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
		 * less two of its months told the third (a tester's).
		 */
		boolean withheld(IndicatorValues.Key key) {
			var indicator = key.indicator();
			if (key.period() == null || !counted(indicator)) {
				return false;
			}
			var period = key.period();
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
								.groups(indicator, List.of(by), parent, this.data)
								.stream()
								.filter(group -> group.value() != null)
								.map(group -> group.group().period().key())
								.collect(Collectors.toSet())))
				.map(periods -> periods.contains(period))
				.orElse(true);
		}

	}

}
