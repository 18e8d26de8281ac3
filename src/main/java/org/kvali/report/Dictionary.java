package org.kvali.report;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The distinct values of one dimension in ascending order, numbered from 0; number {@link #unknown()} stands for "not
 * known". Ascending numbers are the natural order of groups, unknown last.
 */
final class Dictionary {

	private final String[] values;

	private final Map<String, Integer> ids;

	private Dictionary(String[] values) {
		this.values = values;
		this.ids = new HashMap<>(values.length * 2);
		for (int i = 0; i < values.length; i++) {
			this.ids.put(values[i], i);
		}
	}

	/** Sorted by code, as the SQL path orders text. */
	static Dictionary sorted(Iterable<String> values) {
		var set = new TreeSet<String>();
		values.forEach(value -> {
			if (value != null) {
				set.add(value);
			}
		});
		return new Dictionary(set.toArray(String[]::new));
	}

	/** In exactly the given order, for values whose natural order is not alphabetical. */
	static Dictionary ordered(List<String> values) {
		return new Dictionary(values.toArray(String[]::new));
	}

	int id(String value) {
		if (value == null) {
			return unknown();
		}
		Integer id = this.ids.get(value);
		if (id == null) {
			throw new IllegalStateException("'" + value + "' is not in the dictionary " + Arrays.toString(this.values));
		}
		return id;
	}

	/** The id of a value a filter names, or -1 when no row has it. */
	int find(String value) {
		Integer id = this.ids.get(value);
		return id == null ? -1 : id;
	}

	/** The value of an id, null for unknown. */
	String value(int id) {
		return id == unknown() ? null : this.values[id];
	}

	int unknown() {
		return this.values.length;
	}

	/** How many ids there are, unknown included. */
	int size() {
		return this.values.length + 1;
	}

}
