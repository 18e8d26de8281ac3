package org.kvali.report;

import java.util.Arrays;

/**
 * Where the rows added since a previous index sit among its rows: all of the previous index's rows are there in the
 * same order, and the rows at these positions (ascending) are new. A person's new rows come before their earlier
 * ones, so a known person's new row lands in the middle and a new person's at the end. A column of the previous index
 * whose values are unchanged is spread out to make room, and only the new rows' values are computed.
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
		int from = 0;
		int to = 0;
		for (int position : this.positions) {
			int length = position - to;
			if (!Arrays.equals(now, to, position, previous, from, from + length)) {
				return false;
			}
			from += length;
			to = position + 1;
		}
		return now.length - to == previous.length - from
				&& Arrays.equals(now, to, now.length, previous, from, previous.length);
	}

	/** Whether the rows of {@code now} that are not added hold the values of {@code previous}, in order. */
	boolean keeps(byte[] now, byte[] previous) {
		int from = 0;
		int to = 0;
		for (int position : this.positions) {
			int length = position - to;
			if (!Arrays.equals(now, to, position, previous, from, from + length)) {
				return false;
			}
			from += length;
			to = position + 1;
		}
		return now.length - to == previous.length - from
				&& Arrays.equals(now, to, now.length, previous, from, previous.length);
	}

}
