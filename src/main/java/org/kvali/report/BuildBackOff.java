package org.kvali.report;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.TransactionSystemException;

/**
 * How long after a failed build of the report index reports go to SQL without starting another: a minute after an
 * Error (no memory for a second copy would be missing again at once), seconds after another failure (a statement
 * timed out, a connection was reset), so that changes are caught up with soon after; doubled for each failure in a
 * row up to the minute (5, 10, 20, 40, 60 s), as a build tried again by itself fails again as long as what failed it
 * lasts (the database gone, say). The stack trace is logged once per run of failures.
 */
final class BuildBackOff {

	/** ReportIndex's: the failures are its builds', and logged as they were before this class. */
	private static final Logger log = LoggerFactory.getLogger(ReportIndex.class);

	private static final Duration AFTER_ERROR = Duration.ofMinutes(1);

	private static final Duration FIRST = Duration.ofSeconds(5);

	/** When a build last failed (System.nanoTime), 0 when none has; written after {@link #nanos}, read before. */
	private volatile long failedAt;

	/** How long the service backs off after that failure, in nanoseconds. */
	private volatile long nanos;

	/** How many builds failed since the last that succeeded (on the builder's thread alone). */
	private int inARow;

	/**
	 * Notes a failed build; how long (nanoseconds) until the next. A build whose rollback failed too is judged and
	 * logged by its own failure: Spring throws the rollback's instead ("Could not roll back JDBC transaction"), as
	 * when the build's connection was closed for a lost link ({@code LostConnections}).
	 */
	long failed(Throwable thrown) {
		var ex = thrown instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
				? rollback.getApplicationException() : thrown;
		int failures = ++this.inARow;
		this.nanos = ex instanceof Error ? AFTER_ERROR.toNanos()
				: Math.min(AFTER_ERROR.toNanos(), FIRST.toNanos() << Math.min(failures - 1, 4));
		this.failedAt = System.nanoTime();
		if (ex instanceof FactIndexLoader.Stopped) {
			log.info(ex.getMessage());
		}
		else if (failures == 1) {
			log.error("Building the report index failed; reports keep running in SQL", ex);
		}
		else {
			log.warn("Building the report index failed again, {} times in a row ({}); trying again in {} s", failures,
					ex, TimeUnit.NANOSECONDS.toSeconds(this.nanos));
		}
		return this.nanos;
	}

	/** Notes a build that succeeded: the next failure backs off from the first step again. */
	void succeeded() {
		this.inARow = 0;
	}

	/** When the last build failed (System.nanoTime), 0 when none has. */
	long failedAt() {
		return this.failedAt;
	}

	/** Whether it is still backing off, at {@code now}, from the failure at {@code failed}. */
	boolean running(long failed, long now) {
		return failed != 0 && now - failed < this.nanos;
	}

}
