package org.kvali.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A COPY whose handler fails part-way: the rows left are read, so that the connection goes on in step with
 * PostgreSQL; when they cannot be, the connection is closed. Cancelling the COPY instead sent a cancel request that
 * could reach PostgreSQL after the COPY had ended, and the statements after it failed.
 */
@IntegrationTest
class CopyRowsTest {

	/**
	 * Rows, then 3 s of silence before the last: its rest cannot be buffered on the way whatever the sockets hold, as
	 * PostgreSQL has not sent it yet.
	 */
	private static final String SILENT = "SELECT g FROM generate_series(1, 100000) g"
			+ " UNION ALL SELECT 0 FROM pg_sleep(3)";

	@Autowired
	DataSource dataSource;

	@Autowired
	@LiquibaseDataSource
	DataSource owner;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aHandlerThatFailsLeavesItsConnectionInStep() throws Exception {
		try (var connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			for (int round = 0; round < 20; round++) {
				var seen = new AtomicInteger();
				// few rows: the COPY has ended when the handler fails on the tenth
				assertThatThrownBy(() -> CopyRows.read(connection, "SELECT generate_series(1, 20)", fields -> {
					if (seen.incrementAndGet() == 10) {
						throw new IllegalStateException("the tenth");
					}
				})).isInstanceOf(IllegalStateException.class).hasMessage("the tenth");
				assertThat(seen).hasValue(10);
				assertThat(sum(connection, round)).isEqualTo(round + 1);
				connection.rollback();
				assertThat(sum(connection, round)).isEqualTo(round + 1);
			}
		}
	}

	@Test
	void aCopyThatCannotBeReadToItsEndClosesItsConnection() throws Exception {
		var owner = new JdbcTemplate(this.owner);
		try (var connection = this.dataSource.getConnection()) {
			int pid = backend(connection);
			assertThatThrownBy(() -> CopyRows.read(connection, SILENT, fields -> {
				owner.queryForObject("SELECT pg_terminate_backend(?)", Boolean.class, pid);
				throw new IllegalStateException("the first");
			})).isInstanceOf(SQLException.class)
				.hasMessage("A COPY stopped part-way could not be read to its end; its connection is closed")
				.hasCauseInstanceOf(IllegalStateException.class);
			assertThatThrownBy(() -> sum(connection, 1)).isInstanceOf(SQLException.class)
				.hasMessage("This connection has been closed.");
		}
		// the pool hands out working connections
		for (int i = 0; i < 4; i++) {
			assertThat(this.jdbc.queryForObject("SELECT ? + 1", Integer.class, i)).isEqualTo(i + 1);
		}
	}

	/**
	 * A database that falls silent mid-COPY past the connection's network timeout, then speaks again (here it sleeps
	 * 3 s after 100,000 rows): the connection is closed. pgjdbc left it open, and the rest of the COPY, sent once the
	 * server went on, was taken by the next statement for its answer.
	 */
	@Test
	void aCopyWhoseDatabaseFellSilentClosesItsConnection() throws Exception {
		try (var connection = this.dataSource.getConnection()) {
			connection.setNetworkTimeout(Runnable::run, 1_000);
			assertThatThrownBy(() -> CopyRows.read(connection, SILENT, fields -> {
				// nothing to do with the rows
			})).isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getSQLState()).startsWith("08"));
			// what the database sends after its silence finds no one to take it
			Thread.sleep(3_000);
			assertThatThrownBy(() -> sum(connection, 1)).isInstanceOf(SQLException.class)
				.hasMessage("This connection has been closed.");
		}
		for (int i = 0; i < 4; i++) {
			assertThat(this.jdbc.queryForObject("SELECT ? + 1", Integer.class, i)).isEqualTo(i + 1);
		}
	}

	private static int backend(Connection connection) throws SQLException {
		try (var statement = connection.createStatement();
				var result = statement.executeQuery("SELECT pg_backend_pid()")) {
			result.next();
			return result.getInt(1);
		}
	}

	private static int sum(Connection connection, int round) throws SQLException {
		try (var statement = connection.prepareStatement("SELECT ? + 1")) {
			statement.setInt(1, round);
			try (var result = statement.executeQuery()) {
				result.next();
				return result.getInt(1);
			}
		}
	}

}
