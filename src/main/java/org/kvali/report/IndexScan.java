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

	/** Group keys up to this many combinations are counted in arrays; beyond it, through a hash table. */
	private static final long ARRAY_GROUPS = 1 << 20;

	private final FactIndex index;

	private final ScanPlan plan;

	final long[] radix;

	final GroupCounts groups;

	/** Distinct persons of the whole filter: a breakdown's shares are of these persons. */
	int totalParticipants;

	IndexScan(FactIndex index, ParticipationFilter filter, List<Dimension> by, MeasureSet measures) {
		this.index = index;
		this.radix = new long[by.size()];
		long combinations = 1;
		for (int d = 0; d < by.size(); d++) {
			this.radix[d] = index.dictionaries.get(by.get(d)).size();
			try {
				combinations = Math.multiplyExact(combinations, this.radix[d]);
			}
			catch (ArithmeticException ex) {
				throw new InvalidArgumentException("by", by,
						"These dimensions together have too many combinations to count; group by fewer of them");
			}
		}
		this.plan = new ScanPlan(index, filter, by, this.radix, measures);
		this.groups = new GroupCounts(index, combinations <= ARRAY_GROUPS ? (int) combinations : -1, measures);
		if (this.plan.perPerson()) {
			runByPerson();
		}
		else if (combinations <= ARRAY_GROUPS && this.plan.columns.length <= DenseScan.COLUMNS) {
			int groupCount = (int) combinations;
			var dense = new DenseScan(index, this.plan.columns, this.plan.parts, this.plan.roles,
					this.plan.personKeys(index), this.plan.activityKey, this.plan.organizationKey, this.plan.readActivity,
					this.plan.readOrganization, () -> new GroupCounts(index, groupCount, measures), this.groups);
			this.totalParticipants = dense.totalParticipants;
		}
		else {
			run();
		}
	}

	private void run() {
		var plan = this.plan;
		var groups = this.groups;
		int[] start = this.index.personStart;
		int[] activity = this.index.activity;
		int[] organization = this.index.organization;
		byte[] role = this.index.role;
		boolean[] roles = plan.roles;
		char[][] columns = plan.columns;
		long[][] parts = plan.parts;
		long[] activityKey = plan.activityKey;
		long[] organizationKey = plan.organizationKey;
		boolean readActivity = plan.readActivity;
		boolean readOrganization = plan.readOrganization;
		for (int p = 0; p < this.index.persons; p++) {
			long personKey = plan.personKey(p);
			if (personKey < 0) {
				continue;
			}
			boolean counted = false;
			rows: for (int i = start[p], end = start[p + 1]; i < end; i++) {
				if (!roles[role[i]]) {
					continue;
				}
				long key = personKey;
				for (int c = 0; c < columns.length; c++) {
					long part = parts[c][columns[c][i]];
					if (part < 0) {
						continue rows;
					}
					key += part;
				}
				int a = readActivity ? activity[i] : -1;
				if (activityKey != null) {
					long part = activityKey[a];
					if (part < 0) {
						continue;
					}
					key += part;
				}
				int o = readOrganization ? organization[i] : 0;
				if (organizationKey != null) {
					long part = organizationKey[o];
					if (part < 0) {
						continue;
					}
					key += part;
				}
				groups.add(key, p, a, o);
				counted = true;
			}
			if (counted) {
				this.totalParticipants++;
			}
		}
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
				this.groups.addPerson(personKey, p, rows[p]);
				this.totalParticipants++;
			}
		}
	}

	/** The ids of each dimension in a group key. */
	int[] ids(long key) {
		var ids = new int[this.radix.length];
		for (int d = this.radix.length - 1; d >= 0; d--) {
			ids[d] = (int) (key % this.radix[d]);
			key /= this.radix[d];
		}
		return ids;
	}

}
