package org.kvali.report;

import java.util.Arrays;

/**
 * Which activities each group met, where groups times activities are too many for bit sets and every row is scanned
 * ({@link DenseScan}): each row's slot is noted by row, and once all rows are in, the rows are read activity by
 * activity ({@link FactIndex#activityRows}), a group counting an activity when it is not the last one it counted, as
 * groups count persons in person order. At 10 million participations, the top 20 organizations by distinct
 * activities (50,000 groups) kept as (group, activity) pairs in a hash set took 0.94 to 1.11 s p50 over HTTP, nearly
 * all of it adding pairs; so, 153 to 172 ms, and 101 to 115 ms with the activities cut into parts counted at once.
 * One is shared by the scan's parts, each of which notes its own rows.
 */
final class RowSlots implements Seen {

	private final FactIndex index;

	private final int slots;

	private final ScanMemory memory;

	/** The slot each row was counted in (0 for a row no group counts). */
	private final int[] slotOf;

	/** Per slot, its distinct activities; made at the first count. */
	private int[] counts;

	RowSlots(FactIndex index, int slots, ScanMemory memory) {
		memory.charge(index.rows, 4);
		this.index = index;
		this.slots = slots;
		this.memory = memory;
		this.slotOf = new int[index.rows];
	}

	/** Rows are noted a block at a time ({@link #addRows}), not by value. */
	@Override
	public void add(int slot, int value) {
		throw new IllegalStateException("A row's slot is noted by its row, not by its activity");
	}

	@Override
	public void addRows(int[] slots, int[] values, int start, int rows) {
		System.arraycopy(slots, 0, this.slotOf, start, rows);
	}

	@Override
	public int count(int slot) {
		if (this.counts == null) {
			this.counts = counted();
		}
		return this.counts[slot];
	}

	/** The scan's parts share this one: each has noted its own rows in it. */
	@Override
	public void merge(Seen other) {
		if (other != this) {
			throw new IllegalStateException("The parts of a scan note their rows' slots in one");
		}
	}

	/**
	 * The distinct activities of each slot, the activities cut into parts of about as many rows, counted at once;
	 * in one part where the groups are too many for each part's counters to stay small ({@link DenseScan#wideGroups}).
	 */
	private int[] counted() {
		int[] start = this.index.activityStart;
		int activities = this.index.activities;
		boolean one = this.index.rows < ScanParts.smallScan || this.slots - 1 > DenseScan.wideGroups;
		int cut = one ? 1 : ScanParts.PARTS;
		var bounds = new int[cut + 1];
		for (int part = 1; part < cut; part++) {
			// an activity whose rows begin at the part's share of them, or the first to begin after it
			int at = Arrays.binarySearch(start, 0, activities + 1, (int) ((long) this.index.rows * part / cut));
			bounds[part] = Math.max(bounds[part - 1], at >= 0 ? at : -at - 1);
		}
		bounds[cut] = activities;
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
		this.memory.charge(this.slots, 8);
		var counts = new int[this.slots];
		var last = new int[this.slots];
		Arrays.fill(last, -1);
		return (from, to) -> counted(from, to, counts, last);
	}

	/** The distinct activities of each slot among activities {@code from} to {@code to - 1}, into these counts. */
	private int[] counted(int from, int to, int[] counts, int[] last) {
		int[] start = this.index.activityStart;
		int[] rows = this.index.activityRows;
		int[] slotOf = this.slotOf;
		for (int a = from; a < to; a++) {
			for (int r = start[a], end = start[a + 1]; r < end; r++) {
				int slot = slotOf[rows[r]];
				if (last[slot] != a) {
					last[slot] = a;
					counts[slot]++;
				}
			}
		}
		return counts;
	}

}
