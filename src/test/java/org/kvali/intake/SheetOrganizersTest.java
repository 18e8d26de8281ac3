package org.kvali.intake;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.access.ApiKeyService;
import org.kvali.access.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A sheet's {@code organizer_code} names who runs its activities: TEST-INTAKE is led by CIF, with CSO-KK-DISABILITY
 * its partner, and a partner's key acts for both.
 */
@IntegrationTest
class SheetOrganizersTest {

	private static final String HEADER = "activity_code,activity_title,activity_kind,project_code,start_date,end_date,"
			+ "organizer_code,participant_ref,gender\n";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	ApiKeyService keys;

	private String both;

	@BeforeEach
	void project() {
		IntakeFixture.create(this.jdbc);
		this.jdbc.update("""
				UPDATE project SET lead_organization_id = (SELECT id FROM organization WHERE code = 'CIF')
				WHERE code = 'TEST-INTAKE'""");
		this.jdbc.update("""
				INSERT INTO project_partner (project_id, organization_id, role)
				SELECT p.id, o.id, 'REGIONAL_PARTNER' FROM project p, organization o
				WHERE p.code = 'TEST-INTAKE' AND o.code = 'CSO-KK-DISABILITY'""");
		this.both = this.keys.create("so both", Role.PARTNER, List.of("CIF", "CSO-KK-DISABILITY"), false, "test")
			.secret();
	}

	@AfterEach
	void clean() {
		this.jdbc.update("""
				DELETE FROM project_partner WHERE project_id = (SELECT id FROM project WHERE code = 'TEST-INTAKE')""");
		this.jdbc.update("DELETE FROM organization_alias WHERE code = 'TI-OLD'");
		IntakeFixture.remove(this.jdbc);
		this.jdbc.update("DELETE FROM api_key WHERE name LIKE 'so %'");
	}

	@Test
	void anAdminsSheetNamesTheOrganizerOfNewActivitiesAndFillsAStoredOneRunByNoOne() throws Exception {
		this.jdbc.update("""
				INSERT INTO activity (code, project_id, kind, title, start_date, end_date)
				SELECT 'TI-UNRUN', id, 'MEETING', 'Made by an admin', '2025-03-01', '2025-03-01' FROM project
				WHERE code = 'TEST-INTAKE'""");
		var sheet = HEADER + """
				TI-NEW,Budget hearing,meeting,TEST-INTAKE,2025-03-02,2025-03-02,CSO-KK-DISABILITY,TI-1,female
				TI-NEW,,,TEST-INTAKE,,,,TI-2,male
				TI-UNRUN,,,TEST-INTAKE,,,CIF,TI-1,female
				TI-NONE,Open day,meeting,TEST-INTAKE,2025-03-03,2025-03-03,,TI-2,male
				""";
		admin(sheet, true).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("VALIDATED"))
			.andExpect(jsonPath("$.warnings.length()").value(2))
			.andExpect(jsonPath("$.warnings[0].row").value(4))
			.andExpect(jsonPath("$.warnings[0].message").value("Activity TI-UNRUN is stored; this sheet changes its"
					+ " organizer from none to CIF (is it the activity meant?)"))
			.andExpect(jsonPath("$.warnings[1].row").value(5))
			.andExpect(jsonPath("$.warnings[1].message").value("New activity TI-NONE names no organizer: no partner"
					+ " loads it or sees its figures in full until one is named (an organizer_code column, or"
					+ " updateActivity)"));
		admin(sheet, false).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("IMPORTED"))
			.andExpect(jsonPath("$.updated.activities").value(1));
		assertThat(organizers()).containsExactly("TI-NEW CSO-KK-DISABILITY", "TI-NONE -", "TI-UNRUN CIF");
		// sent again, nothing changes: the organizer named is the one it has
		var again = sheet.replace("TI-NONE,Open day,meeting,TEST-INTAKE,2025-03-03,2025-03-03,,TI-2,male\n", "");
		admin(again, true).andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings.length()").value(0))
			.andExpect(jsonPath("$.unchanged.activities").value(2));
		// nor after another organizer was given to one: it keeps it, told so
		this.jdbc.update("""
				UPDATE activity SET organizer_id = (SELECT id FROM organization WHERE code = 'CIF')
				WHERE code = 'TI-NEW'""");
		admin(again, false).andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings.length()").value(1))
			.andExpect(jsonPath("$.warnings[0].row").value(2))
			.andExpect(jsonPath("$.warnings[0].column").value("organizer_code"))
			.andExpect(jsonPath("$.warnings[0].message").value("Activity TI-NEW is run by CIF: a sheet does not change"
					+ " an activity's organizer, so the sheet's is ignored (updateActivity changes it)"))
			.andExpect(jsonPath("$.unchanged.activities").value(2));
		assertThat(organizers()).containsExactly("TI-NEW CIF", "TI-NONE -", "TI-UNRUN CIF");
	}

	@Test
	void anOrganizerNamedWronglyIsRefusedAndNothingIsStored() throws Exception {
		this.jdbc.update("INSERT INTO organization_alias (code, organization_id) SELECT 'TI-OLD', id FROM organization"
				+ " WHERE code = 'CIF'");
		this.jdbc.update("""
				INSERT INTO activity (code, project_id, kind, title, start_date, end_date, organizer_id)
				SELECT 'TI-RUN', p.id, 'MEETING', 'Run by CIF', '2025-03-01', '2025-03-01', o.id
				FROM project p, organization o WHERE p.code = 'TEST-INTAKE' AND o.code = 'CIF'""");
		var sheet = HEADER + """
				TI-A,Budget hearing,meeting,TEST-INTAKE,2025-03-02,2025-03-02,TI-NOBODY,TI-1,female
				TI-B,Budget hearing,meeting,TEST-INTAKE,2025-03-02,2025-03-02,cif,TI-1,female
				TI-C,Budget hearing,meeting,TEST-INTAKE,2025-03-02,2025-03-02,HEKS-EPER,TI-1,female
				TI-D,Budget hearing,meeting,TEST-INTAKE,2025-03-02,2025-03-02,TI-OLD,TI-1,female
				TI-E,Budget hearing,meeting,TEST-INTAKE,2025-03-02,2025-03-02,CIF,TI-1,female
				TI-E,,,TEST-INTAKE,,,CSO-KK-DISABILITY,TI-2,female
				""";
		int activities = this.jdbc.queryForObject("SELECT count(*) FROM activity", Integer.class);
		admin(sheet, false).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(5))
			.andExpect(jsonPath("$.errors[0].message").value("No organization has this code"))
			.andExpect(jsonPath("$.errors[0].column").value("organizer_code"))
			.andExpect(jsonPath("$.errors[0].value").value("TI-NOBODY"))
			.andExpect(jsonPath("$.errors[1].message").value("No organization has this code; it is written CIF"))
			.andExpect(jsonPath("$.errors[2].message").value("Organization HEKS-EPER neither leads project TEST-INTAKE"
					+ " nor is a partner of it, as an activity's organizer does: add it to the project's partners first"
					+ " (updateProject)"))
			.andExpect(jsonPath("$.errors[3].message").value("Activity TI-E's rows give organizer_code CIF (row 6)"
					+ " and CSO-KK-DISABILITY (row 7); all its rows must agree"))
			.andExpect(jsonPath("$.errors[4].row").value(7))
			// a merged code is the organization's it went into, as in organization_code
			.andExpect(jsonPath("$.warnings[0].column").value("organizer_code"))
			.andExpect(jsonPath("$.warnings[0].message").value("Organization TI-OLD was merged into CIF: the row"
					+ " naming it is recorded as CIF"));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM activity", Integer.class)).isEqualTo(activities);
		assertThat(organizers()).containsExactly("TI-RUN CIF");
	}

	@Test
	void aPartnerOfTwoOrganizationsInTheProjectNamesWhichOfThemRunsANewActivity() throws Exception {
		var unnamed = HEADER + "TI-A,Budget hearing,meeting,TEST-INTAKE,2025-03-02,2025-03-02,,TI-1,female\n";
		partner(unnamed).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].message").value("Activity TI-A is new, and your organizations CIF,"
					+ " CSO-KK-DISABILITY all take part in project TEST-INTAKE: name the one that runs it in an"
					+ " organizer_code column"));
		var others = HEADER + """
				TI-B,Budget hearing,meeting,TEST-INTAKE,2025-03-02,2025-03-02,HEKS-EPER,TI-1,female
				TI-C,Budget hearing,meeting,TEST-INTAKE,2025-03-02,2025-03-02,TI-NOBODY,TI-1,female
				TI-D,Budget hearing,meeting,TEST-INTAKE,2025-03-02,2025-03-02,cso-kk-disability,TI-1,female
				TI-E,Budget hearing,meeting,TEST-INTAKE,2025-03-02,2025-03-02,heks-eper,TI-1,female
				TI-UNRUN,,,TEST-INTAKE,,,CIF,TI-1,female
				TI-F,Budget hearing,meeting,TEST-INTAKE,2025-03-02,2025-03-02,CIF!,TI-1,female
				""";
		this.jdbc.update("""
				INSERT INTO activity (code, project_id, kind, title, start_date, end_date)
				SELECT 'TI-UNRUN', id, 'MEETING', 'Made by an admin', '2025-03-01', '2025-03-01' FROM project
				WHERE code = 'TEST-INTAKE'""");
		// another's code is told as one of no organization is: a partner learns no code so
		var notYours = " is not one of yours (CIF, CSO-KK-DISABILITY): a partner's sheet names one of its own"
				+ " organizations as organizer; an admin names another";
		// nor the spelling of another's; an activity run by no one is refused as no partner's, the organizer aside
		partner(others).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(6))
			.andExpect(jsonPath("$.errors[0].message").value("Organization HEKS-EPER" + notYours))
			.andExpect(jsonPath("$.errors[1].message").value("Organization TI-NOBODY" + notYours))
			.andExpect(jsonPath("$.errors[2].message").value("Your organization's code is written CSO-KK-DISABILITY"))
			.andExpect(jsonPath("$.errors[3].message").value("Organization heks-eper" + notYours))
			.andExpect(jsonPath("$.errors[4].message").value("Activity TI-UNRUN has no organizer, so no partner loads"
					+ " it; ask an admin to make your organization its organizer (updateActivity), or to add these"
					+ " participants"))
			// a code refused as written is not told to name one as well (a review's)
			.andExpect(jsonPath("$.errors[5].row").value(7))
			.andExpect(jsonPath("$.errors[5].message").value("A code is 1 to 64 Latin letters (A to Z, a to z),"
					+ " digits, '.', '_' or '-', starting with a letter or digit; this one has '!' at character 4"));
		assertThat(organizers()).containsExactly("TI-UNRUN -");
		this.jdbc.update("DELETE FROM activity WHERE code = 'TI-UNRUN'");
		partner(unnamed.replace(",,TI-1", ",CSO-KK-DISABILITY,TI-1")).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("IMPORTED"));
		assertThat(organizers()).containsExactly("TI-A CSO-KK-DISABILITY");
		// its own activity, by the other of its organizations: kept as it is, as an admin's sheet keeps it
		partner(unnamed.replace(",,TI-1", ",CIF,TI-1")).andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings[0].message").value("Activity TI-A is run by CSO-KK-DISABILITY: a sheet"
					+ " does not change an activity's organizer, so the sheet's is ignored (updateActivity changes"
					+ " it)"));
		assertThat(organizers()).containsExactly("TI-A CSO-KK-DISABILITY");
		// an organization with no part in the project: a partner is told whom to ask
		this.jdbc.update("""
				DELETE FROM project_partner WHERE project_id = (SELECT id FROM project WHERE code = 'TEST-INTAKE')""");
		partner(unnamed.replace("TI-A,", "TI-B,").replace(",,TI-1", ",CSO-KK-DISABILITY,TI-1"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].message").value("Organization CSO-KK-DISABILITY neither leads project"
					+ " TEST-INTAKE nor is a partner of it, as an activity's organizer does: ask an admin to add it to"
					+ " the project's partners"));
	}

	/** Each activity of the project, with its organizer's code or "-". */
	private List<String> organizers() {
		return this.jdbc.queryForList("""
				SELECT a.code || ' ' || coalesce(o.code, '-') FROM activity a
				JOIN project p ON p.id = a.project_id LEFT JOIN organization o ON o.id = a.organizer_id
				WHERE p.code = 'TEST-INTAKE' ORDER BY a.code""", String.class);
	}

	private ResultActions admin(String sheet, boolean dryRun) throws Exception {
		return IntakeFixture.load(this.mvc, sheet, dryRun);
	}

	private ResultActions partner(String sheet) throws Exception {
		return this.mvc.perform(post("/imports/attendance").header("Authorization", "Bearer " + this.both)
			.contentType("text/csv")
			.content(sheet.getBytes(StandardCharsets.UTF_8)));
	}

}
