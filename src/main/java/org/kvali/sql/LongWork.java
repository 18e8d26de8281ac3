package org.kvali.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The limits of the two pieces of work that may take minutes, an import and a whole read of the report index, on the
 * connection of their transaction: every other statement is stopped after 30 s by PostgreSQL, and its connection
 * given up when the database has not answered for 60 s (a paused server or a dropped network sends no error). Both
 * limits come back at the transaction's end: the statement's as a local setting, the connection's when the pool
 * takes it back.
 */
public final class LongWork {

	/**
	 * How long one of their statements may run: at 10 million participations a whole import of 200,000 rows takes
	 * about 7 s and a whole read of the index about 20 s, and a silent database holds an import's turn this long.
	 */
	static final Duration STATEMENT = Duration.ofSeconds(180);

	/** How long their connection waits for the database's next word: the statement's limit and a minute more. */
	static final int SILENCE = 240_000;

	private LongWork() {
	}

	public static void allow(Connection connection) throws SQLException {
		allow(connection, Duration.ZERO);
	}

	/**
	 * The same, each statement allowed {@code arriving} more: a COPY from a sheet as it is uploaded lasts as long as
	 * the upload, which may take minutes (a sheet that takes longer is refused before), and was stopped after 180 s.
	 * {@link #allow(Connection)} again after it.
	 */
	public static void allow(Connection connection, Duration arriving) throws SQLException {
		try (var statement = connection.prepareStatement("SELECT set_config('statement_timeout', ?, true)")) {
			statement.setString(1, STATEMENT.plus(arriving).toMillis() + "ms");
			statement.execute();
		}
		connection.setNetworkTimeout(Runnable::run, SILENCE);
	}

}
