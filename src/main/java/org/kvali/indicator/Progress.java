package org.kvali.indicator;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.kvali.indicator.IndicatorEnums.Direction;
import org.kvali.indicator.IndicatorEnums.Status;
import org.kvali.indicator.IndicatorEnums.Unit;

/** The arithmetic of progress and status, as the schema's descriptions of `progress` and `status` state it. */
final class Progress {

	/**
	 * What less than this tells progress from a line or a target is a double's rounding, a tie: 14 people of 100 on
	 * the day 15 are due were a whole one behind by 0.15 - 0.14 = 0.00999..., so ON_TRACK, and a share of 72 % was
	 * under its line 0.9 x 292/365 = 0.7200000000000001, so AT_RISK (a review's).
	 */
	private static final double TIE = 1e-9;

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

	/**
	 * Progress as a status judges it: as {@link #of}, but a target equal to its baseline (to be held, not moved) is
	 * reached or not, 1 or 0, where {@link #of} has no share of a span of nothing to tell (an ended period whose
	 * actual met such a target was judged NOT_ACHIEVED).
	 */
	static Double judged(Double actual, Double baseline, Double target, Direction direction) {
		var progress = of(actual, baseline, target, direction);
		if (progress != null || actual == null || target == null) {
			return progress;
		}
		boolean met = direction == Direction.HIGHER_IS_BETTER ? actual >= target : actual <= target;
		return met ? 1.0 : 0.0;
	}

	/**
	 * The share of the span from baseline to target that one counted thing is (a person, a participation): 0 for a
	 * percentage, and for a target equal to its baseline.
	 */
	static double unit(Unit unit, Double baseline, double target) {
		double span = Math.abs(target - (baseline == null ? 0 : baseline));
		return unit == Unit.NUMBER && span > 0 ? 1 / span : 0;
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

	/** How an indicator's actual moves within its period, which decides when its target is achieved. */
	enum Course {

		/**
		 * A higher-is-better count: it only grows as days are counted, so it is achieved once at its target. A reported
		 * number corrected downward, or withdrawn, may fall back under it: rare, and told by the next status asked.
		 */
		GROWS,

		/**
		 * A lower-is-better count, which can still grow past its target, or a percentage or a level reported, which
		 * rise and fall: achieved only on the period's last day, when all its days are counted (a share over its
		 * target in a year's first quarter was ACHIEVED, then NOT_ACHIEVED at the year's end: a tester's).
		 */
		MOVES;

		/** A level reported (a number whose latest value counts) moves as a share does. */
		static Course of(Indicator indicator) {
			return indicator.levels() ? MOVES : of(indicator.unit(), indicator.direction());
		}

		static Course of(Unit unit, Direction direction) {
			return unit == Unit.NUMBER && direction == Direction.HIGHER_IS_BETTER ? GROWS : MOVES;
		}

	}

	/**
	 * Before its period nothing is achieved; a growing count is achieved once at its target, a limit or a share only on
	 * the period's last day (see {@link Course}); until then each is measured against the time elapsed, the line from
	 * baseline to target. A period that has ended (the day is after its last) is judged, not
	 * measured against time: its target was reached or not (at 94 % of it, a target that ended a year before was
	 * told ON_TRACK); on its last day, whose activities still count, it is measured as before. A count ({@code unit},
	 * the share of its span one counted thing is; 0 for a percentage) is behind a line only by a whole thing: 12 people
	 * a year were OFF_TRACK on 1 January, a twelfth of a person behind (a tester's). Nor is a count behind for being
	 * under its baseline: it starts at none, where the baseline told what stood before (organizations counted from
	 * the programme's start, of a baseline of 5, were OFF_TRACK on its first day: a tester's); the line from the
	 * baseline is still to be kept.
	 */
	static Status status(Double progress, double elapsed, boolean ended, Course course, double unit,
			IndicatorThresholds thresholds) {
		if (elapsed <= 0) {
			return Status.NOT_STARTED;
		}
		if (progress != null && progress >= 1 - TIE && (course == Course.GROWS || elapsed >= 1)) {
			return Status.ACHIEVED;
		}
		if (ended) {
			return Status.NOT_ACHIEVED;
		}
		// a count that grows, under its baseline: as at it (one that must fall, over it, is behind)
		double reached = progress == null ? 0 : unit > 0 && course == Course.GROWS ? Math.max(0, progress) : progress;
		if (!behind(thresholds.onTrack() * elapsed, reached, unit)) {
			return Status.ON_TRACK;
		}
		return behind(thresholds.atRisk() * elapsed, reached, unit) ? Status.OFF_TRACK : Status.AT_RISK;
	}

	/**
	 * Whether progress is under the line by a whole counted thing ({@code unit}), or at all where there is none; a
	 * difference within {@link #TIE} is none.
	 */
	private static boolean behind(double line, double reached, double unit) {
		return line - reached > TIE && line - reached >= unit - TIE;
	}

}
