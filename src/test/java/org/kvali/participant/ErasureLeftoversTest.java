package org.kvali.participant;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kvali.Callers;
import org.kvali.IntegrationTest;
import org.kvali.access.Role;
import org.kvali.graphql.CodeRule;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What an erasure could miss, found by a review: someone removed at an activity deleted afterwards, someone a refused
 * sheet named in a message's text alone, and an erased person's new reference, which admins were shown beside a
 * refusal, linking it to the old one through the audit log.
 */
@IntegrationTest
class ErasureLeftoversTest {

	private static final String HEADER = "activity_code,activity_title,activity_kind,start_date,end_date,project_code,"
			+ "participant_ref,gender,birth_year\n";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Callers callers;

	@Autowired
	MockMvc mvc;

	@AfterEach
	void clean() {
		this.jdbc.update("DELETE FROM participation WHERE activity_id IN (SELECT id FROM activity"
				+ " WHERE code LIKE 'EL-%')");
		// an erased person of the test's organization is known by it alone
		this.jdbc.update("DELETE FROM participant WHERE ref LIKE 'EL-%' OR organization_id IN (SELECT id FROM"
				+ " organization WHERE code = 'EL-ORG')");
		this.jdbc.update("DELETE FROM activity WHERE code LIKE 'EL-%'");
		this.jdbc.update("DELETE FROM organization WHERE code = 'EL-ORG'");
		this.jdbc.update("DELETE FROM deleted_activity WHERE code_key LIKE 'el-%'");
		this.callers.deleteKeys();
		this.jdbc.update("DELETE FROM attendance_import");
		for (var table : List.of("erased_reference WHERE digest", "deleted_person WHERE ref_digest")) {
			this.jdbc.update("DELETE FROM " + table + " IN (sha256(convert_to('el-8', 'UTF8')),"
					+ " sha256(convert_to('el-9', 'UTF8')), sha256(convert_to('el-e1', 'UTF8')))");
		}
	}

	/**
	 * Someone recorded nowhere else is removed at an activity, which is then deleted: the removal, all that named
	 * them, went with it, and their erasure was refused as of no one while the sheet's report kept their reference
	 * and age.
	 */
	@Test
	void someoneRemovedAtAnActivityDeletedSinceCanStillBeErased() throws Exception {
		var key = this.callers.secret(Role.PARTNER, "CIF");
		var partner = this.graphQl.mutate().header("Authorization", "Bearer " + key).build();
		this.mvc.perform(post("/imports/attendance").header("Authorization", "Bearer " + key).contentType("text/csv")
			.content(HEADER + "EL-TYPO,Camp,training,2024-07-01,2024-07-01,CSO-CAPACITY,EL-8,female,2017\n"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings[0].column").value("birth_year"))
			.andExpect(jsonPath("$.warnings[0].message").value(startsWith("Participant EL-8 would be 7 at activity "
					+ "EL-TYPO")));
		partner.document("mutation { removeParticipation(activity: \"EL-TYPO\", ref: \"EL-8\") { code } }").execute()
			.path("removeParticipation.code").entity(String.class).isEqualTo("EL-TYPO");
		partner.document("mutation { deleteActivity(code: \"EL-TYPO\") }").execute()
			.path("deleteActivity").entity(String.class).isEqualTo("EL-TYPO");
		var named = "SELECT count(*) FROM attendance_import"
				+ " WHERE CAST(report AS text) ~* '(?<![A-Za-z0-9._-])EL-8(?![A-Za-z0-9._-])'";
		assertThat(this.jdbc.queryForObject(named, Integer.class)).isEqualTo(1);
		this.graphQl.document("mutation { forgetParticipant(ref: \"el-8\") { participations } }").execute()
			.path("forgetParticipant.participations").entity(Integer.class).isEqualTo(0);
		assertThat(this.jdbc.queryForObject(named, Integer.class)).isZero();
		assertThat(this.jdbc.queryForObject("""
				SELECT count(*) FROM erased_reference WHERE digest = sha256(convert_to('el-8', 'UTF8'))
				  AND hosted_by = ARRAY[(SELECT id FROM organization WHERE code = 'CIF')]""", Integer.class))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM deleted_person"
				+ " WHERE ref_digest = sha256(convert_to('el-8', 'UTF8'))", Integer.class)).isZero();
	}

	/**
	 * Someone never stored, whom a refused sheet's report names in a message's text alone (under birth_year), is
	 * erased from it; an activity's code in the same message is still no one's reference.
	 */
	@Test
	void someoneARefusedSheetNamesInAMessageAloneIsErasedFromIt() throws Exception {
		this.mvc.perform(post("/imports/attendance").contentType("text/csv")
			.content(HEADER + "EL-OLD,Old,training,2023-03-01,2023-03-01,CSO-CAPACITY,EL-9,female,\n"
					+ "EL-NEW,New,training,2025-05-05,2025-05-05,CSO-CAPACITY,EL-9,female,2024\n"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].column").value("birth_year"))
			.andExpect(jsonPath("$.errors[0].message").value("Participant EL-9 was born, as another row or the stored"
					+ " data says, after activity EL-OLD starts (2023-03-01)"));
		var named = "SELECT count(*) FROM attendance_import"
				+ " WHERE CAST(report AS text) ~* '(?<![A-Za-z0-9._-])EL-9(?![A-Za-z0-9._-])'";
		assertThat(this.jdbc.queryForObject(named, Integer.class)).isEqualTo(1);
		this.graphQl.document("mutation { forgetParticipant(ref: \"EL-OLD\") { participations } }").execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.NOT_FOUND)
			.verify();
		this.graphQl.document("mutation { forgetParticipant(ref: \"EL-9\") { participations } }").execute()
			.path("forgetParticipant.participations").entity(Integer.class).isEqualTo(0);
		assertThat(this.jdbc.queryForObject(named, Integer.class)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM erased_reference"
				+ " WHERE digest = sha256(convert_to('el-9', 'UTF8'))", Integer.class)).isEqualTo(1);
	}

	/**
	 * What is no reference is refused before anything is looked at: an empty one named every report's every message,
	 * each rewritten with "(erased)" between its words (a tester's). One an erasure gave, or one erased already, is
	 * told so, and nothing is erased again.
	 */
	@Test
	void whatNamesNoOneToEraseIsRefusedAndChangesNothing() throws Exception {
		this.mvc.perform(post("/imports/attendance").contentType("text/csv")
			.content(HEADER + "EL-OLD,Old,training,2023-03-01,2023-03-01,CSO-CAPACITY,EL-9,female,\n"
					+ "EL-NEW,New,training,2025-05-05,2025-05-05,CSO-CAPACITY,EL-9,female,2024\n"))
			.andExpect(status().isUnprocessableContent());
		var reports = "SELECT string_agg(CAST(report AS text), ' ' ORDER BY id) FROM attendance_import";
		var before = this.jdbc.queryForObject(reports, String.class);
		assertThat(before).contains("EL-9");
		var erasures = "SELECT count(*) FROM audit_event WHERE action = 'forget participant'";
		int erased = this.jdbc.queryForObject(erasures, Integer.class);
		for (var ref : List.of("", "forgotten-0123456789abcdef01234567", "FORGOTTEN-x")) {
			this.graphQl.document("mutation($ref: ID!) { forgetParticipant(ref: $ref) { participations } }")
				.variable("ref", ref)
				.execute()
				.errors()
				.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST
						&& error.getMessage().equals(ref.isEmpty() ? "ref: " + CodeRule.CODE_RULE
								: "A reference beginning with forgotten- is one an erasure gave: that person is erased"
										+ " already"))
				.verify();
		}
		assertThat(this.jdbc.queryForObject(reports, String.class)).isEqualTo(before);
		assertThat(this.jdbc.queryForObject(erasures, Integer.class)).isEqualTo(erased);
		this.graphQl.document("mutation { forgetParticipant(ref: \"EL-9\") { participations } }").execute()
			.path("forgetParticipant.participations").entity(Integer.class).isEqualTo(0);
		var today = this.jdbc.queryForObject("SELECT CAST(current_date AS text)", String.class);
		this.graphQl.document("mutation { forgetParticipant(ref: \"el-9\") { participations } }").execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.NOT_FOUND && error.getMessage().equals("The person of"
					+ " the reference 'el-9' was erased on " + today + ": nothing of them is left to erase"))
			.verify();
		assertThat(this.jdbc.queryForObject(erasures, Integer.class)).isEqualTo(erased + 1);
	}

	/**
	 * An admin refused an earlier start of an activity, or an organization's deletion, is told the references of the
	 * people concerned, but not an erased person's new one: an admin reading it beside the audit log's entries of the
	 * old could link the two.
	 */
	@Test
	void anErasedPersonsNewReferenceIsCountedNotNamed() throws Exception {
		this.jdbc.update("""
				INSERT INTO activity (code, project_id, kind, title, start_date, end_date, organizer_id)
				SELECT 'EL-WS', p.id, 'WORKSHOP', 'Born late', DATE '2025-05-05', DATE '2025-05-05', o.id
				FROM project p, organization o WHERE p.code = 'CSO-CAPACITY' AND o.code = 'CIF'""");
		this.jdbc.update("""
				INSERT INTO organization (code, name, kind) VALUES ('EL-ORG', 'Leftovers', 'CSO')""");
		this.jdbc.update("""
				INSERT INTO participant (ref, gender, birth_year, organization_id)
				SELECT v.ref, 'FEMALE', 2024, o.id FROM (VALUES ('EL-E1'), ('EL-E2')) v (ref), organization o
				WHERE o.code = 'EL-ORG'""");
		this.jdbc.update("""
				INSERT INTO participation (activity_id, participant_id)
				SELECT a.id, p.id FROM activity a, participant p WHERE a.code = 'EL-WS' AND p.ref LIKE 'EL-E%'""");
		this.graphQl.document("mutation { forgetParticipant(ref: \"EL-E1\") { participations } }").execute()
			.path("forgetParticipant.participations").entity(Integer.class).isEqualTo(1);
		this.graphQl.document("mutation { updateActivity(code: \"EL-WS\", input: {startDate: \"2023-05-05\"})"
				+ " { code } }")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.startDate: It would start before 2 of the participants "
					+ "stored at it were born (EL-E2 among them)"))
			.verify();
		// an admin's sheet moving it, as the mutation would
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").contentType("text/csv")
			.content(HEADER + "EL-WS,Born late,workshop,2023-05-05,2023-05-05,CSO-CAPACITY,EL-X,female,1990\n"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].column").value("start_date"))
			.andExpect(jsonPath("$.errors[0].message").value("It would start before 2 of the participants stored at"
					+ " it were born (EL-E2 among them)"));
		this.graphQl.document("mutation { deleteOrganization(code: \"EL-ORG\") }")
			.execute()
			.errors()
			.expect(error -> error.getMessage()
				.startsWith("code: Organization EL-ORG still has 2 people of it (EL-E2)"))
			.verify();
	}

	/**
	 * Someone deleted with the activity they alone attended, and stored again since, is erased with what was kept of
	 * the deletion: it stayed, with the deleted activity's organizer. The organizers of the activities they were at,
	 * deleted with and removed from are told of the erasure: the ones kept first had been kept alone.
	 */
	@Test
	void anErasureOfSomeoneStoredAgainTakesWhatTheirDeletionKept() {
		this.jdbc.update("""
				INSERT INTO activity (code, project_id, kind, title, start_date, end_date, organizer_id)
				SELECT v.code, p.id, 'WORKSHOP', 'Again', DATE '2025-05-05', DATE '2025-05-05', o.id
				FROM (VALUES ('EL-A', 'CIF'), ('EL-B', 'SCCSF')) v (code, organizer), project p, organization o
				WHERE p.code = 'CSO-CAPACITY' AND o.code = v.organizer""");
		// of the test's organization, by which it is found once erased
		this.jdbc.update("INSERT INTO organization (code, name, kind) VALUES ('EL-ORG', 'Leftovers', 'CSO')");
		var person = """
				INSERT INTO participant (ref, gender, organization_id)
				SELECT 'EL-8', 'MALE', id FROM organization WHERE code = 'EL-ORG'""";
		this.jdbc.update(person);
		var attends = """
				INSERT INTO participation (activity_id, participant_id)
				SELECT a.id, p.id FROM activity a, participant p WHERE a.code = ? AND p.ref = 'EL-8'""";
		this.jdbc.update(attends, "EL-A");
		this.graphQl.document("mutation { deleteActivity(code: \"EL-A\", withParticipations: true) }").execute()
			.path("deleteActivity").entity(String.class).isEqualTo("EL-A");
		var deleted = "SELECT count(*) FROM deleted_person WHERE ref_digest = sha256(convert_to('el-8', 'UTF8'))";
		assertThat(this.jdbc.queryForObject(deleted, Integer.class)).isEqualTo(1);
		this.jdbc.update(person);
		this.jdbc.update(attends, "EL-B");
		// and removed at a third organization's activity, as recorded there by mistake
		this.jdbc.update("""
				INSERT INTO activity (code, project_id, kind, title, start_date, end_date, organizer_id)
				SELECT 'EL-C', p.id, 'WORKSHOP', 'Mistaken', DATE '2025-05-06', DATE '2025-05-06', o.id
				FROM project p, organization o WHERE p.code = 'CSO-CAPACITY' AND o.code = 'EL-ORG'""");
		this.jdbc.update(attends, "EL-C");
		this.graphQl.document("mutation { removeParticipation(activity: \"EL-C\", ref: \"EL-8\") { code } }").execute()
			.path("removeParticipation.code").entity(String.class).isEqualTo("EL-C");
		this.graphQl.document("mutation { forgetParticipant(ref: \"EL-8\") { participations } }").execute()
			.path("forgetParticipant.participations").entity(Integer.class).isEqualTo(1);
		assertThat(this.jdbc.queryForObject(deleted, Integer.class)).isZero();
		assertThat(this.jdbc.queryForObject("""
				SELECT count(*) FROM erased_reference WHERE digest = sha256(convert_to('el-8', 'UTF8'))
				  AND hosted_by = ARRAY(SELECT id FROM organization WHERE code IN ('CIF', 'SCCSF', 'EL-ORG')
				                        ORDER BY id)""",
				Integer.class)).isEqualTo(1);
	}

}
