package org.kvali.indicator;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.kvali.indicator.IndicatorEnums.Direction;
import org.kvali.indicator.IndicatorEnums.Status;

/** The arithmetic of progress and status, as the schema's descriptions of `progress` and `status` state it. */
final class Progress {

	private Progress() {
	}

	/** Null when there is nothing to compare or the target equals the baseline. */
	static Double of(Double actual, Double baseline, Double target, Direction direction) {
		if (actual == null || target == null) {
			return null;
		}
		double base = baseline == null ? 0 : baseline;
		double span = direction == Direction.HIGHER_IS_BETTER ? target - base : base - target;
		if (span == 0) {
			return null;
		}
		return (direction == Direction.HIGHER_IS_BETTER ? actual - base : base - actual) / span;
	}

	/** The share (0..1) of the days from {@code start} to {@code end} that have passed on {@code day}. */
	static double elapsed(LocalDate start, LocalDate end, LocalDate day) {
		if (day.isBefore(start)) {
			return 0;
		}
		if (!day.isBefore(end)) {
			return 1;
		}
		return (double) (ChronoUnit.DAYS.between(start, day) + 1) / (ChronoUnit.DAYS.between(start, end) + 1);
	}

	/**
	 * Before its period nothing is achieved; nor is a lower-is-better target before its period has ended: what is
	 * counted so far can still grow past it (a count of nothing yet is below any target), so until then it is on track.
	 * A period that has ended is judged, not measured against time: its target was reached or not (at 94 % of it, a
	 * target that ended a year before was told ON_TRACK).
	 */
	static Status status(Double progress, double elapsed, Direction direction, IndicatorThresholds thresholds) {
		if (elapsed <= 0) {
			return Status.NOT_STARTED;
		}
		if (progress != null && progress >= 1 && (direction != Direction.LOWER_IS_BETTER || elapsed >= 1)) {
			return Status.ACHIEVED;
		}
		if (elapsed >= 1) {
			return Status.NOT_ACHIEVED;
		}
		double reached = progress == null ? 0 : progress;
		if (reached >= thresholds.onTrack() * elapsed) {
			return Status.ON_TRACK;
		}
		return reached >= thresholds.atRisk() * elapsed ? Status.AT_RISK : Status.OFF_TRACK;
	}

}
