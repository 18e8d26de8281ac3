package org.kvali.report;

import java.util.Arrays;

/**
 * Where the rows added since a previous index sit among its rows: all of the previous index's rows are there in the
 * same order, and the rows at these positions (ascending) are new. A person's new rows come just before their
 * earlier ones, so a known person's new row lands among the rows and a new person's at the end. A column of the
 * previous index whose values are unchanged is spread out to make room, and only the new rows' values are computed.
 */
record AddedRows(int[] positions) {

	/** {@code previous} with a gap at every added position, {@code rows} long. */
	char[] spread(char[] previous, int rows) {
		var column = new char[rows];
		spread(previous, column, rows);
		return column;
	}

	/** {@code previous} with a gap at every added position, {@code rows} long. */
	int[] spread(int[] previous, int rows) {
		var column = new int[rows];
		spread(previous, column, rows);
		return column;
	}

	/** {@code previous} with a gap at every added position, {@code rows} long. */
	byte[] spread(byte[] previous, int rows) {
		var column = new byte[rows];
		spread(previous, column, rows);
		return column;
	}

	private void spread(Object previous, Object column, int rows) {
		int from = 0;
		int to = 0;
		for (int position : this.positions) {
			int length = position - to;
			System.arraycopy(previous, from, column, to, length);
			from += length;
			to = position + 1;
		}
		System.arraycopy(previous, from, column, to, rows - to);
	}

	/** Whether the rows of {@code now} that are not added hold the values of {@code previous}, in order. */
	boolean keeps(int[] now, int[] previous) {
		return keeps(now.length, previous.length, (to, toEnd, from, fromEnd) -> Arrays.equals(now, to, toEnd,
				previous, from, fromEnd));
	}

	/** Whether the rows of {@code now} that are not added hold the values of {@code previous}, in order. */
	boolean keeps(byte[] now, byte[] previous) {
		return keeps(now.length, previous.length, (to, toEnd, from, fromEnd) -> Arrays.equals(now, to, toEnd,
				previous, from, fromEnd));
	}

	/** Whether two runs of rows, one of a column now and one of the previous column, hold the same values. */
	private interface EqualRuns {

		boolean equal(int to, int toEnd, int from, int fromEnd);

	}

	private boolean keeps(int now, int previous, EqualRuns runs) {
		int from = 0;
		int to = 0;
		for (int position : this.positions) {
			int length = position - to;
			if (!runs.equal(to, position, from, from + length)) {
				return false;
			}
			from += length;
			to = position + 1;
		}
		return now - to == previous - from && runs.equal(to, now, from, previous);
	}

}
