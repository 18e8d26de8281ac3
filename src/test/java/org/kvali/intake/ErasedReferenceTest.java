package org.kvali.intake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kvali.Callers;
import org.kvali.IntegrationTest;
import org.kvali.access.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A person erased at their request is not brought back by a sheet naming their old reference (a tester's: the same
 * sheet sent again made them a new record, counted twice beside the erased one).
 */
@IntegrationTest
class ErasedReferenceTest {

	private static final String SHEET = AttendanceImportTest.HEADER + """
			TI-WS-1,Workshop,workshop,TEST-INTAKE,2025-03-01,2025-03-01,,TI-1,female,1990,,,,,
			TI-WS-1,Workshop,workshop,TEST-INTAKE,2025-03-01,2025-03-01,,TI-2,male,1985,,,,,
			""";

	private static final String REFUSAL = "The person of this reference was erased at their request, and a sheet does"
			+ " not bring them back: remove their rows, or, if they took part again and agreed to be recorded, give"
			+ " them a new reference";

	@Autowired
	MockMvc mvc;

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	JdbcTemplate jdbc;

	private final List<Long> erased = new ArrayList<>();

	@BeforeEach
	void project() {
		IntakeFixture.create(this.jdbc);
	}

	@Autowired
	Callers callers;

	@AfterEach
	void clean() {
		this.jdbc.update("DELETE FROM participation WHERE activity_id IN (SELECT id FROM activity WHERE code LIKE 'TI-%')");
		this.jdbc.update("DELETE FROM activity WHERE code LIKE 'TI-%'");
		IntakeFixture.remove(this.jdbc);
		this.jdbc.update("DELETE FROM participant WHERE id = ANY(?)", (Object) this.erased.toArray(Long[]::new));
		this.jdbc.update("DELETE FROM erased_reference");
		this.callers.deleteKeys();
	}

	@Test
	void aSheetNamingAnErasedPersonIsRefusedAndStoresNothing() throws Exception {
		load(SHEET, false).andExpect(status().isOk()).andExpect(jsonPath("$.created.participants").value(2));
		forget("TI-1");
		// the same sheet again, and the reference in another case, in a sheet for another activity
		load(SHEET, false).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[0].column").value("participant_ref"))
			.andExpect(jsonPath("$.errors[0].value").value("TI-1"))
			.andExpect(jsonPath("$.errors[0].message").value(REFUSAL));
		load(SHEET.replace("TI-WS-1", "TI-WS-2").replace("TI-1", "ti-1"), true)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].value").value("ti-1"))
			.andExpect(jsonPath("$.errors[0].message").value(REFUSAL));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM participation WHERE activity_id IN"
				+ " (SELECT id FROM activity WHERE code LIKE 'TI-WS-%')", Integer.class)).isEqualTo(2);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM participant WHERE lower(ref) = 'ti-1'",
				Integer.class)).isZero();
		// the refusals are kept without the reference, as the reports before the erasure are (a tester's read it)
		var refused = this.jdbc.queryForList("SELECT CAST(report AS text) FROM attendance_import WHERE status ="
				+ " 'REJECTED' ORDER BY imported_at", String.class);
		assertThat(refused).hasSize(2).noneMatch(report -> report.matches("(?is).*\\bTI-1\\b.*"));
		assertThat(JsonPath.<List<String>>read(refused.get(0), "$.errors[*].value")).containsExactly("(erased)");
		// nor does a message of another column naming the person keep them (a reviewer's)
		load(SHEET.replace("TI-WS-1", "TI-WS-3") + "TI-WS-4,Workshop,workshop,TEST-INTAKE,2025-03-01,2025-03-01,,TI-1,"
				+ "female,1991,,,,,\n", true)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.column == 'birth_year')].message").value(org.hamcrest.Matchers.hasItem(
					"Participant TI-1 has birth year 1990 in row 2 and 1991 in row 4")));
		assertThat(this.jdbc.queryForList("SELECT CAST(report AS text) FROM attendance_import WHERE status ="
				+ " 'REJECTED'", String.class)).hasSize(3).noneMatch(report -> report.matches("(?is).*\\bTI-1\\b.*"));
		// a person who took part again, with a new reference, is added
		load(SHEET.replace("TI-1", "TI-3"), false).andExpect(status().isOk())
			.andExpect(jsonPath("$.created.participants").value(1));
	}

	/**
	 * A reference as an erasure gives one is no sheet's to add, under the erased person's own or a made-up one (a
	 * tester's partner made a record that read as that of an erased person).
	 */
	@Test
	void aReferenceAsAnErasureGivesIsRefused() throws Exception {
		load(SHEET, false).andExpect(status().isOk());
		forget("TI-1");
		var given = this.jdbc.queryForObject("SELECT ref FROM participant WHERE id = ?", String.class, this.erased.get(0));
		for (var ref : List.of(given, "Forgotten-0123456789abcdef01234567")) {
			load(SHEET.replace("TI-WS-1", "TI-WS-2").replace("TI-1", ref), true)
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors.length()").value(1))
				.andExpect(jsonPath("$.errors[0].value").value(ref))
				.andExpect(jsonPath("$.errors[0].message").value("A reference beginning with forgotten- is that of a "
						+ "person erased at their request (forgetParticipant); a sheet adds no one under such a "
						+ "reference, nor to them"));
		}
	}

	/**
	 * A partner is told of an erasure only where its organizations ran an activity of the person's: of another's
	 * person it learns nothing more than before (a tester's CIF key learnt that an SCCSF participant had asked to be
	 * erased).
	 */
	@Test
	void aPartnerIsToldOfTheErasureOfItsOwnParticipantsAlone() throws Exception {
		// TI-5 of an admin's activity, TI-6 of one CIF runs
		load(SHEET.replace("TI-1", "TI-5").replace("TI-2,male", "TI-7,male"), false).andExpect(status().isOk());
		var cif = "Bearer " + this.callers.secret(Role.PARTNER, "CIF");
		var own = AttendanceImportTest.HEADER
				+ "TI-WS-8,Meeting,meeting,CSO-CAPACITY,2025-04-01,2025-04-01,,TI-6,female,1990,,,,,\n";
		this.mvc.perform(post("/imports/attendance").header("Authorization", cif).contentType("text/csv")
			.content(own.getBytes(StandardCharsets.UTF_8))).andExpect(status().isOk());
		var notOwn = "Participant TI-5 also took part in projects your organizations have no part in; ask an admin to"
				+ " add them";
		var naming = AttendanceImportTest.HEADER
				+ "TI-WS-8,Meeting,meeting,CSO-CAPACITY,2025-04-01,2025-04-01,,TI-5,female,1990,,,,,\n"
				+ "TI-WS-8,Meeting,meeting,CSO-CAPACITY,2025-04-01,2025-04-01,,TI-6,female,1990,,,,,\n"
				+ "TI-WS-9,Meeting,meeting,CSO-CAPACITY,2025-04-02,2025-04-02,,TI-5,female,1990,,,,,\n";
		// each row naming another's person, before the erasure and after it alike
		partnerLoad(cif, naming).andExpect(jsonPath("$.errors.length()").value(2))
			.andExpect(jsonPath("$.errors[0].message").value(notOwn))
			.andExpect(jsonPath("$.errors[1].row").value(4))
			.andExpect(jsonPath("$.errors[1].message").value(notOwn));
		var cifs = "SELECT CAST(report AS text) FROM attendance_import WHERE imported_for"
				+ " = ARRAY(SELECT id FROM organization WHERE code = 'CIF') ORDER BY imported_at";
		var refused = this.jdbc.queryForList(cifs, String.class).get(1);
		// at an activity another organization runs, the row is refused for the activity alone, and stays so: told of
		// the person after the erasure, the partner learnt that another organization's person had been erased (a
		// review's)
		var foreign = this.jdbc.queryForObject("""
				SELECT a.code FROM activity a JOIN organization o ON o.id = a.organizer_id
				JOIN project p ON p.id = a.project_id WHERE o.code = 'SCCSF' AND p.code = 'CSO-CAPACITY'
				ORDER BY a.code LIMIT 1""", String.class);
		var atOthers = AttendanceImportTest.HEADER + foreign + ",,,CSO-CAPACITY,,,,TI-5,female,,,,,,\n";
		var atOthersBefore = partnerLoad(cif, atOthers).andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].column").value("activity_code"))
			.andReturn().getResponse().getContentAsString();
		forget("TI-5");
		forget("TI-6");
		partnerLoad(cif, atOthers).andExpect(jsonPath("$.errors").value(
				JsonPath.<List<Object>>read(atOthersBefore, "$.errors")));
		// the history of its sheets no longer tells the partner their references (a tester's read TI-5 there), and
		// the refusal of another's person reads as before the erasure
		var history = this.jdbc.queryForList(cifs, String.class);
		assertThat(history.get(1)).isEqualTo(refused);
		assertThat(history).hasSize(4).noneMatch(report -> report.matches("(?is).*\\bTI-[56]\\b.*"));
		// another's person is kept without the reference, erased or not: "(erased)" had told the partner of it
		assertThat(JsonPath.<List<String>>read(history.get(1), "$.errors[*].message")).containsExactly(
				notOwn.replace("TI-5", "(not kept)"), notOwn.replace("TI-5", "(not kept)"));
		assertThat(JsonPath.<List<String>>read(history.get(1), "$.errors[*].value")).containsExactly("(not kept)",
				"(not kept)");
		assertThat(JsonPath.<List<Integer>>read(history.get(1), "$.errors[*].row")).containsExactly(2, 4);
		partnerLoad(cif, naming).andExpect(jsonPath("$.errors.length()").value(3))
			.andExpect(jsonPath("$.errors[0].message").value(notOwn))
			.andExpect(jsonPath("$.errors[1].value").value("TI-6"))
			.andExpect(jsonPath("$.errors[1].message").value(REFUSAL))
			.andExpect(jsonPath("$.errors[2].row").value(4))
			.andExpect(jsonPath("$.errors[2].message").value(notOwn));
		assertThat(this.jdbc.queryForList("SELECT CAST(report AS text) FROM attendance_import", String.class))
			.hasSize(6).noneMatch(report -> report.matches("(?is).*\\bTI-[56]\\b.*"));
	}

	/**
	 * Another's person named in another case is refused as another's alone, before an erasure and after it: a message
	 * of the case named their stored reference, was kept in the history, and went once they were erased (a review's).
	 */
	@Test
	void anotherOrganizationsPersonInAnotherCaseIsToldNoMore() throws Exception {
		load(SHEET.replace("TI-1", "TI-5"), false).andExpect(status().isOk());
		var cif = "Bearer " + this.callers.secret(Role.PARTNER, "CIF");
		// in two cases, and of two genders, in rows the history keeps (a partner read "(erased)" in the message of
		// the genders once they were, and was told the other spelling of them alone: a tester's)
		var naming = AttendanceImportTest.HEADER
				+ "TI-WS-8,Meeting,meeting,CSO-CAPACITY,2025-04-01,2025-04-01,,ti-5,female,1990,,,,,\n"
				+ "TI-WS-9,Meeting,meeting,CSO-CAPACITY,2025-04-02,2025-04-02,,ti-5,male,1990,,,,,\n"
				+ "TI-WS-9,Meeting,meeting,CSO-CAPACITY,2025-04-02,2025-04-02,,TI-5,male,1990,,,,,\n";
		var notOwn = "Participant %s also took part in projects your organizations have no part in; ask an admin to"
				+ " add them";
		var cifs = "SELECT CAST(report AS text) FROM attendance_import WHERE imported_for"
				+ " = ARRAY(SELECT id FROM organization WHERE code = 'CIF') ORDER BY imported_at";
		for (boolean erased : new boolean[] { false, true }) {
			if (erased) {
				forget("TI-5");
			}
			var genders = "Participant ti-5 has gender female in row 2 and male in row 3";
			partnerLoad(cif, naming, false)
				.andExpect(jsonPath("$.errors[*].row").value(org.hamcrest.Matchers.contains(2, 2, 3, 3, 4)))
				.andExpect(jsonPath("$.errors[*].message").value(org.hamcrest.Matchers.contains(
						notOwn.formatted("ti-5"), genders, notOwn.formatted("ti-5"), genders,
						notOwn.formatted("TI-5"))));
		}
		var history = this.jdbc.queryForList(cifs, String.class);
		assertThat(history).hasSize(2).noneMatch(report -> report.matches("(?is).*\\bTI-5\\b.*"));
		var genders = "Participant (not kept) has gender female in row 2 and male in row 3";
		assertThat(JsonPath.<List<String>>read(history.get(0), "$.errors[*].message")).containsExactly(
				notOwn.formatted("(not kept)"), genders, notOwn.formatted("(not kept)"), genders,
				notOwn.formatted("(not kept)"));
		assertThat(history.get(1)).isEqualTo(history.get(0).replace(JsonPath.read(history.get(0), "$.id"),
				JsonPath.read(history.get(1), "$.id")).replace(JsonPath.read(history.get(0), "$.importedAt"),
						JsonPath.read(history.get(1), "$.importedAt")));
		// its own participant, at an activity of another project too, is told as an admin is: the sheet sent again
		// in another case, its row stored already, went through unrefused (a review's)
		var own = AttendanceImportTest.HEADER
				+ "TI-WS-8,Meeting,meeting,CSO-CAPACITY,2025-04-01,2025-04-01,,TI-6,female,1990,,,,,\n";
		this.mvc.perform(post("/imports/attendance").header("Authorization", cif).contentType("text/csv")
			.content(own.getBytes(StandardCharsets.UTF_8))).andExpect(status().isOk());
		load(SHEET.replace("TI-1", "TI-6").replace("TI-2,male", "TI-7,male"), false).andExpect(status().isOk());
		partnerLoad(cif, own.replace("TI-6", "ti-6")).andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].message").value("Participant ti-6 is TI-6 written in another case;"
					+ " write it as TI-6"));
	}

	/**
	 * Another's person is kept out of every message of a partner's report, at a row of another's activity too, where
	 * the rows' disagreement on their gender is told as well: kept there, an erasure since took it out as "(erased)"
	 * (a review's).
	 */
	@Test
	void anotherOrganizationsPersonIsKeptOutOfEveryMessage() throws Exception {
		load(SHEET.replace("TI-1", "TI-5"), false).andExpect(status().isOk());
		var cif = "Bearer " + this.callers.secret(Role.PARTNER, "CIF");
		var naming = AttendanceImportTest.HEADER
				+ "TI-WS-8,Meeting,meeting,CSO-CAPACITY,2025-04-01,2025-04-01,,TI-5,female,1990,,,,,\n"
				+ "TI-WS-1,Workshop,workshop,TEST-INTAKE,2025-03-01,2025-03-01,,TI-5,male,1990,,,,,\n";
		partnerLoad(cif, naming, false);
		var cifs = "SELECT CAST(report AS text) FROM attendance_import WHERE imported_for"
				+ " = ARRAY(SELECT id FROM organization WHERE code = 'CIF')";
		var kept = this.jdbc.queryForObject(cifs, String.class);
		assertThat(JsonPath.<List<String>>read(kept, "$.errors[*].message")).isNotEmpty()
			.contains("Participant (not kept) has gender female in row 2 and male in row 3");
		forget("TI-5");
		assertThat(this.jdbc.queryForObject(cifs, String.class)).isEqualTo(kept)
			.doesNotContainIgnoringCase("TI-5").doesNotContain("(erased)");
	}

	private ResultActions partnerLoad(String key, String sheet) throws Exception {
		return partnerLoad(key, sheet, true);
	}

	private ResultActions partnerLoad(String key, String sheet, boolean dryRun) throws Exception {
		return this.mvc.perform(post("/imports/attendance").param("dryRun", String.valueOf(dryRun))
			.header("Authorization", key)
			.contentType("text/csv")
			.content(sheet.getBytes(StandardCharsets.UTF_8))).andExpect(status().isUnprocessableContent());
	}

	private void forget(String ref) {
		this.erased.add(this.jdbc.queryForObject("SELECT id FROM participant WHERE ref = ?", Long.class, ref));
		this.graphQl.document("mutation($ref: ID!) { forgetParticipant(ref: $ref) { participations } }")
			.variable("ref", ref)
			.execute()
			.path("forgetParticipant.participations").entity(Integer.class).isEqualTo(1);
	}

	private ResultActions load(String sheet, boolean dryRun) throws Exception {
		return IntakeFixture.load(this.mvc, sheet, dryRun);
	}

}
