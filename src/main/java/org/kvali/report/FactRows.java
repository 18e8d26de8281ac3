package org.kvali.report;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * The participations as the report index reads them, four numbers a row (person, activity, organization and role,
 * each numbered as in the index), then grouped by person into a {@link FactIndex}. Rows added to a previous index are
 * held alone, and placed among its rows (already grouped) when the index is made; rows deleted since are left out.
 */
final class FactRows {

	private static final byte[][] ROLES = Arrays.stream(ParticipationRole.values())
		.map(role -> role.name().getBytes(StandardCharsets.US_ASCII))
		.toArray(byte[][]::new);

	private int[] person;

	private int[] activity;

	private int[] organization;

	private byte[] role;

	private final int persons;

	/** The index the rows held here are added to, or null: the new index shares the columns that stay equal. */
	private final FactIndex previous;

	/** The organization and role of the previous index's rows: its own arrays, until the first correction copies them. */
	private int[] previousOrganization;

	private byte[] previousRole;

	/** How many rows there are: the previous index's and those held here (its rows removed still counted). */
	int rows;

	/** The previous index's rows deleted since, ascending. */
	private int[] removed = new int[0];

	/** How many rows the previous index has (0 when there is none): the rows held here are counted after them. */
	private final int base;

	FactRows(int rows, int persons) {
		this(null, rows, persons);
	}

	/** The rows of {@code previous} (null: none), with room for {@code more} to be added. */
	FactRows(FactIndex previous, int more, int persons) {
		this.person = new int[more];
		this.activity = new int[more];
		this.organization = new int[more];
		this.role = new byte[more];
		this.persons = persons;
		this.previous = previous;
		this.base = previous == null ? 0 : previous.rows;
		this.rows = this.base;
		if (previous != null) {
			this.previousOrganization = previous.organization;
			this.previousRole = previous.role;
		}
	}

	/**
	 * Reads the participations corrected since the previous index ({@link ChangeNotes#corrected}: by their ids, or the
	 * ranges of large corrections with the unchanged ones between) and puts each one's organization and role in place
	 * of its row, found among its person's rows by its activity (both unchanged, else the correction was noted without
	 * ids); how many were read, or a negative number when one is not among the rows or names an organization the index
	 * lacks. Only for rows made from a previous index.
	 */
	int correct(Connection connection, String corrected, EntityIds ids) throws SQLException {
		if (this.previousOrganization == this.previous.organization) {
			this.previousOrganization = this.previous.organization.clone();
			this.previousRole = this.previous.role.clone();
		}
		int[] read = { 0 };
		CopyRows.read(connection, corrected, fields -> {
			int row = read[0] < 0 ? -1 : this.previous.rowOf(ids.persons().find(fields.number(0)),
					ids.activities().find(fields.number(1)));
			int organization = fields.isNull(2) ? 0 : ids.organizations().find(fields.number(2)) + 1;
			if (row < 0 || organization == 0 && !fields.isNull(2)) {
				read[0] = Integer.MIN_VALUE;
				return;
			}
			this.previousOrganization[row] = organization;
			this.previousRole[row] = role(fields);
			read[0]++;
		});
		return read[0];
	}

	/**
	 * Leaves out the previous index's rows of these people at these activities (by their numbers, pairs at the same
	 * positions); false when one of them is not among its rows, or is named twice.
	 */
	boolean remove(int[] persons, int[] activities) {
		var rows = new int[persons.length];
		for (int i = 0; i < rows.length; i++) {
			rows[i] = this.previous.rowOf(persons[i], activities[i]);
			if (rows[i] < 0) {
				return false;
			}
		}
		Arrays.sort(rows);
		for (int i = 1; i < rows.length; i++) {
			if (rows[i] == rows[i - 1]) {
				return false;
			}
		}
		this.removed = rows;
		return true;
	}

	/**
	 * Whether none of these people (by their numbers) keeps a row of the previous index; false for one it lacks. A
	 * person's rows are consecutive, and the rows removed distinct and ascending: all of theirs are removed when the
	 * first is, and the last lies as many places on.
	 */
	boolean noneLeft(int[] people) {
		for (int p : people) {
			if (p < 0 || p >= this.previous.persons) {
				return false;
			}
			int first = this.previous.personStart[p];
			int last = this.previous.personStart[p + 1] - 1;
			if (last < first) {
				continue;
			}
			int at = Arrays.binarySearch(this.removed, first);
			int end = at + last - first;
			if (at < 0 || end >= this.removed.length || this.removed[end] != last) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether none of these activities (by their numbers) keeps a row of the previous index; false for one it lacks.
	 */
	boolean noneAt(int[] activities) {
		for (int a : activities) {
			if (a < 0 || a >= this.previous.activities) {
				return false;
			}
			for (int r = this.previous.activityStart[a]; r < this.previous.activityStart[a + 1]; r++) {
				if (Arrays.binarySearch(this.removed, this.previous.activityRows[r]) < 0) {
					return false;
				}
			}
		}
		return true;
	}

	/**
	 * Whether none of the previous index's rows left in, as corrected, is at one of these organizations (by their
	 * numbers, from 1).
	 */
	boolean noneWith(int[] organizations) {
		if (organizations.length == 0) {
			return true;
		}
		var gone = new boolean[Arrays.stream(organizations).max().getAsInt() + 1];
		for (int o : organizations) {
			gone[o] = true;
		}
		for (int r = 0; r < this.base; r++) {
			int o = this.previousOrganization[r];
			if (o < gone.length && gone[o] && Arrays.binarySearch(this.removed, r) < 0) {
				return false;
			}
		}
		return true;
	}

	void add(EntityIds ids, CopyRows fields) {
		add(ids.persons().of(fields.number(0)), ids.activities().of(fields.number(1)),
				fields.isNull(2) ? 0 : ids.organizations().of(fields.number(2)) + 1, role(fields));
	}

	void add(int p, int a, int o, byte r) {
		int i = this.rows - this.base;
		if (i == this.person.length) {
			int size = i + i / 2 + 1024;
			this.person = Arrays.copyOf(this.person, size);
			this.activity = Arrays.copyOf(this.activity, size);
			this.organization = Arrays.copyOf(this.organization, size);
			this.role = Arrays.copyOf(this.role, size);
		}
		this.person[i] = p;
		this.activity[i] = a;
		this.organization[i] = o;
		this.role[i] = r;
		this.rows++;
	}

	/** The index over these rows, grouped by person, and the values of each entity. */
	FactIndex index(long version, EntityColumns entities, IndexSettings settings) {
		// each person's rows: those held here first, then those of the previous index in its order
		var start = new int[this.persons + 1];
		int kept = this.previous == null ? 0 : this.previous.persons;
		for (int p = 0; p < kept; p++) {
			start[p + 1] = this.previous.personStart[p + 1] - this.previous.personStart[p];
		}
		for (int row : this.removed) {
			start[this.previous.person[row] + 1]--;
		}
		int held = this.rows - this.base;
		int rows = this.rows - this.removed.length;
		for (int i = 0; i < held; i++) {
			start[this.person[i] + 1]++;
		}
		for (int p = 0; p < this.persons; p++) {
			start[p + 1] += start[p];
		}
		var next = Arrays.copyOf(start, this.persons);
		int[] byActivity;
		int[] byOrganization;
		byte[] byRole;
		RowChanges changes;
		if (this.previous == null) {
			byActivity = new int[rows];
			byOrganization = new int[rows];
			byRole = new byte[rows];
			changes = RowChanges.NONE;
			for (int i = 0; i < held; i++) {
				int at = next[this.person[i]]++;
				byActivity[at] = this.activity[i];
				byOrganization[at] = this.organization[i];
				byRole[at] = this.role[i];
			}
		}
		else {
			var at = new int[held];
			for (int i = 0; i < held; i++) {
				at[i] = next[this.person[i]]++;
			}
			changes = new RowChanges(this.removed, sorted(at));
			byActivity = changes.spread(this.previous.activity, rows);
			byOrganization = changes.spread(this.previousOrganization, rows);
			byRole = changes.spread(this.previousRole, rows);
			for (int i = 0; i < held; i++) {
				byActivity[at[i]] = this.activity[i];
				byOrganization[at[i]] = this.organization[i];
				byRole[at[i]] = this.role[i];
			}
		}
		// the rows as read are not needed any more: let them go before the index builds its columns (at 10 million
		// 130 MB, which two indexes side by side in a 1.5 GB heap could not spare)
		this.person = null;
		this.activity = null;
		this.organization = null;
		this.role = null;
		this.previousOrganization = null;
		this.previousRole = null;
		return new FactIndex(version, start, byActivity, byOrganization, byRole, entities, settings,
				this.previous, changes);
	}

	private static int[] sorted(int[] values) {
		var sorted = values.clone();
		Arrays.sort(sorted);
		return sorted;
	}

	private static byte role(CopyRows fields) {
		for (byte r = 0; r < ROLES.length; r++) {
			if (fields.is(3, ROLES[r])) {
				return r;
			}
		}
		throw new IllegalStateException("A participation has a role the report index does not know: " + fields.text(3));
	}

}
