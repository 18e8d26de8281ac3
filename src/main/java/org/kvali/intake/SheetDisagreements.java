package org.kvali.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A sheet's rows of one activity or of one person that give different values for a field they must agree on. */
@Repository
class SheetDisagreements {

	/** Fields every row of one activity must agree on, where given. */
	private static final List<String> ACTIVITY_FIELDS = List.of(Columns.PROJECT_CODE, Columns.ACTIVITY_TITLE,
			Columns.ACTIVITY_KIND, Columns.START_DATE, Columns.END_DATE, Columns.VENUE_MUNICIPALITY);

	/** Fields every row of one person must agree on, where given. */
	private static final List<String> PERSON_FIELDS = List.of(Columns.GENDER, Columns.BIRTH_YEAR, Columns.DISABILITY,
			Columns.HOME_MUNICIPALITY);

	private final JdbcClient jdbc;

	SheetDisagreements(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Rows of one activity or of one person that give different values for a field. The groups that disagree were
	 * found by comparing each field's least and greatest value as the sheet was matched; only their rows are read,
	 * one group at a time.
	 */
	void check(List<ImportMessage> errors, WrittenValues written) {
		// each other value of an activity's field once, at its first row: a sheet whose first row named another
		// project than the rest had the error on each of those
		var ofActivities = new ArrayList<ImportMessage>();
		var activities = new Disagreements(ACTIVITY_FIELDS, ofActivities, written, (row, column, value, first) ->
				List.of(new ImportMessage(row.number(), column, value, "Row " + first.number() + " gives "
						+ first.value() + " for activity " + row.key() + "; all its rows must agree")));
		this.jdbc.sql("""
				SELECT r.activity_code AS key, r.row_no, r.project_code, r.activity_title, r.activity_kind,
				       r.start_date, r.end_date, r.venue_municipality
				FROM import_row r JOIN import_activity a USING (activity_code) WHERE a.disagrees
				ORDER BY r.activity_code, r.row_no""").query(activities::row);
		errors.addAll(ImportMessage.once(ofActivities));
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
