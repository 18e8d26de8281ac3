package org.kvali.report;

/** A set of non-negative longs by open addressing, for counting distinct (group, value) pairs without boxing. */
final class LongSet {

	private long[] slots = new long[1 << 12];

	private int size;

	/** Adds the value; true when it was not there yet. */
	boolean add(long value) {
		long stored = value + 1;
		int mask = this.slots.length - 1;
		int slot = (int) mix(stored) & mask;
		while (this.slots[slot] != 0) {
			if (this.slots[slot] == stored) {
				return false;
			}
			slot = (slot + 1) & mask;
		}
		this.slots[slot] = stored;
		if (++this.size * 2 > this.slots.length) {
			grow();
		}
		return true;
	}

	void forEach(java.util.function.LongConsumer action) {
		for (long stored : this.slots) {
			if (stored != 0) {
				action.accept(stored - 1);
			}
		}
	}

	private void grow() {
		var old = this.slots;
		this.slots = new long[old.length * 2];
		int mask = this.slots.length - 1;
		for (long stored : old) {
			if (stored != 0) {
				int slot = (int) mix(stored) & mask;
				while (this.slots[slot] != 0) {
					slot = (slot + 1) & mask;
				}
				this.slots[slot] = stored;
			}
		}
	}

	private static long mix(long value) {
		long h = value * 0x9E3779B97F4A7C15L;
		return h ^ (h >>> 29);
	}

}
