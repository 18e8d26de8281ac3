package org.kvali.report;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The coarser value of each finer one; of no finer value too where it lies in one alone: people of no
 * organization are of no kind of organization, the same people, and a kind's breakdown withheld them as the next
 * smallest beside a small kind where the organizations' showed them, telling the small one (a tester's). People of
 * no known municipality may lie in several regions, and are then left out.
 */
final class CoarserValues {

	private final Map<Object, Object> values = new HashMap<>();

	private final Set<Object> ofNone = new HashSet<>();

	void add(Object finer, Object coarser) {
		if (finer != null) {
			this.values.put(finer, coarser);
		}
		else {
			this.ofNone.add(coarser);
		}
	}

	Map<Object, Object> values() {
		if (this.ofNone.size() == 1) {
			this.values.put(null, this.ofNone.iterator().next());
		}
		return this.values;
	}

}
