package org.kvali.report;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseDataSource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database set back under a running service, as a restore to an earlier point or a failover that lost commits
 * leaves it: other data at a lower data version, and then at the very version the index and a kept response were
 * made at. Neither answers again; the index reads everything anew.
 */
@IntegrationTest
class DataVersionWentBackTest {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@LiquibaseDataSource
	DataSource owner;

	@Autowired
	ReportIndex index;

	@Autowired
	ResponseCache responses;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void whatWasBuiltOrKeptBeforeIsNotUsedOnceTheVersionWentBack() throws Exception {
		// an index of the data now, and the answer kept
		participations();
		awaitIndex(this.index.dataVersion());
		int before = participations();
		long hits = this.responses.hits();
		assertThat(participations()).isEqualTo(before);
		assertThat(this.responses.hits()).as("the second answer was the kept one").isEqualTo(hits + 1);
		long version = this.index.dataVersion();
		long epoch = this.index.epoch();
		setBack(version - 1, true);
		try {
			assertThat(participations()).as("one participation more, at a lower version").isEqualTo(before + 1);
			assertThat(this.index.epoch()).isEqualTo(epoch + 1);
			// the version the index and the kept answer were made at, for the data with one participation more
			setBack(version, false);
			assertThat(participations()).as("the version of the kept answer, other data").isEqualTo(before + 1);
			awaitIndex(version);
			assertThat(this.index.current()).isPresent();
			assertThat(participations()).as("from the index read anew").isEqualTo(before + 1);
		}
		finally {
			assertThat(ForumAttendance.remove(this.jdbc, "P0004")).isEqualTo(1);
		}
		assertThat(participations()).isEqualTo(before);
	}

	/**
	 * A transaction of one snapshot (REPEATABLE READ: the IATI file's, the SQL path's totals in several statements)
	 * reads the version its snapshot holds, lower than one read since by another request: no database set back. The
	 * index had been dropped, and every report ran in SQL until it was read anew (a review's).
	 */
	@Test
	void aSnapshotOlderThanAVersionReadSinceIsNoSettingBack() throws Exception {
		participations();
		awaitIndex(this.index.dataVersion());
		long epoch = this.index.epoch();
		var owner = new JdbcTemplate(this.owner);
		var snapshot = new TransactionTemplate(this.transactions);
		snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		snapshot.setReadOnly(true);
		try {
			snapshot.executeWithoutResult(status -> {
				long seen = this.index.dataVersion();
				assertThat(ForumAttendance.add(owner, "P0004")).isEqualTo(1);
				long committed = CompletableFuture.supplyAsync(this.index::dataVersion).join();
				assertThat(committed).as("read by another request").isGreaterThan(seen);
				assertThat(this.index.dataVersion()).as("the snapshot's").isEqualTo(seen);
				assertThat(this.index.current()).as("the snapshot's reports are counted in SQL, in the snapshot")
					.isEmpty();
			});
			assertThat(this.index.epoch()).isEqualTo(epoch);
			assertThat(participations()).isEqualTo(ForumAttendance.participations(this.graphQl));
		}
		finally {
			assertThat(ForumAttendance.remove(owner, "P0004")).isEqualTo(1);
		}
		assertThat(this.index.epoch()).isEqualTo(epoch);
	}

	/**
	 * A database set back, read first in a snapshot (the IATI file's): the snapshot cannot tell it from one begun
	 * before a commit, and its reports are counted in SQL, not from the index of the data before; the next read outside
	 * a snapshot tells the setting back (a review's: the index of the data before answered).
	 */
	@Test
	void aDatabaseSetBackReadFirstInASnapshotIsNotAnsweredFromTheIndexBefore() throws Exception {
		participations();
		awaitIndex(this.index.dataVersion());
		long version = this.index.dataVersion();
		long epoch = this.index.epoch();
		var snapshot = new TransactionTemplate(this.transactions);
		snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		snapshot.setReadOnly(true);
		setBack(version - 1, true);
		try {
			snapshot.executeWithoutResult(status -> {
				assertThat(this.index.current()).isEmpty();
				assertThat(this.index.epoch()).isEqualTo(epoch);
			});
			this.index.dataVersion();
			assertThat(this.index.epoch()).isEqualTo(epoch + 1);
		}
		finally {
			assertThat(ForumAttendance.remove(this.jdbc, "P0004")).isEqualTo(1);
		}
	}

	/**
	 * Leaves the database as a restore would: the data version set to {@code version}, and with {@code added} one
	 * participation more, neither noted nor announced.
	 */
	private void setBack(long version, boolean added) throws Exception {
		try (Connection connection = this.owner.getConnection()) {
			connection.setAutoCommit(false);
			var jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
			jdbc.execute("SET LOCAL session_replication_role = replica");
			if (added) {
				assertThat(ForumAttendance.add(jdbc, "P0004")).isEqualTo(1);
			}
			assertThat(jdbc.update("UPDATE data_version SET version = ?", version)).isEqualTo(1);
			connection.commit();
		}
	}

	private int participations() {
		return ForumAttendance.participations(this.graphQl);
	}

	private void awaitIndex(long version) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (this.index.builtVersion() != version || this.index.current().isEmpty()) {
			assertThat(System.nanoTime()).as("index of version %d within 20 s", version).isLessThan(deadline);
			Thread.sleep(50);
		}
	}

}
