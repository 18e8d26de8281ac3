package org.kvali.report;

import java.util.Arrays;

/**
 * The measures of every group of one scan, counted as the rows go by in person order. A group is a slot: its key
 * itself while keys are few, otherwise the next free slot found through a hash table of keys. Distinct activities and
 * organizations are counted only when asked for, in a bit set per group while groups times values stays small,
 * otherwise as (group, value) pairs in one hash set.
 */
final class GroupCounts {

	private static final long DENSE_BITS = 1L << 27;

	private final boolean dense;

	private final Seen activitySeen;

	private final Seen organizationSeen;

	private long[] keys;

	private int[] participations;

	private int[] participants;

	private int[] lastPerson;

	private int[] activities;

	private int[] organizations;

	private int used;

	/** Hash path: key + 1 per table position (0 free) and the slot it has. */
	private long[] table;

	private int[] tableSlot;

	/** {@code combinations} groups counted in arrays by key, or, when -1, any number through a hash table. */
	GroupCounts(FactIndex index, int combinations, MeasureSet measures) {
		this.dense = combinations >= 0;
		int slots = this.dense ? combinations : 1024;
		this.participations = new int[slots];
		this.participants = new int[slots];
		this.lastPerson = new int[slots];
		Arrays.fill(this.lastPerson, -1);
		this.activities = measures.activities() ? new int[slots] : null;
		this.organizations = measures.organizations() ? new int[slots] : null;
		this.activitySeen = measures.activities() ? Seen.of(this.dense ? slots : -1, index.activities) : null;
		this.organizationSeen = measures.organizations() ? Seen.of(this.dense ? slots : -1, index.organizationSlots)
				: null;
		if (!this.dense) {
			this.keys = new long[slots];
			this.table = new long[2048];
			this.tableSlot = new int[2048];
		}
	}

	void add(long key, int person, int activity, int organization) {
		int slot = this.dense ? (int) key : slotOf(key);
		this.participations[slot]++;
		if (this.lastPerson[slot] != person) {
			this.lastPerson[slot] = person;
			this.participants[slot]++;
		}
		if (this.activitySeen != null && this.activitySeen.first(slot, activity)) {
			this.activities[slot]++;
		}
		if (organization > 0 && this.organizationSeen != null && this.organizationSeen.first(slot, organization)) {
			this.organizations[slot]++;
		}
	}

	/** Every group with at least one row: its key and measures. */
	void forEach(KeyMeasures action) {
		int slots = this.dense ? this.participations.length : this.used;
		for (int slot = 0; slot < slots; slot++) {
			if (this.participations[slot] > 0) {
				action.accept(this.dense ? slot : this.keys[slot], measures(slot));
			}
		}
	}

	/** The measures of the group with this key (all zero when no row fell into it). */
	Measures measures(long key) {
		if (this.dense) {
			return measures((int) key);
		}
		int position = position(key);
		return this.table[position] == 0 ? measures(-1) : measures(this.tableSlot[position]);
	}

	private Measures measures(int slot) {
		boolean none = slot < 0;
		return new Measures(none ? 0 : this.participations[slot], none ? 0 : this.participants[slot],
				this.activities == null ? null : none ? 0 : this.activities[slot],
				this.organizations == null ? null : none ? 0 : this.organizations[slot]);
	}

	interface KeyMeasures {

		void accept(long key, Measures measures);

	}

	private int slotOf(long key) {
		int position = position(key);
		if (this.table[position] != 0) {
			return this.tableSlot[position];
		}
		int slot = this.used++;
		if (slot == this.keys.length) {
			grow();
		}
		this.keys[slot] = key;
		this.table[position] = key + 1;
		this.tableSlot[position] = slot;
		if (this.used * 2 > this.table.length) {
			rehash();
		}
		return slot;
	}

	private int position(long key) {
		int mask = this.table.length - 1;
		long h = (key + 1) * 0x9E3779B97F4A7C15L;
		int position = (int) (h ^ (h >>> 29)) & mask;
		while (this.table[position] != 0 && this.table[position] != key + 1) {
			position = (position + 1) & mask;
		}
		return position;
	}

	private void grow() {
		int size = this.keys.length * 2;
		this.keys = Arrays.copyOf(this.keys, size);
		this.participations = Arrays.copyOf(this.participations, size);
		this.participants = Arrays.copyOf(this.participants, size);
		int old = this.lastPerson.length;
		this.lastPerson = Arrays.copyOf(this.lastPerson, size);
		Arrays.fill(this.lastPerson, old, size, -1);
		if (this.activities != null) {
			this.activities = Arrays.copyOf(this.activities, size);
		}
		if (this.organizations != null) {
			this.organizations = Arrays.copyOf(this.organizations, size);
		}
	}

	private void rehash() {
		this.table = new long[this.table.length * 2];
		this.tableSlot = new int[this.table.length];
		for (int slot = 0; slot < this.used; slot++) {
			int position = position(this.keys[slot]);
			this.table[position] = this.keys[slot] + 1;
			this.tableSlot[position] = slot;
		}
	}

	/** Which values each group has counted already. */
	private interface Seen {

		/** True the first time this group meets this value. */
		boolean first(int slot, int value);

		static Seen of(int slots, int values) {
			if (slots >= 0 && (long) slots * values <= DENSE_BITS) {
				var bits = new long[(int) (((long) slots * values + 63) >>> 6)];
				return (slot, value) -> {
					long bit = (long) slot * values + value;
					int word = (int) (bit >>> 6);
					long mask = 1L << bit;
					if ((bits[word] & mask) != 0) {
						return false;
					}
					bits[word] |= mask;
					return true;
				};
			}
			var pairs = new LongSet();
			return (slot, value) -> pairs.add((long) slot * values + value);
		}

	}

}
