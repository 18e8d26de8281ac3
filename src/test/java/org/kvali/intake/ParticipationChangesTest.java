package org.kvali.intake;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kvali.Callers;
import org.kvali.IntegrationTest;
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
 * A later sheet moving stored participations to another organization says so, as it does of roles: the first
 * organization's figures lose them without a word, and a slip in a code did so unseen (a tester's).
 */
@IntegrationTest
class ParticipationChangesTest {

	private static final String HEADER = "activity_code,activity_title,activity_kind,project_code,start_date,end_date,"
			+ "participant_ref,gender,birth_year,organization_code,organization_name\n";

	private static final String ROW = "%s,Workshop,workshop,%s,2025-10-01,2025-10-01,%s,female,1990,%s,%s\n";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Callers callers;

	@BeforeEach
	void project() {
		IntakeFixture.create(this.jdbc);
	}

	@AfterEach
	void clean() {
		this.jdbc.update("DELETE FROM participation WHERE activity_id IN (SELECT id FROM activity WHERE code LIKE 'TI-PC-%')");
		this.jdbc.update("DELETE FROM activity WHERE code LIKE 'TI-PC-%'");
		this.jdbc.update("DELETE FROM organization_alias WHERE code LIKE 'TI-%'");
		IntakeFixture.remove(this.jdbc);
		this.callers.deleteKeys();
	}

	@Test
	void aSheetChangingOrganizationsOfStoredParticipationsNamesThem() throws Exception {
		IntakeFixture.load(this.mvc, HEADER + row("TI-1", "CIF", "") + row("TI-2", "CIF", "") + row("TI-3", "", "")
				+ row("TI-4", "SCCSF", ""), false)
			.andExpect(jsonPath("$.status").value("IMPORTED"));
		// the same sheet again changes nothing, nor does an empty cell, which keeps the stored organization
		IntakeFixture.load(this.mvc, HEADER + row("TI-1", "CIF", "") + row("TI-2", "", "") + row("TI-3", "", "")
				+ row("TI-4", "SCCSF", ""), true)
			.andExpect(jsonPath("$.updated.participations").value(0))
			.andExpect(jsonPath("$.warnings.length()").value(0));
		IntakeFixture.load(this.mvc, HEADER + row("TI-1", "SCCSF", "") + row("TI-2", "CIF", "")
				+ row("TI-3", "TI-NEW", "New Youth Club") + row("TI-4", "CIF", ""), true)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.updated.participations").value(3))
			.andExpect(jsonPath("$.warnings.length()").value(1))
			.andExpect(jsonPath("$.warnings[0].row").value(2))
			.andExpect(jsonPath("$.warnings[0].column").value("organization_code"))
			.andExpect(jsonPath("$.warnings[0].message").value("The sheet changes the organization of 3 participations"
					+ " (TI-1 at TI-PC-1 from CIF to SCCSF, TI-3 at TI-PC-1 from none to TI-NEW, TI-4 at TI-PC-1 from"
					+ " SCCSF to CIF): each counts under its row's organization, and a person's own organization is the"
					+ " one of their latest activity"));
		// a role and an organization changed in one row: each told, the role first; and an admin's sheet naming a
		// merged code is told the organization it is recorded under
		this.jdbc.update("INSERT INTO organization_alias (code, organization_id) SELECT 'TI-OLD-CIF', id FROM"
				+ " organization WHERE code = 'SCCSF'");
		IntakeFixture.load(this.mvc, HEADER.replace("\n", ",role\n") + row("TI-1", "TI-OLD-CIF", "").replace("\n",
				",trainer\n"), true)
			.andExpect(jsonPath("$.updated.participations").value(1))
			.andExpect(jsonPath("$.warnings[*].message").value(org.hamcrest.Matchers.contains("Organization TI-OLD-CIF"
					+ " was merged into SCCSF: the row naming it is recorded as SCCSF", "The sheet changes the role of 1"
					+ " participation (TI-1 at TI-PC-1 from participant to trainer): only participants are counted"
					+ " among the people reached; trainers, facilitators, speakers and organizers are counted in their"
					+ " own roles", "The sheet changes the organization of 1 participation (TI-1 at TI-PC-1 from CIF to"
					+ " SCCSF): each counts under its row's organization, and a person's own organization is the one"
					+ " of their latest activity", "3 participations stored at activities the sheet names again are"
					+ " not in it (TI-2 at TI-PC-1, TI-3 at TI-PC-1, TI-4 at TI-PC-1): a sheet adds and corrects, it"
					+ " removes no one, so they stay recorded; remove whoever did not attend with removeParticipation")));
	}

	/**
	 * A row's empty organization cell is the organization the sheet gives the person, for a stored participation as
	 * for a new one: a later workshop's row left empty kept the first organization given after the sheet corrected
	 * it, so that the same sheet stored one thing sent again and another sent first, and the person's own organization
	 * stayed one no row named (a tester's).
	 */
	@Test
	void anEmptyOrganizationCellIsTheSameSentAgainAsSentFirst() throws Exception {
		var sheet = HEADER + ROW.formatted("TI-PC-E", IntakeFixture.PROJECT, "%1$s", "CIF", "").replace("2025-10-01",
				"2025-05-01") + ROW.formatted("TI-PC-L", IntakeFixture.PROJECT, "%1$s", "", "");
		IntakeFixture.load(this.mvc, sheet.formatted("TI-1"), false).andExpect(jsonPath("$.status").value("IMPORTED"));
		var corrected = sheet.replace(",CIF,", ",SCCSF,");
		IntakeFixture.load(this.mvc, corrected.formatted("TI-1"), false)
			.andExpect(jsonPath("$.updated.participations").value(2))
			.andExpect(jsonPath("$.updated.participants").value(1))
			.andExpect(jsonPath("$.warnings[0].message").value("The sheet changes the organization of 2 participations"
					+ " (TI-1 at TI-PC-E from CIF to SCCSF, TI-1 at TI-PC-L from CIF to SCCSF): each counts under its"
					+ " row's organization, and a person's own organization is the one of their latest activity"));
		IntakeFixture.load(this.mvc, corrected.formatted("TI-2"), false).andExpect(jsonPath("$.status").value("IMPORTED"));
		assertThat(this.jdbc.queryForList("""
				SELECT p.ref || ' ' || a.code || ' ' || o.code || ' ' || own.code FROM participation pn
				JOIN participant p ON p.id = pn.participant_id JOIN activity a ON a.id = pn.activity_id
				JOIN organization o ON o.id = pn.organization_id JOIN organization own ON own.id = p.organization_id
				WHERE a.code LIKE 'TI-PC-%' ORDER BY 1""", String.class))
			.containsExactly("TI-1 TI-PC-E SCCSF SCCSF", "TI-1 TI-PC-L SCCSF SCCSF", "TI-2 TI-PC-E SCCSF SCCSF",
					"TI-2 TI-PC-L SCCSF SCCSF");
		// a sheet naming the person with no organization anywhere keeps what is stored (told only of TI-2, left out)
		IntakeFixture.load(this.mvc, sheet.replace(",CIF,", ",,").formatted("TI-1"), true)
			.andExpect(jsonPath("$.updated.participations").value(0))
			.andExpect(jsonPath("$.warnings[*].message").value(org.hamcrest.Matchers.contains(
					org.hamcrest.Matchers.startsWith("2 participations stored at activities the sheet names again"))));
	}

	/** A change of a person's detail is told at the row that gives it, not at their first (a tester's was empty). */
	@Test
	void aChangedDetailIsToldAtTheRowGivingIt() throws Exception {
		IntakeFixture.load(this.mvc, HEADER + row("TI-1", "CIF", ""), false).andExpect(jsonPath("$.status").value("IMPORTED"));
		IntakeFixture.load(this.mvc, HEADER + "TI-PC-1,,,TEST-INTAKE,,,TI-1,female,,,\n"
				+ "TI-PC-2,Later,workshop,TEST-INTAKE,2025-11-01,2025-11-01,TI-1,female,1985,,\n", true)
			.andExpect(jsonPath("$.warnings[0].row").value(3))
			.andExpect(jsonPath("$.warnings[0].column").value("birth_year"))
			.andExpect(jsonPath("$.warnings[0].message").value("The sheet changes the birth year of 1 person (TI-1"
					+ " from 1990 to 1985)"));
	}

	/**
	 * A partner is told the codes its own sheet writes and those of organizations it lists (every one at its own
	 * activities is), not the one a code it wrote was merged into while that is not: the merged code, as the merge
	 * warning names it. An admin's correction of a
	 * person's organization its sheet does not change, and is not told of as a change.
	 */
	@Test
	void aPartnerIsToldOnlyOrganizationsItListsOrWrote() throws Exception {
		this.jdbc.update("INSERT INTO organization (code, name, kind) VALUES ('TI-SECRET', 'Secret Watchdog', 'CSO')");
		this.jdbc.update("INSERT INTO organization (code, name, kind) VALUES ('TI-HIDDEN', 'Hidden Club', 'CSO')");
		this.jdbc.update("""
				INSERT INTO organization_alias (code, organization_id)
				SELECT 'TI-OLD', id FROM organization WHERE code = 'TI-HIDDEN'""");
		var partner = this.callers.secret(Role.PARTNER, "CIF");
		partner(partner, HEADER + ROW.formatted("TI-PC-2", "CSO-CAPACITY", "TI-1", "CIF", "")
				+ ROW.formatted("TI-PC-2", "CSO-CAPACITY", "TI-2", "CIF", "")
				+ ROW.formatted("TI-PC-2", "CSO-CAPACITY", "TI-3", "CIF", ""), false)
			.andExpect(jsonPath("$.status").value("IMPORTED"));
		this.jdbc.update("""
				UPDATE participation SET organization_id = (SELECT id FROM organization WHERE code = 'TI-SECRET')
				WHERE participant_id IN (SELECT id FROM participant WHERE ref IN ('TI-1', 'TI-3'))""");
		this.jdbc.update("UPDATE participant SET admin_corrected = '{organization}' WHERE ref = 'TI-3'");
		partner(partner, HEADER + ROW.formatted("TI-PC-2", "CSO-CAPACITY", "TI-1", "CIF", "")
				+ ROW.formatted("TI-PC-2", "CSO-CAPACITY", "TI-2", "ti-old", "")
				+ ROW.formatted("TI-PC-2", "CSO-CAPACITY", "TI-3", "CIF", ""), true)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.updated.participations").value(2))
			.andExpect(jsonPath("$.warnings.length()").value(3))
			.andExpect(jsonPath("$.warnings[0].message").value("Organization TI-OLD was merged into another"
					+ " organization: the row naming it is recorded as that one"))
			.andExpect(jsonPath("$.warnings[1].message").value("The sheet changes the organization of 2"
					+ " participations (TI-1 at TI-PC-2 from TI-SECRET to CIF, TI-2 at TI-PC-2 from CIF to TI-OLD):"
					+ " each counts under its row's organization, and a person's own organization is the one of their"
					+ " latest activity"))
			.andExpect(jsonPath("$.warnings[2].value").value("TI-3"));
		assertThat(this.jdbc.queryForObject("""
				SELECT string_agg(p.ref || ' ' || o.code, ', ' ORDER BY p.ref) FROM participation pn
				JOIN participant p ON p.id = pn.participant_id JOIN organization o ON o.id = pn.organization_id
				JOIN activity a ON a.id = pn.activity_id WHERE a.code = 'TI-PC-2'""", String.class))
			.isEqualTo("TI-1 TI-SECRET, TI-2 CIF, TI-3 TI-SECRET");
	}

	private static String row(String ref, String organization, String name) {
		return ROW.formatted("TI-PC-1", IntakeFixture.PROJECT, ref, organization, name);
	}

	private ResultActions partner(String key, String sheet, boolean dryRun) throws Exception {
		return this.mvc.perform(post("/imports/attendance").param("dryRun", Boolean.toString(dryRun))
			.header("Authorization", "Bearer " + key)
			.contentType("text/csv")
			.content(sheet.getBytes(StandardCharsets.UTF_8)));
	}

}
