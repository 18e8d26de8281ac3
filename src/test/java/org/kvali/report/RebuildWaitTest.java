package org.kvali.report;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a change, a report outside a transaction waits for the index to catch up (up to the configured wait) and is
 * answered from it; with no wait, or after a failed rebuild, it goes to the SQL path at once. Indexes of their own,
 * with a load slowed down or failing, and no listener, so that nothing else starts the rebuild first.
 */
@IntegrationTest
class RebuildWaitTest {

	private static final String ADDED = """
			INSERT INTO participation (activity_id, participant_id, role)
			SELECT a.id, p.id, 'PARTICIPANT' FROM activity a, participant p
			WHERE a.code = 'CNF-2025-TBILISI' AND p.ref = ?""";

	private static final String REMOVED = """
			DELETE FROM participation WHERE participant_id = (SELECT id FROM participant WHERE ref = ?)
			AND activity_id = (SELECT id FROM activity WHERE code = 'CNF-2025-TBILISI')""";

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcClient jdbcClient;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aReportAfterAChangeWaitsForTheRebuild() throws Exception {
		var index = slowIndex(Duration.ofSeconds(10));
		try {
			whileChanged(version -> assertThat(index.current()).as("answered from the rebuilt index")
				.hasValueSatisfying(fresh -> assertThat(fresh.version).isEqualTo(version)));
		}
		finally {
			index.destroy();
		}
	}

	@Test
	void withNoWaitTheSqlPathAnswersWhileTheIndexRebuilds() throws Exception {
		var index = slowIndex(Duration.ZERO);
		try {
			whileChanged(version -> assertThat(index.current()).as("the SQL path answers").isEmpty());
		}
		finally {
			index.destroy();
		}
	}

	@Test
	void afterAFailedRebuildReportsGoToSqlWithoutWaiting() throws Exception {
		var loads = new AtomicInteger();
		var index = failingIndex(loads, () -> new OutOfMemoryError("no memory for a second copy, say"));
		try {
			whileChanged(version -> {
				assertThat(index.current()).as("the rebuild failed: SQL").isEmpty();
				long started = System.nanoTime();
				assertThat(index.current()).as("still SQL").isEmpty();
				assertThat((System.nanoTime() - started) / 1_000_000).as("ms waited after a failure").isLessThan(1_000);
			});
			// a build the second report started would run before the builder stops
			index.destroy();
			assertThat(loads).as("reads: the first, the failed one, none again within a minute").hasValue(2);
		}
		finally {
			index.destroy();
		}
	}

	/** After another failure (a statement timed out, say) the index is built again seconds later. */
	@Test
	void afterAFailedStatementTheIndexIsBuiltAgainSoon() throws Exception {
		var loads = new AtomicInteger();
		var index = failingIndex(loads, () -> new IllegalStateException("a statement timed out, say"));
		try {
			whileChanged(version -> {
				assertThat(index.current()).as("the rebuild failed: SQL").isEmpty();
				assertThat(index.current()).as("still SQL, without another read").isEmpty();
				assertThat(loads).hasValue(2);
				Thread.sleep(5_500);
				assertThat(index.current()).as("built again after the short wait")
					.hasValueSatisfying(fresh -> assertThat(fresh.version).isEqualTo(version));
			});
		}
		finally {
			index.destroy();
		}
	}

	/**
	 * An instance that no report reaches catches up by itself once the back-off after a failure ends: with the change
	 * that failed, and with one announced during the back-off (the listener's catch-up then starts nothing). Both
	 * stayed unread until the next request.
	 */
	@Test
	void afterAFailedStatementAnIndexWithoutRequestsCatchesUpWhenTheBackOffEnds() throws Exception {
		var loads = new AtomicInteger();
		var index = failingIndex(loads, () -> new IllegalStateException("a statement timed out, say"));
		long before = index.builtVersion();
		try {
			whileChanged(first -> {
				index.catchUp();
				waitFor(() -> loads.get() == 2, "the failed read");
				whileChanged(second -> {
					index.catchUp();
					assertThat(index.builtVersion()).as("backing off: nothing read yet").isEqualTo(before);
					waitFor(() -> index.builtVersion() >= second, "the index of the second change, after the back-off");
					assertThat(loads).as("the first read, the failed one, the one after the back-off").hasValue(3);
				});
			});
		}
		finally {
			index.destroy();
		}
	}

	/**
	 * A whole read slower than the wait does not send the report after an insert to the SQL path: the index then
	 * appends, which it does within the wait.
	 */
	@Test
	void afterASlowWholeReadAnInsertIsWaitedForSinceItIsAppended() throws Exception {
		var loader = new FactIndexLoader(this.dataSource, this.transactions, new IndexSettings(16)) {
			@Override
			FactIndex load(FactIndex previous) {
				if (previous == null || !appendable(previous)) {
					sleep();
					sleep();
				}
				return super.load(previous);
			}
		};
		var index = new ReportIndex(loader, this.jdbcClient, ReportProperties.Index.SYNC, Duration.ofMillis(500));
		index.buildOnStart();
		try {
			whileChanged(version -> assertThat(index.current()).as("answered from the index that appended the row")
				.hasValueSatisfying(fresh -> assertThat(fresh.version).isEqualTo(version)));
			assertThat(loader.appended()).isOne();
		}
		finally {
			index.destroy();
		}
	}

	private interface Check {

		void version(long version) throws Exception;

	}

	private void whileChanged(Check check) throws Exception {
		// someone from the demo who was not at the Tbilisi forum
		var ref = this.jdbc.queryForObject("""
				SELECT min(p.ref) FROM participant p WHERE NOT EXISTS (SELECT 1 FROM participation x
				JOIN activity a ON a.id = x.activity_id WHERE a.code = 'CNF-2025-TBILISI' AND x.participant_id = p.id)""",
				String.class);
		assertThat(this.jdbc.update(ADDED, ref)).isEqualTo(1);
		try {
			check.version(this.jdbc.queryForObject("SELECT version FROM data_version", Long.class));
		}
		finally {
			assertThat(this.jdbc.update(REMOVED, ref)).isEqualTo(1);
		}
	}

	private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	/** An index built now (load 1), whose second load fails with this; the others succeed. */
	private ReportIndex failingIndex(AtomicInteger loads, Supplier<Throwable> failure) {
		var loader = new FactIndexLoader(this.dataSource, this.transactions, new IndexSettings(16)) {
			@Override
			FactIndex load(FactIndex previous) {
				if (loads.incrementAndGet() == 2) {
					var thrown = failure.get();
					if (thrown instanceof Error error) {
						throw error;
					}
					throw (RuntimeException) thrown;
				}
				return super.load(previous);
			}
		};
		var index = new ReportIndex(loader, this.jdbcClient, ReportProperties.Index.SYNC, Duration.ofSeconds(10));
		index.buildOnStart();
		return index;
	}

	/** An index built now, whose later loads take at least 300 ms. */
	private ReportIndex slowIndex(Duration wait) {
		var loader = new FactIndexLoader(this.dataSource, this.transactions, new IndexSettings(16)) {
			private boolean first = true;

			@Override
			FactIndex load(FactIndex previous) {
				if (!this.first) {
					sleep();
				}
				this.first = false;
				return super.load(previous);
			}
		};
		var index = new ReportIndex(loader, this.jdbcClient, ReportProperties.Index.SYNC, wait);
		index.buildOnStart();
		return index;
	}

	private static void sleep() {
		try {
			Thread.sleep(300);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
