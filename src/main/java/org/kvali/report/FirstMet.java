package org.kvali.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Values numbered from 0 in the order they are first met in. */
final class FirstMet {

	private final Map<Object, Integer> numbers = new HashMap<>();

	private final List<Object> values = new ArrayList<>();

	private final List<Object> shownValues = Collections.unmodifiableList(this.values);

	/** One view, so that a map read by identity (as {@link CoarserOf} places are) stays the same. */
	private final Map<Object, Integer> shownNumbers = Collections.unmodifiableMap(this.numbers);

	/** The value's number: the one it was given when first met, else the next. */
	int number(Object value) {
		var number = this.numbers.putIfAbsent(value, this.values.size());
		if (number != null) {
			return number;
		}
		this.values.add(value);
		return this.values.size() - 1;
	}

	/** The values met, by number: a view that later numbers change, read once the numbering is done. */
	List<Object> values() {
		return this.shownValues;
	}

	/** The number of each value met, as a view alike. */
	Map<Object, Integer> numbers() {
		return this.shownNumbers;
	}

}
