package org.kvali.intake;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.http.HttpStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many sheets one instance loads at once. A load holds a database connection from the first byte of its body
 * to its commit, and a partner on a slow line sends a sheet for minutes: nine such uploads took every connection of
 * the pool, and every report, mutation and health check of the instance failed after 30 s. A sheet beyond the limit
 * waits for a turn without a connection, and is refused with 503 if none comes. One caller (a key, a token's subject)
 * holds half of the turns at most, rounded up, so that one script sending sheet after sheet leaves other partners
 * theirs.
 */
@Component
class ImportTurns {

	/** How long a sheet waits for its turn; tests shorten it. */
	static volatile long wait = TimeUnit.SECONDS.toMillis(30);

	private final Semaphore turns;

	private final int concurrent;

	/** The most turns one caller holds at once. */
	private final int perCaller;

	/** Each caller's turns, by name: as many as the callers that loaded a sheet since the start. */
	private final ConcurrentHashMap<String, Semaphore> callers = new ConcurrentHashMap<>();

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
		this.perCaller = (this.concurrent + 1) / 2;
		this.turns = new Semaphore(this.concurrent, true);
	}

	/**
	 * A turn of the caller's, to be closed when the load is done; a SERVICE_UNAVAILABLE refusal when none comes in
	 * time, naming whose sheets hold the turns.
	 */
	Turn take(String caller) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(wait);
		var own = this.callers.computeIfAbsent(caller, name -> new Semaphore(this.perCaller, true));
		if (!own.tryAcquire(wait, TimeUnit.MILLISECONDS)) {
			throw new SheetException(HttpStatus.SERVICE_UNAVAILABLE, "Your other sheets are being loaded ("
					+ this.perCaller + " at once for one caller at most, of " + this.concurrent
					+ ") and this one waited " + wait / 1000 + " s for its turn; send it once one of them is answered");
		}
		boolean taken = false;
		try {
			taken = this.turns.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		finally {
			if (!taken) {
				// refused, or interrupted while waiting: the caller's turn goes back too
				own.release();
			}
		}
		if (!taken) {
			throw new SheetException(HttpStatus.SERVICE_UNAVAILABLE, "Other sheets are being loaded (" + this.concurrent
					+ " at once at most) and this one waited " + wait / 1000 + " s for its turn; send it again shortly");
		}
		return () -> {
			this.turns.release();
			own.release();
		};
	}

	/** A turn held: closing it gives it back. */
	interface Turn extends AutoCloseable {

		@Override
		void close();

	}

}
