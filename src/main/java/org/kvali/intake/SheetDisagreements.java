package org.kvali.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.kvali.graphql.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A sheet's rows of one activity or of one person that give different values for a field they must agree on. */
@Repository
class SheetDisagreements {

	/** The most values an activity's disagreement names; the rest are counted. */
	private static final int LISTED = 3;

	/** Fields every row of one person must agree on, where given. */
	private static final List<String> PERSON_FIELDS = List.of(Columns.GENDER, Columns.BIRTH_YEAR, Columns.DISABILITY,
			Columns.HOME_MUNICIPALITY);

	private final JdbcClient jdbc;

	SheetDisagreements(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Rows of one activity or of one person that give different values for a field. The groups that disagree were
	 * found by comparing each field's least and greatest value as the sheet was matched; only their rows are read.
	 */
	void check(List<ImportMessage> errors, WrittenValues written) {
		activities(errors, written);
		var people = new Disagreements(PERSON_FIELDS, errors, written, (row, column, value, first) -> {
			var message = "Participant " + row.key() + " has " + column.replace('_', ' ') + " " + first.value()
					+ " in row " + first.number() + " and " + value + " in row " + row.number();
			return List.of(new ImportMessage(first.number(), column, first.value(), message),
					new ImportMessage(row.number(), column, value, message));
		});
		this.jdbc.sql("""
				SELECT r.participant_ref AS key, r.row_no, lower(r.gender) AS gender, r.birth_year, r.disability,
				       r.home_municipality
				FROM import_row r JOIN import_person p USING (participant_ref) WHERE p.disagrees
				ORDER BY r.participant_ref, r.row_no""").query(people::row);
	}

	/**
	 * For each field an activity's rows give more than one value for, each value (as the sheet writes it) with the
	 * first row giving it and how many rows do, told once at the first row of each: told at the later rows alone, the
	 * error named the first row's value as if it were right, and an officer corrected the right row to the typo above
	 * it (a tester's). No value is said to be the stored one: a partner's row naming another organization's activity
	 * would learn it. Fields compared as read: ტრენინგი and training agree.
	 */
	private void activities(List<ImportMessage> errors, WrittenValues written) {
		var given = new LinkedHashMap<List<String>, List<Given>>();
		this.jdbc.sql("""
				SELECT r.activity_code AS key, f.field, f.value, min(r.row_no) AS first_row, count(*) AS rows
				FROM import_row r JOIN import_activity a USING (activity_code),
				     LATERAL (VALUES (1, 'project_code', r.project_code), (2, 'activity_title', r.activity_title),
				                     (3, 'activity_kind', r.activity_kind),
				                     (4, 'start_date', CAST(r.start_date AS text)),
				                     (5, 'end_date', CAST(r.end_date AS text)),
				                     (6, 'venue_municipality', r.venue_municipality),
				                     (7, 'organizer_code', r.organizer_code)) AS f (n, field, value)
				WHERE a.disagrees AND f.value IS NOT NULL
				GROUP BY r.activity_code, f.n, f.field, f.value
				ORDER BY r.activity_code, f.n, first_row""")
			.query((ResultSet rs) -> {
				var field = rs.getString("field");
				given.computeIfAbsent(List.of(rs.getString("key"), field), group -> new ArrayList<>())
					.add(new Given(written.shown(field, rs.getString("value")), rs.getInt("first_row"),
							rs.getInt("rows")));
			});
		given.forEach((group, values) -> {
			if (values.size() > 1) {
				var message = "Activity " + group.get(0) + "'s rows give " + group.get(1) + " " + listed(values)
						+ "; all its rows must agree";
				for (var value : values) {
					errors.add(new ImportMessage(value.row(), group.get(1), value.value(), message));
				}
			}
		});
	}

	/**
	 * The first {@link #LISTED} values with their rows, the rest counted: a sheet's every row may give another title,
	 * and each value's error repeats the message.
	 */
	private static String listed(List<Given> values) {
		var named = new ArrayList<String>();
		for (var value : values.subList(0, Math.min(LISTED, values.size()))) {
			named.add(Text.preview(value.value(), ImportMessage.MAX_VALUE) + (value.rows() == 1
					? " (row " + value.row() + ")"
					: String.format(Locale.ROOT, " (%,d rows, the first row %d)", value.rows(), value.row())));
		}
		int more = values.size() - named.size();
		if (more > 0) {
			return String.join(", ", named) + String.format(Locale.ROOT, " and %,d more value%s", more,
					more == 1 ? "" : "s");
		}
		return String.join(", ", named.subList(0, named.size() - 1)) + " and " + named.get(named.size() - 1);
	}

	/** A value an activity's rows give for a field, as the sheet writes it: the first row giving it, how many do. */
	private record Given(String value, int row, int rows) {
	}

	/**
	 * A staged row as the disagreement check reads it: the group's key, the row number, a field's value as the sheet
	 * writes it and as it was read.
	 */
	record Cell(String key, int number, String value, String read) {
	}

	/** Turns a row that disagrees with the group's first value for a field into errors. */
	@FunctionalInterface
	interface Disagreement {

		List<ImportMessage> errors(Cell row, String column, String value, Cell first);

	}

	/**
	 * Walks the rows of disagreeing groups in (key, row) order, remembering per field the first row that gives a
	 * value; a later row giving another value is an error.
	 */
	private static final class Disagreements {

		private final List<String> fields;

		private final List<ImportMessage> errors;

		private final WrittenValues written;

		private final Disagreement disagreement;

		private String key;

		private final Map<String, Cell> first = new HashMap<>();

		Disagreements(List<String> fields, List<ImportMessage> errors, WrittenValues written,
				Disagreement disagreement) {
			this.fields = fields;
			this.errors = errors;
			this.written = written;
			this.disagreement = disagreement;
		}

		void row(ResultSet rs) throws SQLException {
			var key = rs.getString("key");
			if (!key.equals(this.key)) {
				this.key = key;
				this.first.clear();
			}
			int number = rs.getInt("row_no");
			for (var field : this.fields) {
				var raw = rs.getObject(field);
				if (raw == null) {
					continue;
				}
				var value = this.written.shown(field, String.valueOf(raw));
				var cell = new Cell(key, number, value, String.valueOf(raw));
				var earlier = this.first.putIfAbsent(field, cell);
				// compared as read: ქალი and female agree
				if (earlier != null && !earlier.read().equals(String.valueOf(raw))) {
					this.errors.addAll(this.disagreement.errors(cell, field, value, earlier));
				}
			}
		}

	}

}
