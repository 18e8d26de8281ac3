package org.kvali.report;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The set of (group, value) pairs two parts of a scan merge. */
class LongSetTest {

	/**
	 * Merged into a smaller set, the other's values arrive in its hash order: the table grows first to hold both,
	 * at least as large as the other's, so that they spread over it as they did over their own.
	 */
	@Test
	void aSetMergedIntoAnotherIsGrownFirstAndHoldsTheUnion() {
		try (var memory = new ScanMemory(1L << 30)) {
			var small = new LongSet(memory);
			var large = new LongSet(memory);
			var expected = new HashSet<Long>();
			for (long value = 0; value < 1_000; value++) {
				small.add(value * 7);
				expected.add(value * 7);
			}
			for (long value = 0; value < 300_000; value++) {
				large.add(value * 3);
				expected.add(value * 3);
			}
			small.addAll(large);
			assertThat(small.capacity()).isGreaterThanOrEqualTo(large.capacity());
			assertThat(values(small)).isEqualTo(expected);
			// the values counted once each: adding them again adds none
			assertThat(values(large)).allSatisfy(value -> assertThat(small.add(value)).isFalse());
		}
	}

	private static Set<Long> values(LongSet set) {
		var values = new HashSet<Long>();
		set.forEach(values::add);
		return values;
	}

}
