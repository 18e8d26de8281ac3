package org.kvali.report;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kvali.report.Dimension.ACTIVITY;
import static org.kvali.report.Dimension.ACTIVITY_KIND;
import static org.kvali.report.Dimension.GENDER;
import static org.kvali.report.Dimension.MONTH;
import static org.kvali.report.Dimension.ORGANIZER;
import static org.kvali.report.Dimension.PROJECT;
import static org.kvali.report.Dimension.QUARTER;
import static org.kvali.report.Dimension.VENUE_MUNICIPALITY;
import static org.kvali.report.Dimension.YEAR;

/** The breakdowns a caller can ask beside one, each a breakdown a caller could ask: by one period at most. */
class BreakdownBesideTest {

	@Test
	void anActivitysMonthTakesTheBreakdownsOwnPeriodsPlace() {
		assertThat(beside(List.of(ACTIVITY, QUARTER))).containsExactly(List.of(QUARTER), List.of(PROJECT, QUARTER),
				List.of(ORGANIZER, QUARTER), List.of(ACTIVITY_KIND, QUARTER), List.of(VENUE_MUNICIPALITY, QUARTER),
				List.of(MONTH), List.of(ACTIVITY), List.of(ACTIVITY, YEAR));
		assertThat(beside(List.of(ACTIVITY, MONTH))).containsExactly(List.of(MONTH), List.of(PROJECT, MONTH),
				List.of(ORGANIZER, MONTH), List.of(ACTIVITY_KIND, MONTH), List.of(VENUE_MUNICIPALITY, MONTH),
				List.of(ACTIVITY), List.of(ACTIVITY, QUARTER));
	}

	@Test
	void anActivityWithoutAPeriodLiesInItsMonth() {
		assertThat(beside(List.of(GENDER, ACTIVITY))).containsExactly(List.of(ACTIVITY), List.of(GENDER),
				List.of(PROJECT, GENDER), List.of(ORGANIZER, GENDER), List.of(GENDER, ACTIVITY_KIND),
				List.of(VENUE_MUNICIPALITY, GENDER), List.of(GENDER, MONTH));
	}

	private static List<List<Dimension>> beside(List<Dimension> by) {
		return BreakdownBeside.of(by.stream().sorted().toList()).stream().map(BreakdownBeside::by).toList();
	}

}
