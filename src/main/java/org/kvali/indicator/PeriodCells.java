package org.kvali.indicator;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

import org.kvali.report.Dimension;
import org.kvali.report.ParticipationFilter;
import org.kvali.report.ParticipationReport;
import org.kvali.report.Period;
import org.kvali.report.ReportService;

import org.springframework.stereotype.Component;

/**
 * The value of a computed indicator counting people or participations for one period of the calendar (a year, a
 * quarter, a month; not a cumulative one), to a caller who sees small cells suppressed, is shown only where that
 * period's group is in its parent's breakdown by such periods ({@link IndicatorDisaggregation}): the year's quarters
 * or months, the programme's years to date. Asked one by one, a small quarter was withheld while the year and the
 * other three told it (a tester's: 2025 at 25, its second to fourth quarters at 8, 9 and 6, so 2 in the first), as a
 * breakdown by quarter withholds another quarter beside it.
 */
@Component
class PeriodCells {

	/** A parent's breakdown by periods of one length: the indicator, the length, and the parent's window. */
	private record Line(long indicator, Dimension by, LocalDate from, LocalDate to) {
	}

	private final IndicatorDisaggregation disaggregation;

	private final ReportService reports;

	private final JsonMapper json;

	PeriodCells(IndicatorDisaggregation disaggregation, ReportService reports, JsonMapper json) {
		this.disaggregation = disaggregation;
		this.reports = reports;
		this.json = json;
	}

	/** Takes out of {@code values} those of the keys whose period's group its parent's breakdown withholds. */
	void withhold(List<IndicatorValues.Key> keys, Map<IndicatorValues.Key, Double> values,
			ParticipationReport.Data data) {
		Map<Line, Set<String>> shown = new HashMap<>();
		for (var key : keys) {
			var indicator = key.indicator();
			if (key.period() == null || !values.containsKey(key) || indicator.measure() == null
					|| !indicator.measure().countsPeople()) {
				continue;
			}
			var by = length(key.period());
			var parent = by == Dimension.YEAR ? IndicatorValues.Key.toDate(indicator, key.today())
					: IndicatorWindows.window(indicator, Period.ofKey(key.period().key().substring(0, 4)).orElseThrow(),
							null, key.today());
			if (!suppressed(indicator, parent, data)) {
				continue;
			}
			var cells = shown.computeIfAbsent(new Line(indicator.id(), by, parent.from(), parent.countedTo()),
					line -> this.disaggregation.groups(indicator, List.of(by), parent)
						.stream()
						.filter(group -> group.value() != null)
						.map(group -> group.group().period().key())
						.collect(Collectors.toSet()));
			if (!cells.contains(key.period().key())) {
				values.remove(key);
			}
		}
	}

	/** Whether small cells are suppressed for the caller over the indicator's filters within the window. */
	private boolean suppressed(Indicator indicator, IndicatorValues.Key window, ParticipationReport.Data data) {
		return suppressed(indicator.filter(), window, data) || indicator.unit() == IndicatorEnums.Unit.PERCENT
				&& suppressed(indicator.denominatorFilter(), window, data);
	}

	private boolean suppressed(String filter, IndicatorValues.Key window, ParticipationReport.Data data) {
		return this.reports.suppresses(this.json.readValue(filter, ParticipationFilter.class)
			.within(window.from(), window.countedTo()), data);
	}

	/** A year (2024), a quarter (2024-Q3) or a month (2024-07), by its key. */
	private static Dimension length(Period period) {
		var key = period.key();
		return key.length() == 4 ? Dimension.YEAR : key.charAt(5) == 'Q' ? Dimension.QUARTER : Dimension.MONTH;
	}

}
