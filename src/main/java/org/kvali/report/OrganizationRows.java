package org.kvali.report;

/**
 * The rows of each organization number of one index's rows, as an index keeps the rows of each activity: sorted the
 * first time a question counts its groups' distinct organizations by them ({@link RowSlots}), 75 to 100 ms and 40 MB
 * at 10 million participations, then kept with the index and its copies of later versions ({@link FactIndex#at}).
 */
final class OrganizationRows {

	/** The rows of organization number n are {@code rows[start[n]]} to {@code rows[start[n + 1] - 1]}, ascending. */
	record Rows(int[] start, int[] rows) {
	}

	private final int[] organization;

	private final int slots;

	private volatile Rows rows;

	/** The rows of these organization numbers, of rows as an index has them, numbers below {@code slots}. */
	OrganizationRows(int[] organization, int slots) {
		this.organization = organization;
		this.slots = slots;
	}

	Rows of() {
		var rows = this.rows;
		if (rows == null) {
			// sorted as the index sorts the rows of each activity
			var start = RowColumns.startsOf(this.organization, this.slots);
			rows = new Rows(start, RowColumns.rowsOf(this.organization, start));
			this.rows = rows;
		}
		return rows;
	}

	/** The bytes the rows take once sorted, else none. */
	long bytes() {
		var rows = this.rows;
		return rows == null ? 0 : 4L * (rows.start().length + rows.rows().length);
	}

}
