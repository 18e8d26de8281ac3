package org.kvali.report;

import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The database's data version as the report index reads it. It only rises while the database is the one the versions
 * before were read from; one lower than a version read before (a database restored to an earlier point, or a failover
 * to a replica that lost commits) has gone back ({@link #wentBack}): the versions from then on may repeat ones the
 * index and the kept responses were made at, for other data, so each is read with the epoch it belongs to, raised
 * each time the version went back.
 */
final class DataVersions {

	/** ReportIndex's: the report index's state, logged as it was before this class. */
	private static final Logger log = LoggerFactory.getLogger(ReportIndex.class);

	private final JdbcClient jdbc;

	/** Drops the index, when the version went back, before the epoch is raised. */
	private final Runnable dropIndex;

	/**
	 * The highest data version read so far, and how many times the database's version was found lower than one read
	 * before: together, so that a version read in one epoch never raises the highest of the next.
	 */
	private final AtomicReference<Seen> seen = new AtomicReference<>(new Seen(0, -1));

	private record Seen(long epoch, long highest) {

		/** This, with its highest raised to {@code version} when read in this epoch. */
		Seen raisedTo(long epoch, long version) {
			return this.epoch == epoch && this.highest < version ? new Seen(epoch, version) : this;
		}

	}

	/**
	 * A data version and the epoch it was read in: after the database's version went back, the same number may stand
	 * for other data, so what was kept for a version is kept for the pair.
	 */
	record Stamp(long epoch, long version) {

		boolean before(Stamp other) {
			return this.epoch < other.epoch || this.epoch == other.epoch && this.version < other.version;
		}

	}

	DataVersions(JdbcClient jdbc, Runnable dropIndex) {
		this.jdbc = jdbc;
		this.dropIndex = dropIndex;
	}

	/** The database's data version now. */
	long now() {
		return read(this.seen.get());
	}

	/**
	 * The data version now with its epoch; null when the epoch changed while it was read (reading it found that it
	 * went back, or another request did): that version is of neither epoch for sure.
	 */
	Stamp stamp() {
		var before = this.seen.get();
		long version = read(before);
		return this.seen.get().epoch() == before.epoch() ? new Stamp(before.epoch(), version) : null;
	}

	/** How many times the data version went back. */
	long epoch() {
		return this.seen.get().epoch();
	}

	/**
	 * Runs {@code keep} (which keeps an index of {@code version}, read in {@code epoch}) and raises the highest version
	 * seen to it, unless the version went back since: false then, and nothing is kept. An index of a version was read
	 * after that version committed, so every later read is at least that.
	 */
	synchronized boolean keep(long epoch, long version, Runnable keep) {
		if (epoch() != epoch) {
			return false;
		}
		keep.run();
		this.seen.getAndUpdate(now -> now.raisedTo(epoch, version));
		return true;
	}

	/**
	 * Whether {@code version}, read inside a transaction of one snapshot, is lower than one read before: the snapshot
	 * began before a commit another request has seen, or the database went back, which the snapshot cannot tell. Its
	 * reports are then counted in SQL, in the snapshot, whichever it was.
	 */
	boolean snapshotBehind(long version) {
		return inSnapshot() && version < this.seen.get().highest();
	}

	/**
	 * The version now, {@code before} read first: it then cannot be lower in a database that has not gone back. Inside
	 * a transaction of one snapshot (REPEATABLE READ or SERIALIZABLE) it is the snapshot's, which may be lower than one
	 * read since by another request, and is neither compared nor kept ({@link #snapshotBehind}; such a transaction,
	 * the IATI file's, had the index dropped as if the database had been set back: a review's).
	 */
	private long read(Seen before) {
		long version = this.jdbc.sql("SELECT version FROM data_version").query(Long.class).single();
		if (inSnapshot()) {
			return version;
		}
		if (version < before.highest()) {
			wentBack(before, version);
		}
		else {
			this.seen.getAndUpdate(now -> now.raisedTo(before.epoch(), version));
		}
		return version;
	}

	/** Whether the thread is in a transaction of one snapshot (REPEATABLE READ or SERIALIZABLE). */
	static boolean inSnapshot() {
		Integer isolation = TransactionSynchronizationManager.getCurrentTransactionIsolationLevel();
		return isolation != null && isolation >= TransactionDefinition.ISOLATION_REPEATABLE_READ;
	}

	/**
	 * The data version is lower than one read before. The index is dropped (the SQL path answers until a whole read is
	 * built; a build running now is not kept, {@link #keep}) and the epoch raised, which the response cache keeps with
	 * its answers.
	 */
	private synchronized void wentBack(Seen before, long version) {
		if (this.seen.get().epoch() != before.epoch()) {
			// another request found it first, perhaps before this one read a version of the database set back
			return;
		}
		log.warn("The data version went back from {} to {}: the database was restored or failed over. Reports run in"
				+ " SQL until the report index has read everything again", before.highest(), version);
		// the index first: a build that reads the new epoch finds no index to build on
		this.dropIndex.run();
		this.seen.set(new Seen(before.epoch() + 1, version));
	}

}
