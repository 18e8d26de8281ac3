package org.kvali.indicator;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.kvali.indicator.IndicatorEnums.Direction;
import org.kvali.indicator.IndicatorEnums.Status;
import org.kvali.indicator.IndicatorEnums.Unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.kvali.indicator.Progress.Course.GROWS;
import static org.kvali.indicator.Progress.Course.MOVES;

class ProgressTest {

	@Test
	void higherIsBetterCountsFromTheBaseline() {
		assertThat(Progress.of(60.0, 20.0, 100.0, Direction.HIGHER_IS_BETTER)).isCloseTo(0.5, within(1e-12));
		assertThat(Progress.of(60.0, null, 120.0, Direction.HIGHER_IS_BETTER)).isCloseTo(0.5, within(1e-12));
		assertThat(Progress.of(10.0, 20.0, 100.0, Direction.HIGHER_IS_BETTER)).isCloseTo(-0.125, within(1e-12));
	}

	@Test
	void lowerIsBetterCountsDownFromTheBaseline() {
		assertThat(Progress.of(30.0, 40.0, 20.0, Direction.LOWER_IS_BETTER)).isCloseTo(0.5, within(1e-12));
		assertThat(Progress.of(15.0, 40.0, 20.0, Direction.LOWER_IS_BETTER)).isCloseTo(1.25, within(1e-12));
	}

	@Test
	void noTargetATargetEqualToTheBaselineOrAZeroTarget() {
		assertThat(Progress.of(5.0, 0.0, null, Direction.HIGHER_IS_BETTER)).isNull();
		assertThat(Progress.of(5.0, 10.0, 10.0, Direction.HIGHER_IS_BETTER)).isNull();
		assertThat(Progress.of(0.0, 10.0, 0.0, Direction.LOWER_IS_BETTER)).isEqualTo(1.0);
		assertThat(Progress.of(3.0, null, 0.0, Direction.HIGHER_IS_BETTER)).isNull();
		// a status judges a target equal to its baseline as held or not
		assertThat(Progress.judged(10.0, 10.0, 10.0, Direction.HIGHER_IS_BETTER)).isEqualTo(1.0);
		assertThat(Progress.judged(9.0, 10.0, 10.0, Direction.HIGHER_IS_BETTER)).isEqualTo(0.0);
		assertThat(Progress.judged(9.0, 10.0, 10.0, Direction.LOWER_IS_BETTER)).isEqualTo(1.0);
		assertThat(Progress.judged(null, 10.0, 10.0, Direction.HIGHER_IS_BETTER)).isNull();
		assertThat(Progress.judged(3.0, null, 0.0, Direction.HIGHER_IS_BETTER)).isEqualTo(1.0);
	}

	@Test
	void statusComparesProgressWithTheTimeElapsed() {
		var start = LocalDate.of(2024, 1, 1);
		var end = LocalDate.of(2024, 12, 31);
		assertThat(Progress.elapsed(start, end, LocalDate.of(2023, 12, 31))).isZero();
		assertThat(Progress.elapsed(start, end, LocalDate.of(2024, 7, 1))).isCloseTo(183.0 / 366, within(1e-12));
		assertThat(Progress.elapsed(start, end, LocalDate.of(2025, 1, 1))).isEqualTo(1.0);
		var thresholds = new IndicatorThresholds(0.9, 0.6);
		assertThat(Progress.status(0.2, 0, false, GROWS, thresholds)).isEqualTo(Status.NOT_STARTED);
		assertThat(Progress.status(1.0, 0, false, GROWS, thresholds)).isEqualTo(Status.NOT_STARTED);
		assertThat(Progress.status(1.0, 0.3, false, GROWS, thresholds)).isEqualTo(Status.ACHIEVED);
		// a lower-is-better count below its target can still grow past it until its period ends
		assertThat(Progress.status(1.25, 0.3, false, MOVES, thresholds)).isEqualTo(Status.ON_TRACK);
		assertThat(Progress.status(1.25, 1, false, MOVES, thresholds)).isEqualTo(Status.ACHIEVED);
		// a period that has ended is judged: 94 % of the target, or any part of it, is not achieved; on its last
		// day, whose activities still count, it is measured against the time as before
		assertThat(Progress.status(0.94, 1, true, GROWS, thresholds)).isEqualTo(Status.NOT_ACHIEVED);
		assertThat(Progress.status(null, 1, true, GROWS, thresholds)).isEqualTo(Status.NOT_ACHIEVED);
		assertThat(Progress.status(0.99, 1, true, MOVES, thresholds)).isEqualTo(Status.NOT_ACHIEVED);
		assertThat(Progress.status(1.0, 1, true, MOVES, thresholds)).isEqualTo(Status.ACHIEVED);
		assertThat(Progress.status(0.94, 1, false, GROWS, thresholds)).isEqualTo(Status.ON_TRACK);
		assertThat(Progress.status(0.94, 0.99, false, GROWS, thresholds)).isEqualTo(Status.ON_TRACK);
		assertThat(Progress.status(1.0, 0, false, MOVES, thresholds)).isEqualTo(Status.NOT_STARTED);
		assertThat(Progress.status(0.45, 0.5, false, GROWS, thresholds)).isEqualTo(Status.ON_TRACK);
		assertThat(Progress.status(0.44, 0.5, false, GROWS, thresholds)).isEqualTo(Status.AT_RISK);
		assertThat(Progress.status(0.30, 0.5, false, GROWS, thresholds)).isEqualTo(Status.AT_RISK);
		assertThat(Progress.status(0.29, 0.5, false, GROWS, thresholds)).isEqualTo(Status.OFF_TRACK);
		assertThat(Progress.status(null, 0.5, false, GROWS, thresholds)).isEqualTo(Status.OFF_TRACK);
		assertThat(Progress.status(0.29, 0.5, false, GROWS, new IndicatorThresholds(0.6, 0.5))).isEqualTo(Status.AT_RISK);
		// a share can fall back under its target: achieved on its period's last day only, measured against the time
		// elapsed until then
		assertThat(Progress.status(1.2, 0.3, false, MOVES, thresholds)).isEqualTo(Status.ON_TRACK);
		assertThat(Progress.status(1.0, 1, false, MOVES, thresholds)).isEqualTo(Status.ACHIEVED);
		assertThat(Progress.status(0.2, 0.3, false, MOVES, thresholds)).isEqualTo(Status.AT_RISK);
		assertThat(Progress.status(0.99, 1, true, MOVES, thresholds)).isEqualTo(Status.NOT_ACHIEVED);
		assertThat(Progress.Course.of(Unit.PERCENT, Direction.HIGHER_IS_BETTER)).isEqualTo(MOVES);
		assertThat(Progress.Course.of(Unit.PERCENT, Direction.LOWER_IS_BETTER)).isEqualTo(MOVES);
		assertThat(Progress.Course.of(Unit.NUMBER, Direction.LOWER_IS_BETTER)).isEqualTo(MOVES);
		assertThat(Progress.Course.of(Unit.NUMBER, Direction.HIGHER_IS_BETTER)).isEqualTo(GROWS);
	}

}
