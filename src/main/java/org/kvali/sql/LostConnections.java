package org.kvali.sql;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Connections whose link to the database failed part-way through a COPY: pgjdbc leaves one open when its database
 * fell silent past the network timeout (SQLSTATE class 08), and a database that speaks again then sends the rest of
 * the COPY, which the next statement on the connection (the rollback) takes for its own answer. Such a connection is
 * closed at once, so that the statements after it fail and the pool drops it.
 */
public final class LostConnections {

	private LostConnections() {
	}

	/** Closes the connection when the failure is of its link to the database. */
	public static void closeIfLost(Connection connection, SQLException failure) {
		var state = failure.getSQLState();
		if (state != null && state.startsWith("08")) {
			close(connection, failure);
		}
	}

	/** Closes the connection at once, without a word to the database; what fails so is kept with the failure. */
	public static void close(Connection connection, Throwable failure) {
		try {
			connection.abort(Runnable::run);
		}
		catch (SQLException ex) {
			failure.addSuppressed(ex);
		}
	}

}
