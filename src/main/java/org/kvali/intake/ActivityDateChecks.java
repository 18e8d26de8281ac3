package org.kvali.intake;

import java.sql.ResultSet;
import java.util.List;

import org.kvali.activity.Activity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * An activity's dates as a sheet leaves them: its end not before its start, a start the sheet gives a new or stored
 * activity within its programme's dates, outside which its indicators would count none of its participations, and an
 * end at most {@link Activity#DAYS_PAST_END} days after its programme's and project's. A start outside its project's
 * dates only warns ({@link PlausibilityChecks}): indicators do not count by them.
 */
@Repository
class ActivityDateChecks {

	/** The sheet's activities ({@code a}) with their project ({@code p}), stored or the sheet's, and programme. */
	private static final String WITH_PROGRAMMES = """
			import_activity a
			JOIN project p ON p.id = a.stored_project_id OR (a.stored_id IS NULL AND p.code = a.project_code)
			JOIN programme g ON g.id = p.programme_id""";

	private final JdbcClient jdbc;

	ActivityDateChecks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Each error at the first row giving the date it names, as the sheet writes it (an activity's other rows may leave
	 * it empty: the first row's empty cell was named, and the date as Kvali writes it, a review's).
	 */
	void check(List<ImportMessage> errors, PartnerSheet partner, WrittenValues written) {
		endsBeforeStarts(errors, partner, written);
		outsideProgrammes(errors, partner, written);
		endsLongAfter(errors, partner, written);
	}

	/** An activity whose dates, from the sheet or else as stored, would end before it starts. */
	private void endsBeforeStarts(List<ImportMessage> errors, PartnerSheet partner, WrittenValues written) {
		this.jdbc.sql("""
				SELECT coalesce(CASE WHEN end_date IS NOT NULL THEN end_row ELSE start_row END, first_row), start_date,
				       end_date, coalesce(start_date, stored_start_date) AS starts,
				       coalesce(end_date, stored_end_date) AS ends
				FROM import_activity a
				WHERE NOT dates_flagged AND coalesce(end_date, stored_end_date) < coalesce(start_date, stored_start_date)
				  AND %s""".formatted(PartnerSheet.toldOf("a")))
			.param("organizations", PartnerSheet.organizationIds(partner))
			.query((ResultSet rs) -> {
				var column = rs.getString(3) != null ? Columns.END_DATE : Columns.START_DATE;
				var value = rs.getString(3) != null ? rs.getString(3) : rs.getString(2);
				errors.add(new ImportMessage(rs.getInt(1), column, written.shown(column, value),
						"The activity would end (" + rs.getString(5) + ") before it starts (" + rs.getString(4) + ")"));
			});
	}

	/**
	 * An end the sheet gives, other than the stored one, more than {@link Activity#DAYS_PAST_END} days after its
	 * programme's end or its project's, of an activity started by then, as a mutation's is refused: a sheet's end of
	 * 2099 made its project and programme under way again in the donor's IATI file (a tester's). A start after the
	 * programme's end is refused, after the project's warned of, as such (a review's: they were told twice, or
	 * refused for the end).
	 */
	private void endsLongAfter(List<ImportMessage> errors, PartnerSheet partner, WrittenValues written) {
		this.jdbc.sql("""
				SELECT end_row, activity_code, end_date,
				       CASE WHEN past_programme THEN 'its programme ' || programme || ' ends (' || programme_end
				            ELSE 'its project ' || project || ' ends (' || project_end END
				FROM (SELECT a.end_row, a.activity_code, a.end_date, g.code AS programme, g.end_date AS programme_end,
				             p.code AS project, p.end_date AS project_end,
				             -- of an activity started by then: one starting after is refused, or warned of, for that
				             coalesce(a.start_date, a.stored_start_date) <= g.end_date
				                 AND a.end_date > g.end_date + CAST(:days AS int) AS past_programme,
				             coalesce(a.start_date, a.stored_start_date) <= p.end_date
				                 AND a.end_date > p.end_date + CAST(:days AS int) AS past_project
				      FROM %s
				      WHERE NOT a.dates_flagged AND a.end_date IS DISTINCT FROM a.stored_end_date AND %s) e
				WHERE past_programme OR past_project
				ORDER BY end_row""".formatted(WITH_PROGRAMMES, PartnerSheet.toldOf("a")))
			.param("organizations", PartnerSheet.organizationIds(partner))
			.param("days", Activity.DAYS_PAST_END)
			.query((ResultSet rs) -> {
				errors.add(new ImportMessage(rs.getInt(1), Columns.END_DATE, written.shown(Columns.END_DATE,
						rs.getString(3)), "Activity "
						+ rs.getString(2) + " would end after " + rs.getString(4) + ") by more than "
						+ Activity.DAYS_PAST_END + " days, which an activity under way then may last past it: a"
						+ " mistyped year? An admin may move the dates"));
			});
	}

	/** A start the sheet gives, other than the stored one, before its programme starts or after it ends. */
	private void outsideProgrammes(List<ImportMessage> errors, PartnerSheet partner, WrittenValues written) {
		this.jdbc.sql("""
				SELECT a.start_row, a.activity_code, a.start_date,
				       CASE WHEN a.start_date < g.start_date THEN 'before its programme ' || g.code || ' starts ('
				                                                  || g.start_date
				            ELSE 'after its programme ' || g.code || ' ends (' || g.end_date END
				FROM %s
				WHERE NOT a.dates_flagged AND a.start_date IS DISTINCT FROM a.stored_start_date
				  AND (a.start_date < g.start_date OR a.start_date > g.end_date) AND %s
				ORDER BY a.start_row""".formatted(WITH_PROGRAMMES, PartnerSheet.toldOf("a")))
			.param("organizations", PartnerSheet.organizationIds(partner))
			.query((ResultSet rs) -> {
				errors.add(new ImportMessage(rs.getInt(1), Columns.START_DATE, written.shown(Columns.START_DATE,
						rs.getString(3)), "Activity "
						+ rs.getString(2) + " would start " + rs.getString(4) + "): its programme's indicators would "
						+ "count none of its participations; an admin may move the programme's dates"));
			});
	}

}
