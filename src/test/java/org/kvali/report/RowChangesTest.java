package org.kvali.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RowChangesTest {

	/** Rows added first, in the middle (two side by side) and last, among four kept rows a, b, c, d. */
	private final RowChanges added = new RowChanges(new int[0], new int[] { 0, 2, 3, 6 });

	/** Of six rows a to f, the first, the fourth and the last removed, and rows added first, between and last. */
	private final RowChanges both = new RowChanges(new int[] { 0, 3, 5 }, new int[] { 0, 2, 5 });

	@Test
	void spreadLeavesAGapAtEveryAddedPosition() {
		assertThat(this.added.spread("abcd".toCharArray(), 8)).containsExactly('\0', 'a', '\0', '\0', 'b', 'c', '\0',
				'd');
		assertThat(new RowChanges(new int[0], new int[] { 4, 5 }).spread("abcd".toCharArray(), 6))
			.containsExactly('a', 'b', 'c', 'd', '\0', '\0');
		assertThat(RowChanges.NONE.spread("abcd".toCharArray(), 4)).containsExactly('a', 'b', 'c', 'd');
		assertThat(this.added.spread(new int[] { 10, 11, 12, 13 }, 8)).containsExactly(0, 10, 0, 0, 11, 12, 0, 13);
		assertThat(this.added.spread(new byte[] { 1, 2, 3, 4 }, 8)).containsExactly(0, 1, 0, 0, 2, 3, 0, 4);
	}

	@Test
	void spreadLeavesTheRemovedRowsOut() {
		assertThat(new RowChanges(new int[] { 0, 2, 3 }, new int[0]).spread("abcde".toCharArray(), 2))
			.containsExactly('b', 'e');
		assertThat(new RowChanges(new int[] { 4 }, new int[0]).spread("abcde".toCharArray(), 4))
			.containsExactly('a', 'b', 'c', 'd');
		assertThat(new RowChanges(new int[] { 0, 1 }, new int[0]).spread("ab".toCharArray(), 0)).isEmpty();
		assertThat(this.both.spread("abcdef".toCharArray(), 6)).containsExactly('\0', 'b', '\0', 'c', 'e', '\0');
		assertThat(this.both.spread(new int[] { 10, 11, 12, 13, 14, 15 }, 6)).containsExactly(0, 11, 0, 12, 14, 0);
		// a removed row where one is added: the new one takes its place
		assertThat(new RowChanges(new int[] { 1 }, new int[] { 1 }).spread("abc".toCharArray(), 3))
			.containsExactly('a', '\0', 'c');
	}

	@Test
	void keepsComparesTheRowsThatWereNotAdded() {
		int[] before = { 10, 11, 12, 13 };
		assertThat(this.added.keeps(new int[] { 7, 10, 8, 9, 11, 12, 7, 13 }, before)).isTrue();
		assertThat(this.added.keeps(new int[] { 7, 10, 8, 9, 11, 99, 7, 13 }, before)).as("one kept row changed")
			.isFalse();
		assertThat(this.added.keeps(new int[] { 7, 10, 8, 9, 11, 12, 7, 13, 14 }, before)).as("one row more")
			.isFalse();
		assertThat(this.added.keeps(new byte[] { 0, 1, 0, 0, 2, 3, 0, 4 }, new byte[] { 1, 2, 3, 4 })).isTrue();
		assertThat(this.added.keeps(new byte[] { 0, 1, 0, 0, 2, 3, 0, 5 }, new byte[] { 1, 2, 3, 4 })).as("the last")
			.isFalse();
	}

	@Test
	void keepsComparesTheRowsThatWereNeitherRemovedNorAdded() {
		int[] before = { 10, 11, 12, 13, 14, 15 };
		assertThat(this.both.keeps(new int[] { 7, 11, 7, 12, 14, 7 }, before)).isTrue();
		assertThat(this.both.keeps(new int[] { 7, 11, 7, 13, 14, 7 }, before)).as("a removed row's value kept")
			.isFalse();
		assertThat(this.both.keeps(new int[] { 7, 11, 7, 12, 14 }, before)).as("one row fewer").isFalse();
		assertThat(this.both.keeps(new byte[] { 0, 2, 0, 3, 5, 0 }, new byte[] { 1, 2, 3, 4, 5, 6 })).isTrue();
		assertThat(this.both.keeps(new byte[] { 0, 2, 0, 3, 6, 0 }, new byte[] { 1, 2, 3, 4, 5, 6 })).isFalse();
	}

}
