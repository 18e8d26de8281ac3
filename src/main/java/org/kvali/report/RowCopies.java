package org.kvali.report;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An index's columns that copy into every row what its person, activity or organization has, its role and age, and
 * its start day: each built whole or, from an earlier index's column for rows that are unchanged, for the added rows.
 */
final class RowCopies {

	/**
	 * What describes a row's person, activity or organization, copied into every row as a 16-bit value id where it
	 * has at most 65,536 values, so that a scan reads it in order instead of looking it up at random (at 10 million
	 * rows such look-ups cost more than all the rest of a row).
	 */
	static final List<Dimension> ROW_COPIES = List.of(Dimension.PROGRAMME, Dimension.PROJECT, Dimension.VENUE_REGION,
			Dimension.VENUE_MUNICIPALITY, Dimension.ACTIVITY_KIND, Dimension.ORGANIZER, Dimension.ORGANIZATION,
			Dimension.ORGANIZATION_KIND, Dimension.REGION, Dimension.MUNICIPALITY, Dimension.GENDER,
			Dimension.DISABILITY);

	/**
	 * Per row, the value id of each of {@link #ROW_COPIES} that fits in a row copy, and of ROLE; and under AGE_BAND not
	 * the band but the age ({@link RowColumns#ages}), which a scan plan turns into the band, so that ranges of ages
	 * are read from it too.
	 */
	final Map<Dimension, char[]> rowValues;

	/** Per row, its activity's start as days since {@link PeriodNumbers#dayZero}; null when they do not fit. */
	final char[] rowDay;

	/**
	 * The row copies of {@code index} while it is built, its rows and what describes them already set: {@code same}'s
	 * and {@code before}'s kept as the index's constructor says.
	 */
	RowCopies(FactIndex index, FactIndex before, FactIndex same, RowChanges changes, boolean organizationsKept,
			IndexSettings settings) {
		// each copy is a pass over all rows, independent of the others: on all cores at once
		var rowValues = new EnumMap<Dimension, char[]>(Dimension.class);
		rowValues.putAll(ROW_COPIES.parallelStream()
			.filter(dimension -> index.dictionaries.get(dimension).size() <= settings.rowCopyValues())
			.collect(Collectors.toMap(dimension -> dimension,
					dimension -> rowCopy(index, dimension, before, same, changes, organizationsKept), (a, b) -> a,
					() -> new EnumMap<>(Dimension.class))));
		rowValues.put(Dimension.ROLE,
				same != null && same.role == index.role ? same.copies.rowValues.get(Dimension.ROLE)
						: RowColumns.roles(index.role, index.dictionaries.get(Dimension.ROLE)));
		boolean agesKept = before != null && RowColumns.startsWith(index.birthYear, before.birthYear)
				&& RowColumns.startsWith(index.startYear, before.startYear);
		rowValues.put(Dimension.AGE_BAND, agesKept && same != null ? same.copies.rowValues.get(Dimension.AGE_BAND)
				: RowColumns.ages(index.birthYear, index.startYear, index.person, index.activity,
						agesKept ? before.copies.rowValues.get(Dimension.AGE_BAND) : null, changes));
		// shared by the indexes of later versions that keep these rows (FactIndex.at)
		this.rowValues = Collections.unmodifiableMap(rowValues);
		boolean daysKept = before != null && before.copies.rowDay != null && before.periods.equals(index.periods)
				&& RowColumns.startsWith(index.startDay, before.startDay);
		int dayZero = index.periods.dayZero();
		this.rowDay = !RowColumns.daysFit(index.startDay, dayZero, settings.rowCopyValues()) ? null
				: daysKept && same != null ? same.copies.rowDay
						: RowColumns.days(index.startDay, index.activity, dayZero,
								daysKept ? before.copies.rowDay : null, changes);
	}

	/**
	 * The copy of a dimension into the rows: {@code same}'s, when its rows and their values are these; else
	 * {@code before}'s values for its rows when they are unchanged, and the new rows' values.
	 */
	private static char[] rowCopy(FactIndex index, Dimension dimension, FactIndex before, FactIndex same,
			RowChanges changes, boolean organizationsKept) {
		boolean kept = before != null && before.copies.rowValues.containsKey(dimension)
				&& (Level.of(dimension) != Level.ORGANIZATION || organizationsKept)
				&& RowColumns.startsWith(index.attributes.get(dimension), before.attributes.get(dimension));
		if (kept && same != null) {
			return same.copies.rowValues.get(dimension);
		}
		var source = switch (Level.of(dimension)) {
			case ACTIVITY -> index.activity;
			case ORGANIZATION -> index.organization;
			default -> index.person;
		};
		return RowColumns.rowCopy(index.attributes.get(dimension), source,
				kept ? before.copies.rowValues.get(dimension) : null, changes);
	}

	/** The row column a dimension is read from (groups of ages from the ages), or null when rows do not carry it. */
	char[] rowColumn(Dimension dimension) {
		return this.rowValues.get(dimension == Dimension.AGE_GROUP ? Dimension.AGE_BAND : dimension);
	}

}
