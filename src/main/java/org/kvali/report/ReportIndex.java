package org.kvali.report;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The in-memory fast path of the participation report. It answers only while its data version is the database's:
 * every change to reported data raises that version in the committing transaction, so a request that reads the
 * version first never sees stale numbers. Until the first index is built, and after a build failed, requests take the
 * SQL path; after a change, a request waits for the index to catch up as long as that is likely within
 * {@code kvali.report.rebuild-wait} ({@link #current()}).
 */
@Component
class ReportIndex implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ReportIndex.class);

	private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

	private final FactIndexLoader loader;

	private final ReportProperties.Index mode;

	private final Duration rebuildWait;

	private final ScheduledThreadPoolExecutor builder = builder();

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

	@Autowired
	ReportIndex(FactIndexLoader loader, JdbcClient jdbc, ReportProperties settings) {
		this(loader, jdbc, settings.index(), settings.rebuildWait());
	}

	ReportIndex(FactIndexLoader loader, JdbcClient jdbc, ReportProperties.Index mode, Duration rebuildWait) {
		this.loader = loader;
		this.mode = mode;
		this.rebuildWait = rebuildWait;
		this.versions = new DataVersions(jdbc, () -> this.current = null);
	}

	private static ScheduledThreadPoolExecutor builder() {
		var builder = new ScheduledThreadPoolExecutor(1, runnable -> {
			var thread = new Thread(runnable, "report-index");
			thread.setDaemon(true);
			return thread;
		});
		// a build waiting for a back-off to end is dropped when the service stops
		builder.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		return builder;
	}

	/** On start: build now ({@code sync}, as tests do), in the background ({@code async}), or never ({@code off}). */
	@EventListener(ApplicationReadyEvent.class)
	void buildOnStart() {
		switch (this.mode) {
			case SYNC -> {
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
			case ASYNC -> rebuildInBackground();
			case OFF -> log.info("Report index off: every report runs in SQL");
		}
	}

	/**
	 * The index, when it holds the data as committed now; otherwise a rebuild is started and, after a change (not at
	 * start-up, and not inside a transaction, which would hold a connection while waiting), the request waits for it
	 * up to {@code kvali.report.rebuild-wait}: reading inserted or corrected rows takes a second or two at 10
	 * million participations, and even reading everything again takes about as long as one answer from SQL (6 to 16 s
	 * against 6 to 26 s a query), after which every answer is fast again; it spares PostgreSQL a dashboard's worth of
	 * heavy queries meanwhile. Empty when the SQL path must answer.
	 */
	Optional<FactIndex> current() {
		if (!enabled()) {
			return Optional.empty();
		}
		long version = dataVersion();
		if (this.versions.snapshotBehind(version)) {
			// a snapshot begun before a commit seen since, or a database set back: the index may hold neither
			return Optional.empty();
		}
		// an index of a later version than the one just read holds all the request could see, and more
		var index = this.current;
		if (index != null && index.version >= version) {
			return Optional.of(index);
		}
		rebuildInBackground();
		if (index == null || TransactionSynchronizationManager.isActualTransactionActive()) {
			return Optional.empty();
		}
		return awaitVersion(version);
	}

	/**
	 * Waits for an index of at least this version, unless it cannot be ready within the wait (the running build at the
	 * pace of the last of its kind, plus one more append for what committed after it started) or a build failed just
	 * before ({@link BuildBackOff}): then the SQL path, at once.
	 */
	private Optional<FactIndex> awaitVersion(long version) {
		long now = System.nanoTime();
		long deadline = now + this.rebuildWait.toNanos();
		long failed = this.backOff.failedAt();
		if (this.backOff.running(failed, now)
				|| this.buildStarted + (this.buildAppends ? this.lastAppendNanos : this.lastWholeNanos)
						+ this.lastAppendNanos > deadline) {
			return Optional.empty();
		}
		while (System.nanoTime() < deadline) {
			var index = this.current;
			if (index != null && index.version >= version) {
				return Optional.of(index);
			}
			if (!this.building.get()) {
				// the builder finished just before this version committed, or has not noticed it yet
				if (this.backOff.failedAt() != failed) {
					return Optional.empty();
				}
				rebuildInBackground();
			}
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return Optional.empty();
			}
		}
		var index = this.current;
		return index != null && index.version >= version ? Optional.of(index) : Optional.empty();
	}

	/**
	 * Starts bringing the index up to the database's data version when it is behind: another instance or another
	 * connection announced a change ({@link DataVersionListener}).
	 */
	void catchUp() {
		if (enabled() && behind()) {
			rebuildInBackground();
		}
	}

	/** Whether there is an index at all ({@code kvali.report.index} is not {@code off}). */
	boolean enabled() {
		return this.mode != ReportProperties.Index.OFF;
	}

	/** The data version the index holds, or -1 before the first is built (for tests). */
	long builtVersion() {
		var index = this.current;
		return index == null ? -1 : index.version;
	}

	/** The database's data version now ({@link DataVersions}). */
	long dataVersion() {
		return this.versions.now();
	}

	/** The data version now with its epoch; null when the epoch changed while it was read. */
	DataVersions.Stamp stamp() {
		return this.versions.stamp();
	}

	/** How many times the data version went back. */
	long epoch() {
		return this.versions.epoch();
	}

	private boolean behind() {
		long version = dataVersion();
		var index = this.current;
		return index == null || index.version < version;
	}

	/**
	 * Starts a build unless one runs, or one failed just before ({@link BuildBackOff}): a read that ran out of
	 * memory for its second copy failed again at once, each holding a connection and hundreds of megabytes while
	 * reports ran in SQL.
	 */
	private void rebuildInBackground() {
		if (this.backOff.running(this.backOff.failedAt(), System.nanoTime())) {
			return;
		}
		if (!this.builder.isShutdown() && this.building.compareAndSet(false, true)) {
			try {
				this.builder.execute(this::buildUntilCurrent);
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
				this.builder.schedule(this::rebuildInBackground, wait, TimeUnit.NANOSECONDS);
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
		long epoch = epoch();
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

	/**
	 * Stops a running build before the connections close under it: it stops before its next query and rolls back.
	 */
	@Override
	public void destroy() throws InterruptedException {
		this.loader.stop();
		this.builder.shutdown();
		if (!this.builder.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
			log.info("Report index build still running after {}; stopping without it", SHUTDOWN_WAIT);
		}
	}

}
