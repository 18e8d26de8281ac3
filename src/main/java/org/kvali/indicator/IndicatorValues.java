package org.kvali.indicator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.kvali.report.MeasureSet;
import org.kvali.report.ParticipationFilter;
import org.kvali.report.ParticipationReport;
import org.kvali.report.Period;
import org.kvali.report.ReportService;
import org.kvali.report.Withholding;

import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;

/**
 * Actual values of indicators, each for a window of activity start dates: computed ones from participation (withheld,
 * as null, where too few people are counted for a caller who sees small cells suppressed), reported ones from the
 * values partners reported. All values a request asks for
 * are gathered and computed together by the participation engine, so a page of indicators costs the same number of
 * statements as one.
 */
@Component
class IndicatorValues {

	static final String LOADER = "indicatorValues";

	/**
	 * One value to compute: an indicator over activities starting from {@code from} to {@code to}, none when the
	 * period it is for has not begun, as of {@code today} (the request's day, {@link org.kvali.time.Today}), ended
	 * before the programme began or began after it ended ({@code noValue}); {@code period}, where the value is that of
	 * one period of the programme's on its own (not cumulative, nor up to a day within it).
	 */
	record Key(Indicator indicator, LocalDate from, LocalDate to, boolean toDate, boolean noValue, LocalDate today,
			Period period) {

		/**
		 * Everything to date, from the programme's start: participation at activities begun by today (not those
		 * planned, with their registrations loaded), and every value reported; nothing before the programme starts.
		 */
		static Key toDate(Indicator indicator, LocalDate today) {
			var programme = indicator.programmeStart();
			return new Key(indicator, programme, null, true, programme != null && programme.isAfter(today), today,
					null);
		}

		/**
		 * The last day whose participation counts: never after today, since attendance loaded for an activity yet to
		 * come is of people registered, not reached; never after the programme's end (a project's indicator's
		 * project's: {@link IndicatorWindows#byEnd}), whose results these are (an
		 * activity of the year after counted in the actual to date and not in the last target's).
		 */
		LocalDate countedTo() {
			return IndicatorWindows.byEnd(this.indicator,
					this.toDate || this.today.isBefore(this.to) ? this.today : this.to);
		}

		/**
		 * Whether a reported value counts: its period, as it lies within the programme (which may start or end within
		 * it), lies within the window and has begun. A 0 that withdrew a value of next year, as the last percentage
		 * reported, made the actual to date 0 %; a year's value for a programme ending in June counted only from
		 * December. A value of a period the programme's dates have since left (one withdrawn holds no date) counts not.
		 */
		boolean counts(ReportedValue value) {
			var begins = IndicatorWindows.begins(this.indicator, value.period());
			var ends = IndicatorWindows.byEnd(this.indicator, value.periodEnd());
			// nor one begun after the programme's end, or a project's indicator's project's (clipped to it, a value of
			// the year after a project counted in every window from before its end: a review's)
			return (this.from == null || !begins.isBefore(this.from))
					&& (this.to == null || !ends.isAfter(this.to)) && !begins.isAfter(this.today)
					&& !begins.isAfter(value.periodEnd())
					&& !IndicatorWindows.byEnd(this.indicator, value.periodStart()).isBefore(value.periodStart());
		}

	}

	private final ReportService reports;

	private final Withholding withholding;

	private final IndicatorRepository indicators;

	private final JsonMapper json;

	private final PeriodCells cells;

	IndicatorValues(ReportService reports, Withholding withholding, IndicatorRepository indicators, JsonMapper json,
			PeriodCells cells, BatchLoaderRegistry registry) {
		this.cells = cells;
		this.reports = reports;
		this.withholding = withholding;
		this.indicators = indicators;
		this.json = json;
		registry.<Key, Double>forName(LOADER).registerMappedBatchLoader((keys, env) -> Mono.just(compute(keys)));
	}

	/**
	 * The values of the keys that have one (a reported period without a value, or a zero denominator, has none),
	 * counted and withheld from one state of the data, on the SQL path too; reported ones alone read no index, nor
	 * wait for it.
	 */
	Map<Key, Double> compute(Set<Key> keys) {
		var data = new ParticipationReport.Data();
		return keys.stream().noneMatch(key -> key.indicator().method() == IndicatorEnums.Method.COMPUTED)
				? compute(keys, data) : this.reports.inOneState(data, counted -> compute(keys, counted));
	}

	/** The same, counted over the data given, and withheld as decided on it. */
	Map<Key, Double> compute(Set<Key> keys, ParticipationReport.Data data) {
		var begun = keys.stream().filter(key -> !key.noValue()).toList();
		Map<Key, Double> values = new HashMap<>(reported(begun));
		var computed = begun.stream().filter(key -> key.indicator().method() == IndicatorEnums.Method.COMPUTED).toList();
		var filters = new ArrayList<ParticipationFilter>();
		// a count of people or participations needs no distinct activities or organizations: the index reads it from
		// the split by gender that the values of women and men read (an IATI file asks all three of each period)
		var measures = new ArrayList<MeasureSet>();
		for (var key : computed) {
			var needs = key.indicator().measure().countsPeople() ? MeasureSet.PEOPLE : MeasureSet.ALL;
			filters.add(filter(key.indicator().filter()).within(key.from(), key.countedTo()));
			measures.add(needs);
			if (key.indicator().unit() == IndicatorEnums.Unit.PERCENT) {
				filters.add(filter(key.indicator().denominatorFilter()).within(key.from(), key.countedTo()));
				measures.add(needs);
			}
		}
		if (computed.isEmpty()) {
			return values;
		}
		var totals = this.reports.totals(filters, measures, data);
		int next = 0;
		for (var key : computed) {
			int at = next;
			var numerator = totals.get(next++);
			var measure = key.indicator().measure();
			boolean withheld = withheld(filters.get(at), numerator.participants(), measure, data);
			double value = measure.of(numerator);
			if (key.indicator().unit() == IndicatorEnums.Unit.PERCENT) {
				var denominatorMeasures = totals.get(next);
				// a share of people also tells the people of the denominator outside the numerator
				withheld = withheld || (measure.countsPeople()
						? this.withholding.restWithheld(filters.get(at), numerator.participants(), filters.get(next),
								denominatorMeasures.participants(), data)
						: withheld(filters.get(next), denominatorMeasures.participants(), measure, data));
				next++;
				double denominator = key.indicator().measure().of(denominatorMeasures);
				if (denominator > 0 && !withheld) {
					values.put(key, 100 * value / denominator);
				}
			}
			else if (!withheld) {
				values.put(key, value);
			}
		}
		this.cells.withhold(computed, values, data);
		return values;
	}

	/**
	 * Whether a value counting the measure over the filter's set, of this many participants, is withheld from the
	 * caller: a count of people (or a share's rest) over fewer than k participants, none included, as a total is; a
	 * count of activities or organizations where the caller is not told them over the filter ({@link
	 * Withholding#shownUnits}), and of organizations, too, over fewer than k people. A count of activities over
	 * activities alone is told, even of none: the caller lists those activities anyway.
	 */
	private boolean withheld(ParticipationFilter filter, int participants, IndicatorEnums.Measure measure,
			ParticipationReport.Data data) {
		if (!measure.countsPeople()) {
			var shown = this.withholding.shownUnits(filter, List.of(), data);
			if (measure == IndicatorEnums.Measure.ACTIVITIES) {
				return !shown.activities();
			}
			if (!shown.organizations()) {
				return true;
			}
		}
		return this.withholding.withheldUnlessMany(filter, participants, data);
	}

	/** Reported indicators: the current values of the periods that lie within the key's window, combined. */
	private Map<Key, Double> reported(List<Key> keys) {
		var reported = keys.stream().filter(key -> key.indicator().method() == IndicatorEnums.Method.REPORTED).toList();
		if (reported.isEmpty()) {
			return Map.of();
		}
		var stored = this.indicators.reportedValues(reported.stream().map(key -> key.indicator().id()).distinct().toList());
		Map<Key, Double> values = new HashMap<>();
		for (var key : reported) {
			var within = stored.getOrDefault(key.indicator().id(), List.of())
				.stream()
				.filter(value -> value.current() && value.whole() && key.counts(value))
				.toList();
			var combined = ReportedValue.combined(within, key.indicator().levels());
			if (combined != null) {
				values.put(key, combined);
			}
		}
		return values;
	}

	private ParticipationFilter filter(String text) {
		return this.json.readValue(text, ParticipationFilter.class);
	}

}
