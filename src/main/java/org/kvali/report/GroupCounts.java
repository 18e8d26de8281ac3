package org.kvali.report;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The measures of every group of one scan, counted as the rows go by in person order. A group is a slot: its key
 * itself while keys are few, otherwise the next free slot found through a hash table of keys. Distinct activities and
 * organizations are counted only when asked for, in a bit set per group while groups times values stays small,
 * otherwise as (group, value) pairs in one hash set, or, in a scan of every row, by each row's slot ({@link
 * RowSlots}).
 */
final class GroupCounts {

	private final FactIndex index;

	private final MeasureSet measures;

	private final boolean byActivity;

	/** The rows' slots distinct values are told by, where too many for bit sets in a scan of every row; or null. */
	private final RowSlots rowSlots;

	private final boolean dense;

	/** Dense: how many groups there are; the group of key k is in slot k + 1, slot 0 holds the rows not counted. */
	private final int slots;

	private final Seen activitySeen;

	private final Seen organizationSeen;

	private final ScanMemory memory;

	private long[] keys;

	int[] participations;

	int[] participants;

	int[] lastPerson;

	private int used;

	/** Hash path: key + 1 per table position (0 free) and the slot it has. */
	private long[] table;

	private int[] tableSlot;

	/** Whether distinct activities are asked for and activity is grouped by: then a group has exactly one. */
	private final boolean oneActivity;

	/**
	 * {@code combinations} groups counted in arrays by key, or, when -1, any number through a hash table; every array
	 * is charged to {@code memory} first. When {@code byActivity}, each group is of one activity.
	 */
	GroupCounts(FactIndex index, int combinations, MeasureSet measures, boolean byActivity, ScanMemory memory) {
		this(index, combinations, measures, byActivity, memory, false, null);
	}

	/**
	 * Counts as {@link #GroupCounts(FactIndex, int, MeasureSet, boolean, ScanMemory)} for a scan of every row, in
	 * blocks ({@link DenseScan}) or through the hash table (-1 combinations, rows added with their number): distinct
	 * activities and organizations too many for bit sets, or through the hash table any, are told by each row's slot
	 * ({@link RowSlots}), not as pairs.
	 */
	static GroupCounts ofEveryRow(FactIndex index, int combinations, MeasureSet measures, boolean byActivity,
			ScanMemory memory) {
		return new GroupCounts(index, combinations, measures, byActivity, memory, true, null);
	}

	/** Counts alike for another part of the same scan, noting its rows' slots in the same {@link RowSlots} if any. */
	GroupCounts alike() {
		return new GroupCounts(this.index, this.slots, this.measures, this.byActivity, this.memory, false,
				this.rowSlots);
	}

	private GroupCounts(FactIndex index, int combinations, MeasureSet measures, boolean byActivity, ScanMemory memory,
			boolean everyRow, RowSlots rowSlots) {
		this.index = index;
		this.measures = measures;
		this.byActivity = byActivity;
		this.dense = combinations >= 0;
		this.oneActivity = measures.activities() && byActivity;
		this.slots = combinations;
		this.memory = memory;
		int slots = this.dense ? combinations + 1 : 1024;
		// participations, participants and the last person of each slot
		memory.charge(slots, 12);
		this.participations = new int[slots];
		this.participants = new int[slots];
		this.lastPerson = new int[slots];
		Arrays.fill(this.lastPerson, -1);
		boolean activities = measures.activities() && !byActivity;
		// through the hash table, every row scanned, always by slot: pairs there took 2.3 of a question's 4.7 s
		boolean activitiesBySlot = activities && (rowSlots != null ? rowSlots.activitiesNoted()
				: everyRow && (!this.dense || !Seen.bitsFit(slots, index.activities)));
		boolean organizationsBySlot = measures.organizations() && (rowSlots != null ? rowSlots.organizationsNoted()
				: everyRow && (!this.dense || !Seen.bitsFit(slots, index.organizationSlots)));
		this.rowSlots = rowSlots != null ? rowSlots
				: !activitiesBySlot && !organizationsBySlot ? null
				: this.dense ? new RowSlots(index, slots, memory) : RowSlots.hashed(index, () -> this.used, memory);
		this.activitySeen = !activities ? null : activitiesBySlot ? this.rowSlots.activities()
				: Seen.of(this.dense ? slots : -1, index.activities, 0, memory);
		// organization number 0 is "none", which is not counted
		this.organizationSeen = !measures.organizations() ? null
				: organizationsBySlot ? this.rowSlots.organizations()
				: Seen.of(this.dense ? slots : -1, index.organizationSlots, 1, memory);
		if (!this.dense) {
			memory.charge(slots, 8);
			memory.charge(2048, 12);
			this.keys = new long[slots];
			this.table = new long[2048];
			this.tableSlot = new int[2048];
		}
	}

	/**
	 * Whether counting these groups may take more than {@link ScanMemory#SMALL}: through the hash table, in arrays of
	 * more than {@link DenseScan#wideGroups} groups, or with distinct values kept as pairs.
	 */
	static boolean large(FactIndex index, long combinations, boolean arrays, MeasureSet measures, boolean byActivity) {
		return !arrays || combinations > DenseScan.wideGroups
				|| measures.activities() && !byActivity && !Seen.bitsFit(combinations + 1, index.activities)
				|| measures.organizations() && !Seen.bitsFit(combinations + 1, index.organizationSlots);
	}

	/**
	 * Adds row {@code row} of the group of this key. Through the hash table in a scan of every row ({@link
	 * #ofEveryRow} of -1 combinations), its distinct values are told by its slot, noted by row ({@link RowSlots}).
	 */
	void add(int row, long key, int person, int activity, int organization) {
		int slot = this.dense ? (int) key + 1 : slotOf(key);
		this.participations[slot]++;
		if (this.lastPerson[slot] != person) {
			this.lastPerson[slot] = person;
			this.participants[slot]++;
		}
		if (!this.dense && this.rowSlots != null) {
			this.rowSlots.note(row, slot);
			return;
		}
		if (this.activitySeen != null) {
			this.activitySeen.add(slot, activity);
		}
		if (this.organizationSeen != null) {
			this.organizationSeen.add(slot, organization);
		}
	}

	/**
	 * Before a {@link DenseScan} of every row into these counts: the keys its rows' groups are worked out from in
	 * activity order, asked for where distinct activities are counted by the rows' slots ({@link RowSlots#beforeScan}).
	 */
	void beforeScan(Supplier<ActivityOrderKeys> keys) {
		if (this.rowSlots != null) {
			this.rowSlots.beforeScan(this.rowSlots.activitiesNoted() ? keys.get() : null);
		}
	}

	/** Notes that the group met the activity; null when distinct activities are not counted. */
	Seen activities() {
		return this.activitySeen;
	}

	/** Notes that the group met the organization (number 0, none, is not counted); null when not counted. */
	Seen organizations() {
		return this.organizationSeen;
	}

	/** Adds another scan's counts over other persons (the array path only). */
	void merge(GroupCounts other) {
		for (int slot = 0; slot < this.participations.length; slot++) {
			this.participations[slot] += other.participations[slot];
			this.participants[slot] += other.participants[slot];
		}
		if (this.activitySeen != null) {
			this.activitySeen.merge(other.activitySeen);
		}
		if (this.organizationSeen != null) {
			this.organizationSeen.merge(other.organizationSeen);
		}
	}

	/**
	 * Adds the counts of other persons than these: a person is of one or the other, so that each group's distinct
	 * persons add up too (the array path only; participations and participants alone, as these already hold every
	 * row's distinct values; none may be added after, as the last persons are these ones').
	 */
	void addOthers(GroupCounts others) {
		if (!this.dense || !others.dense || this.participations.length != others.participations.length) {
			throw new IllegalStateException("Counts of other persons are added to these in arrays alike");
		}
		for (int slot = 0; slot < this.participations.length; slot++) {
			this.participations[slot] += others.participations[slot];
			this.participants[slot] += others.participants[slot];
		}
	}

	/** All {@code rows} rows of a person, in one group (only while distinct activities and organizations are not asked for). */
	void addPerson(long key, int rows) {
		int slot = this.dense ? (int) key + 1 : slotOf(key);
		this.participations[slot] += rows;
		this.participants[slot]++;
	}

	/** How many groups have at least one row. */
	int count() {
		int count = 0;
		for (int slot = this.dense ? 1 : 0, end = this.dense ? this.slots + 1 : this.used; slot < end; slot++) {
			count += this.participations[slot] > 0 ? 1 : 0;
		}
		return count;
	}

	/** Every group with at least one row: its key and measures. */
	void forEach(KeyMeasures action) {
		int first = this.dense ? 1 : 0;
		int end = this.dense ? this.slots + 1 : this.used;
		for (int slot = first; slot < end; slot++) {
			if (this.participations[slot] > 0) {
				action.accept(this.dense ? slot - 1 : this.keys[slot], measures(slot));
			}
		}
	}

	/** The measures of the group with this key (all zero when no row fell into it). */
	Measures measures(long key) {
		if (this.dense) {
			return measures((int) key + 1);
		}
		int position = position(key);
		return this.table[position] == 0 ? measures(-1) : measures(this.tableSlot[position]);
	}

	private Measures measures(int slot) {
		boolean none = slot < 0;
		return new Measures(none ? 0 : this.participations[slot], none ? 0 : this.participants[slot],
				activities(slot),
				this.organizationSeen == null ? null : none ? 0 : this.organizationSeen.count(slot));
	}

	/** Distinct activities of the group in this slot (none when -1), null when not counted. */
	private Integer activities(int slot) {
		if (this.activitySeen == null && !this.oneActivity) {
			return null;
		}
		if (slot < 0) {
			return 0;
		}
		return this.activitySeen != null ? this.activitySeen.count(slot) : this.participations[slot] > 0 ? 1 : 0;
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
		return LongSet.position(this.table, key + 1);
	}

	private void grow() {
		int size = this.keys.length * 2;
		// keys, participations, participants, last persons
		this.memory.charge(size, 20);
		this.keys = Arrays.copyOf(this.keys, size);
		this.participations = Arrays.copyOf(this.participations, size);
		this.participants = Arrays.copyOf(this.participants, size);
		int old = this.lastPerson.length;
		this.lastPerson = Arrays.copyOf(this.lastPerson, size);
		Arrays.fill(this.lastPerson, old, size, -1);
		this.memory.release(old, 20);
	}

	private void rehash() {
		int old = this.table.length;
		this.memory.charge(old * 2L, 12);
		this.table = new long[old * 2];
		this.tableSlot = new int[this.table.length];
		for (int slot = 0; slot < this.used; slot++) {
			int position = position(this.keys[slot]);
			this.table[position] = this.keys[slot] + 1;
			this.tableSlot[position] = slot;
		}
		this.memory.release(old, 12);
	}

}
