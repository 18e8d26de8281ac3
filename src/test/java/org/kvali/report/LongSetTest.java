package org.kvali.report;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The set of (group, value) pairs two parts of a scan merge. */
class LongSetTest {

	/**
	 * Two sets two thirds full, as a scan's parts leave them: merged, the other's values come in its hash order, and
	 * into a table of the same length those of its first places overflowed into one run that every later value probed
	 * through (2.8 billion places for these). Grown first, each value looks at a place or so beyond its own (0.6
	 * million for these).
	 */
	@Test
	void twoFullSetsMergeWithoutLongProbesAndHoldTheUnion() {
		try (var memory = new ScanMemory(1L << 30)) {
			var one = new LongSet(memory);
			var other = new LongSet(memory);
			var expected = new HashSet<Long>();
			for (long value = 0; value < 700_000; value++) {
				one.add(value * 2);
				other.add(value * 3);
				expected.add(value * 2);
				expected.add(value * 3);
			}
			long before = one.probes();
			one.addAll(other);
			assertThat(one.probes() - before).as("places looked at beyond their own").isLessThan(4L * 700_000);
			assertThat(values(one)).isEqualTo(expected);
			// the values counted once each: adding them again adds none
			assertThat(values(other)).allSatisfy(value -> assertThat(one.add(value)).isFalse());
		}
	}

	private static Set<Long> values(LongSet set) {
		var values = new HashSet<Long>();
		set.forEach(values::add);
		return values;
	}

}
