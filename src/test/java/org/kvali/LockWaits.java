package org.kvali;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Waits until sessions of the database wait for a lock: a test that slept, then checked that a request was not done,
 * passed on a slow machine where the request had not yet begun, whether it would have waited or not.
 */
public final class LockWaits {

	private LockWaits() {
	}

	/**
	 * Returns once at least {@code sessions} sessions of the database wait for a lock, as the owner ({@code owner},
	 * who sees every session) sees them; fails after 30 s.
	 */
	public static void await(DataSource owner, int sessions) throws InterruptedException {
		var jdbc = new JdbcTemplate(owner);
		for (int i = 0; i < 1500; i++) {
			int waiting = jdbc.queryForObject("""
					SELECT count(*) FROM pg_stat_activity
					WHERE datname = current_database() AND wait_event_type = 'Lock'""", Integer.class);
			if (waiting >= sessions) {
				return;
			}
			Thread.sleep(20);
		}
		throw new AssertionError("Fewer than " + sessions + " sessions came to wait for a lock within 30 s");
	}

}
