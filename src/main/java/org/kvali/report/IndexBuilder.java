package org.kvali.report;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Builds the report index on a thread of its own, one build at a time, and holds the last one kept. */
final class IndexBuilder {

	/** ReportIndex's: its builds, logged as they were before this class. */
	private static final Logger log = LoggerFactory.getLogger(ReportIndex.class);

	private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

	private final FactIndexLoader loader;

	private final ScheduledThreadPoolExecutor executor = executor();

	private final AtomicBoolean building = new AtomicBoolean();

	private volatile FactIndex current;

	private final DataVersions versions;

	/**
	 * When the running (or last) build started, whether it appends to the index before it, and how long the last
	 * build of each kind that succeeded took (nanoseconds; 0 before the first).
	 */
	private volatile long buildStarted;

	private volatile boolean buildAppends;

	private volatile long lastAppendNanos;

	private volatile long lastWholeNanos;

	private final BuildBackOff backOff = new BuildBackOff();

	IndexBuilder(FactIndexLoader loader, JdbcClient jdbc) {
		this.loader = loader;
		this.versions = new DataVersions(jdbc, () -> this.current = null);
	}

	private static ScheduledThreadPoolExecutor executor() {
		var executor = new ScheduledThreadPoolExecutor(1, runnable -> {
			var thread = new Thread(runnable, "report-index");
			thread.setDaemon(true);
			return thread;
		});
		// a build waiting for a back-off to end is dropped when the service stops
		executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		return executor;
	}

	/** The data versions its builds are kept by; the index is dropped when the version goes back. */
	DataVersions versions() {
		return this.versions;
	}

	/** How long after a failed build none is started. */
	BuildBackOff backOff() {
		return this.backOff;
	}

	/** The index last kept, or null before the first and after the data version went back. */
	FactIndex index() {
		return this.current;
	}

	/** Whether a build is running or about to. */
	boolean building() {
		return this.building.get();
	}

	/**
	 * When (System.nanoTime) the running build is likely done at the pace of the last of its kind, plus one more
	 * append for what committed after it started.
	 */
	long likelyCaughtUp() {
		return this.buildStarted + (this.buildAppends ? this.lastAppendNanos : this.lastWholeNanos)
				+ this.lastAppendNanos;
	}

	/** Builds on the caller's thread, once no build runs. */
	void buildNow() {
		// a build the change listener started first is waited for, not run twice at once
		while (!this.building.compareAndSet(false, true)) {
			sleep();
		}
		try {
			build();
		}
		finally {
			this.building.set(false);
		}
	}

	/** Starts bringing the index up to the database's data version when it is behind. */
	void catchUp() {
		if (behind()) {
			rebuildInBackground();
		}
	}

	private boolean behind() {
		long version = this.versions.now();
		var index = this.current;
		return index == null || index.version < version;
	}

	/**
	 * Starts a build unless one runs, or one failed just before ({@link BuildBackOff}): a read that ran out of
	 * memory for its second copy failed again at once, each holding a connection and hundreds of megabytes while
	 * reports ran in SQL.
	 */
	void rebuildInBackground() {
		if (this.backOff.running(this.backOff.failedAt(), System.nanoTime())) {
			return;
		}
		if (!this.executor.isShutdown() && this.building.compareAndSet(false, true)) {
			try {
				this.executor.execute(this::buildUntilCurrent);
			}
			catch (RejectedExecutionException ex) {
				// the service stopped between the check and here
				this.building.set(false);
			}
		}
	}

	/** Builds until the index is of the database's version: what committed during a build is caught up at once. */
	private void buildUntilCurrent() {
		boolean built = false;
		long wait = 0;
		try {
			do {
				build();
			}
			while (behind());
			built = true;
		}
		catch (RuntimeException | Error ex) {
			// an Error too (no memory for a second copy, say): logged, and reports go on in SQL
			wait = this.backOff.failed(ex);
		}
		finally {
			this.building.set(false);
		}
		if (built) {
			this.backOff.succeeded();
			// a change announced between the last check and now found the builder busy: catch up with it
			catchUpOrLog();
		}
		else {
			// built again once the back-off ends, as a change announced meanwhile started no build and an instance
			// without requests would otherwise keep an index behind the database until its next request
			try {
				this.executor.schedule(this::rebuildInBackground, wait, TimeUnit.NANOSECONDS);
			}
			catch (RejectedExecutionException ex) {
				// the service is stopping
			}
		}
	}

	private void catchUpOrLog() {
		try {
			catchUp();
		}
		catch (RuntimeException ex) {
			log.warn("Could not check for changes committed during a build ({}); the next report will",
					ex.getMessage());
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(20);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the report index", ex);
		}
	}

	private void build() {
		long started = System.nanoTime();
		long epoch = this.versions.epoch();
		var previous = this.current;
		this.buildAppends = previous != null && this.loader.appendable(previous);
		this.buildStarted = started;
		int appendedBefore = this.loader.appended();
		var index = this.loader.load(previous);
		boolean appended = this.loader.appended() > appendedBefore;
		// not kept when the data version went back while it was built, perhaps on the index before
		if (!this.versions.keep(epoch, index.version, () -> {
			if (this.current == null || this.current.version <= index.version) {
				this.current = index;
			}
		})) {
			return;
		}
		if (appended) {
			this.lastAppendNanos = System.nanoTime() - started;
		}
		else {
			this.lastWholeNanos = System.nanoTime() - started;
		}
		log.info("Report index of data version {} ready: {} participations in {} ms", index.version, index.rows,
				(System.nanoTime() - started) / 1_000_000);
	}

	/** Stops a running build before its next query, which rolls back, and waits a while for it. */
	void stop() throws InterruptedException {
		this.loader.stop();
		this.executor.shutdown();
		if (!this.executor.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
			log.info("Report index build still running after {}; stopping without it", SHUTDOWN_WAIT);
		}
	}

}
