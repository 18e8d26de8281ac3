package org.kvali.intake;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores the staged rows inside the caller's transaction: a few set-based statements create or correct
 * organizations, activities, participants and participations and count what they did. The caller holds the write
 * lock ({@link Staging#lockWrites()}) and has matched the sheet's activities, people and participations to the
 * stored ones ({@link StoredMatches#match}, {@link StoredMatches#storedParticipations}), so what is stored does not
 * change beside these statements, and each statement knows which rows are new without looking them up again.
 */
@Repository
class AttendanceWriter {

	private final JdbcClient jdbc;

	AttendanceWriter(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Created, updated and unchanged counts. */
	record Outcome(ImportCounts created, ImportCounts updated, ImportCounts unchanged) {
	}

	/**
	 * Writes the staged rows, checked under the write lock. Each activity it creates is run by the organizer its rows
	 * name, else for a partner's sheet ({@code partner} not null) by the partner's organization with a part in the
	 * activity's project (of several, the sheet was refused: {@link OrganizerChecks}); a stored one run by no one, by
	 * the one named. A stored person is corrected only if every participation of theirs is at an activity the
	 * partner's organizations run: a partner does not change what other organizations recorded. {@code stored} is how
	 * many rows have a participation stored ({@code import_stored}).
	 */
	Outcome write(int rows, int stored, PartnerSheet partner) {
		// a new organization's rows give one name, kind and municipality, if any (OrganizationChecks refuses others)
		int organizations = this.jdbc.sql("""
				INSERT INTO organization (code, name, kind, municipality_code)
				SELECT organization_code, name, coalesce(kind, 'CSO'), municipality FROM import_organization g
				WHERE NOT EXISTS (SELECT 1 FROM organization x WHERE x.code = g.organization_code)
				ORDER BY first_row""").update();
		int activities = this.jdbc.sql("""
				INSERT INTO activity (id, code, project_id, kind, title, start_date, end_date, venue_municipality_code,
				                      organizer_id)
				SELECT s.id, s.activity_code, p.id, s.activity_kind, s.activity_title, s.start_date, s.end_date,
				       s.venue_municipality,
				       coalesce(s.organizer_id, (
				           SELECT min(o) FROM unnest(CAST(:organizations AS bigint[])) o
				           WHERE o = p.lead_organization_id
				              OR EXISTS (SELECT 1 FROM project_partner pp
				                         WHERE pp.project_id = p.id AND pp.organization_id = o)))
				FROM import_activity s JOIN project p ON p.code = s.project_code
				WHERE s.stored_id IS NULL""")
			.param("organizations", PartnerSheet.organizationIds(partner))
			.update();
		int activitiesUpdated = this.jdbc.sql("""
				UPDATE activity a SET title = coalesce(s.activity_title, a.title), kind = coalesce(s.activity_kind, a.kind),
				       start_date = coalesce(s.start_date, a.start_date), end_date = coalesce(s.end_date, a.end_date),
				       venue_municipality_code = coalesce(s.venue_municipality, a.venue_municipality_code),
				       organizer_id = coalesce(a.organizer_id, s.organizer_id)
				FROM import_activity s
				WHERE s.stored_id IS NOT NULL AND a.id = s.stored_id AND %s""".formatted(ActivityChanges.CHANGED))
			.update();
		correctPeople();
		int participants = this.jdbc.sql("""
				INSERT INTO participant (id, ref, gender, birth_year, disability, home_municipality_code,
				                         organization_id)
				SELECT s.id, s.participant_ref, s.gender, s.birth_year, s.disability, s.home_municipality, o.id
				FROM import_person s LEFT JOIN organization o ON o.code = s.organization_code
				WHERE s.stored_id IS NULL""").update();
		var reassigned = updateParticipations();
		// In the order of the unique index, which then grows at its end instead of at random places: 200,000 rows
		// in psql took 1.7 to 2.0 s sorted, 2.5 to 2.6 s in the order the joins give. A new participation takes
		// the default role, and the organization of its row, else the one the sheet gives the person, else the
		// person's stored one, but for a partner's person other organizations recorded: theirs is not the partner's
		// to see, and its attendance showed it as its row's (a tester's). Rows with a participation stored are passed
		// over; a sheet without any is not asked (PostgreSQL looked into the empty table once for each row, 60 ms of
		// 200,000).
		int participations = this.jdbc.sql("""
				INSERT INTO participation (activity_id, participant_id, organization_id, role)
				SELECT a.id, p.id, coalesce(o.id, po.id, CASE WHEN NOT %s THEN p.stored_organization_id END),
				       coalesce(r.role, 'PARTICIPANT')
				FROM import_row r
				JOIN import_activity a ON a.activity_code = r.activity_code
				JOIN import_person p ON p.participant_ref = r.participant_ref
				LEFT JOIN organization o ON o.code = r.organization_code
				LEFT JOIN organization po ON po.code = p.organization_code
				WHERE %s
				ORDER BY a.id, p.id""".formatted(PartnerSheet.keptAsStored("p"), stored == 0 ? "true"
				: "NOT EXISTS (SELECT 1 FROM import_stored x WHERE x.row_no = r.row_no)")).update();
		followOwnOrganizations(partner, reassigned);
		var people = storedPeople();
		// stored activities and organizations the sheet names: the ones it did not create or correct are unchanged;
		// the organizations by the codes it wrote, a merged one apart from the one it went into: counted as one, two
		// codes of them told a partner they were one organization, which it was not told (a tester's)
		var named = this.jdbc.sql("""
				SELECT (SELECT count(*) FROM import_activity WHERE stored_id IS NOT NULL),
				       (SELECT coalesce(sum(written), 0) FROM import_organization)""")
			.query((rs, n) -> new int[] { rs.getInt(1), rs.getInt(2) })
			.single();
		return new Outcome(new ImportCounts(activities, participants, participations, organizations),
				new ImportCounts(activitiesUpdated, people.updated(), reassigned.size(), 0),
				new ImportCounts(named[0] - activitiesUpdated, people.named() - people.updated(),
						rows - participations - reassigned.size(), named[1] - organizations));
	}

	/** Stored people the sheet names, and how many of them it changed ({@link #storedPeople}). */
	private record StoredPeople(int named, int updated) {
	}

	/** Corrects stored people's details as the sheet gives them. */
	private void correctPeople() {
		// A person's own organization follows their latest activity (by start, then code): the sheet's replaces the
		// stored one unless they represented one at a later activity already (however the rows were split into
		// sheets, or sent in which order). A partner's sheet keeps what an admin corrected.
		// the changed ones found first, and updated through the primary key (an array of their ids, which the planner
		// does not weigh as a join): as one UPDATE ... FROM the sheet, PostgreSQL scanned all participants, 1.4 to
		// 2.0 s at 10 million participations for a sheet of 200,000 rows sent again unchanged, and a join of the
		// changed ones scanned them too once some had changed (a review's)
		this.jdbc.sql("""
				WITH changed AS MATERIALIZED (
				    SELECT k.id, c.birth_year, c.disability, c.home,
				           CASE WHEN c.organization_kept THEN k.organization_id ELSE n.organization_id END
				             AS organization_id
				    FROM import_person s
				    CROSS JOIN LATERAL (SELECT * FROM participant x WHERE x.id = s.stored_id OFFSET 0) k
				    LEFT JOIN organization o ON o.code = s.organization_code
				    CROSS JOIN LATERAL (
				        SELECT CASE WHEN %2$s THEN k.birth_year ELSE coalesce(s.birth_year, k.birth_year) END
				                 AS birth_year,
				               CASE WHEN %3$s THEN k.disability ELSE coalesce(s.disability, k.disability) END
				                 AS disability,
				               CASE WHEN %4$s THEN k.home_municipality_code
				                    ELSE coalesce(s.home_municipality, k.home_municipality_code) END AS home,
				               %5$s AS organization_kept) c
				    CROSS JOIN LATERAL (
				        SELECT CASE WHEN o.id IS NULL OR o.id = s.stored_organization_id OR EXISTS (
				                        SELECT 1 FROM participation x JOIN activity xa ON xa.id = x.activity_id
				                        WHERE x.participant_id = s.stored_id AND x.organization_id IS NOT NULL
				                          AND (xa.start_date, xa.code COLLATE "C")
				                              > (s.organization_since, s.organization_activity))
				                    THEN s.stored_organization_id ELSE o.id END AS organization_id) n
				    WHERE s.stored_id IS NOT NULL AND NOT %1$s
				      AND (k.birth_year, k.disability, k.home_municipality_code, k.organization_id) IS DISTINCT FROM
				          (c.birth_year, c.disability, c.home,
				           CASE WHEN c.organization_kept THEN k.organization_id ELSE n.organization_id END))
				UPDATE participant p SET birth_year = c.birth_year, disability = c.disability,
				       home_municipality_code = c.home, organization_id = c.organization_id
				FROM changed c
				WHERE p.id = c.id AND p.id = ANY(ARRAY(SELECT id FROM changed))
				""".formatted(PartnerSheet.keptAsStored("s"), PartnerSheet.correctedByAdmin("s", "birth_year"),
					PartnerSheet.correctedByAdmin("s", "disability"),
					PartnerSheet.correctedByAdmin("s", "home_municipality"),
					PartnerSheet.correctedByAdmin("s", "organization")))
			.update();
	}

	/**
	 * The people of stored participations whose roles and organizations the sheet changes, one for each changed. A
	 * row's empty role keeps what is stored; its empty organization is, as for a new participation, the one the
	 * sheet gives the person, else what is stored: a later activity's participation filled so kept the first
	 * organization given after the sheet corrected it, so that the same sheet stored one thing sent again and
	 * another sent first (a tester's). Only a stored activity and a stored person can have a participation already.
	 * A partner's sheet keeps the organization an admin's correction of the person set (correctParticipant sets both).
	 */
	private List<Long> updateParticipations() {
		// The changed ones found first (StoredMatches.STORED_PARTICIPATIONS), and updated through the primary
		// key: as one UPDATE ... FROM the sheet, PostgreSQL scanned all participations, 2.7 s at 10 million for a
		// sheet of 200,000 rows sent again unchanged, and so did a join to the changed ones (a review's).
		return this.jdbc.sql("""
				WITH changed AS MATERIALIZED (
				    SELECT pn.id, coalesce(r.role, pn.role) AS role,
				           coalesce(o.id, pn.organization_id) AS organization_id
				    FROM %s
				    LEFT JOIN organization o ON o.code = coalesce(r.organization_code, p.organization_code) AND NOT %s
				    WHERE (pn.role, pn.organization_id) IS DISTINCT FROM
				          (coalesce(r.role, pn.role), coalesce(o.id, pn.organization_id))),
				updated AS (
				    UPDATE participation pn SET role = c.role, organization_id = c.organization_id
				    FROM changed c
				    WHERE pn.id = c.id AND pn.id = ANY(ARRAY(SELECT id FROM changed))
				    RETURNING pn.participant_id)
				SELECT participant_id FROM updated""".formatted(StoredMatches.STORED_PARTICIPATIONS,
				PartnerSheet.correctedByAdmin("p", "organization")))
			.query(Long.class)
			.list();
	}

	/**
	 * How many stored people the sheet names, and how many of them it changed, their details or their own
	 * organization, which follows their latest activity also where an admin's correction keeps the details from the
	 * sheet: counted by those alone, a partner's sheet that moved 84 such people's organizations told 0 of them (a
	 * tester's). Not people a partner's sheet keeps as stored as others hosted them too: theirs moves by their latest
	 * activity of all, which is not the partner's to see; counted, dry runs told it the organization and the day of
	 * such a person's latest activity that another organization recorded (a review's).
	 */
	private StoredPeople storedPeople() {
		return this.jdbc.sql("""
				SELECT count(*), count(*) FILTER (WHERE NOT %s
				                                  AND (p.birth_year, p.disability, p.home_municipality_code,
				                                       p.organization_id) IS DISTINCT FROM
				       (s.stored_birth_year, s.stored_disability, s.stored_home, s.stored_organization_id))
				FROM import_person s
				CROSS JOIN LATERAL (SELECT * FROM participant x WHERE x.id = s.stored_id OFFSET 0) p
				WHERE s.stored_id IS NOT NULL""".formatted(PartnerSheet.keptAsStored("s")))
			.query((rs, n) -> new StoredPeople(rs.getInt(1), rs.getInt(2)))
			.single();
	}

	/**
	 * People's own organizations follow their latest activities, which the sheet may have added or moved, or whose
	 * organizations it changed ({@code reassigned}, the people of those).
	 */
	private void followOwnOrganizations(PartnerSheet partner, List<Long> reassigned) {
		if (!reassigned.isEmpty()) {
			this.jdbc.sql("SELECT own_organizations_followed(CAST(:people AS bigint[]))")
				.param("people", reassigned.stream().distinct().toArray(Long[]::new))
				.query(Integer.class)
				.single();
		}
		// people a partner's sheet keeps as stored (of other organizations too, or whose organization an admin
		// corrected): their details are not the partner's to change, but their own organization is the rule's, that
		// of their latest activity, which the sheet may have added
		if (partner != null) {
			this.jdbc.sql("""
					SELECT own_organizations_followed(array(
					    SELECT s.stored_id FROM import_person s
					    WHERE s.stored_id IS NOT NULL AND s.organization_code IS NOT NULL AND %s))"""
				.formatted(PartnerSheet.keptAsStored("s", "organization")))
				.query(Integer.class)
				.single();
		}
		// an activity the sheet moved may have become, or stopped being, someone's latest: their own organization
		// follows it, also for people at it the sheet does not name
		this.jdbc.sql("""
				SELECT own_organizations_followed(array(
				    SELECT DISTINCT pn.participant_id
				    FROM import_activity s JOIN participation pn ON pn.activity_id = s.stored_id
				    WHERE s.start_date <> s.stored_start_date))""").query(Integer.class).single();
	}

}
