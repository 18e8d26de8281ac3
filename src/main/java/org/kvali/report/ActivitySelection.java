package org.kvali.report;

/**
 * The activities a filter leaves in ({@link ActivityNumbers}) and, where they hold at most one row in {@code share}
 * ({@link IndexScan#sparseShare}), their rows as bits in row order, for a scan to read those alone. An index keeps
 * the last one it made ({@link FactIndex#selection}): a question's scans, its line totals', are of one filter, and at
 * 10 million participations finding a project's 477,600 rows took each of them about 9 ms (sampled).
 *
 * @param numbers the activities left in, or null where the filter leaves all in
 * @param rows their rows, or null where they are too many to be read alone
 */
record ActivitySelection(ParticipationFilter filter, int share, ActivityNumbers numbers, long[] rows) {

	static ActivitySelection of(FactIndex index, ParticipationFilter filter, int share) {
		var numbers = ActivityNumbers.of(index, filter);
		return new ActivitySelection(filter, share, numbers, numbers == null ? null : rows(index, numbers, share));
	}

	/** Whether this selection is of that filter, made for scans that read few rows alone at that share. */
	boolean holds(ParticipationFilter filter, int share) {
		return this.filter.equals(filter) && this.share == share;
	}

	private static long[] rows(FactIndex index, ActivityNumbers kept, int share) {
		var ids = index.attributes.get(Dimension.ACTIVITY);
		var numberOf = kept.numberOf();
		long count = 0;
		for (int a = 0; a < index.activities; a++) {
			if (numberOf[ids[a]] >= 0) {
				count += index.activityStart[a + 1] - index.activityStart[a];
			}
		}
		if (count * share > index.rows) {
			return null;
		}
		var selected = new long[(index.rows + 63) >>> 6];
		for (int a = 0; a < index.activities; a++) {
			if (numberOf[ids[a]] >= 0) {
				for (int r = index.activityStart[a]; r < index.activityStart[a + 1]; r++) {
					int row = index.activityRows[r];
					selected[row >>> 6] |= 1L << row;
				}
			}
		}
		return selected;
	}

}
