package org.kvali.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
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
				assertThat(limits(connection)).isEqualTo("3min 240000");
				used.set(connection.unwrap(PGConnection.class));
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
			finally {
				DataSourceUtils.releaseConnection(connection, this.dataSource);
			}
		});
		// the pool hands the connection out again (to this thread first; the others are held until it does)
		var held = new ArrayList<Connection>();
		try {
			Connection again = this.dataSource.getConnection();
			held.add(again);
			while (again.unwrap(PGConnection.class) != used.get() && held.size() < 10) {
				again = this.dataSource.getConnection();
				held.add(again);
			}
			assertThat(again.unwrap(PGConnection.class)).isSameAs(used.get());
			assertThat(limits(again)).isEqualTo("30s 60000");
		}
		finally {
			for (var connection : held) {
				connection.close();
			}
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
