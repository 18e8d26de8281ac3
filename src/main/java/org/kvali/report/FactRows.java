package org.kvali.report;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * The participations as the report index reads them, four numbers a row (person, activity, organization and role,
 * each numbered as in the index), then grouped by person into a {@link FactIndex}.
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

	/** The index whose rows these are, with any appended: the new index shares the columns that stay equal. */
	private FactIndex previous;

	int rows;

	FactRows(int rows, int persons) {
		this.person = new int[rows];
		this.activity = new int[rows];
		this.organization = new int[rows];
		this.role = new byte[rows];
		this.persons = persons;
	}

	/** The rows of {@code previous}, with room for {@code more}. */
	FactRows(FactIndex previous, int more, int persons) {
		this(previous.rows + more, persons);
		System.arraycopy(previous.person, 0, this.person, 0, previous.rows);
		System.arraycopy(previous.activity, 0, this.activity, 0, previous.rows);
		System.arraycopy(previous.organization, 0, this.organization, 0, previous.rows);
		System.arraycopy(previous.role, 0, this.role, 0, previous.rows);
		this.rows = previous.rows;
		this.previous = previous;
	}

	/**
	 * Reads the participations corrected since the previous index ({@link ChangeNotes#corrected}: by their ids, or the
	 * ranges of large corrections with the unchanged ones between) and puts each one's organization and role in place
	 * of its row, found among its person's rows by its activity (both unchanged, else the correction was noted without
	 * ids); how many were read, or a negative number when one is not among the rows or names an organization the index
	 * lacks. Only for rows made from a previous index, while they are still its rows, in its order.
	 */
	int correct(Connection connection, String corrected, EntityIds ids) throws SQLException {
		int[] read = { 0 };
		CopyRows.read(connection, corrected, fields -> {
			int row = read[0] < 0 ? -1 : this.previous.rowOf(ids.persons().find(fields.number(0)),
					ids.activities().find(fields.number(1)));
			int organization = fields.isNull(2) ? 0 : ids.organizations().find(fields.number(2)) + 1;
			if (row < 0 || organization == 0 && !fields.isNull(2)) {
				read[0] = Integer.MIN_VALUE;
				return;
			}
			this.organization[row] = organization;
			this.role[row] = role(fields);
			read[0]++;
		});
		return read[0];
	}

	void add(EntityIds ids, CopyRows fields) {
		add(ids.persons().of(fields.number(0)), ids.activities().of(fields.number(1)),
				fields.isNull(2) ? 0 : ids.organizations().of(fields.number(2)) + 1, role(fields));
	}

	void add(int p, int a, int o, byte r) {
		if (this.rows == this.person.length) {
			int size = this.rows + this.rows / 2 + 1024;
			this.person = Arrays.copyOf(this.person, size);
			this.activity = Arrays.copyOf(this.activity, size);
			this.organization = Arrays.copyOf(this.organization, size);
			this.role = Arrays.copyOf(this.role, size);
		}
		this.person[this.rows] = p;
		this.activity[this.rows] = a;
		this.organization[this.rows] = o;
		this.role[this.rows] = r;
		this.rows++;
	}

	/** The index over these rows, grouped by person, and the values of each entity. */
	FactIndex index(long version, EntityColumns entities, int cachedAnswers) {
		var start = new int[this.persons + 1];
		for (int i = 0; i < this.rows; i++) {
			start[this.person[i] + 1]++;
		}
		for (int p = 0; p < this.persons; p++) {
			start[p + 1] += start[p];
		}
		var next = Arrays.copyOf(start, this.persons);
		var byActivity = new int[this.rows];
		var byOrganization = new int[this.rows];
		var byRole = new byte[this.rows];
		// the previous index's rows come first, grouped by person in its order: they keep their order here, and each
		// person's new rows follow their earlier ones
		int kept = this.previous == null ? this.rows : this.previous.rows;
		var added = new int[this.rows - kept];
		for (int i = 0; i < this.rows; i++) {
			int at = next[this.person[i]]++;
			byActivity[at] = this.activity[i];
			byOrganization[at] = this.organization[i];
			byRole[at] = this.role[i];
			if (i >= kept) {
				added[i - kept] = at;
			}
		}
		Arrays.sort(added);
		// the rows as read are not needed any more: let them go before the index builds its columns (at 10 million
		// 130 MB, which two indexes side by side in a 1.5 GB heap could not spare)
		this.person = null;
		this.activity = null;
		this.organization = null;
		this.role = null;
		return new FactIndex(version, start, byActivity, byOrganization, byRole, entities, cachedAnswers,
				this.previous, new AddedRows(added));
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
