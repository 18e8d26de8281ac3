package org.kvali.graphql;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures tell that the database is unreachable, however deep in the causes they lie. */
class DatabaseUnavailableTest {

	@Test
	void connectionFailuresAndAServerGoingAreTold() {
		assertThat(DatabaseUnavailable.causedBy(new CannotGetJdbcConnectionException("no connection",
				new SQLTransientConnectionException("pool timed out")))).isTrue();
		assertThat(DatabaseUnavailable.causedBy(new RuntimeException(new SQLException("I/O error", "08006")))).isTrue();
		assertThat(DatabaseUnavailable.causedBy(new SQLException("terminating connection", "57P01"))).isTrue();
		assertThat(DatabaseUnavailable.causedBy(new SQLException("too many clients", "53300"))).isTrue();
		// the statement failed as the server stopped, then the rollback on the closed connection
		var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("closed"));
		rollback.initApplicationException(new SQLException("terminating connection", "57P01"));
		assertThat(DatabaseUnavailable.causedBy(rollback)).isTrue();
	}

	@Test
	void otherFailuresAreNot() {
		assertThat(DatabaseUnavailable.causedBy(new DataIntegrityViolationException("duplicate",
				new SQLException("duplicate key", "23505")))).isFalse();
		assertThat(DatabaseUnavailable.causedBy(new SQLException("no state"))).isFalse();
		var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("closed"));
		rollback.initApplicationException(new IllegalStateException("a bug"));
		assertThat(DatabaseUnavailable.causedBy(rollback)).isFalse();
		assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("a bug"))).isFalse();
	}

}
