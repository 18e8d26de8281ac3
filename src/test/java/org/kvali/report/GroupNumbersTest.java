package org.kvali.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Numbers of a breakdown's groups, and of pairs of them: the lines the weighing reads. */
class GroupNumbersTest {

	@Test
	void pairsAreNumberedInTheOrderFirstMetAndAGroupOfNoNumberIsOnNone() {
		// a group of no coarser value (-1) is within none, whatever its other values
		var coarse = new GroupNumbers(new int[] { 1, -1, 0, 1, 0, 1 }, 2);
		var rest = new GroupNumbers(new int[] { 0, 0, 2, 0, 2, 1 }, 3);
		var pairs = coarse.with(rest);
		assertThat(pairs.ids()).containsExactly(0, -1, 1, 0, 1, 2);
		assertThat(pairs.count()).isEqualTo(3);
		assertThat(pairs.members()).isDeepEqualTo(new int[][] { { 0, 3 }, { 2, 4 }, { 5 } });
		assertThat(rest.with(new GroupNumbers(new int[] { 0, 0, 0, -1, 0, 0 }, 1)).ids())
			.containsExactly(0, 0, 1, -1, 1, 2);
	}

	@Test
	void numbersAreRenumberedInTheOrderFirstMet() {
		var renumbered = new GroupNumbers(new int[] { 2, 0, 2, 1 }, 3).renumbered();
		assertThat(renumbered.ids()).containsExactly(0, 1, 0, 2);
		assertThat(renumbered.count()).isEqualTo(3);
	}

}
