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
		assertThat(Progress.status(0.2, 0, false, GROWS, 0, thresholds)).isEqualTo(Status.NOT_STARTED);
		assertThat(Progress.status(1.0, 0, false, GROWS, 0, thresholds)).isEqualTo(Status.NOT_STARTED);
		assertThat(Progress.status(1.0, 0.3, false, GROWS, 0, thresholds)).isEqualTo(Status.ACHIEVED);
		// a lower-is-better count below its target can still grow past it until its period ends
		assertThat(Progress.status(1.25, 0.3, false, MOVES, 0, thresholds)).isEqualTo(Status.ON_TRACK);
		assertThat(Progress.status(1.25, 1, false, MOVES, 0, thresholds)).isEqualTo(Status.ACHIEVED);
		// a period that has ended is judged: 94 % of the target, or any part of it, is not achieved; on its last
		// day, whose activities still count, it is measured against the time as before
		assertThat(Progress.status(0.94, 1, true, GROWS, 0, thresholds)).isEqualTo(Status.NOT_ACHIEVED);
		assertThat(Progress.status(null, 1, true, GROWS, 0, thresholds)).isEqualTo(Status.NOT_ACHIEVED);
		assertThat(Progress.status(0.99, 1, true, MOVES, 0, thresholds)).isEqualTo(Status.NOT_ACHIEVED);
		assertThat(Progress.status(1.0, 1, true, MOVES, 0, thresholds)).isEqualTo(Status.ACHIEVED);
		assertThat(Progress.status(0.94, 1, false, GROWS, 0, thresholds)).isEqualTo(Status.ON_TRACK);
		assertThat(Progress.status(0.94, 0.99, false, GROWS, 0, thresholds)).isEqualTo(Status.ON_TRACK);
		assertThat(Progress.status(1.0, 0, false, MOVES, 0, thresholds)).isEqualTo(Status.NOT_STARTED);
		assertThat(Progress.status(0.45, 0.5, false, GROWS, 0, thresholds)).isEqualTo(Status.ON_TRACK);
		assertThat(Progress.status(0.44, 0.5, false, GROWS, 0, thresholds)).isEqualTo(Status.AT_RISK);
		assertThat(Progress.status(0.30, 0.5, false, GROWS, 0, thresholds)).isEqualTo(Status.AT_RISK);
		assertThat(Progress.status(0.29, 0.5, false, GROWS, 0, thresholds)).isEqualTo(Status.OFF_TRACK);
		assertThat(Progress.status(null, 0.5, false, GROWS, 0, thresholds)).isEqualTo(Status.OFF_TRACK);
		assertThat(Progress.status(0.29, 0.5, false, GROWS, 0, new IndicatorThresholds(0.6, 0.5)))
			.isEqualTo(Status.AT_RISK);
		// a share can fall back under its target: achieved on its period's last day only, measured against the time
		// elapsed until then
		assertThat(Progress.status(1.2, 0.3, false, MOVES, 0, thresholds)).isEqualTo(Status.ON_TRACK);
		assertThat(Progress.status(1.0, 1, false, MOVES, 0, thresholds)).isEqualTo(Status.ACHIEVED);
		assertThat(Progress.status(0.2, 0.3, false, MOVES, 0, thresholds)).isEqualTo(Status.AT_RISK);
		assertThat(Progress.status(0.99, 1, true, MOVES, 0, thresholds)).isEqualTo(Status.NOT_ACHIEVED);
		assertThat(Progress.Course.of(Unit.PERCENT, Direction.HIGHER_IS_BETTER)).isEqualTo(MOVES);
		assertThat(Progress.Course.of(Unit.PERCENT, Direction.LOWER_IS_BETTER)).isEqualTo(MOVES);
		assertThat(Progress.Course.of(Unit.NUMBER, Direction.LOWER_IS_BETTER)).isEqualTo(MOVES);
		assertThat(Progress.Course.of(Unit.NUMBER, Direction.HIGHER_IS_BETTER)).isEqualTo(GROWS);
	}

	/**
	 * A count is behind its line only by a whole person (or participation, activity): 12 people in a year, none on its
	 * first day or its 31st, is on track (it was OFF_TRACK on 1 January: a tester's); 1 behind the line is not.
	 */
	@Test
	void aCountIsBehindOnlyByAWholeThing() {
		var thresholds = new IndicatorThresholds(0.9, 0.6);
		var year = LocalDate.of(2024, 1, 1);
		double unit = Progress.unit(Unit.NUMBER, null, 12);
		assertThat(unit).isEqualTo(1.0 / 12);
		assertThat(Progress.unit(Unit.NUMBER, 10.0, 10)).isZero();
		assertThat(Progress.unit(Unit.PERCENT, 40.0, 60)).isZero();
		double firstDay = Progress.elapsed(year, LocalDate.of(2024, 12, 31), year);
		assertThat(Progress.status(null, firstDay, false, GROWS, unit, thresholds)).isEqualTo(Status.ON_TRACK);
		assertThat(Progress.status(null, firstDay, false, GROWS, 0, thresholds)).isEqualTo(Status.OFF_TRACK);
		// on 1 March (61 of 366 days) the on-track line is at 1.8 people: 1 is less than one behind, 0 is not
		double march = Progress.elapsed(year, LocalDate.of(2024, 12, 31), LocalDate.of(2024, 3, 1));
		assertThat(Progress.status(1.0 / 12, march, false, GROWS, unit, thresholds)).isEqualTo(Status.ON_TRACK);
		// the at-risk line is at 1.2 people: 0 is more than one behind it
		assertThat(Progress.status(0.0, march, false, GROWS, unit, thresholds)).isEqualTo(Status.OFF_TRACK);
		// on 31 May (152 days) the lines are at 4.5 and 3.0 people: 2 are less than one behind the second, 1 is not
		double may = Progress.elapsed(year, LocalDate.of(2024, 12, 31), LocalDate.of(2024, 5, 31));
		assertThat(Progress.status(2.0 / 12, may, false, GROWS, unit, thresholds)).isEqualTo(Status.AT_RISK);
		assertThat(Progress.status(1.0 / 12, may, false, GROWS, unit, thresholds)).isEqualTo(Status.OFF_TRACK);
	}

	/**
	 * A count is not behind for being under its baseline: it starts at none, where the baseline told what stood before
	 * (organizations counted from the programme's start, of a baseline of 5 and a target of 30, were OFF_TRACK on its
	 * first day: a tester's). A share or a number reported under its baseline is behind.
	 */
	@Test
	void aCountUnderItsBaselineIsJudgedAsAtIt() {
		var thresholds = new IndicatorThresholds(0.9, 0.6);
		var year = LocalDate.of(2024, 1, 1);
		double unit = Progress.unit(Unit.NUMBER, 5.0, 30);
		double firstDay = Progress.elapsed(year, LocalDate.of(2024, 12, 31), year);
		var none = Progress.judged(0.0, 5.0, 30.0, Direction.HIGHER_IS_BETTER);
		assertThat(none).isEqualTo(-0.2);
		assertThat(Progress.status(none, firstDay, false, GROWS, unit, thresholds)).isEqualTo(Status.ON_TRACK);
		assertThat(Progress.status(none, firstDay, false, MOVES, 0, thresholds)).isEqualTo(Status.OFF_TRACK);
		// on 1 March the lines are 3.75 and 2.5 organizations past the baseline: none, or 5, are behind both
		double march = Progress.elapsed(year, LocalDate.of(2024, 12, 31), LocalDate.of(2024, 3, 1));
		assertThat(Progress.status(none, march, false, GROWS, unit, thresholds)).isEqualTo(Status.OFF_TRACK);
		assertThat(Progress.status(0.0, march, false, GROWS, unit, thresholds)).isEqualTo(Status.OFF_TRACK);
		assertThat(Progress.status(3.0 / 25, march, false, GROWS, unit, thresholds)).isEqualTo(Status.ON_TRACK);
		// a count that must fall, from 10 to 5, at 15 on its 30th day is over its baseline: behind (a review's)
		var over = Progress.judged(15.0, 10.0, 5.0, Direction.LOWER_IS_BETTER);
		assertThat(over).isEqualTo(-1.0);
		double day30 = Progress.elapsed(year, LocalDate.of(2024, 12, 31), LocalDate.of(2024, 1, 30));
		assertThat(Progress.status(over, day30, false, MOVES, Progress.unit(Unit.NUMBER, 10.0, 5), thresholds))
			.isEqualTo(Status.OFF_TRACK);
	}

	/**
	 * A line or a target met exactly is met, whatever the doubles' rounding (a review's): 14 people of 100 on 1 March,
	 * when 15 are due, are a whole one behind; none of 10 on a 90-day quarter's tenth day, when 1 is due, too; a share
	 * of 72 % on day 292 of 365, the on-track line's 0.9 x 292/365, is on it.
	 */
	@Test
	void aLineMetExactlyIsMet() {
		var thresholds = new IndicatorThresholds(0.9, 0.6);
		var year = LocalDate.of(2024, 1, 1);
		double march = Progress.elapsed(year, LocalDate.of(2024, 12, 31), LocalDate.of(2024, 3, 1));
		assertThat(Progress.status(0.14, march, false, GROWS, Progress.unit(Unit.NUMBER, null, 100), thresholds))
			.isEqualTo(Status.AT_RISK);
		var quarter = LocalDate.of(2025, 1, 1);
		double tenth = Progress.elapsed(quarter, LocalDate.of(2025, 3, 31), LocalDate.of(2025, 1, 10));
		assertThat(Progress.status(0.0, tenth, false, GROWS, Progress.unit(Unit.NUMBER, null, 10), thresholds))
			.isEqualTo(Status.AT_RISK);
		double october = Progress.elapsed(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31),
				LocalDate.of(2025, 10, 19));
		assertThat(Progress.status(0.72, october, false, MOVES, 0, thresholds)).isEqualTo(Status.ON_TRACK);
		assertThat(Progress.status(0.7199, october, false, MOVES, 0, thresholds)).isEqualTo(Status.AT_RISK);
		assertThat(Progress.status(0.1 + 0.2 + 0.7 - 1e-15, 0.5, false, GROWS, 0, thresholds))
			.isEqualTo(Status.ACHIEVED);
	}

}
