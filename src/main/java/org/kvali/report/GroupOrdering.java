package org.kvali.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The order asked for of a breakdown whose small groups are withheld, put on its groups after they are weighed: they
 * are counted and weighed in their natural order ({@link SmallCells}), and those shown are then ordered as asked,
 * those withheld kept last. Counted in the order asked for and sorted again by their keys to be weighed, a donor's top
 * 20 of 50,000 organizations spent a quarter of its samples sorting them twice. The order is the one both paths give
 * groups counted in it ({@code ReportSql.breakdown}, {@code IndexQuery}): each key asked for, ascending or descending,
 * with no value last, then the breakdown's dimensions in its order, ascending. It holds where a dimension's values
 * compare ({@link SmallCells#compareValues}) as both paths sort them: codes are ASCII ({@code CodeRule}), compared as
 * the index's dictionaries and {@code COLLATE "C"} sort them, and the period keys of one breakdown are of one form.
 */
final class GroupOrdering {

	private GroupOrdering() {
	}

	/**
	 * The groups, weighed, those shown first as they were counted and those withheld last ({@link SmallCells#suppress}),
	 * with the shown ones in the order asked for, cut to {@code first}: the first n of thousands chosen without
	 * sorting them all.
	 */
	static List<ParticipationGroup> page(List<ParticipationGroup> groups, List<GroupOrder> orderBy,
			List<Dimension> by, Integer first) {
		var shown = new ArrayList<ParticipationGroup>(groups.size());
		var withheld = new ArrayList<ParticipationGroup>();
		for (var group : groups) {
			(group.suppressed() ? withheld : shown).add(group);
		}
		// counted without an order, they are in the breakdown's natural order already
		var page = orderBy.isEmpty() ? shown : firstOf(shown, of(orderBy, by), first == null ? shown.size() : first);
		page.addAll(withheld);
		return first == null || first >= page.size() ? page : page.subList(0, first);
	}

	/** The first {@code n} of the groups in this order, sorted. */
	private static ArrayList<ParticipationGroup> firstOf(List<ParticipationGroup> groups,
			Comparator<ParticipationGroup> order, int n) {
		if (n >= groups.size()) {
			var sorted = new ArrayList<>(groups);
			sorted.sort(order);
			return sorted;
		}
		var top = new PriorityQueue<ParticipationGroup>(Math.max(1, n), order.reversed());
		for (var group : groups) {
			// most groups are not among the first n: one comparison with the last kept turns them away
			if (top.size() < n) {
				top.add(group);
			}
			else if (n > 0 && order.compare(group, top.peek()) < 0) {
				top.poll();
				top.add(group);
			}
		}
		var sorted = new ArrayList<>(top);
		sorted.sort(order);
		return sorted;
	}

	/** The order asked for, then the breakdown's dimensions ascending: a total order, as no two groups share a key. */
	static Comparator<ParticipationGroup> of(List<GroupOrder> orderBy, List<Dimension> by) {
		Comparator<ParticipationGroup> order = (a, b) -> 0;
		for (var key : orderBy) {
			boolean descending = key.direction() == Direction.DESC;
			var field = key.by();
			order = order.thenComparing(field.dimension == null ? measure(field, descending)
					: dimension(field.dimension, descending));
		}
		for (var dimension : by) {
			order = order.thenComparing(dimension(dimension, false));
		}
		return order;
	}

	/** By a measure, a group without it (not counted) last either way, as {@code NULLS LAST} sorts it. */
	private static Comparator<ParticipationGroup> measure(GroupOrderField field, boolean descending) {
		return (a, b) -> {
			Integer x = field.of(a.measures());
			Integer y = field.of(b.measures());
			if (x == null || y == null) {
				return x == null ? (y == null ? 0 : 1) : -1;
			}
			return descending ? Integer.compare(y, x) : Integer.compare(x, y);
		};
	}

	/** By a dimension's values in their natural order, no value last either way. */
	private static Comparator<ParticipationGroup> dimension(Dimension dimension, boolean descending) {
		return (a, b) -> {
			Object x = known(a.value(dimension));
			Object y = known(b.value(dimension));
			if (x == null || y == null) {
				return x == null ? (y == null ? 0 : 1) : -1;
			}
			int compared = SmallCells.compareValues(x, y);
			return descending ? -compared : compared;
		};
	}

	/**
	 * A value of a group, null where not known: a group's age band not known is {@link AgeBand#UNKNOWN}, not null
	 * (every other value not known is null on both paths). A value not known of another dimension that is not null
	 * must be told here, or it would be ordered among the known ones where both paths put it last.
	 */
	private static Object known(Object value) {
		return value == AgeBand.UNKNOWN ? null : value;
	}

}
