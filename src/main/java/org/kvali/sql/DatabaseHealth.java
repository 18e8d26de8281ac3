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
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * The health check of the database ({@code db}, part of readiness), answered within {@link #WAIT}: Spring's own
 * waited as long as a silent database (a paused server, a dropped network) left its connection hanging, 100 s and
 * more, a thread held each time. One check runs at a time: a probe that arrives while one runs waits for it what is
 * left of its {@link #WAIT}, and is told DOWN at once when it has waited longer. The check asks the pool itself, not
 * the caller-scoped connections, whose scope is set by a statement before any time limit could apply, and its wait
 * for an answer ends after {@link #READ}, so that it does not outlast the silence by much.
 */
@Component("dbHealthIndicator")
class DatabaseHealth implements HealthIndicator, DisposableBean {

	/** How long a probe waits for the check. */
	static final Duration WAIT = Duration.ofSeconds(3);

	/** How long the check waits for the database's answer once it has a connection. */
	private static final int READ = 10_000;

	private final DataSource pool;

	private final ExecutorService checks = Executors.newSingleThreadExecutor(work -> {
		var thread = new Thread(work, "database-health");
		thread.setDaemon(true);
		return thread;
	});

	private Future<?> running;

	private long began;

	DatabaseHealth(DataSource dataSource) {
		this.pool = dataSource instanceof DelegatingDataSource scoped && scoped.getTargetDataSource() != null
				? scoped.getTargetDataSource() : dataSource;
	}

	@Override
	public Health health() {
		Future<?> check;
		long waited;
		synchronized (this) {
			if (this.running == null || this.running.isDone()) {
				this.began = System.nanoTime();
				this.running = this.checks.submit(this::ask);
			}
			check = this.running;
			waited = System.nanoTime() - this.began;
		}
		long left = WAIT.toNanos() - waited;
		if (left <= 0) {
			return Health.down()
				.withDetail("error", "the check begun " + waited / 1_000_000 + " ms ago has had no answer yet")
				.build();
		}
		try {
			check.get(left, TimeUnit.NANOSECONDS);
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
		try (var connection = this.pool.getConnection()) {
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
