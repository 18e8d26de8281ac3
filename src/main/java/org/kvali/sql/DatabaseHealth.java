package org.kvali.sql;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The health check of the database ({@code db}, part of readiness), answered within {@link #WAIT}: Spring's own
 * waited as long as a silent database (a paused server, a dropped network) left its connection hanging, 100 s and
 * more, a thread held each time. One check runs at a time; a probe that arrives while one still waits is told DOWN
 * at once, and a check's own wait for an answer ends after {@link #READ}, so that it does not outlast the silence.
 */
@Component("dbHealthIndicator")
class DatabaseHealth implements HealthIndicator, DisposableBean {

	/** How long a probe waits for the check. */
	static final Duration WAIT = Duration.ofSeconds(3);

	/** How long the check waits for the database's answer once it has a connection. */
	private static final int READ = 10_000;

	private final DataSource dataSource;

	private final ExecutorService checks = Executors.newSingleThreadExecutor(work -> {
		var thread = new Thread(work, "database-health");
		thread.setDaemon(true);
		return thread;
	});

	private Future<?> running;

	private long began;

	DatabaseHealth(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public Health health() {
		Future<?> check;
		synchronized (this) {
			if (this.running != null && !this.running.isDone()) {
				return Health.down()
					.withDetail("error", "the check begun " + (System.nanoTime() - this.began) / 1_000_000
							+ " ms ago has had no answer yet")
					.build();
			}
			this.began = System.nanoTime();
			this.running = this.checks.submit(this::ask);
			check = this.running;
		}
		try {
			check.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
			return Health.up().withDetail("database", "PostgreSQL").build();
		}
		catch (TimeoutException ex) {
			return Health.down().withDetail("error", "no answer within " + WAIT.toSeconds() + " s").build();
		}
		catch (ExecutionException ex) {
			return Health.down(ex.getCause()).build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Health.unknown().build();
		}
	}

	private Void ask() throws SQLException {
		try (var connection = this.dataSource.getConnection()) {
			// the pool sets the connection's timeout back when it is returned
			connection.setNetworkTimeout(Runnable::run, READ);
			try (var statement = connection.createStatement()) {
				statement.execute("SELECT 1");
			}
		}
		return null;
	}

	@Override
	public void destroy() {
		this.checks.shutdownNow();
	}

}
