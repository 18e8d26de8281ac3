package org.kvali.report;

import java.util.List;

import org.kvali.graphql.InvalidArgumentException;

/**
 * One pass over a {@link FactIndex} for a filter and the dimensions grouped by. Before the pass, the filter and the
 * dimensions become small tables of key parts (-1 where the filter leaves a value out): one per column the rows carry
 * (project, venue, kinds, age band, start day), one per activity and per organization where those are needed, and
 * the person's part computed once per person. A row then costs a few reads in order and a table look-up per column.
 */
final class IndexScan {

	/**
	 * When the activities a filter leaves in hold at most one row in this many, their rows alone are read (a
	 * partner's own activities, a drill-down, a project); tests set it to 1 so that every filter of activities goes
	 * that way. At 10 million participations, a donor's project by gender over one project (4.8% of the rows) took
	 * 57 ms over HTTP reading every row and 40 ms reading its rows alone; over two (9.6%), 59 to 65 ms and 49 to 56.
	 */
	static volatile int sparseShare = 10;

	/**
	 * Group keys up to this many combinations are counted in arrays (at most 50 MB of counters); beyond it, through a
	 * hash table. Arrays are the faster and, when most groups have rows, the smaller: at 10 million rows, by activity
	 * and gender (1.7 million combinations) took 1.9 s through the hash table, whose keys, slots and counters for a
	 * million groups and more outweigh the arrays.
	 */
	static long arrayGroups = 1 << 22;

	/**
	 * The same for a scan of the rows of a few activities only (at most one row in {@link #sparseShare}): their
	 * groups are few, and arrays for millions of combinations would be mostly empty. Up to a million (12 MB of
	 * counters): a project's 16,456 activities by gender at 10 million participations (82,280 combinations) counted
	 * through the hash table took a donor's question 503/479 ms p50, in arrays 443/434.
	 */
	private static final long SPARSE_ARRAY_GROUPS = 1 << 20;

	private final FactIndex index;

	private final ScanPlan plan;

	final long[] radix;

	/** The numbers activities are grouped by ({@link ActivityNumbers}), or null where by their value ids. */
	private final ActivityNumbers numbers;

	/** Where ACTIVITY is among the dimensions grouped by, or -1. */
	private final int activityAt;

	final GroupCounts groups;

	/** Distinct persons of the whole filter: a breakdown's shares are of these persons. */
	int totalParticipants;

	/**
	 * The groups of the persons not among those {@code known} (a partner's strangers), participations and
	 * participants alone, where they were counted beside the filter's; else null.
	 */
	final GroupCounts strangers;

	/** Distinct persons of {@link #strangers}. */
	int strangerParticipants;

	/** Scans the index; its counters are charged to {@code memory}, which the caller closes when done with them. */
	IndexScan(FactIndex index, ParticipationFilter filter, List<Dimension> by, Grouping grouping, MeasureSet measures,
			ScanMemory memory) {
		this(index, filter, by, grouping, measures, memory, null);
	}

	/**
	 * The persons whose rows a scan leaves out of the strangers' groups it counts beside its own ({@link
	 * FactIndex#knownTo}), where their combinations are at most {@code mostGroups}: then their answer surely is light
	 * enough to keep. Beyond, an answer too heavy to keep would be counted again, and the pass beside for nothing; a
	 * sparse one that would have fit is counted in a scan of its own instead.
	 */
	record Beside(long[] known, long mostGroups) {
	}

	/**
	 * Scans the index, and where its groups fit in arrays without taking a turn, counts beside them the strangers'
	 * groups that {@code beside} asks for (null: none are), in the same pass.
	 */
	IndexScan(FactIndex index, ParticipationFilter filter, List<Dimension> by, Grouping grouping, MeasureSet measures,
			ScanMemory memory, Beside beside) {
		this.index = index;
		this.radix = new long[by.size()];
		this.activityAt = by.indexOf(Dimension.ACTIVITY);
		var selection = index.selections.of(index, filter, sparseShare);
		this.numbers = this.activityAt < 0 ? null : selection.numbers();
		long combinations = 1;
		for (int d = 0; d < by.size(); d++) {
			// groups of ages are the question's, those of known ages and one of the unknown
			this.radix[d] = by.get(d) == Dimension.AGE_GROUP ? grouping.ageGroups() + 1
					: by.get(d) == Dimension.ACTIVITY && this.numbers != null ? Math.max(1, this.numbers.idOf().length)
					: index.dictionaries.get(by.get(d)).size();
			try {
				combinations = Math.multiplyExact(combinations, this.radix[d]);
			}
			catch (ArithmeticException ex) {
				throw new InvalidArgumentException("by", by,
						"These dimensions together have too many combinations to count; group by fewer of them");
			}
		}
		this.plan = new ScanPlan(index, filter, by, grouping, this.radix, measures, this.numbers);
		// a scan of persons alone (ScanPlan.perPerson) filters by nothing of activities, so reads no selected rows
		long[] selected = selection.rows();
		boolean arrays = combinations <= (selected == null ? arrayGroups : SPARSE_ARRAY_GROUPS);
		boolean byActivity = by.contains(Dimension.ACTIVITY);
		// the rows of a few activities make few groups, whatever their combinations; if not, the charges tell
		boolean large = GroupCounts.large(index, combinations, arrays, measures, byActivity);
		if (selected == null && large) {
			memory.takeTurn();
		}
		boolean dense = !this.plan.perPerson() && selected == null && arrays;
		// every row read through the hash table too (run): its distinct values told by the rows' slots
		boolean everyRow = dense || !arrays && selected == null && !this.plan.perPerson();
		this.groups = everyRow ? GroupCounts.ofEveryRow(index, dense ? (int) combinations : -1, measures, byActivity,
				memory) : new GroupCounts(index, arrays ? (int) combinations : -1, measures, byActivity, memory);
		// the strangers' counters as many again: beside only where both together take no turn
		this.strangers = beside != null && dense && combinations <= beside.mostGroups()
				&& !GroupCounts.large(index, 2 * combinations + 1, arrays, measures, byActivity)
						? new GroupCounts(index, (int) combinations, MeasureSet.PEOPLE, byActivity, memory) : null;
		if (this.plan.perPerson()) {
			runByPerson();
		}
		else if (selected != null) {
			// each part counts every group: in parts only where they are few, as a scan of every row
			runRows(selected, arrays && combinations <= DenseScan.wideGroups);
		}
		else if (dense) {
			int groupCount = (int) combinations;
			var theirs = this.strangers == null ? null : new DenseScan.Strangers(beside.known(),
					() -> new GroupCounts(index, groupCount, MeasureSet.PEOPLE, byActivity, memory), this.strangers);
			var scan = new DenseScan(index, this.plan.columns, this.plan.columnDimensions, this.plan.parts,
					this.plan.roles, this.plan.personKeys(index), this.plan.activityKey, this.plan.organizationKey,
					this.groups::alike, this.groups, theirs);
			this.totalParticipants = scan.totalParticipants;
			this.strangerParticipants = scan.strangerParticipants;
		}
		else {
			run();
		}
	}

	/** Every row of every person the filter leaves in. */
	private void run() {
		for (int p = 0; p < this.index.persons; p++) {
			long personKey = this.plan.personKey(p);
			if (personKey < 0) {
				continue;
			}
			boolean counted = false;
			for (int i = this.index.personStart[p], end = this.index.personStart[p + 1]; i < end; i++) {
				counted |= count(i, p, personKey, this.groups);
			}
			if (counted) {
				this.totalParticipants++;
			}
		}
	}

	/**
	 * The selected rows only, in row order, so each person's rows still come together; cut at persons into parts
	 * scanned at once where {@code inParts} ({@link SelectedParts}).
	 */
	private void runRows(long[] selected, boolean inParts) {
		var bounds = SelectedParts.bounds(this.index, selected, inParts);
		var parts = ScanParts.inParts(bounds, (from, to) -> runRows(selected, from, to, this.groups), () -> {
			var theirs = this.groups.alike();
			return (from, to) -> runRows(selected, from, to, theirs);
		});
		for (var part : parts) {
			if (part.groups() != this.groups) {
				this.groups.merge(part.groups());
			}
			this.totalParticipants += part.persons();
		}
	}

	/** The groups a part of a scan counted into, and its distinct persons. */
	private record Counted(GroupCounts groups, int persons) {
	}

	/** The selected rows from {@code from} to {@code to - 1} (both at the start of a person) into these groups. */
	private Counted runRows(long[] selected, int from, int to, GroupCounts groups) {
		int persons = 0;
		int person = -1;
		long personKey = -1;
		boolean counted = false;
		for (int word = from >>> 6, last = (to - 1) >>> 6; from < to && word <= last; word++) {
			long bits = selected[word] & SelectedParts.within(word, from, to);
			for (; bits != 0; bits &= bits - 1) {
				int i = (word << 6) + Long.numberOfTrailingZeros(bits);
				int p = this.index.person[i];
				if (p != person) {
					persons += counted ? 1 : 0;
					person = p;
					personKey = this.plan.personKey(p);
					counted = false;
				}
				if (personKey >= 0) {
					counted |= count(i, p, personKey, groups);
				}
			}
		}
		return new Counted(groups, persons + (counted ? 1 : 0));
	}

	/** Counts row i of person p in these groups, unless the filter leaves it out; whether it was counted. */
	private boolean count(int i, int p, long personKey, GroupCounts groups) {
		var plan = this.plan;
		if (!plan.roles[this.index.role[i]]) {
			return false;
		}
		long key = personKey;
		for (int c = 0; c < plan.columns.length; c++) {
			long part = plan.parts[c][plan.columns[c][i]];
			if (part < 0) {
				return false;
			}
			key += part;
		}
		int a = plan.readActivity ? this.index.activity[i] : -1;
		if (plan.activityKey != null) {
			long part = plan.activityKey[a];
			if (part < 0) {
				return false;
			}
			key += part;
		}
		int o = plan.readOrganization ? this.index.organization[i] : 0;
		if (plan.organizationKey != null) {
			long part = plan.organizationKey[o];
			if (part < 0) {
				return false;
			}
			key += part;
		}
		groups.add(i, key, p, a, o);
		return true;
	}

	/**
	 * When only what describes a person is grouped or filtered by, and the participant role is counted: a person's
	 * rows all fall in one group, and how many there are is kept in the index.
	 */
	private void runByPerson() {
		int[] rows = this.index.participantRows;
		for (int p = 0; p < this.index.persons; p++) {
			if (rows[p] == 0) {
				continue;
			}
			long personKey = this.plan.personKey(p);
			if (personKey >= 0) {
				this.groups.addPerson(personKey, rows[p]);
				this.totalParticipants++;
			}
		}
	}

	/** The value ids of each dimension in a group key. */
	int[] ids(long key) {
		var ids = new int[this.radix.length];
		for (int d = this.radix.length - 1; d >= 0; d--) {
			ids[d] = (int) (key % this.radix[d]);
			key /= this.radix[d];
		}
		if (this.numbers != null) {
			ids[this.activityAt] = this.numbers.idOf()[ids[this.activityAt]];
		}
		return ids;
	}

}
