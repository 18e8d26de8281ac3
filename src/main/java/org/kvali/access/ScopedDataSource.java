package org.kvali.access;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.kvali.sql.LostConnections;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out connections that work as {@code kvali_app}, the role that owns no table, with the current caller's
 * scope set for PostgreSQL's row-level security: {@code kvali.role} (the caller's role; SERVICE when the service
 * itself is at work, see {@link ServiceScope}; NONE otherwise), {@code kvali.caller} (the caller's name) and
 * {@code kvali.organizations} (the caller's organization ids). All are set anew at every checkout, so a connection
 * never carries an earlier caller's scope.
 */
public class ScopedDataSource extends DelegatingDataSource implements AutoCloseable {

	static final String APPLICATION_ROLE = "kvali_app";

	public ScopedDataSource(DataSource target) {
		super(target);
	}

	@Override
	public Connection getConnection() throws SQLException {
		return scoped(super.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return scoped(super.getConnection(username, password));
	}

	/** Closes the pool behind it, as the context closes the data source bean. */
	@Override
	public void close() throws Exception {
		if (getTargetDataSource() instanceof AutoCloseable pool) {
			pool.close();
		}
	}

	private Connection scoped(Connection connection) throws SQLException {
		var caller = Caller.find();
		try (var statement = connection.prepareStatement(
				"SELECT set_config('role', ?, false), set_config('kvali.role', ?, false), set_config('kvali.caller', ?, false),"
						+ " set_config('kvali.organizations', ?, false)")) {
			statement.setString(1, APPLICATION_ROLE);
			statement.setString(2, caller.map(c -> c.role().name()).orElse(ServiceScope.active() ? "SERVICE" : "NONE"));
			statement.setString(3, caller.map(Caller::name).orElse("service"));
			statement.setString(4, caller.map(ScopedDataSource::organizations).orElse("{}"));
			statement.execute();
		}
		catch (SQLException | RuntimeException | Error ex) {
			// a connection that cannot run one statement (its replies out of step, say) is not handed out again
			discard(connection, ex);
			throw ex;
		}
		return connection;
	}

	/**
	 * Takes a connection out of the pool, closed: one given back (closed) would be handed out again, and one not
	 * closed at all would hold its place in the pool for ever.
	 */
	private void discard(Connection connection, Throwable failure) {
		try {
			if (getTargetDataSource() instanceof HikariDataSource pool) {
				pool.evictConnection(connection);
			}
			else {
				// closed without a word to the database first: another pool drops a connection that fails so
				LostConnections.close(connection, failure);
				connection.close();
			}
		}
		catch (SQLException | RuntimeException ex) {
			failure.addSuppressed(ex);
		}
	}

	/** The caller's organization ids as a PostgreSQL array literal. */
	private static String organizations(Caller caller) {
		return caller.organizations().stream().sorted().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
	}

}
