package org.kvali.report;

import java.util.function.LongConsumer;

/** A set of non-negative longs by open addressing, for counting distinct (group, value) pairs without boxing. */
final class LongSet {

	private final ScanMemory memory;

	private long[] slots;

	private int size;

	/** Places looked at by adds beyond each value's own: how far values lie from where they hash to. */
	private long probes;

	/** An empty set whose table is charged to {@code memory}. */
	LongSet(ScanMemory memory) {
		this.memory = memory;
		memory.charge(1 << 12, 8);
		this.slots = new long[1 << 12];
	}

	/** Adds the value; true when it was not there yet. */
	boolean add(long value) {
		long stored = value + 1;
		int mask = this.slots.length - 1;
		int slot = (int) mix(stored) & mask;
		while (this.slots[slot] != 0 && this.slots[slot] != stored) {
			slot = (slot + 1) & mask;
			this.probes++;
		}
		if (this.slots[slot] == stored) {
			return false;
		}
		this.slots[slot] = stored;
		// three quarters full at most: linear probing stays short, and the set of a large breakdown fits in its limit
		if (++this.size * 4L > this.slots.length * 3L) {
			grow();
		}
		return true;
	}

	/**
	 * Adds the other set's values, its table grown first to hold both. The other's come in its hash order: into a
	 * table of as many places, already two thirds full, those of its first places overflowed into one run that every
	 * value after them probed through to its end (at 10 million participations, distinct activities per organization
	 * merged from two parts of a scan ran for minutes; two sets of 1.45 million merged in 4.9 s, grown to the other's
	 * length alone too, and in 85 ms grown to hold both). Where the sets share values the table may be one doubling
	 * larger than their union needs.
	 */
	void addAll(LongSet other) {
		while ((this.size + (long) other.size) * 4L > this.slots.length * 3L) {
			grow();
		}
		other.forEach(this::add);
	}

	/** Places looked at by adds beyond each value's own, since the set was made: for tests. */
	long probes() {
		return this.probes;
	}

	void forEach(LongConsumer action) {
		for (long stored : this.slots) {
			if (stored != 0) {
				action.accept(stored - 1);
			}
		}
	}

	private void grow() {
		var old = this.slots;
		this.memory.charge(old.length * 2L, 8);
		this.slots = new long[old.length * 2];
		for (long stored : old) {
			if (stored != 0) {
				this.slots[position(this.slots, stored)] = stored;
			}
		}
		this.memory.release(old.length, 8);
	}

	private static long mix(long value) {
		long h = value * 0x9E3779B97F4A7C15L;
		return h ^ (h >>> 29);
	}

	/**
	 * Where {@code stored} is, or would go, in a table of this kind (values stored as value + 1, 0 for a free place,
	 * linear probing, a power-of-two length); the index and group tables use the same layout.
	 */
	static int position(long[] table, long stored) {
		int mask = table.length - 1;
		int position = (int) mix(stored) & mask;
		while (table[position] != 0 && table[position] != stored) {
			position = (position + 1) & mask;
		}
		return position;
	}

}
