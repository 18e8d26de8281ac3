package org.kvali.report;

import java.util.List;
import java.util.function.Function;

/**
 * What a scan plan ({@link ScanPlan}) makes its tables of key parts from: each dimension grouped by has a multiplier,
 * a value's part is its id times it, and -1 where the filter leaves the value out.
 *
 * @param multipliers per dimension grouped by, the product of the numbers of values of those after it
 * @param numbers the numbers activities are grouped by ({@link ActivityNumbers}), or null where by their value ids
 */
record KeyParts(FactIndex index, ParticipationFilter filter, List<Dimension> by, Grouping grouping,
		long[] multipliers, Allowed allowed, ActivityNumbers numbers) {

	/** The key parts of a scan grouping by {@code by}, each dimension of {@code radix} values. */
	static KeyParts of(FactIndex index, ParticipationFilter filter, List<Dimension> by, Grouping grouping,
			long[] radix, ActivityNumbers numbers) {
		var multipliers = new long[by.size()];
		long multiplier = 1;
		for (int d = by.size() - 1; d >= 0; d--) {
			multipliers[d] = multiplier;
			multiplier *= radix[d];
		}
		return new KeyParts(index, filter, by, grouping, multipliers, new Allowed(index, filter), numbers);
	}

	/**
	 * Per value id of a dimension (of AGE_BAND and AGE_GROUP, per age a row holds): -1 when the filter leaves it out,
	 * else its part of the group key (of AGE_BAND, its band's; of AGE_GROUP, its group's; of ACTIVITY, its number's
	 * where activities are numbered, -1 where it has none).
	 */
	long[] values(Dimension dimension) {
		boolean bands = dimension == Dimension.AGE_BAND;
		boolean groups = dimension == Dimension.AGE_GROUP;
		var numbered = dimension == Dimension.ACTIVITY && this.numbers != null ? this.numbers.numberOf() : null;
		var parts = new long[bands || groups ? FactIndex.UNKNOWN_AGE + 1
				: this.index.dictionaries.get(dimension).size()];
		int position = this.by.indexOf(dimension);
		var pass = this.allowed.values(dimension);
		int unknownBand = this.index.dictionaries.get(Dimension.AGE_BAND).unknown();
		for (int v = 0; v < parts.length; v++) {
			boolean unknown = v == FactIndex.UNKNOWN_AGE;
			int id = bands ? (unknown ? unknownBand : FactIndex.band(v))
					: groups ? (unknown ? this.grouping.ageGroups() : this.grouping.ageGroupOf(v))
					: numbered != null ? numbered[v] : v;
			parts[v] = pass != null && !pass[v] || id < 0 ? -1 : position < 0 ? 0 : id * this.multipliers[position];
		}
		return parts;
	}

	/** Per day of {@link RowCopies#rowDay}: -1 outside the filter's dates, else the part of its period. */
	long[] days() {
		int zero = this.index.periods.dayZero();
		int last = 0;
		for (int day : this.index.startDay) {
			last = Math.max(last, day - zero);
		}
		var parts = new long[last + 1];
		int from = this.filter.from() == null ? Integer.MIN_VALUE : (int) this.filter.from().toEpochDay() - zero;
		int to = this.filter.to() == null ? Integer.MAX_VALUE : (int) this.filter.to().toEpochDay() - zero;
		var period = this.by.stream().filter(Dimension::isPeriod).findFirst().orElse(null);
		long multiplier = period == null ? 0 : this.multipliers[this.by.indexOf(period)];
		for (int day = 0; day < parts.length; day++) {
			parts[day] = day < from || day > to ? -1
					: period == null ? 0
					: this.index.periods.id(period, day + zero, this.grouping.yearStart()) * multiplier;
		}
		return parts;
	}

	/**
	 * Per activity: -1 when filtered out (by these dimensions, or by its start day where rows do not carry it), else
	 * the sum of these dimensions' parts.
	 */
	long[] activities(List<Dimension> dimensions) {
		var index = this.index;
		// years and quarters from the month asked
		Function<Dimension, int[]> columns = dimension -> dimension.isPeriod()
				? index.periodColumn(dimension, this.grouping.yearStart()) : index.attributes.get(dimension);
		var keys = levelKeys(dimensions, index.activities, columns);
		if (index.copies.rowDay == null) {
			int from = this.filter.from() == null ? Integer.MIN_VALUE : (int) this.filter.from().toEpochDay();
			int to = this.filter.to() == null ? Integer.MAX_VALUE : (int) this.filter.to().toEpochDay();
			for (int a = 0; a < index.activities; a++) {
				if (index.startDay[a] < from || index.startDay[a] > to) {
					keys[a] = -1;
				}
			}
		}
		return keys;
	}

	/** Per organization number: -1 when filtered out by these dimensions, else the sum of their parts. */
	long[] organizations(List<Dimension> dimensions) {
		return levelKeys(dimensions, this.index.organizationSlots, this.index.attributes::get);
	}

	/**
	 * Per activity or organization: -1 when filtered out, else the sum of the given dimensions' parts, their value ids
	 * from {@code columns}.
	 */
	private long[] levelKeys(List<Dimension> dimensions, int size, Function<Dimension, int[]> columns) {
		var keys = new long[size];
		for (var dimension : dimensions) {
			var column = columns.apply(dimension);
			var parts = values(dimension);
			for (int n = 0; n < size; n++) {
				long part = parts[column[n]];
				keys[n] = keys[n] < 0 || part < 0 ? -1 : keys[n] + part;
			}
		}
		return keys;
	}

}
