package org.kvali.report;

import java.util.Arrays;

/**
 * How the rows of an index differ from those of the previous index it was built from: the rows at the
 * {@code removed} positions of the previous index (ascending) are gone, the rows at the {@code added} positions of the
 * new one (ascending) are new, and all others are there in the same order. A person's new rows come just before their
 * earlier ones, so a known person's new row lands among the rows and a new person's at the end. A column of the
 * previous index whose values are unchanged is copied without the removed rows and with room for the added, and only
 * the new rows' values are computed.
 */
record RowChanges(int[] removed, int[] added) {

	static final RowChanges NONE = new RowChanges(new int[0], new int[0]);

	boolean none() {
		return this.removed.length == 0 && this.added.length == 0;
	}

	/** {@code previous} without the removed rows and with a gap at every added position, {@code rows} long. */
	char[] spread(char[] previous, int rows) {
		var column = new char[rows];
		runs(previous.length, (from, to, length) -> System.arraycopy(previous, from, column, to, length));
		return column;
	}

	/** {@code previous} without the removed rows and with a gap at every added position, {@code rows} long. */
	int[] spread(int[] previous, int rows) {
		var column = new int[rows];
		runs(previous.length, (from, to, length) -> System.arraycopy(previous, from, column, to, length));
		return column;
	}

	/** {@code previous} without the removed rows and with a gap at every added position, {@code rows} long. */
	byte[] spread(byte[] previous, int rows) {
		var column = new byte[rows];
		runs(previous.length, (from, to, length) -> System.arraycopy(previous, from, column, to, length));
		return column;
	}

	/** Whether the rows of {@code now} that are not added hold the values of {@code previous} not removed, in order. */
	boolean keeps(int[] now, int[] previous) {
		boolean[] equal = { fits(now.length, previous.length) };
		runs(previous.length, (from, to, length) -> equal[0] = equal[0]
				&& Arrays.equals(now, to, to + length, previous, from, from + length));
		return equal[0];
	}

	/** Whether the rows of {@code now} that are not added hold the values of {@code previous} not removed, in order. */
	boolean keeps(byte[] now, byte[] previous) {
		boolean[] equal = { fits(now.length, previous.length) };
		runs(previous.length, (from, to, length) -> equal[0] = equal[0]
				&& Arrays.equals(now, to, to + length, previous, from, from + length));
		return equal[0];
	}

	/** Whether a column of {@code now} rows can be one of {@code previous} rows so changed. */
	private boolean fits(int now, int previous) {
		return now == previous - this.removed.length + this.added.length;
	}

	/** A run of rows kept: where it starts in the previous column and in the new one, and how many rows it has. */
	private interface Run {

		void kept(int from, int to, int length);

	}

	/** Each run of the previous index's rows kept, in order, of a column {@code previous} rows long. */
	private void runs(int previous, Run run) {
		int from = 0;
		int to = 0;
		int r = 0;
		int a = 0;
		while (true) {
			while (r < this.removed.length && this.removed[r] == from) {
				from++;
				r++;
			}
			while (a < this.added.length && this.added[a] == to) {
				to++;
				a++;
			}
			if (from >= previous) {
				return;
			}
			int length = Math.min(previous - from, Math.min(r < this.removed.length ? this.removed[r] - from
					: Integer.MAX_VALUE, a < this.added.length ? this.added[a] - to : Integer.MAX_VALUE));
			run.kept(from, to, length);
			from += length;
			to += length;
		}
	}

}
