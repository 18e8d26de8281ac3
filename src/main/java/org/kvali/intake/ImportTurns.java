package org.kvali.intake;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.http.HttpStatus;
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

	ImportTurns(ImportLimits limits) {
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
