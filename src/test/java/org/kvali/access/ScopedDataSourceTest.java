package org.kvali.access;

import java.sql.SQLException;
import java.util.Set;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A connection whose scope could not be set is taken out of the pool, not handed out again nor left holding its
 * place: one that failed otherwise than with an SQLException (pgjdbc's replies out of step are an
 * IllegalStateException) was never closed, and a pool that lost its connections so made every request wait.
 */
@IntegrationTest
class ScopedDataSourceTest {

	@Autowired
	JdbcConnectionDetails database;

	@Test
	void aConnectionWhoseScopeFailedLeavesThePool() throws Exception {
		try (var pool = new HikariDataSource()) {
			pool.setJdbcUrl(this.database.getJdbcUrl());
			pool.setUsername(this.database.getUsername());
			pool.setPassword(this.database.getPassword());
			pool.setMaximumPoolSize(1);
			pool.setConnectionTimeout(10_000);
			var scoped = new ScopedDataSource(pool);
			int first = backend(scoped);
			// a caller without a role (none reaches the service so) fails the scope's statement before it runs
			SecurityContextHolder.getContext()
				.setAuthentication(new TestingAuthenticationToken(new Caller("no role", null, Set.of()), ""));
			try {
				for (int i = 0; i < 3; i++) {
					assertThatThrownBy(scoped::getConnection).isInstanceOf(NullPointerException.class);
				}
			}
			finally {
				SecurityContextHolder.clearContext();
			}
			// the pool's one connection was taken out each time, and a new one made (tests run as the service)
			assertThat(backend(scoped)).as("another server process than the first connection's").isNotEqualTo(first);
			try (var connection = scoped.getConnection(); var statement = connection.createStatement();
					var result = statement.executeQuery("SELECT current_user, current_setting('kvali.role')")) {
				assertThat(result.next()).isTrue();
				assertThat(result.getString(1) + " " + result.getString(2)).isEqualTo("kvali_app SERVICE");
			}
		}
	}

	private static int backend(DataSource scoped) throws SQLException {
		try (var connection = scoped.getConnection(); var statement = connection.createStatement();
				var result = statement.executeQuery("SELECT pg_backend_pid()")) {
			assertThat(result.next()).isTrue();
			return result.getInt(1);
		}
	}

}
