package org.kvali.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AddedRowsTest {

	/** Rows added first, in the middle (two side by side) and last, among four kept rows a, b, c, d. */
	private final AddedRows added = new AddedRows(new int[] { 0, 2, 3, 6 });

	@Test
	void spreadLeavesAGapAtEveryAddedPosition() {
		assertThat(this.added.spread("abcd".toCharArray(), 8)).containsExactly('\0', 'a', '\0', '\0', 'b', 'c', '\0',
				'd');
		assertThat(new AddedRows(new int[] { 4, 5 }).spread("abcd".toCharArray(), 6))
			.containsExactly('a', 'b', 'c', 'd', '\0', '\0');
		assertThat(new AddedRows(new int[0]).spread("abcd".toCharArray(), 4)).containsExactly('a', 'b', 'c', 'd');
		assertThat(this.added.spread(new int[] { 10, 11, 12, 13 }, 8)).containsExactly(0, 10, 0, 0, 11, 12, 0, 13);
		assertThat(this.added.spread(new byte[] { 1, 2, 3, 4 }, 8)).containsExactly(0, 1, 0, 0, 2, 3, 0, 4);
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

}
