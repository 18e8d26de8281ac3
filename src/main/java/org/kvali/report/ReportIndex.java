package org.kvali.report;

import java.time.Duration;
import java.util.Optional;

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

	private final ReportProperties.Index mode;

	private final Duration rebuildWait;

	private final IndexBuilder builder;

	private final DataVersions versions;

	private final BuildBackOff backOff;

	@Autowired
	ReportIndex(FactIndexLoader loader, JdbcClient jdbc, ReportProperties settings) {
		this(loader, jdbc, settings.index(), settings.rebuildWait());
	}

	ReportIndex(FactIndexLoader loader, JdbcClient jdbc, ReportProperties.Index mode, Duration rebuildWait) {
		this.mode = mode;
		this.rebuildWait = rebuildWait;
		this.builder = new IndexBuilder(loader, jdbc);
		this.versions = this.builder.versions();
		this.backOff = this.builder.backOff();
	}

	/** On start: build now ({@code sync}, as tests do), in the background ({@code async}), or never ({@code off}). */
	@EventListener(ApplicationReadyEvent.class)
	void buildOnStart() {
		switch (this.mode) {
			case SYNC -> this.builder.buildNow();
			case ASYNC -> this.builder.rebuildInBackground();
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
		var index = this.builder.index();
		if (index != null && index.version >= version) {
			return Optional.of(index);
		}
		this.builder.rebuildInBackground();
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
		if (this.backOff.running(failed, now) || this.builder.likelyCaughtUp() > deadline) {
			return Optional.empty();
		}
		while (System.nanoTime() < deadline) {
			var index = this.builder.index();
			if (index != null && index.version >= version) {
				return Optional.of(index);
			}
			if (!this.builder.building()) {
				// the builder finished just before this version committed, or has not noticed it yet
				if (this.backOff.failedAt() != failed) {
					return Optional.empty();
				}
				this.builder.rebuildInBackground();
			}
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return Optional.empty();
			}
		}
		var index = this.builder.index();
		return index != null && index.version >= version ? Optional.of(index) : Optional.empty();
	}

	/**
	 * Starts bringing the index up to the database's data version when it is behind: another instance or another
	 * connection announced a change ({@link DataVersionListener}).
	 */
	void catchUp() {
		if (enabled()) {
			this.builder.catchUp();
		}
	}

	/** Whether there is an index at all ({@code kvali.report.index} is not {@code off}). */
	boolean enabled() {
		return this.mode != ReportProperties.Index.OFF;
	}

	/** The data version the index holds, or -1 before the first is built (for tests). */
	long builtVersion() {
		var index = this.builder.index();
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

	/**
	 * Stops a running build before the connections close under it: it stops before its next query and rolls back.
	 */
	@Override
	public void destroy() throws InterruptedException {
		this.builder.stop();
	}

}
