package org.kvali.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.kvali.report.GroupCounting.ArrayGroups;
import org.kvali.report.GroupCounting.Counter;
import org.kvali.report.GroupCounting.Distinct;
import org.kvali.report.GroupCounting.HashGroups;

/**
 * Answers totals and breakdowns from a {@link FactIndex} in one pass over its rows, with the same results, order and
 * shares as the SQL path. Rows come sorted by participant, so a group counts a person when they differ from the last
 * person it counted.
 */
final class IndexQuery {

	/** Group keys up to this many combinations are kept in an array; beyond it, in a hash map. */
	private static final long ARRAY_GROUPS = 1 << 20;

	private final FactIndex index;

	private final IndexFilter filter;

	IndexQuery(FactIndex index, ParticipationFilter filter) {
		this.index = index;
		this.filter = new IndexFilter(index, filter);
	}

	Measures totals() {
		var total = new Counter(this.index, new Distinct(this.index, 1));
		for (int i = 0; i < this.index.rows; i++) {
			if (this.filter.matches(i)) {
				total.add(i);
			}
		}
		return total.measures();
	}

	List<ParticipationGroup> breakdown(List<Dimension> by, List<GroupOrder> orderBy, Integer first) {
		var columns = new int[by.size()][];
		var radix = new long[by.size()];
		long combinations = 1;
		for (int d = 0; d < by.size(); d++) {
			columns[d] = this.index.columns.get(by.get(d));
			radix[d] = this.index.dictionaries.get(by.get(d)).size();
			combinations *= radix[d];
		}
		var total = new Counter(this.index, new Distinct(this.index, 1));
		var distinct = new Distinct(this.index, combinations);
		var groups = combinations <= ARRAY_GROUPS ? new ArrayGroups(this.index, distinct, (int) combinations)
				: new HashGroups(this.index, distinct);
		for (int i = 0; i < this.index.rows; i++) {
			if (!this.filter.matches(i)) {
				continue;
			}
			long key = 0;
			for (int d = 0; d < columns.length; d++) {
				key = key * radix[d] + columns[d][i];
			}
			groups.counter(key).add(i);
			total.add(i);
		}
		var rows = new ArrayList<Row>();
		groups.forEach((key, counter) -> rows.add(new Row(ids(key, radix), counter.measures())));
		rows.sort(order(by, orderBy));
		var limited = first == null || first >= rows.size() ? rows : rows.subList(0, first);
		int totalParticipants = total.measures().participants();
		var result = new ArrayList<ParticipationGroup>(limited.size());
		for (var row : limited) {
			result.add(GroupBuilder.group(values(by, row.ids()), row.measures(), totalParticipants));
		}
		return result;
	}

	private static int[] ids(long key, long[] radix) {
		var ids = new int[radix.length];
		for (int d = radix.length - 1; d >= 0; d--) {
			ids[d] = (int) (key % radix[d]);
			key /= radix[d];
		}
		return ids;
	}

	private Map<Dimension, Object> values(List<Dimension> by, int[] ids) {
		Map<Dimension, Object> values = new EnumMap<>(Dimension.class);
		for (int d = 0; d < by.size(); d++) {
			var dimension = by.get(d);
			var dictionary = this.index.dictionaries.get(dimension);
			var text = dictionary.value(ids[d]);
			Object value = switch (dimension) {
				case AGE_BAND -> text == null ? null : Integer.valueOf(text);
				case DISABILITY -> text == null ? null : Boolean.valueOf(text);
				case YEAR, QUARTER, MONTH -> this.index.periodStart(dimension, ids[d]);
				default -> text;
			};
			values.put(dimension, value);
		}
		return values;
	}

	/** The orderBy keys, then every dimension ascending; unknown values last in either direction. */
	private Comparator<Row> order(List<Dimension> by, List<GroupOrder> orderBy) {
		Comparator<Row> order = (a, b) -> 0;
		for (var key : orderBy) {
			var field = key.by();
			boolean descending = key.direction() == Direction.DESC;
			if (field.dimension == null) {
				Comparator<Row> measure = Comparator.comparingInt(row -> measure(row.measures(), field));
				order = order.thenComparing(descending ? measure.reversed() : measure);
			}
			else {
				order = order.thenComparing(dimensionOrder(by.indexOf(field.dimension), field.dimension, descending));
			}
		}
		for (int d = 0; d < by.size(); d++) {
			order = order.thenComparing(dimensionOrder(d, by.get(d), false));
		}
		return order;
	}

	private Comparator<Row> dimensionOrder(int position, Dimension dimension, boolean descending) {
		int unknown = this.index.dictionaries.get(dimension).unknown();
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

	private static int measure(Measures measures, GroupOrderField field) {
		return switch (field) {
			case PARTICIPATIONS -> measures.participations();
			case PARTICIPANTS, SHARE -> measures.participants();
			case ACTIVITIES -> measures.activities();
			case ORGANIZATIONS -> measures.organizations();
			default -> throw new IllegalArgumentException(field + " is not a measure");
		};
	}

	private record Row(int[] ids, Measures measures) {
	}

}
