package org.kvali.report;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

	/**
	 * The four measures of one group, counted as its rows go by in participant order. Distinct activities and
	 * organizations are told apart by (group number, value) pairs in sets shared by all groups of a query.
	 */
	static final class Counter {

		private final FactIndex index;

		private final long number;

		private final Distinct distinct;

		private int participations;

		private int participants;

		private int lastParticipant = -1;

		private int activities;

		private int organizations;

		Counter(FactIndex index, Distinct distinct) {
			this.index = index;
			this.distinct = distinct;
			this.number = distinct.newGroup();
		}

		void add(int row) {
			this.participations++;
			int person = this.index.participant[row];
			if (person != this.lastParticipant) {
				this.participants++;
				this.lastParticipant = person;
			}
			if (this.distinct.firstActivity(this.number, this.index.activity[row])) {
				this.activities++;
			}
			int organization = this.index.organization[row];
			if (organization >= 0 && this.distinct.firstOrganization(this.number, organization)) {
				this.organizations++;
			}
		}

		Measures measures() {
			return new Measures(this.participations, this.participants, this.activities, this.organizations);
		}

	}

	/**
	 * The activities and organizations each group has already counted: a bit set per group while groups times
	 * activities stays small, otherwise (group, value) pairs in one hash set, which costs more per row but no memory
	 * per group.
	 */
	static final class Distinct {

		private static final long DENSE_BITS = 1L << 27;

		private final int activityCount;

		private final int organizationCount;

		private final boolean dense;

		private final List<BitSet> activitySets = new ArrayList<>();

		private final List<BitSet> organizationSets = new ArrayList<>();

		private final LongSet activityPairs = new LongSet();

		private final LongSet organizationPairs = new LongSet();

		private long groups;

		Distinct(FactIndex index, long maxGroups) {
			this.activityCount = index.activities;
			this.organizationCount = index.organizations;
			this.dense = maxGroups * Math.max(index.activities, index.organizations) <= DENSE_BITS;
		}

		long newGroup() {
			if (this.dense) {
				this.activitySets.add(new BitSet());
				this.organizationSets.add(new BitSet());
			}
			return this.groups++;
		}

		boolean firstActivity(long group, int activity) {
			return this.dense ? firstIn(this.activitySets.get((int) group), activity)
					: this.activityPairs.add(group * this.activityCount + activity);
		}

		boolean firstOrganization(long group, int organization) {
			return this.dense ? firstIn(this.organizationSets.get((int) group), organization)
					: this.organizationPairs.add(group * this.organizationCount + organization);
		}

		private static boolean firstIn(BitSet seen, int value) {
			if (seen.get(value)) {
				return false;
			}
			seen.set(value);
			return true;
		}

	}

	private interface Groups {

		Counter counter(long key);

		void forEach(java.util.function.BiConsumer<Long, Counter> action);

	}

	private static final class ArrayGroups implements Groups {

		private final FactIndex index;

		private final Distinct distinct;

		private final Counter[] counters;

		ArrayGroups(FactIndex index, Distinct distinct, int size) {
			this.index = index;
			this.distinct = distinct;
			this.counters = new Counter[size];
		}

		@Override
		public Counter counter(long key) {
			var counter = this.counters[(int) key];
			if (counter == null) {
				counter = new Counter(this.index, this.distinct);
				this.counters[(int) key] = counter;
			}
			return counter;
		}

		@Override
		public void forEach(java.util.function.BiConsumer<Long, Counter> action) {
			for (int key = 0; key < this.counters.length; key++) {
				if (this.counters[key] != null) {
					action.accept((long) key, this.counters[key]);
				}
			}
		}

	}

	private static final class HashGroups implements Groups {

		private final FactIndex index;

		private final Distinct distinct;

		private final Map<Long, Counter> counters = new HashMap<>();

		HashGroups(FactIndex index, Distinct distinct) {
			this.index = index;
			this.distinct = distinct;
		}

		@Override
		public Counter counter(long key) {
			return this.counters.computeIfAbsent(key, k -> new Counter(this.index, this.distinct));
		}

		@Override
		public void forEach(java.util.function.BiConsumer<Long, Counter> action) {
			this.counters.forEach(action);
		}

	}

}
