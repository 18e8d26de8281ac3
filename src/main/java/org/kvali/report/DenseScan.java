package org.kvali.report;

import java.util.function.Supplier;

/**
 * The row-by-row pass of {@link IndexScan} when the groups fit in arrays. Rows go in blocks: first each row's group
 * key is added up column by column, one table look-up per value, then the block's rows are counted. A row the filter
 * leaves out is counted into a spare group (slot 0) rather than skipped: the counting loop has no branch that depends
 * on the data, which a processor would mispredict (measured at 10 million rows: 40 ms with such a branch, 15 ms
 * without). Adding up a column at a time keeps each loop small whatever the number of columns: a single loop over
 * every column at once, with unused places reading a column through a table of zeros, took 48 to 51 ms against 32 to
 * 35 ms for one column of 50,000 organizations. The rows are cut into parts scanned at once ({@link ScanParts});
 * each part counts into its own groups, which are then added up (a person is in one part only, so distinct persons
 * add up too; distinct activities and organizations are sets, joined, or each row's slot noted by the part that
 * counted it, {@link RowSlots}, or, for activities where nothing of a person makes the keys, the keys worked out again
 * in activity order, {@link ActivityOrderKeys}).
 */
final class DenseScan {

	/**
	 * A left-out value's key part. A kept row's key, 1 + its group's, is at most 2^22 (the array path's most groups),
	 * so a row with any such part has a negative sum, and the sum of up to 128 of them does not overflow.
	 */
	private static final int LEFT_OUT = -(1 << 24);

	/** Rows whose keys are added up together, small enough for the keys to stay in the first-level cache. */
	private static final int BLOCK = 2048;

	/**
	 * Groups above which a scan is wide: not cut into parts, each of which would count every group, and the filter's
	 * distinct persons counted in a pass of their own (tests set 0 to make every scan wide).
	 */
	static volatile int wideGroups = 1 << 17;

	private final FactIndex index;

	private final char[][] columns;

	private final int[][] tables;

	/** Per role, 1 (the first counted slot) when counted, else {@link #LEFT_OUT}. */
	private final int[] roleParts;

	private final int[] personKeys;

	private final int[] activityKeys;

	private final int[] organizationKeys;

	/** Whether the groups are more than {@link #wideGroups}. */
	private final boolean wide;

	int totalParticipants;

	/** The persons {@link Strangers} leaves out, as bits by person number; or null when none are counted beside. */
	private final long[] known;

	/** Distinct persons of the whole filter who are not {@link #known}, where strangers are counted beside. */
	int strangerParticipants;

	/**
	 * The groups of the persons not {@code known} (a partner's strangers), counted beside the filter's own in the
	 * same pass: participations and participants alone. Each row is counted once, into the known persons' counters
	 * or the strangers', and the filter's groups are then the two added up, a person being of one or the other
	 * ({@link GroupCounts#addOthers}).
	 */
	record Strangers(long[] known, Supplier<GroupCounts> counts, GroupCounts groups) {
	}

	DenseScan(FactIndex index, char[][] columns, Dimension[] columnDimensions, long[][] parts, boolean[] roles,
			long[] personKeys, long[] activityKeys, long[] organizationKeys, Supplier<GroupCounts> counts,
			GroupCounts groups, Strangers strangers) {
		this.index = index;
		this.columns = columns;
		this.tables = new int[parts.length][];
		for (int c = 0; c < parts.length; c++) {
			this.tables[c] = ints(parts[c]);
		}
		this.roleParts = new int[roles.length];
		for (int r = 0; r < roles.length; r++) {
			this.roleParts[r] = roles[r] ? 1 : LEFT_OUT;
		}
		this.personKeys = ints(personKeys);
		this.activityKeys = ints(activityKeys);
		this.organizationKeys = ints(organizationKeys);
		// slot 0 holds the rows no group counts
		this.wide = groups.participations.length - 1 > wideGroups;
		this.known = strangers == null ? null : strangers.known();
		// distinct activities by slot counted in activity order where the keys allow: organizations at four
		// activities or more, top 20, at 10 million participations, took 744 to 793 samples of 100 questions under
		// JFR, not 1,087 to 1,490
		groups.beforeScan(() -> this.personKeys != null ? null : ActivityOrderKeys.of(index, columnDimensions,
				columns, this.tables, this.roleParts, this.activityKeys, this.organizationKeys));
		scanInParts(counts, groups, strangers);
	}

	private void scanInParts(Supplier<GroupCounts> counts, GroupCounts groups, Strangers strangers) {
		var strangerGroups = strangers == null ? null : strangers.groups();
		// many groups make each part's counters large: then one part
		var parts = ScanParts.scan(this.index, this.wide, (from, to) -> scan(from, to, groups, strangerGroups), () -> {
			var partGroups = counts.get();
			var partStrangers = strangers == null ? null : strangers.counts().get();
			return (from, to) -> scan(from, to, partGroups, partStrangers);
		});
		int persons = 0;
		int strangerPersons = 0;
		for (var part : parts) {
			if (part.groups() != groups) {
				groups.merge(part.groups());
				if (strangerGroups != null) {
					strangerGroups.merge(part.strangerGroups());
				}
			}
			persons += part.persons();
			strangerPersons += part.strangers();
		}
		if (strangerGroups != null) {
			groups.addOthers(strangerGroups);
		}
		this.totalParticipants = persons;
		this.strangerParticipants = strangerPersons;
	}

	/**
	 * The distinct persons counted in any group of a part, and of those the strangers, into these groups and, where
	 * strangers are counted beside, into theirs (else null): then these groups hold the known persons' alone until
	 * the strangers' are added to them ({@link GroupCounts#addOthers}).
	 */
	private record Counted(int persons, int strangers, GroupCounts groups, GroupCounts strangerGroups) {
	}

	/**
	 * Rows {@code from} to {@code to - 1} into the groups; where {@code strangerGroups} is not null, as {@link
	 * #scanWithStrangers}.
	 */
	private Counted scan(int from, int to, GroupCounts groups, GroupCounts strangerGroups) {
		if (strangerGroups != null) {
			return scanWithStrangers(from, to, groups, strangerGroups);
		}
		boolean wide = this.wide;
		int[] person = this.index.person;
		int[] participations = groups.participations;
		int[] participants = groups.participants;
		int[] last = groups.lastPerson;
		var activities = groups.activities();
		var organizations = groups.organizations();
		var slots = new int[BLOCK];
		int persons = 0;
		int lastCounted = -1;
		for (int start = from; start < to; start += BLOCK) {
			int rows = Math.min(BLOCK, to - start);
			keys(start, rows, slots);
			for (int j = 0; j < rows; j++) {
				int key = slots[j];
				int p = person[start + j];
				// arithmetic, not a conditional, which the compiler may turn into a branch: slot 0 when left out
				int slot = key & ~(key >> 31);
				participations[slot]++;
				participants[slot] += (last[slot] ^ p) == 0 ? 0 : 1;
				last[slot] = p;
				slots[j] = slot;
				if (!wide) {
					int good = ~key >>> 31;
					persons += good & ((lastCounted ^ p) == 0 ? 0 : 1);
					lastCounted = (p & -good) | (lastCounted & (good - 1));
				}
			}
			// Groups too many for the cache: the persons in a pass of their own, as in the loop above this chain
			// from row to row held back the look-ups (by activity and gender at 10 million rows: 300 against 195 ms,
			// while with groups that fit, a second pass cost more than it saved).
			for (int j = 0; wide && j < rows; j++) {
				int p = person[start + j];
				int good = (slots[j] | -slots[j]) >>> 31;
				persons += good & ((lastCounted ^ p) == 0 ? 0 : 1);
				lastCounted = (p & -good) | (lastCounted & (good - 1));
			}
			values(activities, organizations, slots, start, rows);
		}
		return new Counted(persons, 0, groups, null);
	}

	/**
	 * Rows {@code from} to {@code to - 1} as {@link #scan}, each row of a person {@link #known} into {@code groups}
	 * and of a stranger into {@code strangerGroups}, which {@link GroupCounts#addOthers} then adds to the groups: the
	 * person's bit chooses the counters, not a branch. A person has about one row, so whether the next row's person
	 * is known is as good as random: a branch on it, in a pass of its own over the known rows, was mispredicted at
	 * about every third row for ORG-5 at 10 million (a quarter known), and took a third of the question. Persons
	 * are counted in this loop whatever the groups: strangers are counted beside only where both counters together
	 * are few ({@link IndexScan}), so never in a {@link #wide} scan.
	 */
	private Counted scanWithStrangers(int from, int to, GroupCounts groups, GroupCounts strangerGroups) {
		int[] person = this.index.person;
		long[] known = this.known;
		int[][] participations = { strangerGroups.participations, groups.participations };
		int[][] participants = { strangerGroups.participants, groups.participants };
		int[][] last = { strangerGroups.lastPerson, groups.lastPerson };
		var activities = groups.activities();
		var organizations = groups.organizations();
		var slots = new int[BLOCK];
		int persons = 0;
		int strangerPersons = 0;
		int lastCounted = -1;
		for (int start = from; start < to; start += BLOCK) {
			int rows = Math.min(BLOCK, to - start);
			keys(start, rows, slots);
			for (int j = 0; j < rows; j++) {
				int key = slots[j];
				int p = person[start + j];
				// arithmetic, not a conditional: slot 0 when left out
				int slot = key & ~(key >> 31);
				// a long shifts by the low 6 bits of p: its bit in its word
				int k = (int) (known[p >>> 6] >>> p) & 1;
				participations[k][slot]++;
				int[] lastOf = last[k];
				participants[k][slot] += (lastOf[slot] ^ p) == 0 ? 0 : 1;
				lastOf[slot] = p;
				slots[j] = slot;
				int good = ~key >>> 31;
				int counted = good & ((lastCounted ^ p) == 0 ? 0 : 1);
				persons += counted;
				strangerPersons += counted & ~k;
				lastCounted = (p & -good) | (lastCounted & (good - 1));
			}
			values(activities, organizations, slots, start, rows);
		}
		return new Counted(persons, strangerPersons, groups, strangerGroups);
	}

	/** Notes the distinct activities and organizations (each null when not counted) of a block's rows, by slot. */
	private void values(Seen activities, Seen organizations, int[] slots, int start, int rows) {
		if (activities != null) {
			activities.addRows(slots, this.index.activity, start, rows);
		}
		if (organizations != null) {
			organizations.addRows(slots, this.index.organization, start, rows);
		}
	}

	/** The group keys of rows {@code start} on: 1 + the group's key, negative when the filter leaves the row out. */
	private void keys(int start, int rows, int[] keys) {
		byte[] role = this.index.role;
		int[] roleParts = this.roleParts;
		for (int j = 0; j < rows; j++) {
			keys[j] = roleParts[role[start + j]];
		}
		for (int c = 0; c < this.columns.length; c++) {
			add(this.columns[c], this.tables[c], start, rows, keys);
		}
		if (this.personKeys != null) {
			add(this.index.person, this.personKeys, start, rows, keys);
		}
		if (this.activityKeys != null) {
			add(this.index.activity, this.activityKeys, start, rows, keys);
		}
		if (this.organizationKeys != null) {
			add(this.index.organization, this.organizationKeys, start, rows, keys);
		}
	}

	private static void add(char[] column, int[] table, int start, int rows, int[] keys) {
		for (int j = 0; j < rows; j++) {
			keys[j] += table[column[start + j]];
		}
	}

	private static void add(int[] column, int[] table, int start, int rows, int[] keys) {
		for (int j = 0; j < rows; j++) {
			keys[j] += table[column[start + j]];
		}
	}

	/** Key parts as ints, {@link #LEFT_OUT} for -1: in the array path every key is below the number of groups. */
	private static int[] ints(long[] parts) {
		if (parts == null) {
			return null;
		}
		var ints = new int[parts.length];
		for (int n = 0; n < parts.length; n++) {
			ints[n] = parts[n] < 0 ? LEFT_OUT : (int) parts[n];
		}
		return ints;
	}

}
