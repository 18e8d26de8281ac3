package org.kvali.report;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Listens on the channel {@code kvali_data_version}, on which the database announces every committed change to
 * reported data (changeset 023), and has the report index catch up at once. Correctness does not rest on it: every
 * request reads the data version before it trusts the index. It only makes another instance's index current within
 * moments of a change instead of after its next request. One pooled connection is held for the listening.
 */
@Component
class DataVersionListener implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DataVersionListener.class);

	private static final int WAIT_MILLIS = 500;

	private final DataSource dataSource;

	private final ReportIndex index;

	private volatile boolean running = true;

	private Thread thread;

	DataVersionListener(DataSource dataSource, ReportIndex index) {
		this.dataSource = dataSource;
		this.index = index;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (!this.index.enabled()) {
			return;
		}
		this.thread = new Thread(this::listen, "data-version-listener");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void listen() {
		while (this.running) {
			try (var connection = this.dataSource.getConnection(); var statement = connection.createStatement()) {
				statement.execute("LISTEN kvali_data_version");
				try {
					var pg = connection.unwrap(PGConnection.class);
					// a change announced before listening began is caught up with here
					boolean caughtUp = catchUp(true);
					while (this.running) {
						var notifications = pg.getNotifications(WAIT_MILLIS);
						if (!caughtUp || notifications != null && notifications.length > 0) {
							caughtUp = catchUp(caughtUp);
						}
					}
				}
				finally {
					// the connection goes back to the pool: it must not go on collecting notifications there
					statement.execute("UNLISTEN *");
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (this.running) {
					log.warn("Listening for data changes failed ({}); trying again in 5 s", ex.getMessage());
					sleep();
				}
			}
		}
	}

	/**
	 * Whether the index was asked to catch up (after a failed build it starts nothing until its back-off ends, when it
	 * builds again by itself). A failure to ask (no connection free to read the version, say) is tried again after
	 * each wait until it succeeds, as an instance without requests would otherwise stay behind; logged the first time.
	 */
	private boolean catchUp(boolean firstTry) {
		try {
			this.index.catchUp();
			return true;
		}
		catch (RuntimeException ex) {
			if (firstTry) {
				log.warn("Catching up with a data change failed ({}); trying again every {} ms", ex.getMessage(),
						WAIT_MILLIS);
			}
			return false;
		}
	}

	private void sleep() {
		try {
			Thread.sleep(5_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		this.running = false;
		if (this.thread != null) {
			this.thread.interrupt();
			this.thread.join(2_000);
		}
	}

}
