package org.kvali.report;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * An immutable in-memory copy of the participation facts at one data version: one int column per dimension, rows
 * sorted by participant so that distinct persons are counted in one pass by remembering the last one seen.
 */
final class FactIndex {

	final long version;

	final int rows;

	/** Dense participant number of each row, ascending. */
	final int[] participant;

	final int[] activity;

	/** Dense organization number of each row, or -1 when no organization is represented. */
	final int[] organization;

	final int participants;

	final int activities;

	final int organizations;

	final byte[] role;

	final int[] startDay;

	final Map<Dimension, int[]> columns;

	final Map<Dimension, Dictionary> dictionaries;

	/** The year the YEAR, QUARTER and MONTH numbers count from. */
	final int firstYear;

	FactIndex(long version, int rows, int[] participant, int[] activity, int[] organization, int participants,
			int activities, int organizations, byte[] role, int[] startDay, Map<Dimension, int[]> columns,
			Map<Dimension, Dictionary> dictionaries, int firstYear) {
		this.version = version;
		this.rows = rows;
		this.participant = participant;
		this.activity = activity;
		this.organization = organization;
		this.participants = participants;
		this.activities = activities;
		this.organizations = organizations;
		this.role = role;
		this.startDay = startDay;
		this.columns = new EnumMap<>(columns);
		this.dictionaries = new EnumMap<>(dictionaries);
		this.firstYear = firstYear;
	}

	/** The first day of the period a YEAR, QUARTER or MONTH number stands for. */
	LocalDate periodStart(Dimension dimension, int id) {
		return switch (dimension) {
			case YEAR -> LocalDate.of(this.firstYear + id, 1, 1);
			case QUARTER -> LocalDate.of(this.firstYear + id / 4, id % 4 * 3 + 1, 1);
			case MONTH -> LocalDate.of(this.firstYear + id / 12, id % 12 + 1, 1);
			default -> throw new IllegalArgumentException(dimension + " is not a period");
		};
	}

}
