package org.kvali.participant;

import java.time.Instant;
import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kvali.Callers;
import org.kvali.IntegrationTest;
import org.kvali.TestClock;
import org.kvali.access.Role;
import org.kvali.graphql.CodeRule;
import org.kvali.time.Today;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a sheet cannot undo: an admin corrects a person's gender and details, and removes a participation recorded by
 * mistake; a partner removes one at an activity its organization runs. Reports follow at once. A workshop of CIF's
 * (CR-WS, 2025-05-05) with two people, and one of SCCSF's (CR-SJ) with the first of them.
 */
@IntegrationTest
class CorrectionsTest {

	private static final String BY_GENDER = """
			{ participation(filter: {activities: ["CR-WS"]}) { totals { participants }
			  breakdown(by: [GENDER]) { gender participants } } }""";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Callers callers;

	@Autowired
	MockMvc mvc;

	@Autowired
	Today today;

	@Autowired
	TestClock clock;

	@BeforeEach
	void workshops() {
		this.jdbc.update("""
				INSERT INTO activity (code, project_id, kind, title, start_date, end_date, organizer_id)
				SELECT v.code, p.id, 'WORKSHOP', 'Corrections', DATE '2025-05-05', DATE '2025-05-05', o.id
				FROM (VALUES ('CR-WS', 'CIF'), ('CR-SJ', 'SCCSF')) v (code, organizer), project p, organization o
				WHERE p.code = 'CSO-CAPACITY' AND o.code = v.organizer""");
		this.jdbc.update("""
				INSERT INTO participant (ref, gender, birth_year) VALUES ('CR-1', 'FEMALE', 1990), ('CR-2', 'MALE', 1985)""");
		this.jdbc.update("""
				INSERT INTO participation (activity_id, participant_id)
				SELECT a.id, p.id FROM activity a, participant p
				WHERE a.code = 'CR-WS' AND p.ref IN ('CR-1', 'CR-2') OR a.code = 'CR-SJ' AND p.ref = 'CR-1'""");
	}

	@AfterEach
	void clean() {
		this.jdbc.update("DELETE FROM participation WHERE activity_id IN (SELECT id FROM activity WHERE code LIKE 'CR-%')");
		this.jdbc.update("DELETE FROM participant WHERE ref LIKE 'CR-%'");
		this.jdbc.update("DELETE FROM activity WHERE code LIKE 'CR-%'");
		this.jdbc.update("DELETE FROM project WHERE code = 'CR-PRJ'");
		this.callers.deleteKeys();
		this.jdbc.update("DELETE FROM attendance_import");
		this.jdbc.update("DELETE FROM erased_reference WHERE digest IN (sha256(convert_to('cr-1', 'UTF8')),"
				+ " sha256(convert_to('cr-2', 'UTF8')), sha256(convert_to('cr-7', 'UTF8')))");
		this.jdbc.update("DELETE FROM deleted_activity WHERE code_key LIKE 'cr-%'");
		this.jdbc.update("DELETE FROM deleted_person WHERE ref_digest = sha256(convert_to('cr-7', 'UTF8'))");
	}

	@Test
	void anAdminCorrectsAPersonsGenderAndDetailsAndReportsFollow() {
		this.graphQl.document(BY_GENDER).execute()
			.path("participation.breakdown[*].gender").entityList(String.class).containsExactly("FEMALE", "MALE");
		// language=GraphQL
		this.graphQl.document("""
				mutation { correctParticipant(ref: "cr-1", input: {gender: MALE, birthYear: 1991,
				    homeMunicipality: "GE-KK-RUSTAVI", organization: "CIF"}) {
				  ref gender birthYear disability homeMunicipality organization participations } }""")
			.execute()
			.path("correctParticipant.ref").entity(String.class).isEqualTo("CR-1")
			.path("correctParticipant.gender").entity(String.class).isEqualTo("MALE")
			.path("correctParticipant.birthYear").entity(Integer.class).isEqualTo(1991)
			.path("correctParticipant.disability").valueIsNull()
			.path("correctParticipant.homeMunicipality").entity(String.class).isEqualTo("GE-KK-RUSTAVI")
			.path("correctParticipant.organization").entity(String.class).isEqualTo("CIF")
			.path("correctParticipant.participations").entity(Integer.class).isEqualTo(2);
		this.graphQl.document(BY_GENDER).execute()
			.path("participation.breakdown[*].gender").entityList(String.class).containsExactly("MALE")
			.path("participation.breakdown[0].participants").entity(Integer.class).isEqualTo(2);
		// the organization they represented at both activities, which was theirs (none), is the corrected one too
		this.graphQl.document("""
				{ participation(filter: {activities: ["CR-WS", "CR-SJ"]}) {
				  breakdown(by: [ACTIVITY, ORGANIZATION]) { activity { code } organization { code } participants } } }""")
			.execute()
			.path("participation.breakdown[*].activity.code").entityList(String.class)
			.containsExactly("CR-SJ", "CR-WS", "CR-WS")
			// CR-2, uncorrected, represented none at CR-WS: a group without an organization, last
			.path("participation.breakdown[*].organization.code").entityList(String.class).containsExactly("CIF", "CIF")
			.path("participation.breakdown[2].organization").valueIsNull()
			.path("participation.breakdown[*].participants").entityList(Integer.class).containsExactly(1, 1, 1);
		// a field left out stays
		this.graphQl.document("mutation { correctParticipant(ref: \"CR-1\", input: {disability: true}) { gender birthYear "
				+ "disability } }")
			.execute()
			.path("correctParticipant.gender").entity(String.class).isEqualTo("MALE")
			.path("correctParticipant.birthYear").entity(Integer.class).isEqualTo(1991)
			.path("correctParticipant.disability").entity(Boolean.class).isEqualTo(true);
		// one given as null is made unknown, the organization they represented with it too; gender stays required
		this.graphQl.document("""
				mutation { correctParticipant(ref: "CR-1", input: {birthYear: null, organization: null}) {
				  gender birthYear disability organization } }""")
			.execute()
			.path("correctParticipant.gender").entity(String.class).isEqualTo("MALE")
			.path("correctParticipant.birthYear").valueIsNull()
			.path("correctParticipant.disability").entity(Boolean.class).isEqualTo(true)
			.path("correctParticipant.organization").valueIsNull();
		assertThat(this.jdbc.queryForObject("""
				SELECT count(*) FROM participation pn JOIN participant p ON p.id = pn.participant_id
				WHERE p.ref = 'CR-1' AND pn.organization_id IS NULL""", Integer.class)).isEqualTo(2);
		this.graphQl.document("mutation { correctParticipant(ref: \"CR-1\", input: {gender: null}) { gender } }")
			.execute()
			.errors()
			.expect(error -> error.getMessage()
				.equals("input.gender: Everyone has a gender: give FEMALE, MALE, OTHER or UNDISCLOSED"))
			.verify();
	}

	/**
	 * What an admin corrected stays: CIF's sheet of its workshop, sent again as it was with CR-2's old gender and
	 * birth year, passes, warns, and changes neither; before, it was refused for the gender or undid the year. The
	 * details the admin did not change are the sheet's to change as before (one correction kept them all from the
	 * partner for good: a tester's); a detail given as it was stored is no correction.
	 */
	@Test
	void aPartnersSheetSentAgainLeavesAnAdminsCorrection() throws Exception {
		this.graphQl.document("mutation { correctParticipant(ref: \"CR-2\", input: {gender: FEMALE, birthYear: 1986, "
				+ "disability: null, organization: \"CIF\"}) { gender } }").execute().path("correctParticipant.gender")
			.entity(String.class).isEqualTo("FEMALE");
		assertThat(this.jdbc.queryForObject("SELECT array_to_string(admin_corrected, ' ') FROM participant"
				+ " WHERE ref = 'CR-2'", String.class)).isEqualTo("birth_year gender organization");
		var sheet = "activity_code,project_code,participant_ref,gender,birth_year,disability,home_municipality,"
				+ "organization_code\nCR-WS,CSO-CAPACITY,CR-2,male,1985,yes,GE-KK-BOLNISI,SCCSF\n";
		var key = this.callers.secret(Role.PARTNER, "CIF");
		this.mvc.perform(post("/imports/attendance").header("Authorization", "Bearer " + key)
			.contentType("text/csv")
			.content(sheet))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.updated.participants").value(1))
			.andExpect(jsonPath("$.warnings[2].message").value("Participant CR-2 was corrected by an admin: their "
					+ "gender, birth year and organization at the activities already recorded stay as stored, neither"
					+ " compared with"
					+ " this sheet's nor changed by it; ask an admin to change them (correctParticipant); their own"
					+ " organization follows their latest activity, one of this sheet's too"))
			.andExpect(jsonPath("$.warnings[0].message").value("The sheet changes the disability of 1 person (CR-2"
					+ " from unknown to yes)"));
		assertThat(this.jdbc.queryForObject("SELECT gender || birth_year || disability || home_municipality_code"
				+ " FROM participant WHERE ref = 'CR-2'", String.class)).isEqualTo("FEMALE1986trueGE-KK-BOLNISI");
		// nor the organization they represented at CIF's workshop, which the correction set
		assertThat(this.jdbc.queryForObject("""
				SELECT o.code FROM participation pn JOIN participant p ON p.id = pn.participant_id
				JOIN organization o ON o.id = pn.organization_id WHERE p.ref = 'CR-2'""", String.class)).isEqualTo("CIF");
		// as it does: a later workshop of the partner's, where they came for SCCSF, makes SCCSF their own (a tester
		// read the correction as undone, having been told only that it stays)
		this.mvc.perform(post("/imports/attendance").header("Authorization", "Bearer " + key)
			.contentType("text/csv")
			.content("activity_code,activity_title,activity_kind,start_date,end_date,project_code,participant_ref,"
					+ "gender,organization_code\nCR-LATER,Later,workshop,2025-06-01,2025-06-01,CSO-CAPACITY,CR-2,female,"
					+ "SCCSF\n"))
			.andExpect(jsonPath("$.status").value("IMPORTED"))
			// counted as updated, as their own organization moved (it was not: a tester's)
			.andExpect(jsonPath("$.updated.participants").value(1))
			.andExpect(jsonPath("$.warnings[0].message").value(org.hamcrest.Matchers.endsWith("their own"
					+ " organization follows their latest activity, one of this sheet's too")));
		assertThat(this.jdbc.queryForObject("SELECT o.code FROM participant p JOIN organization o"
				+ " ON o.id = p.organization_id WHERE p.ref = 'CR-2'", String.class)).isEqualTo("SCCSF");
		// an admin's sheet still corrects them
		this.mvc.perform(post("/imports/attendance").contentType("text/csv").content(sheet.replace("male", "female")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.updated.participants").value(1));
		assertThat(this.jdbc.queryForObject("SELECT birth_year FROM participant WHERE ref = 'CR-2'", Integer.class))
			.isEqualTo(1985);
	}

	/** People corrected alike are told of in one warning (one a person filled the list of warnings: a tester's). */
	@Test
	void peopleCorrectedAlikeAreToldOfOnce() throws Exception {
		// CR-1 also took part in SCCSF's workshop: another warning; CR-3 at CIF's alone, as CR-2
		this.jdbc.update("INSERT INTO participant (ref, gender, birth_year) VALUES ('CR-3', 'FEMALE', 1991)");
		this.jdbc.update("""
				INSERT INTO participation (activity_id, participant_id)
				SELECT a.id, p.id FROM activity a, participant p WHERE a.code = 'CR-WS' AND p.ref = 'CR-3'""");
		for (var ref : List.of("CR-3", "CR-2")) {
			this.graphQl.document("mutation { correctParticipant(ref: \"" + ref + "\", input: {birthYear: 1970}) {"
					+ " birthYear } }").execute().path("correctParticipant.birthYear").entity(Integer.class).isEqualTo(1970);
		}
		var key = this.callers.secret(Role.PARTNER, "CIF");
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").header("Authorization", "Bearer " + key)
			.contentType("text/csv")
			.content("activity_code,project_code,participant_ref,gender,birth_year\nCR-WS,CSO-CAPACITY,CR-2,male,1985\n"
					+ "CR-WS,CSO-CAPACITY,CR-3,female,1991\n"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings[?(@.column == 'participant_ref')].message").value("2 participants (CR-2,"
					+ " CR-3) were corrected by an admin: their birth year stays as stored, neither compared with this"
					+ " sheet's nor changed by it; ask an admin to change it (correctParticipant)"));
	}

	/**
	 * What an admin corrected of an activity stays too: CIF's sheet of its workshop, sent again with the old title,
	 * date and venue, passes, warns and changes none of them (it undid the admin's correction: a tester's); an update
	 * changing none of them, or a partner's, does not mark them, and an admin's sheet still corrects them.
	 */
	@Test
	void aPartnersSheetSentAgainLeavesAnAdminsCorrectionOfAnActivity() throws Exception {
		var key = this.callers.secret(Role.PARTNER, "CIF");
		var sheet = "activity_code,activity_title,project_code,start_date,end_date,venue_municipality,participant_ref,"
				+ "gender\nCR-WS,Corrections,CSO-CAPACITY,2025-05-05,2025-05-05,GE-KK-MARNEULI,CR-2,male\n";
		// an admin's update changing none of a sheet's fields (its title given as stored) marks none, nor does a
		// partner's: the partner's sheet still sets the venue, then its end
		this.graphQl.document("mutation { updateActivity(code: \"CR-WS\", input: {title: \"Corrections\", topics:"
				+ " [\"budget\"]}) { code } }").execute().path("updateActivity.code").entity(String.class).isEqualTo("CR-WS");
		as(Role.PARTNER).document("mutation { updateActivity(code: \"CR-WS\", input: {venue: \"GE-KK-TSALKA\"}) {"
				+ " venue { code } } }").execute().path("updateActivity.venue.code").entity(String.class)
			.isEqualTo("GE-KK-TSALKA");
		this.mvc.perform(post("/imports/attendance").header("Authorization", "Bearer " + key)
			.contentType("text/csv")
			.content(sheet))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.updated.activities").value(1))
			.andExpect(jsonPath("$.warnings[0].message").value(Matchers.startsWith("Activity CR-WS is stored; this"
					+ " sheet changes its venue from GE-KK-TSALKA to GE-KK-MARNEULI")));
		this.graphQl.document("""
				mutation { updateActivity(code: "CR-WS", input: {title: "Corrections (Bolnisi)", startDate: "2025-05-06",
				    endDate: "2025-05-06", venue: "GE-KK-BOLNISI"}) { code } }""")
			.execute().path("updateActivity.code").entity(String.class).isEqualTo("CR-WS");
		assertThat(this.jdbc.queryForObject("SELECT array_to_string(admin_corrected, ' ') FROM activity"
				+ " WHERE code = 'CR-WS'", String.class)).isEqualTo("end_date start_date title venue");
		this.mvc.perform(post("/imports/attendance").header("Authorization", "Bearer " + key)
			.contentType("text/csv")
			.content(sheet))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.updated.activities").value(0))
			// and CR-1, stored at the workshop and left out of the sheet
			.andExpect(jsonPath("$.warnings.length()").value(2))
			.andExpect(jsonPath("$.warnings[0].message").value("Activity CR-WS was corrected by an admin; this sheet"
					+ " does not change its title from \"Corrections (Bolnisi)\" to \"Corrections\", its start from"
					+ " 2025-05-06 to 2025-05-05, its end from 2025-05-06 to 2025-05-05, its venue from GE-KK-BOLNISI to"
					+ " GE-KK-MARNEULI: kept as corrected (updateActivity changes it)"));
		assertThat(this.jdbc.queryForObject("SELECT title || ' ' || start_date || ' ' || venue_municipality_code"
				+ " FROM activity WHERE code = 'CR-WS'", String.class))
			.isEqualTo("Corrections (Bolnisi) 2025-05-06 GE-KK-BOLNISI");
		// an admin's sheet still corrects it
		this.mvc.perform(post("/imports/attendance").contentType("text/csv").content(sheet))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.updated.activities").value(1));
		assertThat(this.jdbc.queryForObject("SELECT title || ' ' || start_date || ' ' || venue_municipality_code"
				+ " FROM activity WHERE code = 'CR-WS'", String.class))
			.isEqualTo("Corrections 2025-05-05 GE-KK-MARNEULI");
		// what the partner changes itself after is its own again: its sheet changes it, and is not told an admin did
		as(Role.PARTNER).document("mutation { updateActivity(code: \"CR-WS\", input: {venue: \"GE-KK-TSALKA\","
				+ " title: \"Corrections\"}) { code } }").execute().path("updateActivity.code").entity(String.class)
			.isEqualTo("CR-WS");
		assertThat(this.jdbc.queryForObject("SELECT array_to_string(admin_corrected, ' ') FROM activity"
				+ " WHERE code = 'CR-WS'", String.class)).isEqualTo("end_date start_date title");
		this.mvc.perform(post("/imports/attendance").header("Authorization", "Bearer " + key)
			.contentType("text/csv")
			.content(sheet))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.updated.activities").value(1))
			.andExpect(jsonPath("$.warnings[0].message").value(Matchers.startsWith("Activity CR-WS is stored; this"
					+ " sheet changes its venue from GE-KK-TSALKA to GE-KK-MARNEULI")));
	}

	/**
	 * An activity an admin moved to another project stays there when its partner's old sheet is sent again, told so
	 * (the sheet was refused as naming the wrong project: a tester's); an admin's sheet naming the old project is
	 * still refused, and a partner's move marks nothing.
	 */
	@Test
	void aPartnersSheetOfAnActivityAnAdminMovedKeepsItInItsProject() throws Exception {
		var key = this.callers.secret(Role.PARTNER, "CIF");
		var sheet = "activity_code,project_code,participant_ref,gender\nCR-WS,CSO-CAPACITY,CR-2,male\n";
		as(Role.PARTNER).document("mutation { updateActivity(code: \"CR-WS\", input: {project: \"LOCAL-BUDGET\"}) {"
				+ " code } }").execute().path("updateActivity.code").entity(String.class).isEqualTo("CR-WS");
		var moved = "Activity CR-WS belongs to project LOCAL-BUDGET: write that; if it is wrong, the activity is moved"
				+ " first (updateActivity with project)";
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").header("Authorization", "Bearer " + key)
			.contentType("text/csv")
			.content(sheet))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].message").value(moved));
		this.graphQl.document("mutation { updateActivity(code: \"CR-WS\", input: {project: \"CSO-CAPACITY\"}) {"
				+ " code } }").execute().path("updateActivity.code").entity(String.class).isEqualTo("CR-WS");
		this.graphQl.document("mutation { updateActivity(code: \"CR-WS\", input: {project: \"LOCAL-BUDGET\"}) {"
				+ " code } }").execute().path("updateActivity.code").entity(String.class).isEqualTo("CR-WS");
		assertThat(this.jdbc.queryForObject("SELECT array_to_string(admin_corrected, ' ') FROM activity"
				+ " WHERE code = 'CR-WS'", String.class)).isEqualTo("project");
		this.mvc.perform(post("/imports/attendance").header("Authorization", "Bearer " + key)
			.contentType("text/csv")
			.content(sheet.replace("CR-2,male", "CR-5,female")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("IMPORTED"))
			.andExpect(jsonPath("$.created.participations").value(1))
			.andExpect(jsonPath("$.warnings[0].message").value("Activity CR-WS was corrected by an admin; this sheet"
					+ " does not change its project from LOCAL-BUDGET to CSO-CAPACITY: kept as corrected"
					+ " (updateActivity changes it)"));
		assertThat(this.jdbc.queryForObject("SELECT p.code FROM activity a JOIN project p ON p.id = a.project_id"
				+ " WHERE a.code = 'CR-WS'", String.class)).isEqualTo("LOCAL-BUDGET");
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").contentType("text/csv").content(sheet))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].message").value(moved));
		// a row of an unknown project is refused as such, and the old one's beside it as before; another's moved
		// activity tells the partner nothing of where it went (its rows' project was set aside too: a review's)
		this.jdbc.update("""
				INSERT INTO project (code, programme_id, name, lead_organization_id)
				SELECT 'CR-PRJ', p.id, 'SCCSF alone', o.id FROM programme p, organization o
				WHERE p.code = 'EU-CSO-EQUAL' AND o.code = 'SCCSF'""");
		this.graphQl.document("mutation { updateActivity(code: \"CR-SJ\", input: {project: \"CR-PRJ\"}) {"
				+ " code } }").execute().path("updateActivity.code").entity(String.class).isEqualTo("CR-SJ");
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").header("Authorization", "Bearer " + key)
			.contentType("text/csv")
			.content(sheet + "CR-WS,ZZZ-NOPE,CR-6,female\nCR-SJ,CSO-CAPACITY,CR-9,female\n"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].value").value(Matchers.hasItem("ZZZ-NOPE")))
			.andExpect(jsonPath("$.errors[*].value").value(Matchers.not(Matchers.hasItem("LOCAL-BUDGET"))))
			.andExpect(content().string(Matchers.not(Matchers.containsString("CR-PRJ"))))
			.andExpect(jsonPath("$.errors[*].message").value(Matchers.hasItem(moved)))
			.andExpect(jsonPath("$.errors[*].message").value(Matchers.hasItem("Activity CR-SJ is not run by your"
					+ " organization; ask an admin to add these participants")));
	}

	/**
	 * A partner's sheet giving an activity another start than an admin corrected leaves its people's organization as
	 * the start kept gives it: someone's latest activity was found by the sheet's start, and CIF's old sheet of a
	 * training an admin had moved to March gave them the training's organization back (a review's).
	 */
	@Test
	void aPartnersSheetOfAnActivityAnAdminMovedLeavesItsPeoplesOrganization() throws Exception {
		var key = this.callers.secret(Role.PARTNER, "CIF");
		var header = "activity_code,activity_title,activity_kind,project_code,start_date,end_date,participant_ref,"
				+ "gender,organization_code\n";
		var training = "CR-TR,Budgeting,training,CSO-CAPACITY,2025-09-10,2025-09-12,CR-8,female,SCCSF\n";
		this.mvc.perform(post("/imports/attendance").header("Authorization", "Bearer " + key)
			.contentType("text/csv")
			.content(header + training
					+ "CR-MT,Monitoring,workshop,CSO-CAPACITY,2025-06-01,2025-06-01,CR-8,female,CIF\n"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("IMPORTED"));
		assertThat(organizationOf("CR-8")).isEqualTo("SCCSF");
		this.graphQl.document("""
				mutation { updateActivity(code: "CR-TR", input: {startDate: "2025-03-10", endDate: "2025-03-12"}) {
				    code } }""").execute().path("updateActivity.code").entity(String.class).isEqualTo("CR-TR");
		assertThat(organizationOf("CR-8")).isEqualTo("CIF");
		this.mvc.perform(post("/imports/attendance").header("Authorization", "Bearer " + key)
			.contentType("text/csv")
			.content(header + training))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings[0].message").value(Matchers.startsWith("Activity CR-TR was corrected by an"
					+ " admin; this sheet does not change its start from 2025-03-10 to 2025-09-10")));
		assertThat(organizationOf("CR-8")).isEqualTo("CIF");
		assertThat(this.jdbc.queryForObject("SELECT start_date FROM activity WHERE code = 'CR-TR'", String.class))
			.isEqualTo("2025-03-10");
	}

	private String organizationOf(String ref) {
		return this.jdbc.queryForObject("SELECT o.code FROM participant p JOIN organization o"
				+ " ON o.id = p.organization_id WHERE p.ref = ?", String.class, ref);
	}

	/**
	 * A partner's sheet giving an activity another start than an admin corrected is checked by the start kept, not by
	 * its own: someone born after the kept start is refused, someone born before it is not (a review's: the sheet's
	 * year was compared).
	 */
	@Test
	void aPartnersSheetIsCheckedByTheStartAnAdminCorrected() throws Exception {
		var key = this.callers.secret(Role.PARTNER, "CIF");
		this.graphQl.document("""
				mutation { updateActivity(code: "CR-WS", input: {startDate: "2024-05-05", endDate: "2024-05-05"}) {
				    code } }""").execute().path("updateActivity.code").entity(String.class).isEqualTo("CR-WS");
		var header = "activity_code,project_code,start_date,end_date,participant_ref,gender,birth_year\n";
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").header("Authorization", "Bearer " + key)
			.contentType("text/csv")
			.content(header + "CR-WS,CSO-CAPACITY,2025-05-05,2025-05-05,CR-9,female,2025\n"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].message").value("Born after activity CR-WS starts (2024-05-05)"));
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").header("Authorization", "Bearer " + key)
			.contentType("text/csv")
			.content(header + "CR-WS,CSO-CAPACITY,2023-05-05,2023-05-05,CR-9,female,2024\n"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("VALIDATED"));
	}

	@Test
	void aBadCorrectionNamesEveryProblemAndStoresNothing() {
		// language=GraphQL
		var errors = this.graphQl.document("""
				mutation { correctParticipant(ref: "CR-1", input: {gender: MALE, birthYear: 2026,
				    homeMunicipality: "GE-NOWHERE", organization: "NOBODY"}) { gender } }""")
			.execute()
			.returnResponse()
			.getErrors();
		assertThat(errors).extracting(ResponseError::getMessage).containsExactly(
				"input.birthYear: Born after activity CR-SJ starts (2025-05-05), in which they took part",
				"input.homeMunicipality: No municipality has the code 'GE-NOWHERE'",
				"input.organization: No organization has the code 'NOBODY'");
		assertThat(this.jdbc.queryForObject("SELECT gender || birth_year FROM participant WHERE ref = 'CR-1'", String.class))
			.isEqualTo("FEMALE1990");
		this.graphQl.document("mutation { correctParticipant(ref: \"CR-1\", input: {birthYear: 1899}) { gender } }")
			.execute()
			.errors()
			.expect(error -> error.getMessage().startsWith("input.birthYear: A birth year is from 1900 to "))
			.verify();
		this.graphQl.document("mutation { correctParticipant(ref: \"CR-1\", input: {}) { gender } }")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input: Give at least one field to correct"))
			.verify();
		this.graphQl.document("mutation { correctParticipant(ref: \"CR-NOBODY\", input: {gender: MALE}) { gender } }")
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.NOT_FOUND
					&& error.getMessage().equals("No participant has the reference 'CR-NOBODY'"))
			.verify();
		// a partner corrects its own participants alone: CR-1, at its activity, took part at SCCSF's CR-SJ too
		as(Role.PARTNER).document("mutation { correctParticipant(ref: \"CR-1\", input: {gender: MALE}) { gender } }")
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.FORBIDDEN
					&& error.getMessage().equals("Participant CR-1 also took part in activities your organizations"
							+ " do not run: their details stay as recorded there, and only an admin corrects them"))
			.verify();
		for (var role : List.of(Role.ANALYST, Role.DONOR)) {
			as(role).document("mutation { correctParticipant(ref: \"CR-1\", input: {gender: MALE}) { gender } }")
				.execute()
				.errors()
				.expect(error -> error.getErrorType() == ErrorType.FORBIDDEN)
				.verify();
		}
		assertThat(this.jdbc.queryForObject("SELECT gender FROM participant WHERE ref = 'CR-1'", String.class))
			.isEqualTo("FEMALE");
	}

	@Test
	void aParticipationRecordedByMistakeIsRemoved() {
		var told = "SELECT count(*) FROM audit_event WHERE action = 'remove participant with their participation'"
				+ " AND subject = 'CR-2 at CR-WS, recorded nowhere else'";
		int before = this.jdbc.queryForObject(told, Integer.class);
		// language=GraphQL
		this.graphQl.document("mutation { removeParticipation(activity: \"CR-WS\", ref: \"CR-2\") { code } }")
			.execute()
			.path("removeParticipation.code").entity(String.class).isEqualTo("CR-WS");
		this.graphQl.document(BY_GENDER).execute()
			.path("participation.totals.participants").entity(Integer.class).isEqualTo(1)
			.path("participation.breakdown[*].gender").entityList(String.class).containsExactly("FEMALE");
		// CR-2, recorded nowhere else, was recorded by mistake: removed, as nobody's they could be any partner's
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM participant WHERE ref = 'CR-2'", Integer.class)).isZero();
		// and their personal data with them: the audit log says so, as it does of an erasure
		assertThat(this.jdbc.queryForObject(told, Integer.class)).isEqualTo(before + 1);
		this.graphQl.document("mutation { removeParticipation(activity: \"CR-WS\", ref: \"CR-2\") { code } }")
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.NOT_FOUND
					&& error.getMessage().equals("Participant CR-2 is not recorded at activity CR-WS"))
			.verify();
		this.graphQl.document("mutation { removeParticipation(activity: \"CR-NONE\", ref: \"CR-1\") { code } }")
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.NOT_FOUND
					&& error.getMessage().equals("No activity has the code 'CR-NONE'"))
			.verify();
		// what cannot be a reference or a code is refused as such, not looked for
		for (var arguments : List.of("activity: \"CR-WS\", ref: \"\"", "activity: \"CR-WS\", ref: \" CR-1\"",
				"activity: \"\", ref: \"CR-1\"")) {
			var argument = arguments.endsWith("\"CR-1\"") && arguments.startsWith("activity: \"\"") ? "activity" : "ref";
			this.graphQl.document("mutation { removeParticipation(" + arguments + ") { code } }")
				.execute()
				.errors()
				.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST
						&& error.getMessage().equals(argument + ": " + CodeRule.CODE_RULE
								+ (arguments.contains("\" CR-1") ? "; this one has a space first" : "")))
				.verify();
		}
		this.graphQl.document("mutation { correctParticipant(ref: \"\", input: {gender: MALE}) { gender } }")
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST
					&& error.getMessage().equals("ref: " + CodeRule.CODE_RULE))
			.verify();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM participation pn JOIN participant p"
				+ " ON p.id = pn.participant_id WHERE p.ref = 'CR-1'", Integer.class)).isEqualTo(2);
	}

	/**
	 * A partner removes a participation at an activity its organization runs, not at another's; it is told the same
	 * of a reference that names no one as of one not recorded there, and learns of no one else.
	 */
	@Test
	void aPartnerRemovesParticipationsAtItsOwnActivitiesOnly() {
		var cif = as(Role.PARTNER);
		// an activity of a project CIF has no part in: not found, as activity(code) answers, not named by its project
		this.jdbc.update("""
				INSERT INTO project (code, programme_id, name, lead_organization_id)
				SELECT 'CR-PRJ', p.id, 'SCCSF alone', o.id FROM programme p, organization o
				WHERE p.code = 'EU-CSO-EQUAL' AND o.code = 'SCCSF'""");
		this.jdbc.update("""
				INSERT INTO activity (code, project_id, kind, title, start_date, end_date)
				SELECT 'CR-OUT', id, 'MEETING', 'Elsewhere', DATE '2025-06-01', DATE '2025-06-01' FROM project
				WHERE code = 'CR-PRJ'""");
		cif.document("mutation { removeParticipation(activity: \"CR-OUT\", ref: \"CR-1\") { code } }")
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.NOT_FOUND
					&& error.getMessage().equals("No activity has the code 'CR-OUT'"))
			.verify();
		cif.document("mutation { removeParticipation(activity: \"CR-SJ\", ref: \"CR-1\") { code } }")
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.FORBIDDEN
					&& error.getMessage().equals("Activity CR-SJ is not run by your organization"))
			.verify();
		cif.document("mutation { removeParticipation(activity: \"CR-WS\", ref: \"P0001\") { code } }")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("Participant P0001 is not recorded at activity CR-WS"))
			.verify();
		cif.document("mutation { removeParticipation(activity: \"CR-WS\", ref: \"CR-1\") { code } }")
			.execute()
			.path("removeParticipation.code").entity(String.class).isEqualTo("CR-WS");
		for (var role : List.of(Role.ANALYST, Role.DONOR)) {
			as(role).document("mutation { removeParticipation(activity: \"CR-WS\", ref: \"CR-2\") { code } }")
				.execute()
				.errors()
				.expect(error -> error.getErrorType() == ErrorType.FORBIDDEN)
				.verify();
		}
		assertThat(this.jdbc.queryForList("""
				SELECT a.code || ' ' || p.ref FROM participation pn JOIN activity a ON a.id = pn.activity_id
				JOIN participant p ON p.id = pn.participant_id WHERE a.code LIKE 'CR-%' ORDER BY 1""", String.class))
			.containsExactly("CR-SJ CR-1", "CR-WS CR-2");
		// CR-1 stays, at SCCSF's activity; CR-2, recorded at CIF's alone, goes with it, by CIF's hand too
		cif.document("mutation { removeParticipation(activity: \"CR-WS\", ref: \"CR-2\") { code } }").execute()
			.path("removeParticipation.code").entity(String.class).isEqualTo("CR-WS");
		assertThat(this.jdbc.queryForList("SELECT ref FROM participant WHERE ref LIKE 'CR-%'", String.class))
			.containsExactly("CR-1");
	}

	/**
	 * A sheet recording again a participation removed as recorded by mistake is warned of it, in its dry run and its
	 * load, and stores it (the person may have attended after all); sent once more it is not warned of. An erasure of
	 * the person takes what was kept of the removal with it.
	 */
	@Test
	void aSheetRecordingARemovedParticipationAgainIsWarned() throws Exception {
		var cif = as(Role.PARTNER);
		cif.document("mutation { removeParticipation(activity: \"CR-WS\", ref: \"cr-2\") { code } }").execute()
			.path("removeParticipation.code").entity(String.class).isEqualTo("CR-WS");
		this.graphQl.document("mutation { removeParticipation(activity: \"CR-WS\", ref: \"CR-1\") { code } }").execute()
			.path("removeParticipation.code").entity(String.class).isEqualTo("CR-WS");
		// the day where the programmes run
		var today = this.today.date().toString();
		var key = this.callers.secret(Role.PARTNER, "CIF");
		var sheet = "activity_code,project_code,participant_ref,gender\nCR-WS,CSO-CAPACITY,CR-3,female\n"
				+ "CR-WS,CSO-CAPACITY,CR-2,male\n";
		var warned = "The sheet records again 1 participation removed as recorded by mistake (CR-2 at CR-WS, removed on "
				+ today + "): leave out of the sheet whoever did not attend, or remove them again after the load"
				+ " (removeParticipation)";
		for (var dryRun : List.of("true", "false")) {
			this.mvc.perform(post("/imports/attendance").param("dryRun", dryRun)
				.header("Authorization", "Bearer " + key)
				.contentType("text/csv")
				.content(sheet))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.created.participations").value(2))
				.andExpect(jsonPath("$.warnings.length()").value(1))
				.andExpect(jsonPath("$.warnings[0].row").value(3))
				.andExpect(jsonPath("$.warnings[0].column").value("participant_ref"))
				.andExpect(jsonPath("$.warnings[0].message").value(warned));
		}
		this.mvc.perform(post("/imports/attendance").header("Authorization", "Bearer " + key)
			.contentType("text/csv")
			.content(sheet))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.unchanged.participations").value(2))
			.andExpect(jsonPath("$.warnings.length()").value(0));
		// an admin's sheet is told of the removals of either
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").contentType("text/csv")
			.content("activity_code,project_code,participant_ref,gender\nCR-WS,CSO-CAPACITY,CR-1,female\n"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings[0].message").value("The sheet records again 1 participation removed as"
					+ " recorded by mistake (CR-1 at CR-WS, removed on " + today + "): leave out of the sheet whoever did"
					+ " not attend, or remove them again after the load (removeParticipation)"));
		var kept = "SELECT count(*) FROM removed_participation WHERE ref_digest = sha256(convert_to('cr-1', 'UTF8'))";
		assertThat(this.jdbc.queryForObject(kept, Integer.class)).isEqualTo(1);
		this.graphQl.document("mutation { forgetParticipant(ref: \"CR-1\") { __typename } }").execute()
			.path("forgetParticipant.__typename").entity(String.class).isEqualTo("ForgottenParticipant");
		assertThat(this.jdbc.queryForObject(kept, Integer.class)).isZero();
	}

	/**
	 * A corrected sheet that leaves out someone stored at an activity it names is warned of them, in its dry run and
	 * its load, which stores it and removes no one (a tester's reference written wrong stayed without a word); once
	 * they are removed, nothing is told. Erased people are not named.
	 */
	@Test
	void aSheetLeavingOutSomeoneStoredAtItsActivityIsWarned() throws Exception {
		var key = this.callers.secret(Role.PARTNER, "CIF");
		// CR-WS holds CR-1 and CR-2; the corrected sheet gives CR-3 where the first one wrote CR-2
		var sheet = "activity_code,project_code,participant_ref,gender\nCR-WS,CSO-CAPACITY,CR-1,female\n"
				+ "CR-WS,CSO-CAPACITY,CR-3,male\n";
		// to a partner too, who reads them by reference (attendance)
		var warned = "1 participation stored at activities the sheet names again is not in it (CR-2 at CR-WS): a sheet"
				+ " adds and corrects, it removes no one, so they stay recorded; remove whoever did not attend with "
				+ "removeParticipation";
		for (var dryRun : List.of("true", "false")) {
			this.mvc.perform(post("/imports/attendance").param("dryRun", dryRun)
				.header("Authorization", "Bearer " + key)
				.contentType("text/csv")
				.content(sheet))
				.andExpect(status().isOk())
				// and that CR-1's details stay as stored, as they were at SCCSF's activity too
				.andExpect(jsonPath("$.warnings.length()").value(2))
				.andExpect(jsonPath("$.warnings[0].row").value(2))
				.andExpect(jsonPath("$.warnings[0].column").value("activity_code"))
				.andExpect(jsonPath("$.warnings[0].value").value("CR-WS"))
				.andExpect(jsonPath("$.warnings[0].message").value(warned));
		}
		assertThat(this.jdbc.queryForList("""
				SELECT p.ref FROM participation pn JOIN activity a ON a.id = pn.activity_id
				JOIN participant p ON p.id = pn.participant_id WHERE a.code = 'CR-WS' ORDER BY 1""", String.class))
			.containsExactly("CR-1", "CR-2", "CR-3");
		this.graphQl.document("mutation { removeParticipation(activity: \"CR-WS\", ref: \"CR-2\") { code } }").execute()
			.path("removeParticipation.code").entity(String.class).isEqualTo("CR-WS");
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").header("Authorization", "Bearer " + key)
			.contentType("text/csv")
			.content(sheet))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings.length()").value(1))
			.andExpect(jsonPath("$.warnings[0].value").value("CR-1"));
		// the one left out erased: no one is named (a sheet naming only new people at it is told of no one either)
		this.graphQl.document("mutation { forgetParticipant(ref: \"CR-1\") { participations } }").execute()
			.path("forgetParticipant.participations").entity(Integer.class).isEqualTo(2);
		for (var other : List.of("CR-3", "CR-5")) {
			this.mvc.perform(post("/imports/attendance").param("dryRun", "true").contentType("text/csv")
				.content("activity_code,project_code,participant_ref,gender\nCR-WS,CSO-CAPACITY," + other + ",male\n"
						+ "CR-WS,CSO-CAPACITY,CR-4,female\n"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.warnings.length()").value(0));
		}
	}

	/**
	 * Someone removed at the only activity they were recorded at is no longer stored, but the removal kept their
	 * reference's digest: their erasure was refused as of no one, and left it. Now it erases what was kept, keeps the
	 * reference as erased, so that a sheet naming it is refused, and says 0 participations were kept.
	 */
	@Test
	void someoneRemovedEverywhereCanStillBeErased() throws Exception {
		this.graphQl.document("mutation { removeParticipation(activity: \"CR-WS\", ref: \"CR-2\") { code } }").execute()
			.path("removeParticipation.code").entity(String.class).isEqualTo("CR-WS");
		var kept = "SELECT count(*) FROM removed_participation WHERE ref_digest = sha256(convert_to('cr-2', 'UTF8'))";
		assertThat(this.jdbc.queryForObject(kept, Integer.class)).isEqualTo(1);
		this.graphQl.document("mutation { forgetParticipant(ref: \"cr-2\") { participations } }").execute()
			.path("forgetParticipant.participations").entity(Integer.class).isEqualTo(0);
		assertThat(this.jdbc.queryForObject(kept, Integer.class)).isZero();
		assertThat(this.jdbc.queryForObject("""
				SELECT count(*) FROM erased_reference WHERE digest = sha256(convert_to('cr-2', 'UTF8'))
				  AND hosted_by = ARRAY[(SELECT id FROM organization WHERE code = 'CIF')]""", Integer.class)).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'forget participant'"
				+ " AND subject = 'cr-2'", Integer.class)).isEqualTo(1);
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").contentType("text/csv")
			.content("activity_code,project_code,participant_ref,gender\nCR-WS,CSO-CAPACITY,CR-2,male\n"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].column").value("participant_ref"));
		// no one else is erased so: a reference never stored is still no one's
		this.graphQl.document("mutation { forgetParticipant(ref: \"CR-NOBODY\") { participations } }").execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.NOT_FOUND)
			.verify();
	}

	/**
	 * Someone deleted with the activity they alone attended leaves no removal, but a sheet's report may name them: their
	 * erasure takes the reference out of it and keeps it as erased (it was refused as of no one).
	 */
	@Test
	void someoneDeletedWithTheirActivityCanStillBeErased() throws Exception {
		this.graphQl.document("mutation { removeParticipation(activity: \"CR-WS\", ref: \"CR-2\") { code } }").execute()
			.path("removeParticipation.code").entity(String.class).isEqualTo("CR-WS");
		// recorded again, warned of by name in the kept report
		this.mvc.perform(post("/imports/attendance").contentType("text/csv")
			.content("activity_code,project_code,participant_ref,gender\nCR-WS,CSO-CAPACITY,CR-2,male\n"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings[0].message").value(org.hamcrest.Matchers.containsString("CR-2 at CR-WS")));
		var named = "SELECT count(*) FROM attendance_import WHERE CAST(report AS text) ~* '(?<![A-Za-z0-9._-])CR-2(?![A-Za-z0-9._-])'";
		assertThat(this.jdbc.queryForObject(named, Integer.class)).isEqualTo(1);
		this.graphQl.document("mutation { deleteActivity(code: \"CR-WS\", withParticipations: true) }").execute()
			.errors()
			.verify();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM participant WHERE ref = 'CR-2'", Integer.class)).isZero();
		// the activity's code, in the same message, is no one's reference: nothing is erased of it
		this.graphQl.document("mutation { forgetParticipant(ref: \"CR-WS\") { participations } }").execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.NOT_FOUND)
			.verify();
		this.graphQl.document("mutation { forgetParticipant(ref: \"CR-2\") { participations } }").execute()
			.path("forgetParticipant.participations").entity(Integer.class).isEqualTo(0);
		assertThat(this.jdbc.queryForObject(named, Integer.class)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM erased_reference"
				+ " WHERE digest = sha256(convert_to('cr-2', 'UTF8'))", Integer.class)).isEqualTo(1);
	}

	/**
	 * Someone deleted with the activity they alone attended, whom a sheet's report names only in a message's text (a
	 * warning of their age, under birth_year), is erased from it too: the erasure was refused as of no one, and the
	 * report kept their reference and birth year (a review's).
	 */
	@Test
	void someoneDeletedWithTheirActivityNamedInAMessageCanBeErased() throws Exception {
		// a partner's sheet and deletion, of CIF's activity
		var key = this.callers.secret(Role.PARTNER, "CIF");
		this.mvc.perform(post("/imports/attendance").header("Authorization", "Bearer " + key).contentType("text/csv")
			.content("activity_code,activity_title,activity_kind,start_date,end_date,project_code,participant_ref,"
					+ "gender,birth_year\nCR-KIDS,Camp,training,2024-07-01,2024-07-01,CSO-CAPACITY,CR-7,female,2017\n"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings[0].column").value("birth_year"))
			.andExpect(jsonPath("$.warnings[0].message").value(org.hamcrest.Matchers.startsWith(
					"Participant CR-7 would be 7 at activity CR-KIDS")));
		var named = "SELECT count(*) FROM attendance_import"
				+ " WHERE CAST(report AS text) ~* '(?<![A-Za-z0-9._-])CR-7(?![A-Za-z0-9._-])'";
		assertThat(this.jdbc.queryForObject(named, Integer.class)).isEqualTo(1);
		this.graphQl.mutate().header("Authorization", "Bearer " + key).build()
			.document("mutation { deleteActivity(code: \"CR-KIDS\", withParticipations: true) }").execute()
			.errors()
			.verify();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM participant WHERE ref = 'CR-7'", Integer.class))
			.isZero();
		this.graphQl.document("mutation { forgetParticipant(ref: \"cr-7\") { participations } }").execute()
			.path("forgetParticipant.participations").entity(Integer.class).isEqualTo(0);
		assertThat(this.jdbc.queryForObject(named, Integer.class)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM erased_reference"
				+ " WHERE digest = sha256(convert_to('cr-7', 'UTF8'))", Integer.class)).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM deleted_person"
				+ " WHERE ref_digest = sha256(convert_to('cr-7', 'UTF8'))", Integer.class)).isZero();
		// the partner whose activity it was, sending the sheet again, is told of the erasure
		this.mvc.perform(post("/imports/attendance").header("Authorization", "Bearer " + key).contentType("text/csv")
			.content("activity_code,activity_title,activity_kind,start_date,end_date,project_code,participant_ref,"
					+ "gender,birth_year\nCR-KIDS,Camp,training,2024-07-01,2024-07-01,CSO-CAPACITY,CR-7,female,2017\n"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].message").value(Matchers.startsWith(
					"The person of this reference was erased at their request")));
	}

	/**
	 * On New Year's night in Tbilisi, when the database's day (here the machine's, UTC) is still of the year before,
	 * the new year is no birth year yet: refused naming it, where the column's check failed as an internal error.
	 */
	@Test
	void theNewYearInTbilisiIsNoBirthYearBeforeTheDatabasesDay() {
		int year = this.jdbc.queryForObject("SELECT CAST(extract(YEAR FROM current_date) AS int)", Integer.class);
		// the clock runs again after the test (ServiceScopeListener)
		this.clock.stopAt(Instant.parse(year + "-12-31T22:00:00Z"));
		this.jdbc.update("INSERT INTO participant (ref, gender) VALUES ('CR-NEW', 'FEMALE')");
		this.graphQl.document("mutation($year: Int!) { correctParticipant(ref: \"CR-NEW\", input: {birthYear: $year})"
				+ " { birthYear } }")
			.variable("year", year + 1)
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST
					&& error.getMessage().endsWith("A birth year is from 1900 to " + year))
			.verify();
	}

	/**
	 * A dry run's report is kept after its load let the lock go: an erasure committed in between, which found no such
	 * report to rewrite, has its reference taken out of it as it is kept (a review's). Here the erasure's digest of a
	 * person the sheet names, stored as the sheet was checked, stands for it.
	 */
	@Test
	void aDryRunsReportKeptAfterAnErasureIsWithoutTheReference() throws Exception {
		this.jdbc.update("INSERT INTO erased_reference (digest, erased_on) VALUES (sha256(convert_to('cr-1', 'UTF8')),"
				+ " current_date)");
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").contentType("text/csv")
			.content("activity_code,project_code,participant_ref,gender,birth_year\n"
					+ "CR-WS,CSO-CAPACITY,CR-1,female,1991\n"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("VALIDATED"))
			.andExpect(jsonPath("$.warnings[0].message").value(Matchers.containsString("CR-1 from 1990 to 1991")));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM attendance_import", Integer.class)).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT CAST(report AS text) FROM attendance_import", String.class))
			.contains("(erased) from 1990 to 1991")
			.doesNotContainIgnoringCase("CR-1");
	}

	/** A key of the role; a partner's acts for CIF. */
	private HttpGraphQlTester as(Role role) {
		return role == Role.PARTNER ? this.callers.as(role, "CIF") : this.callers.as(role);
	}

}
