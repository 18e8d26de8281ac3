package org.kvali.report;

import java.util.Arrays;

/**
 * The activities a filter leaves in ({@link ActivitySelection}), numbered from 0 in the order of their value ids: a
 * breakdown by activity keys its groups by these numbers, not by the ids of every activity the index holds. A
 * project's 16,456 activities by gender at 10 million participations made 1.3 million combinations for 333,392
 * activities, more than fit the processor's caches and more than a scan cut into parts may count ({@link
 * DenseScan#wideGroups}); numbered, 82,280.
 *
 * @param numberOf per value id of ACTIVITY, its number, or -1 when the filter leaves it out
 * @param idOf per number, its value id
 */
record ActivityNumbers(int[] numberOf, int[] idOf) {

	/** The numbers of the activities kept (per activity number, whether it is). */
	static ActivityNumbers of(FactIndex index, boolean[] kept) {
		var ids = index.attributes.get(Dimension.ACTIVITY);
		// first 0 for each value id kept, then its number plus one
		var numberOf = new int[index.dictionaries.get(Dimension.ACTIVITY).size()];
		Arrays.fill(numberOf, -1);
		for (int a = 0; a < kept.length; a++) {
			if (kept[a]) {
				numberOf[ids[a]] = 0;
			}
		}
		int count = 0;
		for (int id = 0; id < numberOf.length; id++) {
			if (numberOf[id] == 0) {
				numberOf[id] = ++count;
			}
		}
		var idOf = new int[count];
		for (int id = 0; id < numberOf.length; id++) {
			if (numberOf[id] > 0) {
				idOf[--numberOf[id]] = id;
			}
		}
		return new ActivityNumbers(numberOf, idOf);
	}

}
