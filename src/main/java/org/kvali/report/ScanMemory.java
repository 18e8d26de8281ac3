package org.kvali.report;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The memory one question to the index takes for its counters, and the turns that large ones take. Every array a
 * scan allocates for its groups and distinct values is charged here first and given back when replaced by a larger
 * one. A scan that would hold more than its limit stops with {@link TooLarge}. A scan known to be large, or whose
 * charges pass {@link #SMALL}, first waits for one of {@link #TURNS}, one per two processors: however many questions
 * come at once, the large ones hold at most that many times the limit, and the other processors stay free for the
 * dashboards. A scan that waits longer than {@link #turnWait} stops with {@link Busy} rather than count for a request
 * that has run out of time. Without this, one breakdown by activity, gender and age band with distinct organizations
 * at 10 million participations ran out of a 1.5 GB heap (its sets of distinct values passed 600 MB), and eight at
 * once without them did too.
 */
final class ScanMemory implements AutoCloseable {

	/** Charges up to this many bytes need no turn: every standard dashboard question stays below. */
	static final long SMALL = 32L << 20;

	static final Semaphore TURNS = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors() / 2), true);

	/** How long a scan waits for a turn: two thirds of the 30 s a request may run. Tests shorten it. */
	static volatile long turnWait = TimeUnit.SECONDS.toMillis(20);

	private final long limit;

	private long charged;

	private boolean turn;

	private boolean closed;

	/** A scan's account, which may hold at most {@code limit} bytes. */
	ScanMemory(long limit) {
		this.limit = limit;
	}

	/** The default limit: a quarter of the heap (384 MB of 1.5 GB). */
	static long defaultLimit() {
		return Runtime.getRuntime().maxMemory() / 4;
	}

	/** Charges an array of {@code count} values of {@code size} bytes before it is allocated. */
	synchronized void charge(long count, int size) {
		if (this.closed) {
			throw new IllegalStateException("The scan has ended; nothing more is charged to it");
		}
		this.charged += count * size;
		if (this.charged > this.limit) {
			throw new TooLarge(this.charged, this.limit);
		}
		if (this.charged > SMALL) {
			takeTurn();
		}
	}

	/**
	 * Waits for a turn, unless the scan has one: before it allocates anything when it is known to be large, so that
	 * large scans waiting for their turn hold nothing.
	 */
	synchronized void takeTurn() {
		if (this.closed) {
			throw new IllegalStateException("The scan has ended; it takes no turn");
		}
		if (this.turn) {
			return;
		}
		long wait = turnWait;
		try {
			if (!TURNS.tryAcquire(wait, TimeUnit.MILLISECONDS)) {
				throw new Busy(wait);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting to count", ex);
		}
		this.turn = true;
	}

	/** Gives back an array charged before, once it is no longer used. */
	synchronized void release(long count, int size) {
		this.charged -= count * size;
	}

	/** Bytes charged so far. */
	synchronized long charged() {
		return this.charged;
	}

	/** Gives the turn back, if the scan took one. */
	@Override
	public synchronized void close() {
		this.closed = true;
		if (this.turn) {
			this.turn = false;
			TURNS.release();
		}
	}

	/** A scan that waited for a turn as long as it may. */
	static final class Busy extends RuntimeException {

		final long waited;

		Busy(long waited) {
			super("No turn to count came within " + waited + " ms");
			this.waited = waited;
		}

	}

	/** A scan that would need more than its limit. */
	static final class TooLarge extends RuntimeException {

		final long limit;

		TooLarge(long charged, long limit) {
			super("A scan needs " + charged + " bytes for its counters, more than its limit of " + limit);
			this.limit = limit;
		}

	}

}
