package org.kvali.report;

import java.util.Arrays;

/**
 * The rows of each organization number, as an index keeps the rows of each activity: made once a scan counts its
 * groups' distinct organizations by them ({@link RowSlots}), 40 MB at 10 million participations, then kept for the
 * index and the indexes of later versions that share its rows.
 */
final class OrganizationRows {

	/** The rows of organization number n are {@code rows[start[n]]} to {@code rows[start[n + 1] - 1]}, ascending. */
	record Rows(int[] start, int[] rows) {
	}

	private volatile Rows rows;

	Rows of(FactIndex index) {
		var rows = this.rows;
		if (rows == null) {
			rows = sorted(index.organization, index.organizationSlots);
			this.rows = rows;
		}
		return rows;
	}

	/** The rows sorted by organization number, each number's in row order: counted, then placed. */
	private static Rows sorted(int[] organization, int slots) {
		var start = new int[slots + 1];
		for (int o : organization) {
			start[o + 1]++;
		}
		for (int n = 0; n < slots; n++) {
			start[n + 1] += start[n];
		}
		var next = Arrays.copyOf(start, slots);
		var rows = new int[organization.length];
		for (int r = 0; r < organization.length; r++) {
			rows[next[organization[r]]++] = r;
		}
		return new Rows(start, rows);
	}

}
