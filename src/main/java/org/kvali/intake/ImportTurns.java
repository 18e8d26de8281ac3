package org.kvali.intake;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.http.HttpStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many sheets one instance loads at once. A load holds a database connection from the first byte of its body
 * to its commit, and a partner on a slow line sends a sheet for minutes: nine such uploads took every connection of
 * the pool, and every report, mutation and health check of the instance failed after 30 s. A sheet beyond the limit
 * waits for a turn without a connection, and is refused with 503 if none comes.
 */
@Component
class ImportTurns {

	/** How long a sheet waits for its turn; tests shorten it. */
	static volatile long wait = TimeUnit.SECONDS.toMillis(30);

	private final Semaphore turns;

	private final int concurrent;

	/**
	 * Turns leave connections to the rest: loads that may hold every connection of the pool (its
	 * {@code maximum-pool-size}) are refused at the start, as nine of ten did.
	 */
	ImportTurns(ImportLimits limits, @Value("${spring.datasource.hikari.maximum-pool-size:10}") int connections) {
		if (limits.concurrent() >= connections) {
			throw new IllegalArgumentException("kvali.import.concurrent (KVALI_IMPORT_CONCURRENT, " + limits.concurrent()
					+ ") must be below the pool's connections (spring.datasource.hikari.maximum-pool-size, " + connections
					+ "): each load holds one while its sheet arrives, and reports, keys and health checks need the rest");
		}
		this.concurrent = limits.concurrent();
		this.turns = new Semaphore(this.concurrent, true);
	}

	/** A turn, to be closed when the load is done; a SERVICE_UNAVAILABLE refusal when none comes in time. */
	Turn take() throws InterruptedException {
		if (!this.turns.tryAcquire(wait, TimeUnit.MILLISECONDS)) {
			throw new SheetException(HttpStatus.SERVICE_UNAVAILABLE, "Other sheets are being loaded (" + this.concurrent
					+ " at once at most) and this one waited " + wait / 1000 + " s for its turn; send it again shortly");
		}
		return this.turns::release;
	}

	/** A turn held: closing it gives it back. */
	interface Turn extends AutoCloseable {

		@Override
		void close();

	}

}
