package org.kvali.report;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service shutting down during a rebuild stops it before its next query and waits for it, so that the build rolls
 * back on an open connection instead of failing under a closed one.
 */
@IntegrationTest
class IndexShutdownTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcClient jdbcClient;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aRebuildStopsBeforeItsNextQueryAndIsWaitedFor() throws Exception {
		var started = new CountDownLatch(1);
		var outcome = new AtomicReference<String>();
		var loader = new FactIndexLoader(this.dataSource, this.transactions, new IndexSettings(16)) {
			private boolean first = true;

			@Override
			FactIndex load(FactIndex previous) {
				if (this.first) {
					this.first = false;
					return super.load(previous);
				}
				started.countDown();
				// busy in a query of its own while the service stops, as a read of millions of rows would be
				try {
					Thread.sleep(500);
				}
				catch (InterruptedException ex) {
					throw new IllegalStateException("interrupted, which would not stop a query", ex);
				}
				try {
					var index = super.load(previous);
					outcome.set("built version " + index.version);
					return index;
				}
				catch (RuntimeException ex) {
					outcome.set(ex.getMessage());
					throw ex;
				}
			}
		};
		var index = new ReportIndex(loader, this.jdbcClient, ReportProperties.Index.SYNC, Duration.ZERO);
		index.buildOnStart();
		long built = index.builtVersion();
		// a version the index has not seen (raising it alone is harmless: every index rebuilds)
		this.jdbc.update("UPDATE data_version SET version = version + 1");
		index.catchUp();
		assertThat(started.await(10, TimeUnit.SECONDS)).as("rebuild started").isTrue();

		index.destroy();

		assertThat(outcome.get()).as("how the rebuild ended, when destroy returned")
			.isEqualTo("Report index load stopped: the service is shutting down");
		assertThat(index.builtVersion()).isEqualTo(built);
		assertThat(this.jdbc.queryForObject("SELECT 1", Integer.class)).as("the database still answers").isOne();
	}

}
