package org.kvali.intake;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.kvali.access.PartnerScope;
import org.kvali.graphql.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a sheet may well mean but rarely does, said as warnings of a sheet that is otherwise taken: an activity
 * starting after today (an attendance sheet records what took place), or starting before or ending after its
 * project, and a person older than 100 or younger than 10 at an activity (a mistyped birth year: 2020 for 2002).
 * Each new activity, or stored one whose dates the sheet changes, is said once, each such row once. A partner's sheet
 * leaves out people other organizations hosted, whose year it does not change ({@link PartnerScope#keptAsStored}).
 * And a new activity that looks like a stored one under another code.
 */
@Repository
class PlausibilityChecks {

	/** The most activities alike one warning names. */
	private static final int NAMED = 3;

	private final JdbcClient jdbc;

	PlausibilityChecks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The warnings; {@code today} is the service's, as birth years are checked against it. A date is repeated as the
	 * sheet writes it, as errors repeat it (a tester's warnings gave 2026-01-10 for a sheet's 10.01.2026).
	 */
	List<ImportMessage> warnings(PartnerSheet partner, LocalDate today, WrittenValues written) {
		var warnings = new ArrayList<ImportMessage>();
		this.jdbc.sql("""
				SELECT s.first_row, s.activity_code, d.start_date, d.end_date, p.code, p.start_date, p.end_date
				FROM import_activity s
				LEFT JOIN project stored ON stored.id = s.stored_project_id
				LEFT JOIN project named ON named.code = s.project_code
				CROSS JOIN LATERAL (SELECT coalesce(stored.code, named.code) AS code,
				                           coalesce(stored.start_date, named.start_date) AS start_date,
				                           coalesce(stored.end_date, named.end_date) AS end_date) p
				CROSS JOIN LATERAL (SELECT coalesce(s.start_date, s.stored_start_date) AS start_date,
				                           coalesce(s.end_date, s.stored_end_date, s.start_date) AS end_date) d
				WHERE (s.start_date, s.end_date) IS DISTINCT FROM (s.stored_start_date, s.stored_end_date)
				  -- dates the sheet gives: none where an admin's correction keeps the stored ones
				  AND (s.start_date IS NOT NULL OR s.end_date IS NOT NULL)
				  AND (d.start_date > :today OR d.start_date < p.start_date OR d.end_date > p.end_date)
				ORDER BY s.first_row""")
			.param("today", today)
			.query((ResultSet rs) -> {
				var activity = "Activity " + rs.getString(2);
				var project = "its project " + rs.getString(5) + " (" + open(rs.getString(6)) + " to "
						+ open(rs.getString(7)) + ")";
				var start = rs.getObject(3, LocalDate.class);
				var projectStart = rs.getObject(6, LocalDate.class);
				var projectEnd = rs.getObject(7, LocalDate.class);
				if (start.isAfter(today)) {
					// one warning per activity, telling both where both hold
					var outside = projectStart != null && start.isBefore(projectStart) ? "starts before " + project
							: projectEnd != null && start.isAfter(projectEnd) ? "starts after " + project + " ended"
									: projectEnd != null && rs.getObject(4, LocalDate.class).isAfter(projectEnd)
											? "ends on " + rs.getString(4) + ", after " + project : null;
					warnings.add(new ImportMessage(rs.getInt(1), Columns.START_DATE,
							written.shown(Columns.START_DATE, rs.getString(3)), activity
							+ " starts on " + start + ", after today: an attendance sheet records what took place"
							+ (outside == null ? "" : "; it also " + outside)));
				}
				else if (projectStart != null && start.isBefore(projectStart)) {
					warnings.add(new ImportMessage(rs.getInt(1), Columns.START_DATE,
							written.shown(Columns.START_DATE, rs.getString(3)), activity
							+ " starts on " + start + ", before " + project));
				}
				else if (projectEnd != null && start.isAfter(projectEnd)) {
					// told by its end alone, it read as a few days over; none of it counts for the project (a
					// tester's)
					warnings.add(new ImportMessage(rs.getInt(1), Columns.START_DATE,
							written.shown(Columns.START_DATE, rs.getString(3)), activity
							+ " starts on " + start + ", after " + project + " ended: the project's indicators count"
							+ " none of it; is it of another project?"));
				}
				else {
					warnings.add(new ImportMessage(rs.getInt(1), Columns.END_DATE,
							written.shown(Columns.END_DATE, rs.getString(4)), activity
							+ " ends on " + rs.getString(4) + ", after " + project));
				}
			});
		this.jdbc.sql("""
				SELECT r.row_no, r.birth_year, r.participant_ref, r.activity_code, a.start_year - r.birth_year
				FROM import_row r JOIN import_activity a USING (activity_code) JOIN import_person p USING (participant_ref)
				WHERE (r.birth_year < (SELECT max(start_year) FROM import_activity) - 100
				       OR r.birth_year > (SELECT min(start_year) FROM import_activity) - 10)
				  AND (r.birth_year < a.start_year - 100 OR r.birth_year > a.start_year - 10)
				  AND NOT (p.stored_id IS NOT NULL AND %s)
				ORDER BY r.row_no""".formatted(PartnerSheet.keptAsStored("p", "birth_year")))
			.query((ResultSet rs) -> {
				warnings.add(new ImportMessage(rs.getInt(1), Columns.BIRTH_YEAR, rs.getString(2), "Participant "
						+ rs.getString(3) + " would be " + rs.getInt(5) + " at activity " + rs.getString(4)
						+ "; is the year right?"));
			});
		var likeStored = sameAsStored(warnings, partner);
		sameInSheet(warnings, likeStored);
		warnings.sort(Comparator.comparing(ImportMessage::row));
		return warnings;
	}

	/**
	 * A new activity of the title (case aside) and start day of a stored one of its project, the first by code: a
	 * sheet sent again under a corrected code made a second activity of the same people, counted twice, and said
	 * nothing (a tester's). To a partner only of the activities its organizations run. Each new activity is looked
	 * up on its own (a subquery with a limit is never turned into a join), which the index of all three answers
	 * (changeset 075): as a join, planned on the statistics of the demo data, a sheet of 6,667 activities over nine
	 * days after another such sheet compared 4.9 million pairs of titles (2.9 to 3.7 s of the load); without that
	 * index, a look-up per activity read the project's activities of the day, 2 to 10 s.
	 */
	private Set<Integer> sameAsStored(List<ImportMessage> warnings, PartnerSheet partner) {
		var rows = new HashSet<Integer>();
		this.jdbc.sql("""
				SELECT s.first_row, s.activity_code, s.activity_title, a.code
				FROM import_activity s JOIN project p ON p.code = s.project_code
				CROSS JOIN LATERAL (
				    SELECT a.code FROM activity a
				    WHERE a.project_id = p.id AND a.start_date = s.start_date
				      AND lower(a.title) = lower(s.activity_title)
				      AND (CAST(:own AS bigint[]) IS NULL OR a.organizer_id = ANY(CAST(:own AS bigint[])))
				    ORDER BY a.code LIMIT 1) a
				WHERE s.stored_id IS NULL
				ORDER BY s.first_row""")
			.param("own", PartnerSheet.organizationIds(partner))
			.query((ResultSet rs) -> {
				warnings.add(new ImportMessage(rs.getInt(1), Columns.ACTIVITY_CODE, rs.getString(2), "Activity "
						+ rs.getString(2) + " is new, but " + rs.getString(4) + " of the same project has the title "
						+ "and start day it gives: if it is that activity under another code, write " + rs.getString(4)
						+ " (deleteActivity removes one made by mistake), else its people are counted at both"));
				rows.add(rs.getInt(1));
			});
		return rows;
	}

	/**
	 * New activities of the title (case aside) and start day of another new one of their project in the same sheet,
	 * the first by row: a list of each day given a code of its own made two activities of its people, counted at both,
	 * and said nothing where two sheets would have (a review's). One warning for each first, at the row of the next,
	 * naming up to three (a sheet of many alike filled the list of warnings). Not said of those already told of a
	 * stored one ({@code likeStored}, their first rows), which every new one like it is.
	 */
	private void sameInSheet(List<ImportMessage> warnings, Set<Integer> likeStored) {
		this.jdbc.sql("""
				SELECT min(first_row), first_code, first_of,
				       (array_agg(activity_code ORDER BY first_row))[1:%d], count(*)
				FROM (SELECT first_row, activity_code,
				             first_value(activity_code) OVER like_it AS first_code,
				             first_value(first_row) OVER like_it AS first_of
				      FROM import_activity
				      WHERE stored_id IS NULL AND start_date IS NOT NULL AND activity_title IS NOT NULL
				      WINDOW like_it AS (PARTITION BY project_code, start_date, lower(activity_title)
				                         ORDER BY first_row)) s
				WHERE first_row <> first_of
				GROUP BY first_code, first_of
				ORDER BY 1""".formatted(NAMED))
			.query((ResultSet rs) -> {
				if (!likeStored.contains(rs.getInt(1))) {
					var alike = List.of((String[]) rs.getArray(4).getArray());
					int count = rs.getInt(5);
					warnings.add(new ImportMessage(rs.getInt(1), Columns.ACTIVITY_CODE, alike.get(0), (count == 1
							? "Activity " + alike.get(0) + " is new, and so is " + rs.getString(2) + " of row "
									+ rs.getInt(3) + " with the project, title and start day it gives: if they are one"
									+ " activity, write one code for both, else its people are counted at both"
							: "Activities " + Text.someOf(alike, count) + " are new, and so is " + rs.getString(2)
									+ " of row " + rs.getInt(3) + " with the project, title and start day they give: if"
									+ " they are one activity, write one code for all, else their people are counted at"
									+ " each")));
				}
			});
	}

	private static String open(String day) {
		return day == null ? "open" : day;
	}

}
