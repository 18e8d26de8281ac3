package org.kvali.report;

import java.util.ArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The back-off after failed builds: doubled for each failure in a row up to a minute, a minute after an Error. */
class BuildBackOffTest {

	@Test
	void eachFailureInARowWaitsTwiceAsLongUpToAMinute() {
		var backOff = new BuildBackOff();
		var waits = new ArrayList<Long>();
		for (int i = 0; i < 6; i++) {
			long wait = backOff.failed(new IllegalStateException("a statement timed out"));
			waits.add(TimeUnit.NANOSECONDS.toSeconds(wait));
		}
		assertThat(waits).containsExactly(5L, 10L, 20L, 40L, 60L, 60L);
		backOff.succeeded();
		assertThat(TimeUnit.NANOSECONDS.toSeconds(backOff.failed(new IllegalStateException("again")))).isEqualTo(5);
		assertThat(TimeUnit.NANOSECONDS.toSeconds(backOff.failed(new OutOfMemoryError("no second copy"))))
			.isEqualTo(60);
	}

	@Test
	void itRunsFromTheFailureForItsWait() {
		var backOff = new BuildBackOff();
		assertThat(backOff.running(backOff.failedAt(), System.nanoTime())).as("before any failure").isFalse();
		backOff.failed(new IllegalStateException("a connection was reset"));
		long failed = backOff.failedAt();
		assertThat(backOff.running(failed, failed + TimeUnit.SECONDS.toNanos(4))).isTrue();
		assertThat(backOff.running(failed, failed + TimeUnit.SECONDS.toNanos(5))).isFalse();
	}

}
