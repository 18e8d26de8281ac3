package org.kvali.report;

import java.util.Arrays;

/**
 * The activities a filter leaves in by what describes them and their dates, numbered from 0 in the order of their
 * value ids. Where they hold few rows, a scan reads their rows alone ({@link IndexScan#sparseShare}); a breakdown by
 * activity keys its groups by these numbers, not by the ids of every activity the index holds. A project's 16,456
 * activities by gender at 10 million participations made 1.3 million combinations for 333,392 activities, more than
 * fit the processor's caches and more than a scan cut into parts may count ({@link DenseScan#wideGroups});
 * numbered, 82,000.
 *
 * @param numberOf per value id of ACTIVITY, its number, or -1 when the filter leaves it out
 * @param idOf per number, its value id
 */
record ActivityNumbers(int[] numberOf, int[] idOf) {

	/**
	 * The numbers of the activities the filter leaves in; null where nothing about an activity is filtered by and its
	 * dates leave none out.
	 */
	static ActivityNumbers of(FactIndex index, ParticipationFilter filter) {
		var allowed = new Allowed(index, filter);
		var filtered = allowed.of(Level.ACTIVITY);
		long from = filter.from() == null ? Long.MIN_VALUE : filter.from().toEpochDay();
		long to = filter.to() == null ? Long.MAX_VALUE : filter.to().toEpochDay();
		if (filtered.isEmpty() && from <= index.firstDay && to >= index.lastDay) {
			return null;
		}
		var pass = filtered.stream().map(allowed::values).toList();
		var columns = filtered.stream().map(index.attributes::get).toList();
		var ids = index.attributes.get(Dimension.ACTIVITY);
		// first 0 for each value id kept, then its number
		var numberOf = new int[index.dictionaries.get(Dimension.ACTIVITY).size()];
		Arrays.fill(numberOf, -1);
		for (int a = 0; a < index.activities; a++) {
			boolean left = index.startDay[a] < from || index.startDay[a] > to;
			for (int d = 0; d < columns.size() && !left; d++) {
				left = !pass.get(d)[columns.get(d)[a]];
			}
			if (!left) {
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
