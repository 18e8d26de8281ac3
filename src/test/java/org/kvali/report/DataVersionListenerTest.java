package org.kvali.report;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The listener's catch-ups: one that failed (no connection free, say) is tried again after each wait until it
 * succeeds, without another change announced; an instance without requests kept its index behind until the next.
 */
@IntegrationTest
class DataVersionListenerTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbcClient;

	@Test
	void aFailedCatchUpIsTriedAgainUntilItSucceeds() throws Exception {
		var calls = new AtomicInteger();
		// an index that is never built: only its catch-up is called, failing twice
		var index = new ReportIndex(null, this.jdbcClient, ReportProperties.Index.OFF, Duration.ZERO) {
			@Override
			boolean enabled() {
				return true;
			}

			@Override
			void catchUp() {
				if (calls.incrementAndGet() <= 2) {
					throw new IllegalStateException("no connection free, say");
				}
			}
		};
		var listener = new DataVersionListener(this.dataSource, index);
		listener.start();
		try {
			long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
			while (calls.get() < 3) {
				assertThat(System.nanoTime()).as("waiting for the third catch-up").isLessThan(deadline);
				Thread.sleep(20);
			}
			// caught up, it waits for the next change
			Thread.sleep(1_500);
			assertThat(calls).as("on listening, and twice after its waits of 0.5 s").hasValue(3);
		}
		finally {
			listener.destroy();
		}
	}

}
