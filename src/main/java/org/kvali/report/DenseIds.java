package org.kvali.report;

import java.util.Arrays;

/**
 * Numbers database ids 0, 1, 2, ... in the order given. Ids of one table are usually close to consecutive, so they
 * are looked up in an array indexed by id; scattered ids fall back to a hash table.
 */
final class DenseIds {

	private final long min;

	private final int[] direct;

	private final long[] keys;

	private final int[] numbers;

	DenseIds(long[] ids) {
		long low = Long.MAX_VALUE;
		long high = Long.MIN_VALUE;
		for (long id : ids) {
			low = Math.min(low, id);
			high = Math.max(high, id);
		}
		this.min = low;
		if (ids.length == 0 || high - low < 4L * ids.length + 1024) {
			this.direct = new int[ids.length == 0 ? 0 : (int) (high - low + 1)];
			Arrays.fill(this.direct, -1);
			for (int n = 0; n < ids.length; n++) {
				this.direct[(int) (ids[n] - low)] = n;
			}
			this.keys = null;
			this.numbers = null;
		}
		else {
			this.direct = null;
			this.keys = new long[Integer.highestOneBit(ids.length * 2) * 2];
			this.numbers = new int[this.keys.length];
			for (int n = 0; n < ids.length; n++) {
				int position = position(ids[n]);
				this.keys[position] = ids[n] + 1;
				this.numbers[position] = n;
			}
		}
	}

	/**
	 * The number of an id given at construction. Another is refused with an exception, where a look-up in the hash
	 * table numbered it as whichever entity its empty place held, and one in the array as -1.
	 */
	int of(long id) {
		// in the array, an id out of its bounds fails its own check (the look-up of every row of a whole read)
		int number = this.direct != null ? this.direct[Math.toIntExact(id - this.min)] : find(id);
		if (number < 0) {
			throw new IllegalStateException("Id " + id + " is none of those read");
		}
		return number;
	}

	/** The number of an id, or -1 for an id not given at construction. */
	int find(long id) {
		if (this.direct != null) {
			return id < this.min || id - this.min >= this.direct.length ? -1 : this.direct[(int) (id - this.min)];
		}
		int position = position(id);
		return this.keys[position] == id + 1 ? this.numbers[position] : -1;
	}

	private int position(long id) {
		return LongSet.position(this.keys, id + 1);
	}

}
