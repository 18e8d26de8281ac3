package org.kvali.report;

import java.util.List;

import org.kvali.report.FactIndex.Level;

/**
 * One pass over a {@link FactIndex} for a filter and the dimensions grouped by. Before the pass, the filter and the
 * dimensions are turned into one number per activity and per organization (its part of the group key, or -1 when the
 * filter leaves it out), so that a row costs a few array reads: the person's part once per person, the activity's
 * and organization's parts, the age band only when asked about.
 */
final class IndexScan {

	/** Group keys up to this many combinations are counted in arrays; beyond it, through a hash table. */
	private static final long ARRAY_GROUPS = 1 << 20;

	private final FactIndex index;

	private final PlanParts plan;

	final long[] radix;

	final GroupCounts groups;

	/** Distinct participations and persons of the whole filter (a breakdown's shares are of these persons). */
	int totalParticipations;

	int totalParticipants;

	IndexScan(FactIndex index, ParticipationFilter filter, List<Dimension> by, MeasureSet measures) {
		this.index = index;
		this.radix = new long[by.size()];
		long combinations = 1;
		for (int d = 0; d < by.size(); d++) {
			this.radix[d] = index.dictionaries.get(by.get(d)).size();
			combinations *= this.radix[d];
		}
		this.plan = new PlanParts(index, filter, by, this.radix);
		this.groups = new GroupCounts(index, combinations <= ARRAY_GROUPS ? (int) combinations : -1, measures);
		run();
	}

	private void run() {
		var index = this.index;
		var plan = this.plan;
		var groups = this.groups;
		int[] start = index.personStart;
		int[] activity = index.activity;
		int[] organization = index.organization;
		byte[] role = index.role;
		short[] startYear = index.startYear;
		boolean[] roles = plan.roles;
		long[] activityKey = plan.activityKey;
		long[] organizationKey = plan.organizationKey;
		for (int p = 0; p < index.persons; p++) {
			long personKey = plan.personKey(p);
			if (personKey < 0) {
				continue;
			}
			int birth = index.birthYear[p];
			boolean counted = false;
			for (int i = start[p], end = start[p + 1]; i < end; i++) {
				if (!roles[role[i]]) {
					continue;
				}
				int a = activity[i];
				long key = activityKey[a];
				if (key < 0) {
					continue;
				}
				int o = organization[i];
				long organizationPart = organizationKey[o];
				if (organizationPart < 0) {
					continue;
				}
				key += personKey + organizationPart;
				if (plan.ageUsed) {
					int band = birth == FactIndex.UNKNOWN_YEAR ? plan.unknownBand : FactIndex.band(startYear[a] - birth);
					if (!plan.ages[band]) {
						continue;
					}
					key += band * plan.ageMultiplier;
				}
				groups.add(key, p, a, o);
				this.totalParticipations++;
				counted = true;
			}
			if (counted) {
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

	/** The filter and grouping compiled against one index: each level's part of the key, -1 where filtered out. */
	private static final class PlanParts {

		final boolean[] roles = new boolean[ParticipationRole.values().length];

		final long[] activityKey;

		final long[] organizationKey;

		private final int[][] personFilters;

		private final boolean[][] personAllowed;

		private final int[][] personColumns;

		private final long[] personMultipliers;

		final boolean ageUsed;

		final boolean[] ages;

		final long ageMultiplier;

		final int unknownBand;

		PlanParts(FactIndex index, ParticipationFilter filter, List<Dimension> by, long[] radix) {
			filter.countedRoles().forEach(r -> this.roles[r.ordinal()] = true);
			var multipliers = new long[by.size()];
			long multiplier = 1;
			for (int d = by.size() - 1; d >= 0; d--) {
				multipliers[d] = multiplier;
				multiplier *= radix[d];
			}
			var allowed = new Allowed(index, filter);
			this.activityKey = levelKeys(index, Level.ACTIVITY, index.activities, by, multipliers, allowed);
			this.organizationKey = levelKeys(index, Level.ORGANIZATION, index.organizationSlots, by, multipliers,
					allowed);
			int from = filter.from() == null ? Integer.MIN_VALUE : (int) filter.from().toEpochDay();
			int to = filter.to() == null ? Integer.MAX_VALUE : (int) filter.to().toEpochDay();
			for (int a = 0; a < index.activities; a++) {
				if (index.startDay[a] < from || index.startDay[a] > to) {
					this.activityKey[a] = -1;
				}
			}
			var filtered = allowed.of(Level.PERSON);
			this.personFilters = filtered.stream().map(d -> index.attributes.get(d)).toArray(int[][]::new);
			this.personAllowed = filtered.stream().map(allowed::values).toArray(boolean[][]::new);
			var grouped = by.stream().filter(d -> Level.of(d) == Level.PERSON).toList();
			this.personColumns = grouped.stream().map(d -> index.attributes.get(d)).toArray(int[][]::new);
			this.personMultipliers = grouped.stream().mapToLong(d -> multipliers[by.indexOf(d)]).toArray();
			int age = by.indexOf(Dimension.AGE_BAND);
			this.unknownBand = index.dictionaries.get(Dimension.AGE_BAND).unknown();
			this.ages = allowed.has(Dimension.AGE_BAND) ? allowed.values(Dimension.AGE_BAND)
					: everything(this.unknownBand + 1);
			this.ageUsed = age >= 0 || allowed.has(Dimension.AGE_BAND);
			this.ageMultiplier = age >= 0 ? multipliers[age] : 0;
		}

		/** The person's part of the key, or -1 when the filter leaves the person out. */
		long personKey(int person) {
			for (int f = 0; f < this.personFilters.length; f++) {
				if (!this.personAllowed[f][this.personFilters[f][person]]) {
					return -1;
				}
			}
			long key = 0;
			for (int d = 0; d < this.personColumns.length; d++) {
				key += this.personColumns[d][person] * this.personMultipliers[d];
			}
			return key;
		}

		private static long[] levelKeys(FactIndex index, Level level, int size, List<Dimension> by,
				long[] multipliers, Allowed allowed) {
			var keys = new long[size];
			for (var dimension : allowed.of(level)) {
				var column = index.attributes.get(dimension);
				var pass = allowed.values(dimension);
				for (int n = 0; n < size; n++) {
					if (!pass[column[n]]) {
						keys[n] = -1;
					}
				}
			}
			for (int d = 0; d < by.size(); d++) {
				if (Level.of(by.get(d)) == level) {
					var column = index.attributes.get(by.get(d));
					for (int n = 0; n < size; n++) {
						if (keys[n] >= 0) {
							keys[n] += column[n] * multipliers[d];
						}
					}
				}
			}
			return keys;
		}

		private static boolean[] everything(int size) {
			var all = new boolean[size];
			java.util.Arrays.fill(all, true);
			return all;
		}

	}

}
