package org.kvali.report;

import java.util.function.LongConsumer;

/** A set of non-negative longs by open addressing, for counting distinct (group, value) pairs without boxing. */
final class LongSet {

	private final ScanMemory memory;

	private long[] slots;

	private int size;

	/** An empty set whose table is charged to {@code memory}. */
	LongSet(ScanMemory memory) {
		this.memory = memory;
		memory.charge(1 << 12, 8);
		this.slots = new long[1 << 12];
	}

	/** Adds the value; true when it was not there yet. */
	boolean add(long value) {
		long stored = value + 1;
		int slot = position(this.slots, stored);
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
	 * Adds the other set's values, its table grown first to hold both: added one by one into a smaller table, in the
	 * other's order (its hash order), they fell on the same few places again and again, each probe longer than the
	 * last (at 10 million participations, distinct activities per organization merged from two parts of a scan ran for
	 * minutes).
	 */
	void addAll(LongSet other) {
		while ((this.size + (long) other.size) * 4L > this.slots.length * 3L) {
			grow();
		}
		other.forEach(this::add);
	}

	/** The length of the table, for tests. */
	int capacity() {
		return this.slots.length;
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
