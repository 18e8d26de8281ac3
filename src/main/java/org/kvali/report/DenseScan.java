package org.kvali.report;

import java.util.ArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The row-by-row pass of {@link IndexScan} when the groups fit in arrays and at most {@link #COLUMNS} row columns are
 * read. Rows in order, one table look-up per column, and a row the filter leaves out is counted into a spare group
 * (slot 0) rather than skipped: the loop has no branch that depends on the data, which a processor would mispredict
 * (measured at 10 million rows: 40 ms with such a branch, 15 ms without). The rows are cut at person boundaries into
 * one part per processor; each part counts into its own groups, which are then added up (a person is in one part
 * only, so distinct persons add up too; distinct activities and organizations are sets, joined).
 */
final class DenseScan {

	/** The most row columns this pass reads. */
	static final int COLUMNS = 4;

	private static final int PARTS = Math.max(2, Runtime.getRuntime().availableProcessors());

	/** Groups above which a scan is not cut into parts, each of which would count every group. */
	private static final int WIDE = 1 << 17;

	/** Rows below which a scan is not worth cutting into parts (tests set 0 to cut the demo data too). */
	static volatile int smallScan = 200_000;

	private static final ExecutorService HELPERS = Executors.newFixedThreadPool(Math.max(1, PARTS - 1), runnable -> {
		var thread = new Thread(runnable, "report-scan");
		thread.setDaemon(true);
		return thread;
	});

	private final FactIndex index;

	private final char[][] c = new char[COLUMNS][];

	private final int[][] t = new int[COLUMNS][];

	private final int[] roleParts;

	private final int[] personKeys;

	private final int[] activityKeys;

	private final int[] organizationKeys;

	private final boolean readActivity;

	private final boolean readOrganization;

	int totalParticipants;

	DenseScan(FactIndex index, char[][] columns, long[][] parts, boolean[] roles, long[] personKeys,
			long[] activityKeys, long[] organizationKeys, boolean readActivity, boolean readOrganization,
			Supplier<GroupCounts> counts, GroupCounts groups) {
		this.index = index;
		// unused column places read the age band column, already in cache, through a table of zeros
		for (int n = 0; n < COLUMNS; n++) {
			this.c[n] = n < columns.length ? columns[n] : index.rowValues.get(Dimension.AGE_BAND);
			this.t[n] = n < columns.length ? ints(parts[n])
					: new int[index.dictionaries.get(Dimension.AGE_BAND).size()];
		}
		this.roleParts = new int[roles.length];
		for (int r = 0; r < roles.length; r++) {
			this.roleParts[r] = roles[r] ? 0 : -1;
		}
		this.personKeys = ints(personKeys);
		this.activityKeys = ints(activityKeys);
		this.organizationKeys = ints(organizationKeys);
		this.readActivity = readActivity;
		this.readOrganization = readOrganization;
		scanInParts(counts, groups);
	}

	private void scanInParts(Supplier<GroupCounts> counts, GroupCounts groups) {
		// many groups make each part's counters large: then one part
		boolean wide = groups.participations.length > WIDE;
		int parts = this.index.rows == 0 || this.index.rows < smallScan || wide ? 1 : PARTS;
		var bounds = new int[parts + 1];
		for (int part = 1; part < parts; part++) {
			bounds[part] = personBoundary((int) ((long) this.index.rows * part / parts));
		}
		bounds[parts] = this.index.rows;
		var others = new ArrayList<Part>();
		for (int part = 1; part < parts; part++) {
			others.add(new Part(bounds[part], bounds[part + 1], counts.get()));
		}
		var futures = others.stream().map(part -> HELPERS.submit(() -> part.claimAndRun())).toList();
		int persons = scan(bounds[0], bounds[1], groups);
		for (int n = 0; n < others.size(); n++) {
			var part = others.get(n);
			// a part no helper has started yet is scanned here rather than waited for
			if (part.claimAndRun()) {
				futures.get(n).cancel(false);
			}
			else {
				await(futures.get(n));
			}
			groups.merge(part.groups);
			persons += part.persons;
		}
		this.totalParticipants = persons;
	}

	private int personBoundary(int row) {
		int p = this.index.person[row];
		return this.index.personStart[p];
	}

	private static void await(Future<?> future) {
		try {
			future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while counting", ex);
		}
		catch (ExecutionException ex) {
			throw ex.getCause() instanceof RuntimeException runtime ? runtime
					: new IllegalStateException(ex.getCause());
		}
	}

	/** One part of the rows, scanned by whichever thread claims it first. */
	private final class Part {

		private final int from;

		private final int to;

		private final GroupCounts groups;

		private final AtomicBoolean claimed = new AtomicBoolean();

		private volatile int persons;

		Part(int from, int to, GroupCounts groups) {
			this.from = from;
			this.to = to;
			this.groups = groups;
		}

		/** Scans the part unless another thread has claimed it; true when this thread did. */
		boolean claimAndRun() {
			if (!this.claimed.compareAndSet(false, true)) {
				return false;
			}
			this.persons = scan(this.from, this.to, this.groups);
			return true;
		}

	}

	/** Rows {@code from} to {@code to - 1} into the groups; returns the distinct persons counted in any group. */
	private int scan(int from, int to, GroupCounts groups) {
		if (this.personKeys == null && this.activityKeys == null && this.organizationKeys == null
				&& !this.readActivity && !this.readOrganization) {
			return scanColumns(from, to, this.c[0], this.t[0], this.c[1], this.t[1], this.c[2], this.t[2], this.c[3],
					this.t[3], groups);
		}
		return scanAll(from, to, this.c[0], this.t[0], this.c[1], this.t[1], this.c[2], this.t[2], this.c[3],
				this.t[3], groups);
	}

	/**
	 * The common case: everything asked about is in the rows' columns. It is {@link #scanAll} without the look-ups,
	 * written out again on purpose: with the checks for look-ups that are not there, the compiled loop ran at less
	 * than half the speed (quarters of two years at 10 million rows: 45 ms against over 100 ms).
	 */
	private int scanColumns(int from, int to, char[] c0, int[] t0, char[] c1, int[] t1, char[] c2, int[] t2,
			char[] c3, int[] t3, GroupCounts groups) {
		int[] person = this.index.person;
		byte[] role = this.index.role;
		int[] roleParts = this.roleParts;
		int[] participations = groups.participations;
		int[] participants = groups.participants;
		int[] last = groups.lastPerson;
		int persons = 0;
		int lastCounted = -1;
		for (int i = from; i < to; i++) {
			int p = person[i];
			int k0 = t0[c0[i]];
			int k1 = t1[c1[i]];
			int k2 = t2[c2[i]];
			int k3 = t3[c3[i]];
			int bad = k0 | k1 | k2 | k3 | roleParts[role[i]];
			// arithmetic, not a conditional, which the compiler may turn into a branch: slot 0 when left out
			int slot = (k0 + k1 + k2 + k3 + 1) & ~(bad >> 31);
			int good = ~bad >>> 31;
			participations[slot]++;
			participants[slot] += (last[slot] ^ p) == 0 ? 0 : 1;
			last[slot] = p;
			persons += good & ((lastCounted ^ p) == 0 ? 0 : 1);
			lastCounted = (p & -good) | (lastCounted & (good - 1));
		}
		return persons;
	}

	/** With look-ups by person, activity or organization, and distinct activities and organizations. */
	private int scanAll(int from, int to, char[] c0, int[] t0, char[] c1, int[] t1, char[] c2, int[] t2, char[] c3,
			int[] t3, GroupCounts groups) {
		int[] person = this.index.person;
		int[] activity = this.index.activity;
		int[] organization = this.index.organization;
		byte[] role = this.index.role;
		int[] roleParts = this.roleParts;
		int[] personKeys = this.personKeys;
		int[] activityKeys = this.activityKeys;
		int[] organizationKeys = this.organizationKeys;
		boolean readActivity = this.readActivity;
		boolean readOrganization = this.readOrganization;
		int[] participations = groups.participations;
		int[] participants = groups.participants;
		int[] last = groups.lastPerson;
		var activities = groups.activities();
		var organizations = groups.organizations();
		int persons = 0;
		int lastCounted = -1;
		for (int i = from; i < to; i++) {
			int p = person[i];
			int k0 = t0[c0[i]];
			int k1 = t1[c1[i]];
			int k2 = t2[c2[i]];
			int k3 = t3[c3[i]];
			int key = k0 + k1 + k2 + k3;
			int bad = k0 | k1 | k2 | k3 | roleParts[role[i]];
			if (personKeys != null) {
				int part = personKeys[p];
				key += part;
				bad |= part;
			}
			int a = readActivity ? activity[i] : 0;
			if (activityKeys != null) {
				int part = activityKeys[a];
				key += part;
				bad |= part;
			}
			int o = readOrganization ? organization[i] : 0;
			if (organizationKeys != null) {
				int part = organizationKeys[o];
				key += part;
				bad |= part;
			}
			int slot = (key + 1) & ~(bad >> 31);
			int good = ~bad >>> 31;
			participations[slot]++;
			participants[slot] += (last[slot] ^ p) == 0 ? 0 : 1;
			last[slot] = p;
			persons += good & ((lastCounted ^ p) == 0 ? 0 : 1);
			lastCounted = (p & -good) | (lastCounted & (good - 1));
			if (activities != null) {
				activities.add(slot, a);
			}
			if (organizations != null) {
				organizations.add(slot, o);
			}
		}
		return persons;
	}

	/** Key parts as ints: in the array path every key is below the number of groups, at most 2^20. */
	private static int[] ints(long[] parts) {
		if (parts == null) {
			return null;
		}
		var ints = new int[parts.length];
		for (int n = 0; n < parts.length; n++) {
			ints[n] = (int) parts[n];
		}
		return ints;
	}

}
