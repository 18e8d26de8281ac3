package org.kvali.report;

import java.util.Arrays;
import java.util.function.IntSupplier;

/**
 * Which activities or organizations each group met, where groups times values are too many for bit sets and every
 * row is scanned ({@link DenseScan}): each row's slot is noted by row, and once all rows are in, the rows are read
 * value by value ({@link FactIndex#activityRows}, {@link FactIndex#organizationRows}), a group counting a value when it
 * is not the last one it counted, as groups count persons in person order. At 10 million participations, the top 20
 * organizations by distinct activities (50,000 groups) kept as (group, activity) pairs in a hash set took 0.94 to 1.11
 * s p50 over HTTP, nearly all of it adding pairs; so, 153 to 172 ms, and 101 to 115 ms with the values cut into parts
 * counted at once; activity by gender with every measure, top 20 (organizations as pairs, activities one a group),
 * 1.55 to 1.58 s, and with organizations so 0.46 to 0.50 s. One is shared by the scan's parts, each of which notes its
 * own rows, and by the activities and organizations counted. A scan of every row through the hash table (more than
 * 2^22 combinations) notes its rows one at a time ({@link #hashed}): activity by gender and age band with every
 * measure, top 20, took 4.9 to 5.0 s with its organizations as pairs, 3.2 to 3.3 s so. A value's rows lie far apart,
 * so reading their slots mostly misses the cache: the slots of a block of rows are read first, then counted, so that
 * the reads do not wait on the counting's branch (organizations at four activities or more, top 20: the count went
 * from 586 to 415 of the question's samples). Where a dense scan's keys are parts of a row's activity, organization
 * and role alone, its groups' distinct activities are counted from those keys worked out again in activity order
 * ({@link ActivityOrderKeys}), read in order; the rows' slots are then noted only where distinct organizations are
 * counted too.
 */
final class RowSlots {

	/** Rows whose slots are read together before they are counted. */
	private static final int BLOCK = 2048;

	private final FactIndex index;

	/** How many slots the counts have, read when they are counted: a scan through the hash table adds them as it goes. */
	private final IntSupplier slots;

	/** What a row's noted slot is more than its slot: 1 where slot 0 is a group, so that 0 stays a row not counted. */
	private final int offset;

	private final ScanMemory memory;

	/** The slot each row was counted in (0 for a row no group counts); null while no row's slot is noted. */
	private int[] slotOf;

	/** Where the groups' distinct activities are counted from the rows' keys in activity order, their parts. */
	private ActivityOrderKeys keys;

	/** The rows' organizations and roles in activity order, read before the parts count from {@link #keys}. */
	private RowsByActivity.Columns inActivityOrder;

	private Values activities;

	private Values organizations;

	/** The first of them made, which notes the rows' slots for both. */
	private Values noting;

	/** For counts in arrays of {@code slots} slots, slot 0 holding the rows no group counts. */
	RowSlots(FactIndex index, int slots, ScanMemory memory) {
		this(index, () -> slots, 0, memory);
	}

	private RowSlots(FactIndex index, IntSupplier slots, int offset, ScanMemory memory) {
		this.index = index;
		this.slots = slots;
		this.offset = offset;
		this.memory = memory;
	}

	/**
	 * For counts through a hash table, whose slots (from 0) are {@code slots} once every row is in, noted a row at a
	 * time ({@link #note}).
	 */
	static RowSlots hashed(FactIndex index, IntSupplier slots, ScanMemory memory) {
		var rowSlots = new RowSlots(index, slots, 1, memory);
		rowSlots.noteRows();
		return rowSlots;
	}

	/**
	 * Before a {@link DenseScan}: the groups' distinct activities are counted from these keys in activity order where
	 * they are not null, and each row's slot is noted for what else is counted by it.
	 */
	void beforeScan(ActivityOrderKeys keys) {
		this.keys = this.activities == null ? null : keys;
		if (this.keys == null || this.organizations != null) {
			noteRows();
		}
	}

	private void noteRows() {
		this.memory.charge(this.index.rows, 4);
		this.slotOf = new int[this.index.rows];
	}

	/** Notes the slot of one row, of counts through a hash table ({@link #hashed}). */
	void note(int row, int slot) {
		this.slotOf[row] = slot + this.offset;
	}

	/** How many counters the slots take: one more where slot 0 is a group. */
	private int counters() {
		return this.slots.getAsInt() + this.offset;
	}

	/** Whether the groups' distinct activities are told by these slots. */
	boolean activitiesNoted() {
		return this.activities != null;
	}

	/** Whether the groups' distinct organizations are told by these slots. */
	boolean organizationsNoted() {
		return this.organizations != null;
	}

	/** The groups' distinct activities. */
	Seen activities() {
		if (this.activities == null) {
			this.activities = new Values(this.index.activityStart, this.index.activityRows, 0);
		}
		return this.activities;
	}

	/** The groups' distinct organizations, number 0 (none) not counted. */
	Seen organizations() {
		if (this.organizations == null) {
			var rows = this.index.organizationRows.of();
			this.organizations = new Values(rows.start(), rows.rows(), 1);
		}
		return this.organizations;
	}

	/**
	 * Distinct values told by the rows' slots, the rows of value v being {@code rows[start[v]]} to {@code
	 * rows[start[v + 1] - 1]}, from value {@code first} on.
	 */
	private final class Values implements Seen {

		private final int[] start;

		private final int[] rows;

		private final int first;

		/** Per slot, its distinct values; made at the first count. */
		private int[] counts;

		Values(int[] start, int[] rows, int first) {
			this.start = start;
			this.rows = rows;
			this.first = first;
			if (RowSlots.this.noting == null) {
				RowSlots.this.noting = this;
			}
		}

		/** Rows are noted a block at a time ({@link #addRows}), not by value. */
		@Override
		public void add(int slot, int value) {
			throw new IllegalStateException("A row's slot is noted by its row, not by its value");
		}

		/** Notes the rows' slots, once for the activities and organizations both. */
		@Override
		public void addRows(int[] slots, int[] values, int start, int rows) {
			if (this == RowSlots.this.noting && RowSlots.this.slotOf != null) {
				System.arraycopy(slots, 0, RowSlots.this.slotOf, start, rows);
			}
		}

		@Override
		public int count(int slot) {
			if (this.counts == null) {
				this.counts = counted();
			}
			return this.counts[slot + RowSlots.this.offset];
		}

		/** The scan's parts share this one: each has noted its own rows in it. */
		@Override
		public void merge(Seen other) {
			if (other != this) {
				throw new IllegalStateException("The parts of a scan note their rows' slots in one");
			}
		}

		/**
		 * The distinct values of each slot, the values cut into parts of about as many rows, counted at once; in one
		 * part where the groups are too many for each part's counters to stay small ({@link DenseScan#wideGroups}).
		 */
		private int[] counted() {
			int values = this.start.length - 1;
			int from = this.start[this.first];
			int all = this.start[values] - from;
			boolean one = all < ScanParts.smallScan || counters() - 1 > DenseScan.wideGroups;
			int cut = one ? 1 : ScanParts.PARTS;
			var bounds = new int[cut + 1];
			bounds[0] = this.first;
			for (int part = 1; part < cut; part++) {
				// a value whose rows begin at the part's share of them, or the first to begin after it
				int at = Arrays.binarySearch(this.start, this.first, values + 1, from + (int) ((long) all * part / cut));
				bounds[part] = Math.max(bounds[part - 1], at >= 0 ? at : -at - 1);
			}
			bounds[cut] = values;
			if (this == RowSlots.this.activities && RowSlots.this.keys != null) {
				// copied here, not by each part at once
				RowSlots.this.inActivityOrder = RowSlots.this.index.rowsByActivity.of();
			}
			var parts = ScanParts.inParts(bounds, counter(), this::counter);
			int[] counts = parts.get(0);
			for (var part : parts.subList(1, parts.size())) {
				for (int slot = 0; slot < counts.length; slot++) {
					counts[slot] += part[slot];
				}
			}
			return counts;
		}

		/** A part's counters, made on the asking thread as {@link ScanParts#inParts} asks, and its count into them. */
		private ScanParts.Part<int[]> counter() {
			int counters = counters();
			RowSlots.this.memory.charge(counters, 8);
			var counts = new int[counters];
			var last = new int[counters];
			Arrays.fill(last, -1);
			var keys = this == RowSlots.this.activities ? RowSlots.this.keys : null;
			return keys != null ? (from, to) -> countedInOrder(keys, from, to, counts, last)
					: (from, to) -> counted(from, to, counts, last);
		}

		/** The distinct values of each slot among values {@code from} to {@code to - 1}, into these counts. */
		private int[] counted(int from, int to, int[] counts, int[] last) {
			int[] start = this.start;
			int[] rows = this.rows;
			int[] slotOf = RowSlots.this.slotOf;
			var slots = new int[BLOCK];
			int v = from;
			for (int block = start[from], end = start[to]; block < end; block += BLOCK) {
				int n = Math.min(BLOCK, end - block);
				for (int j = 0; j < n; j++) {
					slots[j] = slotOf[rows[block + j]];
				}
				for (int j = 0; j < n; j++) {
					while (start[v + 1] <= block + j) {
						v++;
					}
					int slot = slots[j];
					if (last[slot] != v) {
						last[slot] = v;
						counts[slot]++;
					}
				}
			}
			return counts;
		}

		/**
		 * The distinct activities of each slot among activities {@code from} to {@code to - 1}, into these counts,
		 * each row's slot worked out from its activity, organization and role as the scan did ({@link
		 * ActivityOrderKeys}). An activity the filter leaves out is passed over: its rows are in no group.
		 */
		private int[] countedInOrder(ActivityOrderKeys keys, int from, int to, int[] counts, int[] last) {
			int[] start = this.start;
			var columns = RowSlots.this.inActivityOrder;
			byte[] role = columns.role();
			int[] roleParts = keys.roleParts();
			int[] activityParts = keys.activityParts();
			int[] organizationParts = keys.organizationParts();
			int[] organization = organizationParts == null ? null : columns.organization();
			for (int a = from; a < to; a++) {
				int part = activityParts[a];
				if (part < 0) {
					continue;
				}
				for (int i = start[a], end = start[a + 1]; i < end; i++) {
					int key = part + roleParts[role[i]]
							+ (organization == null ? 0 : organizationParts[organization[i]]);
					// as the scan: slot 0 when left out
					int slot = key & ~(key >> 31);
					// a branch taken nearly always (a group meets an activity in one row or few): cheaper than
					// arithmetic, 211 against 258 samples
					if (last[slot] != a) {
						last[slot] = a;
						counts[slot]++;
					}
				}
			}
			return counts;
		}

	}

}
