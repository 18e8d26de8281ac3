package org.kvali.intake;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a sheet may well mean but rarely does, said as warnings that do not refuse it: an activity starting after
 * today (an attendance sheet records what took place), or outside its project's dates, and a person older than 100
 * at an activity (a mistyped birth year). Each new or changed activity is said once, each such row once.
 */
@Repository
class PlausibilityChecks {

	private final JdbcClient jdbc;

	PlausibilityChecks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<ImportMessage> warnings() {
		var warnings = new ArrayList<ImportMessage>();
		this.jdbc.sql("""
				SELECT s.first_row, s.activity_code, s.start_date, p.code, p.start_date, p.end_date,
				       s.start_date > current_date
				FROM import_activity s JOIN project p ON p.code = s.project_code
				WHERE s.start_date IS NOT NULL AND s.start_date IS DISTINCT FROM s.stored_start_date
				  AND (s.start_date > current_date OR s.start_date < p.start_date
				       OR coalesce(s.end_date, s.start_date) > p.end_date)
				ORDER BY s.first_row""")
			.query((ResultSet rs) -> {
				var activity = "Activity " + rs.getString(2) + " starts on " + rs.getString(3);
				warnings.add(new ImportMessage(rs.getInt(1), Columns.START_DATE, rs.getString(3), rs.getBoolean(7)
						? activity + ", after today: an attendance sheet records what took place"
						: activity + ", outside its project " + rs.getString(4) + " (" + dates(rs.getString(5),
								rs.getString(6)) + ")"));
			});
		this.jdbc.sql("""
				SELECT r.row_no, r.birth_year, r.participant_ref, r.activity_code,
				       extract(YEAR FROM coalesce(a.start_date, a.stored_start_date)) - r.birth_year
				FROM import_row r JOIN import_activity a USING (activity_code)
				WHERE r.birth_year < (SELECT max(extract(YEAR FROM coalesce(start_date, stored_start_date)))
				                      FROM import_activity) - 100
				  AND r.birth_year < extract(YEAR FROM coalesce(a.start_date, a.stored_start_date)) - 100
				ORDER BY r.row_no""")
			.query((ResultSet rs) -> {
				warnings.add(new ImportMessage(rs.getInt(1), Columns.BIRTH_YEAR, rs.getString(2), "Participant "
						+ rs.getString(3) + " would be " + rs.getInt(5) + " at activity " + rs.getString(4)
						+ "; is the year right?"));
			});
		return warnings;
	}

	private static String dates(String start, String end) {
		return (start == null ? "open" : start) + " to " + (end == null ? "open" : end);
	}

}
