package org.kvali.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.kvali.access.PartnerScope;
import org.kvali.time.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The checks that look across a sheet's rows and at the stored data, as SQL over the staging table and the stored
 * activities and people it was matched to ({@link StoredMatches}): codes that must exist, an activity or a person
 * described two ways, a person listed twice for one activity, what a new activity or organization lacks. Each query
 * finds the few rows at fault without bringing the sheet back into memory.
 */
@Repository
class StagingChecks {

	/** Fields every row of one activity must agree on, where given. */
	private static final List<String> ACTIVITY_FIELDS = List.of(Columns.PROJECT_CODE, Columns.ACTIVITY_TITLE,
			Columns.ACTIVITY_KIND, Columns.START_DATE, Columns.END_DATE, Columns.VENUE_MUNICIPALITY);

	/** Fields every row of one person must agree on, where given. */
	private static final List<String> PERSON_FIELDS = List.of(Columns.GENDER, Columns.BIRTH_YEAR, Columns.DISABILITY,
			Columns.HOME_MUNICIPALITY);

	private final JdbcClient jdbc;

	private final BirthYearChecks birthYears;

	private final ActivityDateChecks activityDates;

	private final OrganizationChecks organizations;

	private final PlausibilityChecks plausibility;

	private final ActivityChanges activityChanges;

	private final HomeChanges homeChanges;

	private final RoleChanges roleChanges;

	private final Today today;

	StagingChecks(JdbcClient jdbc, BirthYearChecks birthYears, ActivityDateChecks activityDates,
			OrganizationChecks organizations, PlausibilityChecks plausibility, ActivityChanges activityChanges,
			HomeChanges homeChanges, RoleChanges roleChanges, Today today) {
		this.jdbc = jdbc;
		this.activityChanges = activityChanges;
		this.homeChanges = homeChanges;
		this.roleChanges = roleChanges;
		this.activityDates = activityDates;
		this.birthYears = birthYears;
		this.organizations = organizations;
		this.plausibility = plausibility;
		this.today = today;
	}

	/** Rows naming a merged organization's code recorded under the one it was merged into, and a warning of each. */
	List<ImportMessage> mergedOrganizations(PartnerSheet partner) {
		return this.organizations.merged(partner);
	}

	/**
	 * Remarks that do not refuse the sheet: on organizations ({@link OrganizationChecks#warnings}), and for a sheet
	 * without errors, on dates and ages that are possible but unlikely ({@link PlausibilityChecks}; a refused row of
	 * another organization's activity would otherwise tell a partner its dates) and on what it changes of stored
	 * activities ({@link ActivityChanges}), of stored people's homes ({@link HomeChanges}) and of roles at stored
	 * participations ({@link RoleChanges}).
	 */
	List<ImportMessage> warnings(PartnerSheet partner, boolean refused, WrittenValues written) {
		var warnings = new ArrayList<>(this.organizations.warnings(partner));
		if (!refused) {
			warnings.addAll(this.plausibility.warnings(partner, this.today.date()));
			warnings.addAll(this.activityChanges.warnings(partner, written));
			warnings.addAll(this.homeChanges.warnings(partner, written));
			warnings.addAll(this.roleChanges.warnings(written));
		}
		return warnings;
	}

	/**
	 * Every error the staged rows show across rows or against stored data; empty when there is none. Rows of a
	 * partner's sheet ({@code partner} not null) may name only its own projects, activities and people. Values are
	 * repeated as the sheet writes them.
	 */
	List<ImportMessage> check(PartnerSheet partner, WrittenValues written) {
		var errors = new ArrayList<ImportMessage>();
		unknownProjects(errors);
		if (partner != null) {
			foreignProjects(partner, errors);
			foreignActivities(partner, errors);
			othersPeople(partner, errors);
		}
		// where othersPeople's refusals come, so that a partner's answer is as it was before an erasure
		erased(errors, partner);
		activitiesOfOtherProjects(errors, partner);
		disagreements(errors, written);
		newActivitiesLacking(errors);
		this.activityDates.check(errors, partner);
		this.birthYears.check(errors, partner);
		listedTwice(errors);
		genderChanges(errors, partner, written);
		this.organizations.check(errors, partner != null, written);
		codesInAnotherCase(errors);
		return errors;
	}

	private void unknownProjects(List<ImportMessage> errors) {
		this.jdbc.sql("""
				SELECT row_no, project_code, (SELECT p.code FROM project p WHERE lower(p.code) = lower(r.project_code))
				FROM import_row r
				WHERE project_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM project p WHERE p.code = r.project_code)""")
			.query((ResultSet rs) -> {
				var stored = rs.getString(3);
				errors.add(new ImportMessage(rs.getInt(1), Columns.PROJECT_CODE, rs.getString(2), "No project has this code"
						+ (stored == null ? "" : "; write it as stored: " + stored)));
			});
	}

	private void foreignProjects(PartnerSheet partner, List<ImportMessage> errors) {
		this.jdbc.sql("""
				SELECT r.row_no, r.project_code FROM import_row r JOIN project p ON p.code = r.project_code
				WHERE p.id <> ALL(:allowed)""")
			.param("allowed", partner.projectIds())
			.query((ResultSet rs) -> {
				errors.add(new ImportMessage(rs.getInt(1), Columns.PROJECT_CODE, rs.getString(2),
						"Project " + rs.getString(2) + " is not one of your organizations' projects"));
			});
	}

	/** A partner loads only into new activities or those its organizations run. */
	private void foreignActivities(PartnerSheet partner, List<ImportMessage> errors) {
		this.jdbc.sql("""
				SELECT r.row_no, r.activity_code FROM import_row r JOIN import_activity a USING (activity_code)
				WHERE a.stored_id IS NOT NULL
				  AND (a.stored_organizer_id IS NULL OR a.stored_organizer_id <> ALL(:organizations))""")
			.param("organizations", partner.organizationIds())
			.query((ResultSet rs) -> {
				errors.add(new ImportMessage(rs.getInt(1), Columns.ACTIVITY_CODE, rs.getString(2), "Activity "
						+ rs.getString(2) + " is not run by your organization; ask an admin to add these participants"));
			});
	}

	/**
	 * A partner adds only people new to Kvali, or its own participants: people who took part in an activity its
	 * organizations run, and in its own projects alone. Adding anyone else would show that person's details, as
	 * another organization recorded them, in the partner's full aggregates of its own activities. A row already
	 * stored is no addition: the partner's sheet sent again passes, though another partner has since named one of its
	 * people in a project it has no part in. Rows of another's activity, refused as such, are not asked about: whether
	 * the row was stored told whether the person had taken part in it.
	 */
	private static final String OTHERS_PEOPLE = """
			SELECT r.row_no, r.participant_ref, p.stored_id, %1$s AS elsewhere
			FROM import_row r JOIN import_person p USING (participant_ref) JOIN import_activity a USING (activity_code)
			WHERE p.stored_id IS NOT NULL AND (%1$s OR %2$s) AND %3$s
			  AND NOT EXISTS (SELECT 1 FROM participation x WHERE x.participant_id = p.stored_id
			                  AND x.activity_id = a.stored_id)""".formatted(PartnerSheet.inOtherProjects("p.stored_id"),
			PartnerSheet.notOwnParticipant("p.stored_id"), PartnerSheet.toldOf("a"));

	private void othersPeople(PartnerSheet partner, List<ImportMessage> errors) {
		this.jdbc.sql(OTHERS_PEOPLE)
			.param("allowed", partner.projectIds())
			.param("organizations", partner.organizationIds())
			.query((ResultSet rs) -> {
				errors.add(othersPerson(rs.getInt(1), rs.getString(2), rs.getBoolean(4)));
			});
	}

	/** The refusal of a row naming a person of other organizations, who also took part {@code elsewhere} or not. */
	private static ImportMessage othersPerson(int row, String ref, boolean elsewhere) {
		return new ImportMessage(row, Columns.PARTICIPANT_REF, ref, "Participant " + ref + (elsewhere
				? " also took part in projects your organizations have no part in"
				: " took part in no activity your organizations run") + "; ask an admin to add them");
	}

	/**
	 * A warning for each stored person of a partner's sheet whose details it keeps as stored ({@link
	 * PartnerScope#keptAsStored}) and does not refuse ({@link #othersPeople}): their details in the sheet are neither
	 * compared nor stored. Only of people the sheet names at a new activity or one the partner runs, as the refusal.
	 */
	List<ImportMessage> keptAsStored(PartnerSheet partner) {
		// each reason asked once per person, not again for keptAsStored
		return this.jdbc.sql("""
				SELECT first_row, participant_ref, elsewhere FROM (
				    SELECT p.first_row, p.participant_ref, p.stored_id, %s AS elsewhere, %s AS corrected
				    FROM import_person p WHERE p.stored_id IS NOT NULL
				      AND EXISTS (SELECT 1 FROM import_row r JOIN import_activity a USING (activity_code)
				                  WHERE r.participant_ref = p.participant_ref AND %s)) k
				WHERE (elsewhere OR corrected) AND stored_id NOT IN (SELECT stored_id FROM (%s) refused)
				ORDER BY first_row""".formatted(PartnerScope.hostedElsewhere("p.stored_id"),
				PartnerScope.correctedByAdmin("p.stored_id"), PartnerSheet.toldOf("a"), OTHERS_PEOPLE))
			.param("allowed", partner.projectIds())
			.param("organizations", partner.organizationIds())
			.query((rs, row) -> new ImportMessage(rs.getInt(1), Columns.PARTICIPANT_REF, rs.getString(2), "Participant "
					+ rs.getString(2) + (rs.getBoolean(3) ? " also took part in other organizations' activities"
							: " was corrected by an admin")
					+ ": their gender, birth year, disability and home municipality stay as stored, neither compared "
					+ "with this sheet's nor changed by them; their own organization is that of their latest activity"))
			.list();
	}

	/**
	 * Rows naming an activity of another project than theirs. To a partner only of the activities it runs: it is told
	 * of no other's project ({@link #foreignActivities} refuses those rows), as {@code activity(code)} tells nothing.
	 */
	private void activitiesOfOtherProjects(List<ImportMessage> errors, PartnerSheet partner) {
		this.jdbc.sql("""
				SELECT r.row_no, r.project_code, r.activity_code, p.code FROM import_row r
				JOIN import_activity a USING (activity_code) JOIN project p ON p.id = a.stored_project_id
				WHERE r.project_code <> p.code AND %s""".formatted(PartnerSheet.toldOf("a")))
			.param("organizations", partner == null ? null : partner.organizationIds())
			.query((ResultSet rs) -> {
				errors.add(new ImportMessage(rs.getInt(1), Columns.PROJECT_CODE, rs.getString(2),
						"Activity " + rs.getString(3) + " belongs to project " + rs.getString(4) + ": write that; if it"
								+ " is wrong, the activity is moved first (updateActivity with project)"));
			});
	}

	/**
	 * Rows of one activity or of one person that give different values for a field. The groups that disagree were
	 * found by comparing each field's least and greatest value as the sheet was matched; only their rows are read,
	 * one group at a time.
	 */
	private void disagreements(List<ImportMessage> errors, WrittenValues written) {
		var activities = new Disagreements(ACTIVITY_FIELDS, errors, written, (row, column, value, first) -> List.of(
				new ImportMessage(row.number(), column, value, "Row " + first.number() + " gives " + first.value()
						+ " for activity " + row.key() + "; all its rows must agree")));
		this.jdbc.sql("""
				SELECT r.activity_code AS key, r.row_no, r.project_code, r.activity_title, r.activity_kind,
				       r.start_date, r.end_date, r.venue_municipality
				FROM import_row r JOIN import_activity a USING (activity_code) WHERE a.disagrees
				ORDER BY r.activity_code, r.row_no""").query(activities::row);
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

	private void newActivitiesLacking(List<ImportMessage> errors) {
		// what the activity's rows give was gathered as the sheet was matched; reading the rows again took 82 to 89 ms
		// of a load of 200,000
		this.jdbc.sql("""
				SELECT a.first_row, a.titled, a.kinded, a.started, a.ended FROM import_activity a
				WHERE a.stored_id IS NULL AND NOT (a.titled AND a.kinded AND a.started AND a.ended)
				  -- one stored in another case is not new: codesInAnotherCase says so
				  AND NOT EXISTS (SELECT 1 FROM activity x WHERE lower(x.code) = lower(a.activity_code))""")
			.query((ResultSet rs) -> {
				var columns = List.of(Columns.ACTIVITY_TITLE, Columns.ACTIVITY_KIND, Columns.START_DATE,
						Columns.END_DATE);
				for (int i = 0; i < columns.size(); i++) {
					if (!rs.getBoolean(i + 2)) {
						errors.add(new ImportMessage(rs.getInt(1), columns.get(i), null, "Required for a new activity"));
					}
				}
			});
	}

	/**
	 * A new person whose reference is that of a person erased at their request: an old sheet sent again would bring
	 * them back as a new record. Told once, at the person's first row, to an admin and to a partner whose
	 * organizations ran an activity of theirs; another partner is refused in the words, and at the rows, it was before
	 * the erasure, for a person of other organizations ({@link #othersPeople}), and learns nothing of it. Nothing is
	 * computed while none was erased.
	 */
	private void erased(List<ImportMessage> errors, PartnerSheet partner) {
		this.jdbc.sql("""
				WITH erased AS (
				    SELECT p.first_row, p.participant_ref,
				           CAST(:organizations AS bigint[]) IS NULL OR e.hosted_by && CAST(:organizations AS bigint[]) AS told,
				           NOT e.projects <@ CAST(:allowed AS bigint[]) AS elsewhere
				    FROM import_person p
				    JOIN erased_reference e ON e.digest = sha256(convert_to(lower(p.participant_ref), 'UTF8'))
				    WHERE p.stored_id IS NULL AND EXISTS (SELECT 1 FROM erased_reference))
				SELECT first_row, participant_ref, true, elsewhere FROM erased WHERE told
				UNION ALL
				-- as othersPeople refuses a stored person: each row
				SELECT r.row_no, r.participant_ref, false, x.elsewhere FROM erased x JOIN import_row r USING (participant_ref)
				WHERE NOT x.told
				ORDER BY 1""")
			.param("organizations", partner == null ? null : partner.organizationIds())
			.param("allowed", partner == null ? new Long[0] : partner.projectIds())
			.query((ResultSet rs) -> {
				// to a partner that had no part, the words of othersPeople, as before the erasure
				errors.add(rs.getBoolean(3) ? new ImportMessage(rs.getInt(1), Columns.PARTICIPANT_REF, rs.getString(2),
						"The person of this reference was erased at their request, and a sheet does not bring them back:"
								+ " remove their rows, or, if they took part again and agreed to be recorded, give them a"
								+ " new reference")
						: othersPerson(rs.getInt(1), rs.getString(2), rs.getBoolean(4)));
			});
	}

	/**
	 * Rows naming a person an activity has in an earlier row. Only a person in more than one row can be; a sheet
	 * without such a person, as one of a single activity is, is not grouped again (122 to 133 ms of a load of 200,000
	 * people, each in one row). Most sheets of several activities name someone twice, and are grouped as before.
	 */
	private void listedTwice(List<ImportMessage> errors) {
		this.jdbc.sql("""
				SELECT r.row_no, r.participant_ref, r.activity_code, d.first_row
				FROM import_row r JOIN (
				    SELECT activity_code, participant_ref, min(row_no) AS first_row FROM import_row
				    WHERE activity_code IS NOT NULL AND participant_ref IS NOT NULL
				    GROUP BY activity_code, participant_ref HAVING count(*) > 1
				) d USING (activity_code, participant_ref)
				WHERE r.row_no <> d.first_row AND EXISTS (SELECT 1 FROM import_person WHERE repeated)""")
			.query((ResultSet rs) -> {
				errors.add(new ImportMessage(rs.getInt(1), Columns.PARTICIPANT_REF, rs.getString(2),
						"Participant " + rs.getString(2) + " is already listed for activity " + rs.getString(3)
								+ " in row " + rs.getInt(4)));
			});
	}

	/**
	 * Rows giving a stored participant another gender. A partner is not told the stored gender, and is told nothing
	 * of a person it may not name ({@link #othersPeople} refuses those rows): trying each gender in turn would
	 * otherwise tell it anyone's.
	 */
	private void genderChanges(List<ImportMessage> errors, PartnerSheet partner, WrittenValues written) {
		this.jdbc.sql("""
				SELECT r.row_no, lower(r.gender), r.participant_ref, lower(p.stored_gender) FROM import_row r
				JOIN import_person p USING (participant_ref) WHERE p.stored_id IS NOT NULL AND r.gender <> p.stored_gender
				  AND NOT %s""".formatted(PartnerScope.keptAsStored("p.stored_id")))
			.param("organizations", partner == null ? null : partner.organizationIds())
			.query((ResultSet rs) -> {
				var gender = written.shown(Columns.GENDER, rs.getString(2));
				errors.add(new ImportMessage(rs.getInt(1), Columns.GENDER, gender, "Participant "
						+ rs.getString(3) + " is stored " + (partner == null ? "as " + rs.getString(4) : "with another gender")
						+ "; gender is not corrected by a sheet" + (partner == null ? " (correctParticipant corrects it)"
								: ": ask an admin to correct it")));
			});
	}

	/**
	 * New activities and organizations whose code differs only in case from a stored one, or from another new one of
	 * the sheet: codes are unique ignoring case (changeset 032), as they name one thing however they are written.
	 */
	private void codesInAnotherCase(List<ImportMessage> errors) {
		this.jdbc.sql("""
				SELECT a.first_row, a.activity_code, coalesce(x.code, a.first_code),
				       CASE WHEN x.id IS NULL
				            THEN (SELECT f.first_row FROM import_activity f WHERE f.activity_code = a.first_code) END
				FROM (SELECT activity_code, first_row, stored_id,
				             min(activity_code COLLATE "C") OVER (PARTITION BY lower(activity_code)) COLLATE "default" AS first_code
				      FROM import_activity) a
				LEFT JOIN activity x ON lower(x.code) = lower(a.activity_code)
				WHERE a.stored_id IS NULL AND (x.id IS NOT NULL OR a.first_code <> a.activity_code)
				ORDER BY a.first_row""")
			.query((ResultSet rs) -> {
				errors.add(inAnotherCase(rs, Columns.ACTIVITY_CODE, "Activity "));
			});
		this.jdbc.sql("""
				WITH g AS (SELECT organization_code AS code, min(row_no) AS first_row FROM import_row
				           WHERE organization_code IS NOT NULL GROUP BY organization_code)
				SELECT c.first_row, c.code, coalesce(x.code, c.first_code),
				       CASE WHEN x.id IS NULL THEN (SELECT f.first_row FROM g f WHERE f.code = c.first_code) END
				FROM (SELECT code, first_row, min(code COLLATE "C") OVER (PARTITION BY lower(code)) COLLATE "default" AS first_code
				      FROM g) c
				LEFT JOIN organization x ON lower(x.code) = lower(c.code)
				WHERE NOT EXISTS (SELECT 1 FROM organization e WHERE e.code = c.code)
				  AND (x.id IS NOT NULL OR c.first_code <> c.code)
				ORDER BY c.first_row""")
			.query((ResultSet rs) -> {
				errors.add(inAnotherCase(rs, Columns.ORGANIZATION_CODE, "Organization "));
			});
		// A person is matched in any case; only a new one's spelling is compared with the sheet's other new ones, and
		// only when the new ones are written in both cases: the statement took 0.22 s of a 7 s load into 10 million
		// grouping every new person by reference; for 200,000 people written in one case, 79 to 81 ms in psql
		// instead of 141 to 151 ms.
		this.jdbc.sql("""
				SELECT first_row, participant_ref, stored_ref, NULL FROM import_person
				WHERE stored_ref <> participant_ref
				UNION ALL
				SELECT p.first_row, p.participant_ref, c.first_ref,
				       (SELECT f.first_row FROM import_person f WHERE f.participant_ref = c.first_ref)
				FROM (SELECT lower(participant_ref) AS ref, min(participant_ref COLLATE "C") COLLATE "default" AS first_ref
				      FROM import_person WHERE stored_id IS NULL GROUP BY lower(participant_ref) HAVING count(*) > 1) c
				JOIN import_person p ON lower(p.participant_ref) = c.ref AND p.participant_ref <> c.first_ref
				WHERE EXISTS (SELECT 1 FROM import_person WHERE stored_id IS NULL AND participant_ref <> upper(participant_ref))
				  AND EXISTS (SELECT 1 FROM import_person WHERE stored_id IS NULL AND participant_ref <> lower(participant_ref))
				ORDER BY 1""")
			.query((ResultSet rs) -> {
				errors.add(inAnotherCase(rs, Columns.PARTICIPANT_REF, "Participant "));
			});
	}

	/**
	 * A code or reference written as another stored, or as another of the sheet's new ones, which its row names (the
	 * message had read as if that were stored).
	 */
	private static ImportMessage inAnotherCase(ResultSet rs, String column, String what) throws SQLException {
		var other = rs.getString(3) + (rs.getObject(4) == null ? "" : " of row " + rs.getInt(4));
		return new ImportMessage(rs.getInt(1), column, rs.getString(2), what + rs.getString(2) + " is " + other
				+ " written in another case; write it as " + rs.getString(3));
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
