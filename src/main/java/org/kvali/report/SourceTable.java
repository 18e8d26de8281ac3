package org.kvali.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Organizations, activities or persons as read for the report index: each row's id and, per text column, the number
 * of its value among the column's distinct values (-1 for null). Rows of persons repeat a few values millions of
 * times: each is turned into what the index keeps once per distinct value, not once per row. The index keeps its
 * tables, so that rows added or corrected later are appended or put in place instead of everything being read again,
 * and rows deleted later are marked.
 */
final class SourceTable {

	private final List<Map<String, Integer>> distinct = new ArrayList<>();

	private final int[][] numbers;

	private long[] ids = new long[1024];

	private int size;

	/** Rows whose entity was deleted since it was read: kept in place, so that the numbers of the others stay. */
	private final BitSet deleted = new BitSet();

	SourceTable(int width) {
		this.numbers = new int[width][1024];
		for (int f = 0; f < width; f++) {
			this.distinct.add(new HashMap<>());
		}
	}

	void add(CopyRows fields) {
		if (this.size == this.ids.length) {
			int grown = this.size * 2;
			this.ids = Arrays.copyOf(this.ids, grown);
			for (int f = 1; f < this.numbers.length; f++) {
				this.numbers[f] = Arrays.copyOf(this.numbers[f], grown);
			}
		}
		this.ids[this.size] = fields.number(0);
		put(this.size, fields);
		this.size++;
	}

	/** Puts the values read again for row n in place of its old ones; false when row n has another id. */
	boolean replace(int n, CopyRows fields) {
		if (n < 0 || n >= this.size || this.ids[n] != fields.number(0)) {
			return false;
		}
		put(n, fields);
		return true;
	}

	private void put(int n, CopyRows fields) {
		for (int f = 1; f < this.numbers.length; f++) {
			var text = fields.text(f);
			var values = this.distinct.get(f);
			this.numbers[f][n] = text == null ? -1 : values.computeIfAbsent(text, t -> values.size());
		}
	}

	void delete(int n) {
		this.deleted.set(n);
	}

	BitSet deleted() {
		return (BitSet) this.deleted.clone();
	}

	int size() {
		return this.size;
	}

	long[] ids() {
		return Arrays.copyOf(this.ids, this.size);
	}

	Set<String> values(int f) {
		return this.distinct.get(f).keySet();
	}

	/** Column f, each distinct value mapped once, {@code none} for null and for {@code offset} leading places. */
	int[] column(int f, int offset, int none, ToIntFunction<String> value) {
		var byNumber = new int[this.distinct.get(f).size()];
		this.distinct.get(f).forEach((text, number) -> byNumber[number] = value.applyAsInt(text));
		var column = new int[offset + this.size];
		Arrays.fill(column, 0, offset, none);
		for (int n = 0; n < this.size; n++) {
			int number = this.numbers[f][n];
			column[offset + n] = number < 0 ? none : byNumber[number];
		}
		return column;
	}

}
