package org.kvali.report;

import java.util.Arrays;

/**
 * A number for each group of a breakdown, by its place ({@link NumberedGroups}), below {@code count}: the groups of
 * one number are a line the weighing reads ({@link Weighing}); a group numbered below 0 is on none.
 */
record GroupNumbers(int[] ids, int count) {

	/** The same numbers in the order they are first met in. */
	GroupNumbers renumbered() {
		var renumbered = new int[this.count];
		Arrays.fill(renumbered, -1);
		var ids = new int[this.ids.length];
		int count = 0;
		for (int n = 0; n < ids.length; n++) {
			if (renumbered[this.ids[n]] < 0) {
				renumbered[this.ids[n]] = count++;
			}
			ids[n] = renumbered[this.ids[n]];
		}
		return new GroupNumbers(ids, count);
	}

	/**
	 * A number for each pair of this number and another's, in the order the pairs are first met in; a group numbered
	 * below 0 by either is on none.
	 */
	GroupNumbers with(GroupNumbers other) {
		var pairs = new FirstMet();
		var ids = new int[this.ids.length];
		for (int n = 0; n < ids.length; n++) {
			ids[n] = this.ids[n] < 0 || other.ids[n] < 0 ? -1
					: pairs.number((long) this.ids[n] * other.count + other.ids[n]);
		}
		return new GroupNumbers(ids, pairs.values().size());
	}

	/** The groups of each number, in their order; a group numbered below 0 is of none. */
	int[][] members() {
		var sizes = new int[this.count];
		for (int id : this.ids) {
			if (id >= 0) {
				sizes[id]++;
			}
		}
		var members = new int[this.count][];
		for (int id = 0; id < this.count; id++) {
			members[id] = new int[sizes[id]];
		}
		Arrays.fill(sizes, 0);
		for (int n = 0; n < this.ids.length; n++) {
			if (this.ids[n] >= 0) {
				members[this.ids[n]][sizes[this.ids[n]]++] = n;
			}
		}
		return members;
	}

}
