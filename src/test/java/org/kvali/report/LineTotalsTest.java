package org.kvali.report;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A line's total is found whatever order the question gives its dimensions in. */
class LineTotalsTest {

	private static final LineTotals TOTALS = new LineTotals(40, Map.of(Dimension.AGE_GROUP,
			Map.of(List.of("P1", "2024"), 12, List.of("P2", "2024"), 7), Dimension.YEAR,
			Map.of(List.of("P1", 15), 9)));

	@Test
	void aRowIsTheGroupOfTheOtherDimensionsInTheirOwnOrder() {
		var by = List.of(Dimension.YEAR, Dimension.PROJECT, Dimension.AGE_GROUP);
		assertThat(TOTALS.of(List.<Object>of("2024", "P1", 15), List.<Object>of("2024", "P1", 25), by)).isEqualTo(12);
		assertThat(TOTALS.of(List.<Object>of("2024", "P2", 15), List.<Object>of("2024", "P2", 25), by)).isEqualTo(7);
		assertThat(TOTALS.of(List.<Object>of("2023", "P1", 15), List.<Object>of("2024", "P1", 15), by)).isEqualTo(9);
		// by project, each person is in one group: no total, their sum is exact
		assertThat(TOTALS.of(List.<Object>of("2024", "P1", 15), List.<Object>of("2024", "P2", 15), by)).isNull();
		// a row the breakdown by the others lacks has no one (a share's numerator there)
		assertThat(TOTALS.of(List.<Object>of("2025", "P1", 15), List.<Object>of("2025", "P1", 25), by)).isZero();
	}

	@Test
	void theWholeIsToldWithTheLineOfEveryGroup() {
		var all = List.of("a", "b", "c");
		assertThat(TOTALS.of(all, all, item -> List.<Object>of(item), List.of(Dimension.GENDER))).isEqualTo(40);
		assertThat(TOTALS.of(List.of("a"), all, item -> List.<Object>of(item), List.of(Dimension.GENDER))).isNull();
	}

}
