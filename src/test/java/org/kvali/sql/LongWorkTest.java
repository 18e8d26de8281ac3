package org.kvali.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.postgresql.PGConnection;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Long work's limits hold for its transaction, and its connection has the usual ones again after it. */
@IntegrationTest
class LongWorkTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void itsLimitsEndWithItsTransaction() throws SQLException {
		var used = new AtomicReference<PGConnection>();
		this.transactions.executeWithoutResult(status -> {
			var connection = DataSourceUtils.getConnection(this.dataSource);
			try {
				assertThat(limits(connection)).isEqualTo("30s 60000");
				LongWork.allow(connection);
				assertThat(limits(connection)).isEqualTo("10min 660000");
				used.set(connection.unwrap(PGConnection.class));
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
			finally {
				DataSourceUtils.releaseConnection(connection, this.dataSource);
			}
		});
		// the pool hands the thread the connection it gave it last
		try (var connection = this.dataSource.getConnection()) {
			assertThat(connection.unwrap(PGConnection.class)).isSameAs(used.get());
			assertThat(limits(connection)).isEqualTo("30s 60000");
		}
	}

	private static String limits(Connection connection) throws SQLException {
		try (var statement = connection.createStatement();
				var result = statement.executeQuery("SHOW statement_timeout")) {
			result.next();
			return result.getString(1) + " " + connection.getNetworkTimeout();
		}
	}

}
