package org.kvali.report;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** Where a breakdown keeps its groups, and how each group counts its measures as the rows go by. */
final class GroupCounting {

	private GroupCounting() {
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

	interface Groups {

		Counter counter(long key);

		void forEach(BiConsumer<Long, Counter> action);

	}

	static final class ArrayGroups implements Groups {

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
		public void forEach(BiConsumer<Long, Counter> action) {
			for (int key = 0; key < this.counters.length; key++) {
				if (this.counters[key] != null) {
					action.accept((long) key, this.counters[key]);
				}
			}
		}

	}

	static final class HashGroups implements Groups {

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
		public void forEach(BiConsumer<Long, Counter> action) {
			this.counters.forEach(action);
		}

	}

}
