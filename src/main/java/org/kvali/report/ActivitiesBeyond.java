package org.kvali.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Of an index, the activities a filter's conditions on activities (programme, project, venue, kind, the activities
 * named, start dates) leave in that none of a partner's organizations runs: what decides whether its answers are
 * weighed ({@link FactIndex#reachesBeyond}) and which of its groups hold its own people alone by their keys ({@link
 * OwnKeys}). What the filter asks of people and roles is left aside, so that neither tells anything of who took part.
 */
final class ActivitiesBeyond {

	private final FactIndex index;

	private final ParticipationFilter filter;

	/** The numbers of the activities, not deleted, that the filter's conditions on activities leave in. */
	private final int[] selected;

	/** Per activity number, whether one of the organizations runs it. */
	private final boolean[] run;

	ActivitiesBeyond(FactIndex index, ParticipationFilter filter, Set<Long> organizations) {
		this.index = index;
		this.filter = filter;
		this.selected = selected(index, filter);
		this.run = index.organizers.runBy(organizations);
	}

	/** Whether the filter leaves in an activity none of the organizations runs, or no activity at all. */
	boolean reached() {
		return this.selected.length == 0 || Arrays.stream(this.selected).anyMatch(a -> !this.run[a]);
	}

	/**
	 * The values of these dimensions of activities, as a breakdown's groups have them (grouped as {@code grouping}
	 * has them), of the activities beyond the organizations'. Told apart by their value ids first: made into values
	 * one by one, the 333,392 activities took a third of a partner's project by gender at 10 million.
	 */
	Set<List<Object>> values(List<Dimension> dimensions, Grouping grouping) {
		return values(dimensions, grouping, Long.MAX_VALUE);
	}

	/**
	 * The values ({@link #values(List, Grouping)}), their ids told apart as one number while their combinations are
	 * at most {@code most}, else as lists (a test asks for the lists, which 4 dimensions of a long reach need).
	 */
	Set<List<Object>> values(List<Dimension> dimensions, Grouping grouping, long most) {
		var columns = new int[dimensions.size()][];
		var radix = new long[dimensions.size()];
		long combinations = 1;
		for (int d = 0; d < columns.length; d++) {
			var dimension = dimensions.get(d);
			columns[d] = dimension.isPeriod() ? this.index.periodColumn(dimension, grouping.yearStart())
					: this.index.attributes.get(dimension);
			radix[d] = Arrays.stream(columns[d]).max().orElse(0) + 1L;
			combinations = combinations < 0 || combinations > Long.MAX_VALUE / radix[d] ? -1 : combinations * radix[d];
		}
		var ids = combinations < 0 || combinations > most ? tuples(columns) : tuples(columns, radix);
		// each as a group of the breakdown is keyed
		var query = new IndexQuery(this.index, this.filter);
		var values = new HashSet<List<Object>>();
		for (var tuple : ids) {
			values.add(GroupBuilder.key(query.values(dimensions, grouping, tuple), dimensions));
		}
		return values;
	}

	/**
	 * The distinct tuples of value ids of the activities beyond, each told apart as one number in these radixes,
	 * unboxed: a set of boxed numbers took a third of this class's samples in a partner's project by gender. At most
	 * one a stored activity, charged without a limit of its own (the set it replaced was not charged at all); only
	 * beyond 3 million would it wait for a turn, as a large scan does.
	 */
	private List<int[]> tuples(int[][] columns, long[] radix) {
		var tuples = new ArrayList<int[]>();
		try (var memory = new ScanMemory(Long.MAX_VALUE)) {
			var keys = new LongSet(memory);
			for (int a : this.selected) {
				if (!this.run[a]) {
					long key = 0;
					for (int d = 0; d < columns.length; d++) {
						key = key * radix[d] + columns[d][a];
					}
					keys.add(key);
				}
			}
			keys.forEach(key -> {
				var tuple = new int[columns.length];
				for (int d = columns.length - 1; d >= 0; d--) {
					tuple[d] = (int) (key % radix[d]);
					key /= radix[d];
				}
				tuples.add(tuple);
			});
		}
		return tuples;
	}

	/** The distinct tuples of value ids of the activities beyond, told apart as lists: too many for one number. */
	private List<int[]> tuples(int[][] columns) {
		var lists = new HashSet<List<Integer>>();
		for (int a : this.selected) {
			if (!this.run[a]) {
				var tuple = new ArrayList<Integer>(columns.length);
				for (var column : columns) {
					tuple.add(column[a]);
				}
				lists.add(tuple);
			}
		}
		return lists.stream().map(tuple -> tuple.stream().mapToInt(Integer::intValue).toArray()).toList();
	}

	/**
	 * The numbers of the activities, not deleted, that the filter's conditions on activities leave in, as the scans
	 * of the filter find them ({@link LastSelection#unkept}): asked twice of every partner's answer, whether it
	 * reaches beyond and of what values, and finding them took about 5% of a partner's project by gender at 10
	 * million.
	 */
	private static int[] selected(FactIndex index, ParticipationFilter filter) {
		var selection = index.selections.unkept(index, filter, IndexScan.sparseShare);
		var selected = new int[index.activities];
		int count = 0;
		for (int a = 0; a < index.activities; a++) {
			if (selection.keeps(a) && !index.activityDeleted(a)) {
				selected[count++] = a;
			}
		}
		return Arrays.copyOf(selected, count);
	}

}
