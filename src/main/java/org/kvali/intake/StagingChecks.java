package org.kvali.intake;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.kvali.graphql.Validation;
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

	private final JdbcClient jdbc;

	private final BirthYearChecks birthYears;

	private final ActivityDateChecks activityDates;

	private final OrganizationChecks organizations;

	private final OrganizationWarnings organizationWarnings;

	private final PlausibilityChecks plausibility;

	private final ActivityChanges activityChanges;

	private final DetailChanges detailChanges;

	private final ParticipationChanges participationChanges;

	private final RemovedParticipations removedParticipations;

	private final Today today;

	private final PartnerSheetChecks partnerSheets;

	private final SheetDisagreements disagreements;

	private final CodeCaseChecks codeCases;

	private final OrganizerChecks organizers;

	StagingChecks(JdbcClient jdbc, BirthYearChecks birthYears, ActivityDateChecks activityDates,
			OrganizationChecks organizations, PlausibilityChecks plausibility, ActivityChanges activityChanges,
			DetailChanges detailChanges, ParticipationChanges participationChanges,
			RemovedParticipations removedParticipations, Today today, PartnerSheetChecks partnerSheets,
			SheetDisagreements disagreements, CodeCaseChecks codeCases, OrganizerChecks organizers,
			OrganizationWarnings organizationWarnings) {
		this.organizationWarnings = organizationWarnings;
		this.detailChanges = detailChanges;
		this.removedParticipations = removedParticipations;
		this.jdbc = jdbc;
		this.activityChanges = activityChanges;
		this.participationChanges = participationChanges;
		this.activityDates = activityDates;
		this.birthYears = birthYears;
		this.organizations = organizations;
		this.plausibility = plausibility;
		this.today = today;
		this.partnerSheets = partnerSheets;
		this.disagreements = disagreements;
		this.codeCases = codeCases;
		this.organizers = organizers;
	}

	/** Warnings of stored people a partner's sheet names whose details stay as stored ({@link PartnerSheetChecks}). */
	List<ImportMessage> keptAsStored(PartnerSheet partner) {
		return this.partnerSheets.keptAsStored(partner);
	}

	/** Warnings of stored activities an admin corrected whose fields a partner's sheet leaves as they are. */
	List<ImportMessage> keptAsCorrected(PartnerSheet partner, WrittenValues written) {
		return this.activityChanges.keptAsCorrected(partner, written);
	}

	/** The references the sheet names of people erased at their request (none while none was erased). */
	List<String> erasedNamed() {
		return this.jdbc.sql("""
				SELECT p.participant_ref FROM import_person p
				JOIN erased_reference e ON e.digest = sha256(convert_to(lower(p.participant_ref), 'UTF8'))
				WHERE p.stored_id IS NULL AND EXISTS (SELECT 1 FROM erased_reference)""")
			.query(String.class)
			.list();
	}

	/** Rows naming a merged organization's code recorded under the one it was merged into, and a warning of each. */
	List<ImportMessage> mergedOrganizations(PartnerSheet partner) {
		return this.organizations.merged(partner);
	}

	/**
	 * Remarks that do not refuse the sheet: on organizations ({@link OrganizationWarnings}), and for a sheet
	 * without errors, on dates and ages that are possible but unlikely ({@link PlausibilityChecks}; a refused row of
	 * another organization's activity would otherwise tell a partner its dates), on what it changes of stored
	 * activities ({@link ActivityChanges}), on an admin's new activities that name no organizer ({@link
	 * OrganizerChecks#unrun}), of stored people's homes, birth years and disability ({@link
	 * DetailChanges}), of roles and organizations at stored participations ({@link ParticipationChanges}), on
	 * participations removed before and on people stored at its activities it leaves out and activities deleted before
	 * ({@link RemovedParticipations}).
	 */
	List<ImportMessage> warnings(PartnerSheet partner, boolean refused, WrittenValues written) {
		var warnings = new ArrayList<>(this.organizationWarnings.warnings(partner, written));
		if (!refused) {
			warnings.addAll(this.plausibility.warnings(partner, this.today.date(), written));
			warnings.addAll(this.activityChanges.warnings(partner, written));
			warnings.addAll(this.organizers.kept(partner));
			if (partner == null) {
				warnings.addAll(this.organizers.unrun());
			}
			warnings.addAll(this.detailChanges.warnings(written));
			warnings.addAll(this.participationChanges.warnings(partner, written));
			warnings.addAll(this.removedParticipations.deletedActivities(partner));
			warnings.addAll(this.removedParticipations.warnings());
			warnings.addAll(this.removedParticipations.leftOut());
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
			this.partnerSheets.check(partner, errors);
			this.organizers.chosen(partner, errors);
		}
		this.organizers.named(partner, errors);
		// where othersPeople's refusals come, so that a partner's answer is as it was before an erasure
		erased(errors, partner);
		activitiesOfOtherProjects(errors, partner);
		this.disagreements.check(errors, written);
		newActivitiesLacking(errors);
		this.activityDates.check(errors, partner, written);
		this.birthYears.check(errors, partner, written);
		listedTwice(errors);
		genderChanges(errors, written);
		this.organizations.check(errors, partner != null, written);
		this.codeCases.check(errors, partner);
		return errors;
	}

	/** Each code of no project, once at its first row: a sheet of one project gave the same error on every row. */
	private void unknownProjects(List<ImportMessage> errors) {
		this.jdbc.sql("""
				SELECT min(row_no), project_code,
				       (SELECT p.code FROM project p WHERE lower(p.code) = lower(r.project_code)), count(*)
				FROM import_row r
				WHERE project_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM project p WHERE p.code = r.project_code)
				GROUP BY project_code
				ORDER BY 1""")
			.query((ResultSet rs) -> {
				var stored = rs.getString(3);
				errors.add(new ImportMessage(rs.getInt(1), Columns.PROJECT_CODE, rs.getString(2), "No project has this code"
						+ (stored == null ? "" : Validation.meant("project", rs.getString(2), stored))
						+ ImportMessage.inRows(rs.getInt(4))));
			});
	}

	/**
	 * Activities named with another project than theirs, each once at its first row; not one written in another
	 * case, which {@link #unknownProjects} tells how to write (it was also told to move the activity to where it
	 * was). To a partner only of the activities it runs: it is told of no other's project ({@link
	 * PartnerSheetChecks#foreignActivities} refuses those rows), as {@code activity(code)} tells nothing.
	 */
	private void activitiesOfOtherProjects(List<ImportMessage> errors, PartnerSheet partner) {
		this.jdbc.sql("""
				SELECT min(r.row_no), r.project_code, r.activity_code, p.code, count(*) FROM import_row r
				JOIN import_activity a USING (activity_code) JOIN project p ON p.id = a.stored_project_id
				WHERE lower(r.project_code) <> lower(p.code) AND %s
				GROUP BY r.project_code, r.activity_code, p.code
				ORDER BY 1""".formatted(PartnerSheet.toldOf("a")))
			.param("organizations", PartnerSheet.organizationIds(partner))
			.query((ResultSet rs) -> {
				errors.add(new ImportMessage(rs.getInt(1), Columns.PROJECT_CODE, rs.getString(2),
						"Activity " + rs.getString(3) + " belongs to project " + rs.getString(4) + ": write that; if it"
								+ " is wrong, the activity is moved first (updateActivity with project)"
								+ ImportMessage.inRows(rs.getInt(5))));
			});
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
	 * the erasure, for a person of other organizations ({@link PartnerSheetChecks#othersPeople}), and learns nothing
	 * of it: not at rows of an activity another organization runs, which are refused for that alone (told of the
	 * person there, a partner learnt of another's person's erasure: a review's). Nothing is computed while none was
	 * erased.
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
				-- as othersPeople refuses a stored person: each row of an activity the partner is told of
				SELECT r.row_no, r.participant_ref, false, x.elsewhere FROM erased x JOIN import_row r USING (participant_ref)
				JOIN import_activity a USING (activity_code)
				WHERE NOT x.told AND %s
				ORDER BY 1""".formatted(PartnerSheet.toldOf("a")))
			.param("organizations", PartnerSheet.organizationIds(partner))
			.param("allowed", partner == null ? new Long[0] : partner.projectIds())
			.query((ResultSet rs) -> {
				// to a partner that had no part, the words of othersPeople, as before the erasure
				errors.add(rs.getBoolean(3) ? new ImportMessage(rs.getInt(1), Columns.PARTICIPANT_REF, rs.getString(2),
						"The person of this reference was erased at their request, and a sheet does not bring them back:"
								+ " remove their rows, or, if they took part again and agreed to be recorded, give them a"
								+ " new reference")
						: PartnerSheetChecks.othersPerson(rs.getInt(1), rs.getString(2), rs.getBoolean(4)));
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
								+ " in row " + rs.getInt(4) + "; a person is listed once an activity, also one of"
								+ " several days"));
			});
	}

	/**
	 * Rows giving a stored participant another gender, told the stored one. A partner's sheet keeps the gender of a
	 * person other organizations recorded too, or an admin corrected, as stored, and is told nothing of a person it
	 * may not name ({@link PartnerSheetChecks#othersPeople} refuses those rows): trying each gender in turn would
	 * otherwise tell it anyone's. The others are its own participants, whose gender it reads ({@code attendance}) and
	 * corrects: told only "another gender", it could not tell what to write after its own correction (a tester's).
	 */
	private void genderChanges(List<ImportMessage> errors, WrittenValues written) {
		this.jdbc.sql("""
				SELECT r.row_no, lower(r.gender), r.participant_ref, lower(p.stored_gender) FROM import_row r
				JOIN import_person p USING (participant_ref) WHERE p.stored_id IS NOT NULL AND r.gender <> p.stored_gender
				  AND NOT %s""".formatted(PartnerSheet.keptAsStored("p", "gender")))
			.query((ResultSet rs) -> {
				var gender = written.shown(Columns.GENDER, rs.getString(2));
				errors.add(new ImportMessage(rs.getInt(1), Columns.GENDER, gender, "Participant "
						+ rs.getString(3) + " is stored as " + rs.getString(4) + "; gender is not corrected by a sheet"
						+ " (correctParticipant corrects it)"));
			});
	}

}
