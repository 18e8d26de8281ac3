package org.kvali.intake;

import java.util.List;

import org.kvali.access.PartnerScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Looks each activity and each person of a staged sheet up in the stored data once, under the write lock, into two
 * temporary tables that the checks and the writes then join instead of the large tables: {@code import_activity} and
 * {@code import_person} hold the sheet's values for each, the stored row's id and the stored fields the checks and
 * writes need ({@code stored_id} is null for one that is new), and the id it has or will get. A new one's id is drawn
 * from the table's sequence here, so that the writes need not look it up again after inserting it; a sheet that is
 * then refused, like a dry run, leaves those ids unused. Ids are drawn in the order of each one's first row (PostgreSQL
 * calls {@code nextval} after the sort), so that the new participations of a sheet listed activity by activity,
 * written in the order of their activities' and people's ids, go to the ends of participation's indexes as a COPY's
 * of the same rows do. Drawn in the order of the references, people's ids sent each index of a person to random
 * places: 200,000 participations were written in 1,066 to 1,158 ms in psql, 993 to 1,052 ms with ids drawn so, and the
 * people's sort took 60 to 70 ms. A third table, {@code import_organization}, holds the sheet's values for each
 * organization code.
 */
@Repository
class StoredMatches {

	/**
	 * Each activity of the sheet with the value its rows give for each field (its organizer's id too, of a code
	 * stored as written), its first row and the first giving its start, its end and its organizer (where an error
	 * about them points, not at an empty cell), whether a row's date was refused, whether its rows disagree on a
	 * field, for each field a new activity needs whether a row gives it (or gave one that was refused), and whether a
	 * row gives no start ({@link #UNDATED}); {@link #START_YEAR} adds the year it starts. The checks refuse a sheet
	 * whose rows of one activity give a field two values, so the greatest value written is the one value given.
	 */
	private static final String ACTIVITIES = """
			CREATE TEMPORARY TABLE import_activity ON COMMIT DROP AS
			SELECT s.*, a.id AS stored_id, a.project_id AS stored_project_id, a.organizer_id AS stored_organizer_id,
			       a.start_date AS stored_start_date, a.end_date AS stored_end_date,
			       (SELECT o.id FROM organization o WHERE o.code = s.organizer_code) AS organizer_id,
			       coalesce(a.id, nextval((SELECT pg_get_serial_sequence('activity', 'id')::regclass))) AS id
			FROM (SELECT activity_code, max(project_code) AS project_code, max(activity_title) AS activity_title,
			             max(activity_kind) AS activity_kind, max(start_date) AS start_date, max(end_date) AS end_date,
			             max(venue_municipality) AS venue_municipality, max(organizer_code) AS organizer_code,
			             min(row_no) AS first_row,
			             min(row_no) FILTER (WHERE organizer_code IS NOT NULL) AS organizer_row,
			             min(row_no) FILTER (WHERE start_date IS NOT NULL) AS start_row,
			             min(row_no) FILTER (WHERE end_date IS NOT NULL) AS end_row,
			             coalesce(bool_or(flagged && '{start_date,end_date}'), false) AS dates_flagged,
			             coalesce(min(project_code) <> max(project_code) OR min(activity_title) <> max(activity_title)
			                 OR min(activity_kind) <> max(activity_kind) OR min(start_date) <> max(start_date)
			                 OR min(end_date) <> max(end_date) OR min(venue_municipality) <> max(venue_municipality)
			                 OR min(organizer_code) <> max(organizer_code), false) AS disagrees,
			             coalesce(min(organizer_code) <> max(organizer_code), false) AS organizers_differ,
			             count(activity_title) > 0 OR coalesce(bool_or(flagged @> '{activity_title}'), false) AS titled,
			             count(activity_kind) > 0 OR coalesce(bool_or(flagged @> '{activity_kind}'), false) AS kinded,
			             count(start_date) > 0 OR coalesce(bool_or(flagged @> '{start_date}'), false) AS started,
			             count(end_date) > 0 OR coalesce(bool_or(flagged @> '{end_date}'), false) AS ended,
			             count(start_date) < count(*) AS undated
			      FROM import_row WHERE activity_code IS NOT NULL GROUP BY activity_code) s
			LEFT JOIN LATERAL (SELECT * FROM activity a WHERE a.code = s.activity_code LIMIT 1) a ON true
			ORDER BY s.first_row""";

	/**
	 * Each person of the sheet with the value their rows give for each field and whether they disagree (as for
	 * activities), the first row giving a birth year, whether they are in more than one row, and the organization of
	 * their latest activity whose row names one (by start as the sheet gives it, then code), by code (a new
	 * organization is not stored yet), with that activity's start and code, found as the greatest of "start code
	 * organization" (codes hold no space; a plain aggregate, where ordered ones added about a second to 200,000 rows):
	 * a person at two organizations' activities
	 * took the first row's, so that the order of the rows, or how they were split into sheets, decided their
	 * organization and so their region. A date as text is YYYY-MM-DD, as the JDBC driver keeps the DateStyle ISO
	 * (to_char took 64 ms more of 200,000 rows). Rows without dates (of stored activities, or of new ones another row
	 * dates) are found again by {@link #UNDATED}. A stored person is found by their reference in any case
	 * ({@code stored_ref} is theirs); the checks refuse one written in another case. The code is compared as codes are
	 * ("C" only for the greatest): in "C", joins to organizations by it could not use their index, and one took
	 * three minutes (a review's, at 10 million). For a partner's sheet, whether it keeps a stored person's details as
	 * stored, and which an admin corrected ({@link PartnerSheet#keptAsStored(String)}): the sheet's writes change
	 * neither, as they add participations only at activities the partner runs.
	 */
	private static final String PEOPLE = """
			CREATE TEMPORARY TABLE import_person ON COMMIT DROP AS
			SELECT s.*, split_part(s.organization_at, ' ', 3) COLLATE "default" AS organization_code,
			       CAST(nullif(split_part(s.organization_at, ' ', 1), '') AS date) AS organization_since,
			       split_part(s.organization_at, ' ', 2) AS organization_activity,
			       p.id AS stored_id, p.ref AS stored_ref, p.gender AS stored_gender,
			       p.birth_year AS stored_birth_year, p.disability AS stored_disability,
			       p.home_municipality_code AS stored_home, p.organization_id AS stored_organization_id,
			       p.id IS NOT NULL AND %1$s AS stored_elsewhere, p.id IS NOT NULL AND %2$s AS stored_nowhere,
			       CASE WHEN CAST(:organizations AS bigint[]) IS NOT NULL AND p.id IS NOT NULL THEN p.admin_corrected
			            ELSE CAST('{}' AS text[]) END AS stored_corrected,
			       coalesce(p.id, nextval((SELECT pg_get_serial_sequence('participant', 'id')::regclass))) AS id
			FROM (SELECT participant_ref, min(row_no) AS first_row, max(gender) AS gender, max(birth_year) AS birth_year,
			             min(row_no) FILTER (WHERE birth_year IS NOT NULL) AS birth_row,
			             bool_or(disability) AS disability, max(home_municipality) AS home_municipality,
			             max(coalesce(CAST(start_date AS text), '') || ' ' || activity_code || ' '
			                 || organization_code COLLATE "C")
			                 FILTER (WHERE organization_code IS NOT NULL) AS organization_at,
			             coalesce(min(organization_code) <> max(organization_code), false) AS organizations_differ,
			             coalesce(min(gender) <> max(gender) OR min(birth_year) <> max(birth_year)
			                 OR bool_and(disability) <> bool_or(disability) OR min(home_municipality) <> max(home_municipality),
			                 false) AS disagrees,
			             count(*) > 1 AS repeated
			      FROM import_row WHERE participant_ref IS NOT NULL GROUP BY participant_ref) s
			LEFT JOIN LATERAL (SELECT * FROM participant p WHERE lower(p.ref) = lower(s.participant_ref) LIMIT 1) p
			  ON true
			ORDER BY s.first_row"""
		.formatted(PartnerScope.hostedElsewhere("p.id"), PartnerScope.hostedNowhere("p.id"));

	/**
	 * The same for the people of rows without dates, by the stored start of a stored activity (a partner's sheet may
	 * not move one an admin corrected), by the start another row gives a new one: ordered before every dated row, the
	 * activity of the greater code, or the newest sheet, gave the organization (a tester's), and a new activity's, by
	 * its stored start alone, was passed over (a review's). Apart from {@link #PEOPLE}, whose 200,000-row aggregate it
	 * would join to the activities; a sheet of dated rows has none of these people, and is not looked through for them
	 * (35 ms of 200,000 rows). A new person's organization is written where it changes alone: their start and activity
	 * are compared with none stored, and a sheet dating each activity's first row alone would rewrite nearly every
	 * person.
	 */
	private static final String UNDATED = """
			UPDATE import_person p SET organization_code = split_part(x.organization_at, ' ', 3),
			       organization_since = CAST(split_part(x.organization_at, ' ', 1) AS date),
			       organization_activity = split_part(x.organization_at, ' ', 2)
			FROM (SELECT r.participant_ref,
			             max(CAST(CASE WHEN a.stored_id IS NOT NULL AND a.start_date IS NULL THEN a.stored_start_date
			                           ELSE coalesce(r.start_date, CASE WHEN a.stored_id IS NULL THEN a.start_date END,
			                                         a.stored_start_date) END AS text)
			                 || ' ' || r.activity_code || ' ' || r.organization_code COLLATE "C") AS organization_at
			      FROM import_row r JOIN import_activity a USING (activity_code)
			      WHERE r.organization_code IS NOT NULL AND r.participant_ref IN (%2$s)
			      GROUP BY r.participant_ref) x
			WHERE EXISTS (SELECT 1 FROM import_activity a WHERE %1$s)
			  AND p.participant_ref = x.participant_ref AND x.organization_at IS NOT NULL
			  AND (p.stored_id IS NOT NULL
			       OR p.organization_code IS DISTINCT FROM split_part(x.organization_at, ' ', 3) COLLATE "default")""";

	/** The people {@link #UNDATED} looks at in a sheet with undated rows. */
	private static final String OF_UNDATED_ROWS = """
			SELECT participant_ref FROM import_row WHERE start_date IS NULL AND organization_code IS NOT NULL""";

	/** A stored activity whose start the sheet gives, and may not set ({@link #startsSetAside}). */
	private static final String START_SET_ASIDE = "a.stored_id IS NOT NULL AND a.start_date IS NULL AND a.started";

	/** The people {@link #UNDATED} looks at again at such activities. */
	private static final String AT_STARTS_SET_ASIDE = """
			SELECT r.participant_ref FROM import_row r JOIN import_activity a USING (activity_code)
			WHERE %s AND r.start_date IS NOT NULL AND r.organization_code IS NOT NULL""".formatted(START_SET_ASIDE);


	/**
	 * The year each activity starts, as the sheet or else the stored activity gives it, which the checks compare
	 * birth years with: an integer (each year as extract()'s numeric, compared with each row's, took 24 to 48 ms of
	 * 200,000 rows), kept by PostgreSQL as the start changes (a partner's sheet sets aside a start an admin corrected,
	 * {@link ActivityChanges#keptAsCorrected}).
	 */
	private static final String START_YEAR = """
			ALTER TABLE import_activity ADD COLUMN start_year int
			    GENERATED ALWAYS AS (CAST(extract(YEAR FROM coalesce(start_date, stored_start_date)) AS int)) STORED""";

	/**
	 * Each organization code the sheet names (a merged one's rows as recorded, {@link OrganizationChecks#merged}): its
	 * first row and the first naming it, the least and the greatest name, kind and municipality its rows give (one and
	 * the same where they agree, as the checks require of a new one's rows), the first row giving a municipality,
	 * whether a row's name was refused, and the first row giving it a kind an admin adds. The checks and the insert of
	 * new organizations read it instead of grouping the rows again, which took 15 to 34 ms each of 200,000 rows.
	 */
	private static final String ORGANIZATIONS = """
			CREATE TEMPORARY TABLE import_organization ON COMMIT DROP AS
			SELECT organization_code, min(row_no) AS first_row,
			       min(row_no) FILTER (WHERE organization_name IS NOT NULL) AS named_row,
			       min(organization_name) AS least_name, max(organization_name) AS name,
			       min(organization_kind) AS least_kind, max(organization_kind) AS kind,
			       min(organization_municipality) AS least_municipality, max(organization_municipality) AS municipality,
			       min(row_no) FILTER (WHERE organization_municipality IS NOT NULL) AS municipality_row,
			       coalesce(bool_or(flagged @> '{organization_name}'), false) AS name_flagged,
			       min(row_no) FILTER (WHERE organization_kind IN ('DONOR', 'IMPLEMENTER', 'PARTNER')) AS admin_row,
			       -- the codes the sheet wrote for it: its own, and those of others merged into it
			       CAST(bool_or(organization_merged IS NULL) AS int)
			           + count(DISTINCT organization_merged) FILTER (WHERE organization_merged IS NOT NULL) AS written
			FROM import_row WHERE organization_code IS NOT NULL GROUP BY organization_code""";

	/**
	 * The participation stored for each row of a stored activity and a stored person, for a sheet sent again to be
	 * compared with what is stored: its row, id, role and organization. Each row's is looked up by its key (OFFSET 0
	 * keeps that look-up whole): joined, PostgreSQL read all 10 million participations (2.7 s, a partner's 4.7 s with
	 * its policy asked of each row), and read by activity, it joined each activity's to the whole sheet once the
	 * statistics changed (111 s in the import benchmark).
	 */
	private static final String STORED = """
			CREATE TEMPORARY TABLE import_stored ON COMMIT DROP AS
			SELECT r.row_no, pn.id, pn.role, pn.organization_id
			FROM import_row r
			JOIN import_activity a ON a.activity_code = r.activity_code
			JOIN import_person p ON p.participant_ref = r.participant_ref
			CROSS JOIN LATERAL (
			    SELECT * FROM participation x
			    WHERE x.activity_id = a.stored_id AND x.participant_id = p.stored_id OFFSET 0) pn
			WHERE a.stored_id IS NOT NULL AND p.stored_id IS NOT NULL""";

	/**
	 * The sheet's rows ({@code r}) whose activity ({@code a}) and person ({@code p}) are both stored, with the
	 * participation stored for them ({@code pn}: {@code import_stored}, {@link #storedParticipations}); a sheet of new
	 * activities has none.
	 */
	static final String STORED_PARTICIPATIONS = """
			import_row r
			JOIN import_activity a ON a.activity_code = r.activity_code
			JOIN import_person p ON p.participant_ref = r.participant_ref
			JOIN import_stored pn ON pn.row_no = r.row_no""";

	private final JdbcClient jdbc;

	StoredMatches(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * After a partner's sheet's starts of activities an admin corrected were set aside
	 * ({@link ActivityChanges#keptAsCorrected}): their people's organization goes by the stored start, as the
	 * activity's will. It went by the sheet's, and an old sheet sent again for an activity an admin had moved made it
	 * their latest, and gave them its organization back (a review's).
	 */
	void startsSetAside() {
		this.jdbc.sql(UNDATED.formatted(START_SET_ASIDE, AT_STARTS_SET_ASIDE)).update();
	}

	/**
	 * Creates the three tables (dropped at commit or rollback) and an index of the stored people, and analyzes the
	 * activities' and the people's tables, so that the planner knows how many of them are new. Runs in the load's
	 * transaction, under the write lock, after {@link Staging#analyze()}.
	 */
	void match(PartnerSheet partner) {
		this.jdbc.sql(ACTIVITIES).update();
		this.jdbc.sql(START_YEAR).update();
		this.jdbc.sql(ORGANIZATIONS).update();
		// Each person is looked up through the unique index on the reference (in any case), whatever the planner estimates. Left to
		// it, a small table (a new installation: 318 people) was scanned whole once per person of the sheet, 6.3 s for
		// 200,000 people, and a table with many dead rows was read by bitmap scans, 0.6 to 1.3 s; by the index 0.57 to
		// 0.69 s, and at 2 million people the planner's own choice, 0.5 to 0.9 s. The aggregate is sorted (the planner
		// chose so in every plan seen, and with scans off cannot tell it from hashing). Activities are left to the
		// planner: a sheet names far fewer of them (200,000 rows, 6,667 activities), and their aggregate is faster
		// hashed (142 ms) than sorted (275 ms), which turning scans off made it choose. The settings are this
		// transaction's and are set back to what they were.
		var before = this.jdbc.sql("SELECT current_setting('enable_seqscan'), current_setting('enable_bitmapscan')")
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2) })
			.single();
		this.jdbc.sql("SELECT set_config('enable_seqscan', 'off', true), set_config('enable_bitmapscan', 'off', true)")
			.query()
			.singleRow();
		this.jdbc.sql(PEOPLE).param("organizations", PartnerSheet.organizationIds(partner)).update();
		this.jdbc.sql("SELECT set_config('enable_seqscan', :seqscan, true), set_config('enable_bitmapscan', :bitmapscan, true)")
			.param("seqscan", before[0])
			.param("bitmapscan", before[1])
			.query()
			.singleRow();
		this.jdbc.sql(UNDATED.formatted("a.undated", OF_UNDATED_ROWS)).update();
		// the stored people alone, which a dozen checks and writes read: each read all of a sheet's people, 15 to 17
		// ms each of 200,000 new ones (the index took 17 ms)
		this.jdbc.sql("CREATE INDEX ON import_person (stored_id) WHERE stored_id IS NOT NULL").update();
		this.jdbc.sql("ANALYZE import_activity").update();
		this.jdbc.sql("ANALYZE import_person").update();
	}

	/**
	 * Creates {@code import_stored} ({@link #STORED}), dropped at commit or rollback, for a sheet without errors: the
	 * warnings of roles and organizations changed, the update of participations and the insert of new ones read it,
	 * where each looked every row's participation up again (about 0.5 s each for a 200,000-row sheet sent again into
	 * 10 million participations). Nothing writes participations between this and them. Returns how many rows it holds.
	 */
	int storedParticipations() {
		int stored = this.jdbc.sql(STORED).update();
		this.jdbc.sql("ANALYZE import_stored").update();
		return stored;
	}

	/** The codes of the first {@code most} activities the sheet names, in the order of their first rows. */
	List<String> activities(int most) {
		return this.jdbc.sql("SELECT activity_code FROM import_activity ORDER BY first_row LIMIT :most")
			.param("most", most)
			.query(String.class)
			.list();
	}

}
