package org.kvali.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Function;

/**
 * Answers totals and breakdowns from a {@link FactIndex} with the same results, order and shares as the SQL path,
 * counting in one {@link IndexScan}.
 */
final class IndexQuery {

	private final FactIndex index;

	private final ParticipationFilter filter;

	IndexQuery(FactIndex index, ParticipationFilter filter) {
		this.index = index;
		this.filter = filter;
	}

	Measures totals() {
		try (var memory = new ScanMemory(this.index.scanLimit)) {
			return new IndexScan(this.index, this.filter, List.of(), Grouping.CALENDAR, MeasureSet.ALL, memory).groups
				.measures(0);
		}
	}

	/**
	 * The groups, sorted and cut to {@code first}; without {@code first}, {@link TooManyGroups} when there are more
	 * than {@code most}. {@link ScanMemory.TooLarge} when counting them needs more than the index's scan limit. Periods
	 * and ages are grouped as {@code grouping} has them.
	 */
	List<ParticipationGroup> breakdown(List<Dimension> by, Grouping grouping, List<GroupOrder> orderBy, Integer first,
			MeasureSet measures, int most) {
		return breakdown(by, grouping, orderBy, first, measures, GroupConditions.NONE, most);
	}

	/** The groups {@code having} holds, sorted and cut to {@code first}; {@code most} counts those alone. */
	List<ParticipationGroup> breakdown(List<Dimension> by, Grouping grouping, List<GroupOrder> orderBy, Integer first,
			MeasureSet measures, GroupConditions having, int most) {
		return scanned(by, grouping, orderBy, first, measures, having, most, null).groups();
	}

	/**
	 * The groups ({@link #breakdown}), all of them, and where one pass counts them beside, the strangers' groups
	 * {@code beside} asks for as their own breakdown by participants and participations, in no order asked, gives
	 * them; else null: a partner's breakdown is weighed by its strangers' ({@link CallerWeights}), which a pass of
	 * their own counted again.
	 */
	WithStrangers breakdownWithStrangers(List<Dimension> by, Grouping grouping, List<GroupOrder> orderBy,
			MeasureSet measures, int most, IndexScan.Beside beside) {
		return scanned(by, grouping, orderBy, null, measures, GroupConditions.NONE, most, beside);
	}

	private WithStrangers scanned(List<Dimension> by, Grouping grouping, List<GroupOrder> orderBy, Integer first,
			MeasureSet measures, GroupConditions having, int most, IndexScan.Beside beside) {
		try (var memory = new ScanMemory(this.index.scanLimit)) {
			var scan = new IndexScan(this.index, this.filter, by, grouping, having.counted(measures.orderedBy(orderBy)),
					memory, beside);
			if (first == null && kept(scan, having) > most) {
				throw new TooManyGroups(most);
			}
			var groups = groups(scan, scan.groups, scan.totalParticipants, by, grouping, orderBy, first, having);
			return new WithStrangers(groups, scan.strangers == null ? null : groups(scan, scan.strangers,
					scan.strangerParticipants, by, grouping, List.of(), null, GroupConditions.NONE));
		}
	}

	/** A breakdown's groups, and its strangers' or null ({@link #breakdownWithStrangers}). */
	record WithStrangers(List<ParticipationGroup> groups, List<ParticipationGroup> strangers) {
	}

	private static int kept(IndexScan scan, GroupConditions having) {
		if (having.isNone()) {
			return scan.groups.count();
		}
		int[] kept = { 0 };
		scan.groups.forEach((key, counted) -> kept[0] += having.holds(counted) ? 1 : 0);
		return kept[0];
	}

	/** The groups of these counts of the scan, their shares of {@code total} persons. */
	private List<ParticipationGroup> groups(IndexScan scan, GroupCounts counts, int total, List<Dimension> by,
			Grouping grouping, List<GroupOrder> orderBy, Integer first, GroupConditions having) {
		var order = order(by, orderBy, grouping);
		// the first n of thousands of groups (top 20 organizations) without sorting them all
		var limited = new ArrayList<Row>();
		var top = first == null ? null
				: new PriorityQueue<Row>(Math.max(1, Math.min(first, 1 << 16)), order.reversed());
		counts.forEach((key, counted) -> {
			if (!having.holds(counted)) {
				return;
			}
			var row = new Row(scan.ids(key), counted);
			if (top == null) {
				limited.add(row);
			}
			// most groups are not among the first n: one comparison with the last kept turns them away
			else if (top.size() < first || first > 0 && order.compare(row, top.peek()) < 0) {
				top.add(row);
				if (top.size() > first) {
					top.poll();
				}
			}
		});
		if (top != null) {
			limited.addAll(top);
		}
		limited.sort(order);
		var result = new ArrayList<ParticipationGroup>(limited.size());
		for (var row : limited) {
			result.add(GroupBuilder.group(values(by, grouping, row.ids()), row.measures(), total));
		}
		return result;
	}

	/** The values of a group's dimensions from their ids, as {@link GroupBuilder} takes them. */
	Map<Dimension, Object> values(List<Dimension> by, Grouping grouping, int[] ids) {
		Map<Dimension, Object> values = new EnumMap<>(Dimension.class);
		for (int d = 0; d < by.size(); d++) {
			var dimension = by.get(d);
			int id = ids[d];
			Object value = switch (dimension) {
				case AGE_BAND -> nullOr(dimension, id, Integer::valueOf);
				case AGE_GROUP -> grouping.ageGroup(id);
				case DISABILITY -> nullOr(dimension, id, Boolean::valueOf);
				case YEAR, QUARTER, MONTH -> this.index.periods.start(dimension, id, grouping.yearStart());
				default -> this.index.dictionaries.get(dimension).value(id);
			};
			values.put(dimension, value);
		}
		return values;
	}

	/** The dictionary's value of the id made an object, or null for the unknown value. */
	private Object nullOr(Dimension dimension, int id, Function<String, Object> parse) {
		var text = this.index.dictionaries.get(dimension).value(id);
		return text == null ? null : parse.apply(text);
	}

	/** The orderBy keys, then every dimension ascending; unknown values last in either direction. */
	private Comparator<Row> order(List<Dimension> by, List<GroupOrder> orderBy, Grouping grouping) {
		Comparator<Row> order = (a, b) -> 0;
		for (var key : orderBy) {
			var field = key.by();
			boolean descending = key.direction() == Direction.DESC;
			if (field.dimension == null) {
				Comparator<Row> measure = Comparator.comparingInt(row -> field.of(row.measures()));
				order = order.thenComparing(descending ? measure.reversed() : measure);
			}
			else {
				order = order.thenComparing(
						dimensionOrder(by.indexOf(field.dimension), field.dimension, descending, grouping));
			}
		}
		for (int d = 0; d < by.size(); d++) {
			order = order.thenComparing(dimensionOrder(d, by.get(d), false, grouping));
		}
		return order;
	}

	private Comparator<Row> dimensionOrder(int position, Dimension dimension, boolean descending, Grouping grouping) {
		// a period is never unknown: its number after the last year may be the year from September of that year
		int unknown = dimension.isPeriod() ? -1 : dimension == Dimension.AGE_GROUP ? grouping.ageGroups()
				: this.index.dictionaries.get(dimension).unknown();
		return (a, b) -> {
			int x = a.ids()[position];
			int y = b.ids()[position];
			if (x == y) {
				return 0;
			}
			if (x == unknown || y == unknown) {
				return x == unknown ? 1 : -1;
			}
			return descending ? Integer.compare(y, x) : Integer.compare(x, y);
		};
	}

	private record Row(int[] ids, Measures measures) {
	}

}
