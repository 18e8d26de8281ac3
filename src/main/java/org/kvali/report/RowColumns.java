package org.kvali.report;

import java.util.Arrays;

/**
 * The columns an index derives from its rows and from what describes their people and activities, each built whole
 * or, from an earlier index's column (null: none) for rows that are unchanged, for the added rows alone.
 */
final class RowColumns {

	private RowColumns() {
	}

	/** The person of each row, from where each person's rows start. */
	static int[] persons(int[] personStart, int rows) {
		var person = new int[rows];
		for (int p = 0; p < personStart.length - 1; p++) {
			Arrays.fill(person, personStart[p], personStart[p + 1], p);
		}
		return person;
	}

	/**
	 * Where the rows of each value of a column (each activity, each organization number) start in {@link #rowsOf},
	 * and their end after the last; the values are below {@code values}.
	 */
	static int[] startsOf(int[] column, int values) {
		var start = new int[values + 1];
		for (int v : column) {
			start[v + 1]++;
		}
		Arrays.parallelPrefix(start, Integer::sum);
		return start;
	}

	/** The rows of each value of a column in turn, ascending, placed where {@link #startsOf} says. */
	static int[] rowsOf(int[] column, int[] starts) {
		var rows = new int[column.length];
		var next = Arrays.copyOf(starts, starts.length - 1);
		for (int i = 0; i < column.length; i++) {
			rows[next[column[i]]++] = i;
		}
		return rows;
	}

	/**
	 * Each person's rows in the PARTICIPANT role: {@code before}'s counts, less those of the removed rows, with those
	 * of the added.
	 */
	static int[] participantRows(byte[] role, int[] person, int persons, FactIndex before, RowChanges changes) {
		byte participant = (byte) ParticipationRole.PARTICIPANT.ordinal();
		if (before == null) {
			var counts = new int[persons];
			for (int i = 0; i < role.length; i++) {
				if (role[i] == participant) {
					counts[person[i]]++;
				}
			}
			return counts;
		}
		var counts = Arrays.copyOf(before.participantRows, persons);
		for (int i : changes.removed()) {
			if (before.role[i] == participant) {
				counts[before.person[i]]--;
			}
		}
		for (int i : changes.added()) {
			if (role[i] == participant) {
				counts[person[i]]++;
			}
		}
		return counts;
	}

	/** ROLE's value id of each row, from its role. */
	static char[] roles(byte[] role, Dictionary dictionary) {
		var ids = roleIds(dictionary);
		var column = new char[role.length];
		for (int i = 0; i < role.length; i++) {
			column[i] = ids[role[i]];
		}
		return column;
	}

	/** The ROLE value id of each {@link ParticipationRole} ordinal, as {@link #roles} copies it into the rows. */
	static char[] roleIds(Dictionary dictionary) {
		var ids = new char[ParticipationRole.values().length];
		for (var value : ParticipationRole.values()) {
			ids[value.ordinal()] = (char) dictionary.id(value.name());
		}
		return ids;
	}

	/** The value id of each row's person, activity or organization ({@code source}: its number), as a row copy. */
	static char[] rowCopy(int[] values, int[] source, char[] before, RowChanges changes) {
		if (before == null) {
			var copy = new char[source.length];
			for (int i = 0; i < source.length; i++) {
				copy[i] = (char) values[source[i]];
			}
			return copy;
		}
		var copy = changes.spread(before, source.length);
		for (int i : changes.added()) {
			copy[i] = (char) values[source[i]];
		}
		return copy;
	}

	/**
	 * Each row's age in years, at most {@link FactIndex#AGE_CAP}, or {@link FactIndex#UNKNOWN_AGE}: birth years and
	 * starts lie within Kvali's years, so that no age is more than that. Never below 0: no one takes part before the
	 * year of their birth (sheets, corrections and activities moved refuse it); a row written around those checks is
	 * counted as aged 0, on the SQL path too ({@link ReportSql}).
	 */
	static char[] ages(short[] birthYear, short[] startYear, int[] person, int[] activity, char[] before,
			RowChanges changes) {
		if (before == null) {
			var ages = new char[person.length];
			for (int i = 0; i < person.length; i++) {
				ages[i] = age(birthYear[person[i]], startYear[activity[i]]);
			}
			return ages;
		}
		var ages = changes.spread(before, person.length);
		for (int i : changes.added()) {
			ages[i] = age(birthYear[person[i]], startYear[activity[i]]);
		}
		return ages;
	}

	private static char age(short birth, short start) {
		return birth == FactIndex.UNKNOWN_YEAR ? FactIndex.UNKNOWN_AGE
				: (char) Math.min(FactIndex.AGE_CAP, Math.max(0, start - birth));
	}

	/** Whether every activity's start day, counted from {@code dayZero}, fits in a row's 16 bits as one of values. */
	static boolean daysFit(int[] startDay, int dayZero, int values) {
		for (int day : startDay) {
			if (day < dayZero || day - dayZero >= values) {
				return false;
			}
		}
		return true;
	}

	/** Each row's start day counted from {@code dayZero}: {@code before}'s for its rows (null: none), and the added. */
	static char[] days(int[] startDay, int[] activity, int dayZero, char[] before, RowChanges changes) {
		if (before == null) {
			var days = new char[activity.length];
			for (int i = 0; i < activity.length; i++) {
				days[i] = (char) (startDay[activity[i]] - dayZero);
			}
			return days;
		}
		var days = changes.spread(before, activity.length);
		for (int i : changes.added()) {
			days[i] = (char) (startDay[activity[i]] - dayZero);
		}
		return days;
	}

	/** Whether {@code whole} begins with the values of {@code part}. */
	static boolean startsWith(int[] whole, int[] part) {
		return whole.length >= part.length && Arrays.equals(whole, 0, part.length, part, 0, part.length);
	}

	static boolean startsWith(short[] whole, short[] part) {
		return whole.length >= part.length && Arrays.equals(whole, 0, part.length, part, 0, part.length);
	}

}
