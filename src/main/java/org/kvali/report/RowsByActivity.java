package org.kvali.report;

/**
 * The organization and role of one index's rows in the order of {@link FactIndex#activityRows}: copied the first time
 * a question counts its groups' distinct activities from them ({@link ActivityOrderKeys}), on the asking thread and
 * once however many ask at once, then kept with the index and its copies of later versions ({@link FactIndex#at}), 50
 * MB at 10 million participations. Counting so reads them in order, where a row's slot noted in person order is read
 * at random.
 */
final class RowsByActivity {

	/** The organization number and {@link ParticipationRole} ordinal of each row, in activity order. */
	record Columns(int[] organization, byte[] role) {
	}

	private final int[] activityRows;

	private final int[] organization;

	private final byte[] role;

	private volatile Columns columns;

	/** The columns of rows {@code activityRows}, read from these columns of the rows in their own order. */
	RowsByActivity(int[] activityRows, int[] organization, byte[] role) {
		this.activityRows = activityRows;
		this.organization = organization;
		this.role = role;
	}

	Columns of() {
		var columns = this.columns;
		return columns != null ? columns : copied();
	}

	private synchronized Columns copied() {
		var columns = this.columns;
		if (columns == null) {
			int[] rows = this.activityRows;
			var organization = new int[rows.length];
			var role = new byte[rows.length];
			for (int i = 0; i < rows.length; i++) {
				organization[i] = this.organization[rows[i]];
				role[i] = this.role[rows[i]];
			}
			columns = new Columns(organization, role);
			this.columns = columns;
		}
		return columns;
	}

	/** The bytes the columns take once copied, else none. */
	long bytes() {
		var columns = this.columns;
		return columns == null ? 0 : 5L * columns.role().length;
	}

}
