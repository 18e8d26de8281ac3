package org.kvali.intake;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Looks each activity and each person of a staged sheet up in the stored data once, under the write lock, into two
 * temporary tables that the checks and the writes then join instead of the large tables: {@code import_activity} and
 * {@code import_person} hold the sheet's values for each, the stored row's id and the stored fields the checks and
 * writes need ({@code stored_id} is null for one that is new), and the id it has or will get. A new one's id is drawn
 * from the table's sequence here, so that the writes need not look it up again after inserting it; a sheet that is
 * then refused, like a dry run, leaves those ids unused.
 */
@Repository
class StoredMatches {

	/**
	 * Each activity of the sheet with the value its rows give for each field, its first row, whether a row's date was
	 * refused, and whether its rows disagree on a field.
	 * The checks refuse a sheet whose rows of one activity give a field two values, so the greatest value written is
	 * the one value given.
	 */
	private static final String ACTIVITIES = """
			CREATE TEMPORARY TABLE import_activity ON COMMIT DROP AS
			SELECT s.*, a.id AS stored_id, a.project_id AS stored_project_id, a.organizer_id AS stored_organizer_id,
			       a.start_date AS stored_start_date, a.end_date AS stored_end_date,
			       coalesce(a.id, nextval((SELECT pg_get_serial_sequence('activity', 'id')::regclass))) AS id
			FROM (SELECT activity_code, max(project_code) AS project_code, max(activity_title) AS activity_title,
			             max(activity_kind) AS activity_kind, max(start_date) AS start_date, max(end_date) AS end_date,
			             max(venue_municipality) AS venue_municipality, min(row_no) AS first_row,
			             coalesce(bool_or(flagged && '{start_date,end_date}'), false) AS dates_flagged,
			             coalesce(min(project_code) <> max(project_code) OR min(activity_title) <> max(activity_title)
			                 OR min(activity_kind) <> max(activity_kind) OR min(start_date) <> max(start_date)
			                 OR min(end_date) <> max(end_date) OR min(venue_municipality) <> max(venue_municipality),
			                 false) AS disagrees
			      FROM import_row WHERE activity_code IS NOT NULL GROUP BY activity_code) s
			LEFT JOIN LATERAL (SELECT * FROM activity a WHERE a.code = s.activity_code LIMIT 1) a ON true""";

	/**
	 * Each person of the sheet with the value their rows give for each field and whether they disagree (as for
	 * activities), and the organization of their first row that names one, by code (a new organization is not stored
	 * yet).
	 */
	private static final String PEOPLE = """
			CREATE TEMPORARY TABLE import_person ON COMMIT DROP AS
			SELECT s.*, p.id AS stored_id, p.gender AS stored_gender, p.organization_id AS stored_organization_id,
			       coalesce(p.id, nextval((SELECT pg_get_serial_sequence('participant', 'id')::regclass))) AS id
			FROM (SELECT participant_ref, max(gender) AS gender, max(birth_year) AS birth_year,
			             bool_or(disability) AS disability, max(home_municipality) AS home_municipality,
			             (array_agg(organization_code ORDER BY row_no)
			                  FILTER (WHERE organization_code IS NOT NULL))[1] AS organization_code,
			             coalesce(min(gender) <> max(gender) OR min(birth_year) <> max(birth_year)
			                 OR bool_and(disability) <> bool_or(disability) OR min(home_municipality) <> max(home_municipality),
			                 false) AS disagrees
			      FROM import_row WHERE participant_ref IS NOT NULL GROUP BY participant_ref) s
			LEFT JOIN LATERAL (SELECT * FROM participant p WHERE p.ref = s.participant_ref LIMIT 1) p ON true""";

	private final JdbcClient jdbc;

	StoredMatches(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Creates both tables (dropped at commit or rollback) and analyzes them, so that the planner knows how many of
	 * the sheet's activities and people are new. Runs under the write lock, after {@link Staging#analyze()}.
	 */
	void match() {
		this.jdbc.sql(ACTIVITIES).update();
		this.jdbc.sql(PEOPLE).update();
		this.jdbc.sql("ANALYZE import_activity").update();
		this.jdbc.sql("ANALYZE import_person").update();
	}

}
