package org.kvali.sql;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The writers' queue of changeset 024: every statement that writes reported data (activities, people, projects,
 * programmes, organizations) first waits for the data version's row. A check of stored data that a write then relies
 * on takes it first, so nothing it read changes before the write commits.
 */
public final class WritersQueue {

	private WritersQueue() {
	}

	/** {@link #join} when {@code needed}: a check that a write relies on reads stored data only then. */
	public static void joinIf(boolean needed, JdbcClient jdbc) {
		if (needed) {
			join(jdbc);
		}
	}

	/** Waits for the queue and holds it until the transaction ends. */
	public static void join(JdbcClient jdbc) {
		jdbc.sql("SELECT version FROM data_version WHERE id = 1 FOR UPDATE").query(Long.class).single();
	}

}
