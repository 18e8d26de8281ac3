package org.kvali.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A breakdown's groups in their natural order by its dimensions ({@link SmallCells#NATURAL}), each named by its place
 * in that order, and each dimension's values numbered in their natural order: the weighing ({@link SmallCells})
 * keys and compares groups by these numbers. Keyed by lists of their values, a donor's breakdown of a project's 16,456
 * activities by gender spent 64 % of its samples weighing them, most of it hashing the lists and the groups. The
 * groups are those of one breakdown, each once, of distinct keys; read by one weighing at a time.
 */
final class NumberedGroups {

	private final List<ParticipationGroup> groups;

	private final List<Dimension> dimensions;

	/** Of each dimension, each group's value's number. */
	private final int[][] ids;

	/** Of each dimension, its values by number. */
	private final Object[][] values;

	/** Of each group, its place in the order the groups were given in. */
	private final int[] given;

	/** Of each dimension, the groups' values of all the others numbered ({@link #rest}), read when first asked. */
	private final GroupNumbers[] rests;

	private NumberedGroups(List<ParticipationGroup> groups, List<Dimension> dimensions, int[][] ids, Object[][] values,
			int[] given) {
		this.groups = groups;
		this.dimensions = dimensions;
		this.ids = ids;
		this.values = values;
		this.given = given;
		this.rests = new GroupNumbers[dimensions.size()];
	}

	/** The groups by these dimensions (each group's values of them are its key, distinct), put in natural order. */
	static NumberedGroups of(List<ParticipationGroup> groups, List<Dimension> dimensions) {
		int size = groups.size();
		var ids = new int[dimensions.size()][size];
		var values = new Object[dimensions.size()][];
		for (int d = 0; d < dimensions.size(); d++) {
			values[d] = number(groups, dimensions.get(d), ids[d]);
		}
		Integer[] order = new Integer[size];
		Arrays.setAll(order, n -> n);
		Arrays.sort(order, byNumbers(List.of(ids)));
		var sorted = new ArrayList<ParticipationGroup>(size);
		var given = new int[size];
		var sortedIds = new int[dimensions.size()][size];
		for (int n = 0; n < size; n++) {
			sorted.add(groups.get(order[n]));
			given[n] = order[n];
			for (int d = 0; d < ids.length; d++) {
				sortedIds[d][n] = ids[d][order[n]];
			}
		}
		return new NumberedGroups(sorted, dimensions, sortedIds, values, given);
	}

	/** Numbers the groups' values of one dimension in their natural order into {@code ids}; its values by number. */
	private static Object[] number(List<ParticipationGroup> groups, Dimension dimension, int[] ids) {
		var inOrder = inOrder(groups, dimension, ids);
		if (inOrder != null) {
			return inOrder;
		}
		var met = new FirstMet();
		for (int n = 0; n < ids.length; n++) {
			ids[n] = met.number(groups.get(n).value(dimension));
		}
		var distinct = met.values();
		Integer[] order = new Integer[distinct.size()];
		Arrays.setAll(order, n -> n);
		Arrays.sort(order, (left, right) -> SmallCells.compareValues(distinct.get(left), distinct.get(right)));
		var rank = new int[order.length];
		var values = new Object[order.length];
		for (int r = 0; r < order.length; r++) {
			rank[order[r]] = r;
			values[r] = distinct.get(order[r]);
		}
		for (int n = 0; n < ids.length; n++) {
			ids[n] = rank[ids[n]];
		}
		return values;
	}

	/**
	 * Numbers the values as {@link #number} does where the groups have them in natural order already (a breakdown is
	 * counted so by its first dimension), else returns null: by the runs of equal values, without a map of them,
	 * which took half of the weighing of a donor's 50,000 organizations.
	 */
	private static Object[] inOrder(List<ParticipationGroup> groups, Dimension dimension, int[] ids) {
		var values = new ArrayList<>();
		Object last = null;
		for (int n = 0; n < ids.length; n++) {
			var value = groups.get(n).value(dimension);
			int compared = n == 0 ? -1 : SmallCells.compareValues(last, value);
			if (compared > 0) {
				return null;
			}
			if (compared < 0) {
				values.add(value);
			}
			ids[n] = values.size() - 1;
			last = value;
		}
		return values.toArray();
	}

	/** The groups in natural order. */
	List<ParticipationGroup> groups() {
		return this.groups;
	}

	int size() {
		return this.groups.size();
	}

	List<Dimension> dimensions() {
		return this.dimensions;
	}

	/** Where the group at this place was in the order the groups were given in. */
	int given(int group) {
		return this.given[group];
	}

	/** Of each group, the number of its value of the dimension at {@code d}. */
	int[] ids(int d) {
		return this.ids[d];
	}

	/** The values of the dimension at {@code d}, by number. */
	Object[] values(int d) {
		return this.values[d];
	}

	/** The group's values, its key by the dimensions in order. */
	List<Object> key(int group) {
		var key = new ArrayList<>(this.ids.length);
		for (int d = 0; d < this.ids.length; d++) {
			key.add(this.values[d][this.ids[d][group]]);
		}
		return key;
	}

	/** The group's values of every dimension but the one at {@code varying}, in order. */
	List<Object> rest(int group, int varying) {
		var rest = key(group);
		rest.remove(varying);
		return rest;
	}

	/**
	 * The groups' values of every dimension but the one at {@code varying}, numbered in the order they are first met
	 * in: the groups of one number differ in that dimension alone.
	 */
	GroupNumbers rest(int varying) {
		if (this.rests[varying] == null) {
			GroupNumbers rest = null;
			for (int d = 0; d < this.ids.length; d++) {
				if (d != varying) {
					var of = new GroupNumbers(this.ids[d], this.values[d].length);
					rest = rest == null ? of.renumbered() : rest.with(of);
				}
			}
			this.rests[varying] = rest == null ? new GroupNumbers(new int[size()], 1) : rest;
		}
		return this.rests[varying];
	}

	/** The order of groups by their values of these dimensions, each in its natural order. */
	Comparator<Integer> order(List<Dimension> by) {
		return byNumbers(by.stream().map(dimension -> this.ids[this.dimensions.indexOf(dimension)]).toList());
	}

	/** The order of groups by their numbers of these dimensions' values, the first dimension first. */
	private static Comparator<Integer> byNumbers(List<int[]> of) {
		return (left, right) -> {
			for (int[] ids : of) {
				int compared = Integer.compare(ids[left], ids[right]);
				if (compared != 0) {
					return compared;
				}
			}
			return 0;
		};
	}

}
