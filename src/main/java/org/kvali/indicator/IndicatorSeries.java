package org.kvali.indicator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.dataloader.DataLoader;

import org.kvali.graphql.InvalidArgumentException;
import org.kvali.indicator.IndicatorEnums.Granularity;
import org.kvali.report.Period;

import org.springframework.stereotype.Component;

/**
 * An indicator's points against its targets: the one its status is judged on, and its series of years, quarters or
 * months, their actuals loaded together through the request's indicator values.
 */
@Component
class IndicatorSeries {

	private final IndicatorStatus statuses;

	IndicatorSeries(IndicatorStatus statuses) {
		this.statuses = statuses;
	}

	/**
	 * The point of the target period that {@code status} judges on the day: its target, the actual counted to that
	 * day, progress and status. A card had only {@code actual} to date beside the status, which for an indicator not
	 * cumulative counted every period together: 53 beside a year's target of 24, OFF_TRACK (a review's).
	 */
	CompletableFuture<IndicatorPoint> current(Indicator indicator, LocalDate asOf, LocalDate today,
			DataLoader<IndicatorValues.Key, Double> indicatorValues) {
		if (asOf != null && asOf.isAfter(today)) {
			// participation to come is not counted (IndicatorValues.Key#countedTo): a day ahead was judged on today's
			throw new InvalidArgumentException("asOf", asOf, "The day is after today (" + today + "): what is to "
					+ "come is not counted yet, so no status can be told for it");
		}
		var day = asOf != null ? asOf : today;
		var target = IndicatorWindows.currentTarget(indicator, day);
		if (target == null) {
			return CompletableFuture.completedFuture(null);
		}
		return indicatorValues.load(IndicatorWindows.window(indicator, target.period(), day, today))
			.thenApply(actual -> IndicatorPoint.of(indicator, target.period(), target.value(), actual,
					this.statuses.judged(indicator, target.period(), target.value(), actual, day)));
	}

	/** The indicator's periods of this length, each with its target, actual, progress and status. */
	CompletableFuture<List<IndicatorPoint>> of(Indicator indicator, Granularity granularity, LocalDate today,
			DataLoader<IndicatorValues.Key, Double> indicatorValues) {
		var periods = IndicatorWindows.periods(indicator, granularity);
		var targets = periods.stream().map(period -> IndicatorStatus.target(indicator, period)).toList();
		var actuals = periods.stream()
			.map(period -> indicatorValues.load(IndicatorWindows.window(indicator, period, null, today)))
			.toList();
		// Each judged as status judges today against the point's target. A period under way by the actual status
		// counts, of the target's period to today: the reported values of periods that have ended (a quarter's reported
		// early made its year ON_TRACK where status was OFF_TRACK), and a target of another period by its own time (a
		// quarter with its year's target, by the quarter's; a review's). A period that ended by its own actual, its
		// verdict, and one to come has not started: neither asks for another. A year whose target is its last quarter's
		// (a level's) is judged by the year's time: by the quarter's, it had not started in May (a review's).
		var judgedActuals = new ArrayList<CompletableFuture<Double>>();
		var judgedPeriods = new ArrayList<Period>();
		for (int i = 0; i < periods.size(); i++) {
			var period = periods.get(i);
			var target = targets.get(i);
			var judged = target == null || target.period().start().isAfter(period.start()) ? period : target.period();
			judgedPeriods.add(judged);
			boolean underWay = target != null && !IndicatorWindows.begins(indicator, period).isAfter(today)
					&& !today.isAfter(IndicatorWindows.byEnd(indicator, period.end()));
			judgedActuals.add(underWay ? indicatorValues.load(IndicatorWindows.window(indicator, judged, today, today))
					: actuals.get(i));
		}
		var all = new ArrayList<CompletableFuture<Double>>(actuals);
		all.addAll(judgedActuals);
		return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(done -> {
			var points = new ArrayList<IndicatorPoint>();
			for (int i = 0; i < periods.size(); i++) {
				var period = periods.get(i);
				var target = targets.get(i);
				IndicatorEnums.Status status = null;
				if (target != null) {
					// before the period begins it has not started, a cumulative indicator's too (its status was null)
					status = IndicatorWindows.begins(indicator, period).isAfter(today)
							? IndicatorEnums.Status.NOT_STARTED
							: this.statuses.judged(indicator, judgedPeriods.get(i), target.value(),
									judgedActuals.get(i).join(), today);
				}
				points.add(IndicatorPoint.of(indicator, period, target == null ? null : target.value(),
						actuals.get(i).join(), status));
			}
			return points;
		});
	}

}
