package org.kvali.report;

/** Which values each group has met, counted once all rows are in. */
interface Seen {

	void add(int slot, int value);

	/** Notes the values of a block of rows, {@code rows} of them from {@code start}, each in its slot. */
	default void addRows(int[] slots, int[] values, int start, int rows) {
		for (int j = 0; j < rows; j++) {
			add(slots[j], values[start + j]);
		}
	}

	/** How many distinct values the group met, not counting those below the first counted. */
	int count(int slot);

	void merge(Seen other);

	/** A bit set per slot when there are {@code slots} (not -1) and few enough values ({@link #bitsFit}), else pairs. */
	static Seen of(int slots, int values, int firstCounted, ScanMemory memory) {
		return slots >= 0 && bitsFit(slots, values) ? new Bits(slots, values, firstCounted, memory)
				: new Pairs(values, firstCounted, memory);
	}

	/** Whether these slots times values are few enough to be kept as bit sets ({@link Bits#most}). */
	static boolean bitsFit(long slots, int values) {
		return slots * values <= Bits.most;
	}

	/** A bit set of values per group, side by side in one array. */
	final class Bits implements Seen {

		/** Groups times values up to this many bits are kept as bit sets (tests set 0 to keep none so). */
		static volatile int most = 1 << 27;

		private final long[] bits;

		private final int values;

		private final int first;

		Bits(int slots, int values, int first, ScanMemory memory) {
			long words = ((long) slots * values + 63) >>> 6;
			memory.charge(words, 8);
			this.bits = new long[(int) words];
			this.values = values;
			this.first = first;
		}

		@Override
		public void add(int slot, int value) {
			long bit = (long) slot * this.values + value;
			this.bits[(int) (bit >>> 6)] |= 1L << bit;
		}

		@Override
		public int count(int slot) {
			long from = (long) slot * this.values + this.first;
			long to = (long) (slot + 1) * this.values;
			int count = 0;
			for (long bit = from; bit < to;) {
				int word = (int) (bit >>> 6);
				long mask = -1L << bit;
				long end = Math.min(to, ((long) word + 1) << 6);
				if (end < ((long) word + 1) << 6) {
					mask &= (1L << end) - 1;
				}
				count += Long.bitCount(this.bits[word] & mask);
				bit = end;
			}
			return count;
		}

		@Override
		public void merge(Seen other) {
			var them = ((Bits) other).bits;
			for (int w = 0; w < this.bits.length; w++) {
				this.bits[w] |= them[w];
			}
		}

	}

	/** (group, value) pairs in one hash set: no memory per group, more per row. */
	final class Pairs implements Seen {

		private final LongSet pairs;

		private final int values;

		private final int first;

		private final ScanMemory memory;

		/** Per slot, its count; made at the first count. */
		private int[] counts;

		Pairs(int values, int first, ScanMemory memory) {
			this.pairs = new LongSet(memory);
			this.values = values;
			this.first = first;
			this.memory = memory;
		}

		@Override
		public void add(int slot, int value) {
			this.pairs.add((long) slot * this.values + value);
		}

		@Override
		public int count(int slot) {
			if (this.counts == null) {
				long[] last = { -1 };
				this.pairs.forEach(pair -> last[0] = Math.max(last[0], pair / this.values));
				this.memory.charge(last[0] + 1, 4);
				var counts = new int[(int) (last[0] + 1)];
				this.pairs.forEach(pair -> {
					if (pair % this.values >= this.first) {
						counts[(int) (pair / this.values)]++;
					}
				});
				this.counts = counts;
			}
			return slot < this.counts.length ? this.counts[slot] : 0;
		}

		@Override
		public void merge(Seen other) {
			this.pairs.addAll(((Pairs) other).pairs);
		}

	}

}
