package org.kvali.report;

import java.util.ArrayList;
import java.util.List;

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

	/** The dimension each of {@link #columns} holds, null for the activities' start days. */
	final Dimension[] columnDimensions;

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

	/**
	 * The plan of a scan grouping by {@code by}, its periods and ages as {@code grouping} has them, and its activities,
	 * where {@code numbers} is not null, by their numbers.
	 */
	ScanPlan(FactIndex index, ParticipationFilter filter, List<Dimension> by, Grouping grouping, long[] radix,
			MeasureSet measures, ActivityNumbers numbers) {
		filter.countedRoles().forEach(r -> this.roles[r.ordinal()] = true);
		this.participantsOnly = !filter.countedRoles().isEmpty()
				&& filter.countedRoles().stream().allMatch(r -> r == ParticipationRole.PARTICIPANT);
		var keyParts = KeyParts.of(index, filter, by, grouping, radix, numbers);
		var allowed = keyParts.allowed();
		var used = new ArrayList<Dimension>(by);
		used.addAll(allowed.dimensions());
		boolean dated = ActivitySelection.dated(index, filter);
		// a person's rows all fall in one group: persons are read, not rows, and person columns not needed
		this.byPerson = this.participantsOnly && !dated && !measures.activities() && !measures.organizations()
				&& used.stream().allMatch(d -> Level.of(d) == Level.PERSON);

		var columns = new ArrayList<char[]>();
		var parts = new ArrayList<long[]>();
		var columnDimensions = new ArrayList<Dimension>();
		var byActivity = new ArrayList<Dimension>();
		var byOrganization = new ArrayList<Dimension>();
		for (var dimension : used.stream().distinct().toList()) {
			var values = index.copies.rowColumn(dimension);
			if (Level.of(dimension) == Level.PERSON && (this.byPerson || values == null)) {
				continue;
			}
			if (values != null) {
				columns.add(values);
				parts.add(keyParts.values(dimension));
				columnDimensions.add(dimension);
			}
			else if (Level.of(dimension) == Level.ORGANIZATION) {
				byOrganization.add(dimension);
			}
			else if (Level.of(dimension) == Level.ACTIVITY && !(dimension.isPeriod() && index.copies.rowDay != null)) {
				byActivity.add(dimension);
			}
		}
		boolean period = by.stream().anyMatch(Dimension::isPeriod);
		if ((dated || period) && index.copies.rowDay != null) {
			columns.add(index.copies.rowDay);
			parts.add(keyParts.days());
			columnDimensions.add(null);
		}
		this.columns = columns.toArray(char[][]::new);
		this.parts = parts.toArray(long[][]::new);
		this.columnDimensions = columnDimensions.toArray(Dimension[]::new);
		boolean datedByActivity = (dated || period) && index.copies.rowDay == null;
		this.activityKey = byActivity.isEmpty() && !datedByActivity ? null : keyParts.activities(byActivity);
		this.organizationKey = byOrganization.isEmpty() ? null : keyParts.organizations(byOrganization);
		this.readActivity = this.activityKey != null || measures.activities();
		this.readOrganization = this.organizationKey != null || measures.organizations();

		// person dimensions not copied into the rows (or all of them, when reading persons) make a key per person
		var filtered = allowed.of(Level.PERSON)
			.stream()
			.filter(d -> this.byPerson || index.copies.rowValues.get(d) == null)
			.toList();
		this.personFilters = filtered.stream().map(d -> index.attributes.get(d)).toArray(int[][]::new);
		this.personAllowed = filtered.stream().map(allowed::values).toArray(boolean[][]::new);
		var grouped = by.stream()
			.filter(d -> Level.of(d) == Level.PERSON && (this.byPerson || index.copies.rowValues.get(d) == null))
			.toList();
		this.personColumns = grouped.stream().map(d -> index.attributes.get(d)).toArray(int[][]::new);
		this.personMultipliers = grouped.stream().mapToLong(d -> keyParts.multipliers()[by.indexOf(d)]).toArray();
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

}
