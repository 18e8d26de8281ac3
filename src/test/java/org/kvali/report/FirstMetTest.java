package org.kvali.report;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** Values numbered in the order first met, "no value" (null) among them. */
class FirstMetTest {

	@Test
	void eachValueKeepsTheNumberItWasFirstGiven() {
		var met = new FirstMet();
		assertThat(Arrays.stream(new Object[] { "GE-SJ", "GE-KK", "GE-SJ", null, "GE-KK", null })
			.mapToInt(met::number)
			.toArray()).containsExactly(0, 1, 0, 2, 1, 2);
		assertThat(met.values()).containsExactly("GE-SJ", "GE-KK", null);
		assertThat(met.numbers()).containsOnly(entry("GE-SJ", 0), entry("GE-KK", 1), entry(null, 2));
		// one view of the numbers, read by identity where places are shared (CoarserOf)
		assertThat(met.numbers()).isSameAs(met.numbers());
	}

}
