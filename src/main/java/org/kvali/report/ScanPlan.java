package org.kvali.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.kvali.report.FactIndex.Level;

/** The filter and grouping compiled against one index: each level's part of the key, -1 where filtered out. */
final class ScanPlan {

	final boolean[] roles = new boolean[ParticipationRole.values().length];

	/** Whether the participant role alone is counted. */
	private final boolean participantsOnly;

	/** Whether every row of a person falls in the person's group, so that rows need not be read one by one. */
	private final boolean byPerson;

	/** Per-row columns the scan reads, and per value id of each, its key part. */
	final char[][] columns;

	final long[][] parts;

	/** Per activity, its key part; null when no dimension needs a look-up by activity. */
	final long[] activityKey;

	/** Per organization number, its key part; null when no dimension needs a look-up by organization. */
	final long[] organizationKey;

	final boolean readActivity;

	final boolean readOrganization;

	private final int[][] personFilters;

	private final boolean[][] personAllowed;

	private final int[][] personColumns;

	private final long[] personMultipliers;

	/** The persons the filter leaves out by who they are known to ({@link FactIndex#knownTo}), as bits; or null. */
	private final long[] known;

	private final FactIndex index;

	private final List<Dimension> by;

	private final Grouping grouping;

	private final long[] multipliers;

	private final Allowed allowed;

	/** The numbers activities are grouped by, or null where by their value ids. */
	private final ActivityNumbers numbers;

	/**
	 * The plan of a scan grouping by {@code by}, its periods and ages as {@code grouping} has them, and its activities,
	 * where {@code numbers} is not null, by their numbers.
	 */
	ScanPlan(FactIndex index, ParticipationFilter filter, List<Dimension> by, Grouping grouping, long[] radix,
			MeasureSet measures, ActivityNumbers numbers) {
		this.index = index;
		this.by = by;
		this.grouping = grouping;
		this.numbers = numbers;
		filter.countedRoles().forEach(r -> this.roles[r.ordinal()] = true);
		this.participantsOnly = !filter.countedRoles().isEmpty()
				&& filter.countedRoles().stream().allMatch(r -> r == ParticipationRole.PARTICIPANT);
		var multipliers = new long[by.size()];
		long multiplier = 1;
		for (int d = by.size() - 1; d >= 0; d--) {
			multipliers[d] = multiplier;
			multiplier *= radix[d];
		}
		this.multipliers = multipliers;
		var allowed = new Allowed(index, filter);
		this.allowed = allowed;
		var used = new ArrayList<Dimension>(by);
		used.addAll(allowed.dimensions());
		// dates that leave no activity out (a dashboard's "everything until today") do not make rows be read
		boolean dated = filter.from() != null && filter.from().toEpochDay() > index.firstDay
				|| filter.to() != null && filter.to().toEpochDay() < index.lastDay;
		// a person's rows all fall in one group: persons are read, not rows, and person columns not needed
		this.byPerson = this.participantsOnly && !dated && !measures.activities() && !measures.organizations()
				&& used.stream().allMatch(d -> Level.of(d) == Level.PERSON);

		var columns = new ArrayList<char[]>();
		var parts = new ArrayList<long[]>();
		var byActivity = new ArrayList<Dimension>();
		var byOrganization = new ArrayList<Dimension>();
		for (var dimension : used.stream().distinct().toList()) {
			var values = index.rowColumn(dimension);
			if (Level.of(dimension) == Level.PERSON && (this.byPerson || values == null)) {
				continue;
			}
			if (values != null) {
				columns.add(values);
				parts.add(valueParts(dimension));
			}
			else if (Level.of(dimension) == Level.ORGANIZATION) {
				byOrganization.add(dimension);
			}
			else if (Level.of(dimension) == Level.ACTIVITY && !(dimension.isPeriod() && index.rowDay != null)) {
				byActivity.add(dimension);
			}
		}
		boolean period = by.stream().anyMatch(Dimension::isPeriod);
		if ((dated || period) && index.rowDay != null) {
			columns.add(index.rowDay);
			parts.add(dayParts(index, filter, by, grouping.yearStart(), multipliers));
		}
		this.columns = columns.toArray(char[][]::new);
		this.parts = parts.toArray(long[][]::new);
		boolean datedByActivity = (dated || period) && index.rowDay == null;
		this.activityKey = byActivity.isEmpty() && !datedByActivity ? null
				: activityKeys(filter, byActivity);
		this.organizationKey = byOrganization.isEmpty() ? null
				: levelKeys(byOrganization, index.organizationSlots, index.attributes::get);
		this.readActivity = this.activityKey != null || measures.activities();
		this.readOrganization = this.organizationKey != null || measures.organizations();

		// person dimensions not copied into the rows (or all of them, when reading persons) make a key per person
		var filtered = allowed.of(Level.PERSON)
			.stream()
			.filter(d -> this.byPerson || index.rowValues.get(d) == null)
			.toList();
		this.personFilters = filtered.stream().map(d -> index.attributes.get(d)).toArray(int[][]::new);
		this.personAllowed = filtered.stream().map(allowed::values).toArray(boolean[][]::new);
		var grouped = by.stream()
			.filter(d -> Level.of(d) == Level.PERSON && (this.byPerson || index.rowValues.get(d) == null))
			.toList();
		this.personColumns = grouped.stream().map(d -> index.attributes.get(d)).toArray(int[][]::new);
		this.personMultipliers = grouped.stream().mapToLong(d -> multipliers[by.indexOf(d)]).toArray();
		this.known = filter.strangersTo() == null ? null : index.knownTo(filter.strangersTo());
	}

	boolean perPerson() {
		return this.byPerson;
	}

	/** Every person's part of the key (-1 where filtered out), or null when no person is left out or grouped. */
	long[] personKeys(FactIndex index) {
		if (this.personFilters.length == 0 && this.personColumns.length == 0 && this.known == null) {
			return null;
		}
		var keys = new long[index.persons];
		for (int p = 0; p < keys.length; p++) {
			keys[p] = personKey(p);
		}
		return keys;
	}

	/** The person's part of the key, or -1 when the filter leaves the person out. */
	long personKey(int person) {
		if (this.known != null && (this.known[person >>> 6] & 1L << person) != 0) {
			return -1;
		}
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

	/**
	 * Per value id of a dimension (of AGE_BAND and AGE_GROUP, per age a row holds): -1 when the filter leaves it out,
	 * else its part of the group key (of AGE_BAND, its band's; of AGE_GROUP, its group's; of ACTIVITY, its number's
	 * where activities are numbered, -1 where it has none).
	 */
	private long[] valueParts(Dimension dimension) {
		var index = this.index;
		var grouping = this.grouping;
		boolean bands = dimension == Dimension.AGE_BAND;
		boolean groups = dimension == Dimension.AGE_GROUP;
		var numbered = dimension == Dimension.ACTIVITY && this.numbers != null ? this.numbers.numberOf() : null;
		var parts = new long[bands || groups ? FactIndex.UNKNOWN_AGE + 1 : index.dictionaries.get(dimension).size()];
		int position = this.by.indexOf(dimension);
		var pass = this.allowed.values(dimension);
		int unknownBand = index.dictionaries.get(Dimension.AGE_BAND).unknown();
		for (int v = 0; v < parts.length; v++) {
			boolean unknown = v == FactIndex.UNKNOWN_AGE;
			int id = bands ? (unknown ? unknownBand : FactIndex.band(v))
					: groups ? (unknown ? grouping.ageGroups() : grouping.ageGroupOf(v))
					: numbered != null ? numbered[v] : v;
			parts[v] = pass != null && !pass[v] || id < 0 ? -1 : position < 0 ? 0 : id * this.multipliers[position];
		}
		return parts;
	}

	/** Per day of {@link FactIndex#rowDay}: -1 outside the filter's dates, else the part of its period. */
	private static long[] dayParts(FactIndex index, ParticipationFilter filter, List<Dimension> by, int yearStart,
			long[] multipliers) {
		int zero = index.periods.dayZero();
		int last = 0;
		for (int day : index.startDay) {
			last = Math.max(last, day - zero);
		}
		var parts = new long[last + 1];
		int from = filter.from() == null ? Integer.MIN_VALUE : (int) filter.from().toEpochDay() - zero;
		int to = filter.to() == null ? Integer.MAX_VALUE : (int) filter.to().toEpochDay() - zero;
		var period = by.stream().filter(Dimension::isPeriod).findFirst().orElse(null);
		long multiplier = period == null ? 0 : multipliers[by.indexOf(period)];
		for (int day = 0; day < parts.length; day++) {
			parts[day] = day < from || day > to ? -1
					: period == null ? 0 : index.periods.id(period, day + zero, yearStart) * multiplier;
		}
		return parts;
	}

	private long[] activityKeys(ParticipationFilter filter, List<Dimension> dimensions) {
		var index = this.index;
		// years and quarters from the month asked
		Function<Dimension, int[]> columns = dimension -> dimension.isPeriod()
				? index.periodColumn(dimension, this.grouping.yearStart()) : index.attributes.get(dimension);
		var keys = levelKeys(dimensions, index.activities, columns);
		if (index.rowDay == null) {
			int from = filter.from() == null ? Integer.MIN_VALUE : (int) filter.from().toEpochDay();
			int to = filter.to() == null ? Integer.MAX_VALUE : (int) filter.to().toEpochDay();
			for (int a = 0; a < index.activities; a++) {
				if (index.startDay[a] < from || index.startDay[a] > to) {
					keys[a] = -1;
				}
			}
		}
		return keys;
	}

	/**
	 * Per activity or organization: -1 when filtered out, else the sum of the given dimensions' parts, their value ids
	 * from {@code columns}.
	 */
	private long[] levelKeys(List<Dimension> dimensions, int size, Function<Dimension, int[]> columns) {
		var keys = new long[size];
		for (var dimension : dimensions) {
			var column = columns.apply(dimension);
			var parts = valueParts(dimension);
			for (int n = 0; n < size; n++) {
				long part = parts[column[n]];
				keys[n] = keys[n] < 0 || part < 0 ? -1 : keys[n] + part;
			}
		}
		return keys;
	}

}
