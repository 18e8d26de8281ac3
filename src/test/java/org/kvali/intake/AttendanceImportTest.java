package org.kvali.intake;

import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kvali.Callers;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class AttendanceImportTest {

	static final String HEADER = "activity_code,activity_title,activity_kind,project_code,start_date,end_date,"
			+ "venue_municipality,participant_ref,gender,birth_year,disability,home_municipality,organization_code,"
			+ "organization_name,role\n";

	static final String SHEET = HEADER + """
			TI-WS-1,Budget workshop,workshop,TEST-INTAKE,12.09.2025,12.09.2025,Marneuli,TI-1,female,1990,არა,Marneuli,TI-ORG,Test Youth Voice,
			TI-WS-1,Budget workshop,workshop,TEST-INTAKE,12.09.2025,12.09.2025,Marneuli,TI-2,ქალი,1998,კი,მარნეული,TI-ORG,Test Youth Voice,participant
			TI-WS-1,Budget workshop,workshop,TEST-INTAKE,12.09.2025,12.09.2025,Marneuli,TI-3,M,,,GE-KK-BOLNISI,,,trainer
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.springframework.graphql.test.tester.HttpGraphQlTester graphQl;

	@Autowired
	Callers callers;

	@BeforeEach
	void project() {
		IntakeFixture.create(this.jdbc);
	}

	@AfterEach
	void clean() {
		IntakeFixture.remove(this.jdbc);
		this.callers.deleteKeys();
	}

	@Test
	void aDryRunCountsExactlyAndStoresNothing() throws Exception {
		load(SHEET, true).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("VALIDATED"))
			.andExpect(jsonPath("$.dryRun").value(true))
			.andExpect(jsonPath("$.rows").value(3))
			.andExpect(jsonPath("$.created.activities").value(1))
			.andExpect(jsonPath("$.created.participants").value(3))
			.andExpect(jsonPath("$.created.participations").value(3))
			.andExpect(jsonPath("$.created.organizations").value(1))
			.andExpect(jsonPath("$.errors.length()").value(0));
		assertThat(count("SELECT count(*) FROM participant WHERE ref LIKE 'TI-%'")).isZero();
		assertThat(count("SELECT count(*) FROM activity WHERE code = 'TI-WS-1'")).isZero();
		assertThat(count("SELECT count(*) FROM organization WHERE code = 'TI-ORG'")).isZero();
		assertThat(count("SELECT count(*) FROM attendance_import WHERE status = 'VALIDATED'")).isEqualTo(1);
	}

	/** Excel saves CSV with semicolons where the comma is the decimal sign (Georgian among them), or with tabs. */
	@Test
	void aSheetSeparatedBySemicolonsOrTabsIsReadAlike() throws Exception {
		for (var separator : new String[] { ";", "\t" }) {
			load(SHEET.replace(",", separator), true).andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("VALIDATED"))
				.andExpect(jsonPath("$.rows").value(3))
				.andExpect(jsonPath("$.created.participants").value(3))
				.andExpect(jsonPath("$.created.organizations").value(1))
				.andExpect(jsonPath("$.errors.length()").value(0))
				.andExpect(jsonPath("$.warnings.length()").value(0));
		}
		// after a blank line, with a comma inside a quoted column name: still semicolons
		var quoted = "\n" + SHEET.replace(",", ";").replaceFirst("role\n", "role;\"notes, comments\"\n");
		load(quoted, true).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("VALIDATED"))
			.andExpect(jsonPath("$.created.participants").value(3))
			.andExpect(jsonPath("$.warnings.length()").value(1))
			.andExpect(jsonPath("$.warnings[0].column").value("notes, comments"));
	}

	@Test
	void aLoadStoresEveryRowAndLoadingItAgainChangesNothing() throws Exception {
		load(SHEET, false).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("IMPORTED"))
			.andExpect(jsonPath("$.created.participations").value(3))
			.andExpect(jsonPath("$.created.organizations").value(1))
			.andExpect(jsonPath("$.unchanged.activities").value(0))
			.andExpect(jsonPath("$.unchanged.participants").value(0))
			.andExpect(jsonPath("$.unchanged.organizations").value(0))
			.andExpect(jsonPath("$.fileSha256").value(org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}")));
		assertThat(this.jdbc.queryForList("""
				SELECT p.ref || ' ' || p.gender || ' ' || coalesce(p.birth_year::text, '-') || ' ' || coalesce(p.disability::text, '-')
				       || ' ' || coalesce(p.home_municipality_code, '-') || ' ' || coalesce(o.code, '-') || ' ' || pn.role
				FROM participation pn JOIN participant p ON p.id = pn.participant_id
				LEFT JOIN organization o ON o.id = pn.organization_id
				JOIN activity a ON a.id = pn.activity_id WHERE a.code = 'TI-WS-1' ORDER BY p.ref""", String.class))
			.containsExactly("TI-1 FEMALE 1990 false GE-KK-MARNEULI TI-ORG PARTICIPANT",
					"TI-2 FEMALE 1998 true GE-KK-MARNEULI TI-ORG PARTICIPANT", "TI-3 MALE - - GE-KK-BOLNISI - TRAINER");
		assertThat(this.jdbc.queryForObject("""
				SELECT kind || ' ' || title || ' ' || start_date || ' ' || venue_municipality_code FROM activity
				WHERE code = 'TI-WS-1'""", String.class)).isEqualTo("WORKSHOP Budget workshop 2025-09-12 GE-KK-MARNEULI");
		// the load's audit entry was written by the transaction that stored its rows and its history: a load
		// committed just before the service was killed had none (a tester's)
		assertThat(this.jdbc.queryForObject("""
				SELECT count(*) FROM attendance_import i JOIN audit_event e ON e.subject LIKE i.id || ' IMPORTED%'
				JOIN activity a ON a.code = 'TI-WS-1'
				WHERE e.action = 'import' AND CAST(e.xmin AS text) = CAST(i.xmin AS text)
				  AND CAST(a.xmin AS text) = CAST(i.xmin AS text)""", Integer.class)).isOne();

		load(SHEET, false).andExpect(status().isOk())
			.andExpect(jsonPath("$.created.activities").value(0))
			.andExpect(jsonPath("$.created.participants").value(0))
			.andExpect(jsonPath("$.created.participations").value(0))
			.andExpect(jsonPath("$.updated.participations").value(0))
			.andExpect(jsonPath("$.unchanged.activities").value(1))
			.andExpect(jsonPath("$.unchanged.participants").value(3))
			.andExpect(jsonPath("$.unchanged.participations").value(3))
			.andExpect(jsonPath("$.unchanged.organizations").value(1));
		assertThat(count("SELECT count(*) FROM participation pn JOIN activity a ON a.id = pn.activity_id WHERE a.code = 'TI-WS-1'"))
			.isEqualTo(3);
	}

	/**
	 * A title typed over two lines of its cell is one title, its line breaks read as spaces: a quoted CSV cell's, a
	 * tab, Unicode's next line and line and paragraph separators (it was refused as holding control characters).
	 */
	@Test
	void aTitleOverTwoLinesIsOneTitle() throws Exception {
		var titles = List.of("\"Budget \r\n hearing\n\"", "Budget\thearing", "Budget\u0085hearing",
				"Budget\u2028\u2029hearing");
		var sheet = new StringBuilder(HEADER);
		for (int i = 0; i < titles.size(); i++) {
			sheet.append("TI-WS-" + i + "," + titles.get(i) + ",workshop,TEST-INTAKE,2025-09-12,2025-09-12,,TI-1,female,"
					+ ",,,,,\n");
		}
		load(sheet.toString(), false).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("IMPORTED"));
		assertThat(this.jdbc.queryForList("SELECT title FROM activity WHERE code LIKE 'TI-WS-%' ORDER BY code",
				String.class)).containsExactly("Budget hearing", "Budget hearing", "Budget hearing", "Budget hearing");
	}

	/** Of a sheet naming one activity again and only adding someone to another, the first alone is told. */
	@Test
	void onlyAnActivityTheSheetNamesAgainIsToldOfThePeopleItLeavesOut() throws Exception {
		load(SHEET, false).andExpect(status().isOk());
		load(HEADER + """
				TI-WS-2,Second workshop,workshop,TEST-INTAKE,2025-09-13,2025-09-13,,TI-1,female,,,,,,
				TI-WS-2,Second workshop,workshop,TEST-INTAKE,2025-09-13,2025-09-13,,TI-2,female,,,,,,
				""", false).andExpect(status().isOk());
		load(HEADER + """
				TI-WS-1,,,TEST-INTAKE,,,,TI-1,female,,,,,,
				TI-WS-2,,,TEST-INTAKE,,,,TI-9,female,,,,,,
				""", true).andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings[*].message").value(org.hamcrest.Matchers.contains("2 participations stored"
					+ " at activities the sheet names again are not in it (TI-2 at TI-WS-1, TI-3 at TI-WS-1): a sheet"
					+ " adds and corrects, it removes no one, so they stay recorded; remove whoever did not attend with"
					+ " removeParticipation")));
	}

	/** A sheet sent again unchanged rewrites no stored row (a row written with the same values is a change noted). */
	@Test
	void aSheetSentAgainUnchangedRewritesNoRow() throws Exception {
		load(SHEET, false).andExpect(status().isOk());
		var rows = """
				SELECT string_agg(p.ref || ':' || p.xmin || ':' || pn.xmin, ',' ORDER BY p.ref)
				FROM participant p JOIN participation pn ON pn.participant_id = p.id WHERE p.ref LIKE 'TI-%'""";
		var before = this.jdbc.queryForObject(rows, String.class);
		load(SHEET, false).andExpect(status().isOk())
			.andExpect(jsonPath("$.updated.participants").value(0))
			.andExpect(jsonPath("$.updated.participations").value(0));
		assertThat(this.jdbc.queryForObject(rows, String.class)).isEqualTo(before);
	}

	@Test
	void aLaterSheetCorrectsWhatItMayAndCountsItAsUpdated() throws Exception {
		load(SHEET, false).andExpect(status().isOk());
		var correction = HEADER + """
				TI-WS-1,Budget workshop (corrected),,TEST-INTAKE,,13.09.2025,,TI-1,female,1991,,Bolnisi,,,facilitator
				""";
		load(correction, false).andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings.length()").value(5))
			// the sheet of the workshop again, with one of its three people: the other two stay
			.andExpect(jsonPath("$.warnings[4].message").value("2 participations stored at activities the sheet names"
					+ " again are not in it (TI-2 at TI-WS-1, TI-3 at TI-WS-1): a sheet adds and corrects, it removes no"
					+ " one, so they stay recorded; remove whoever did not attend with removeParticipation"))
			.andExpect(jsonPath("$.warnings[2].message").value("The sheet changes the birth year of 1 person (TI-1"
					+ " from 1990 to 1991)"))
			.andExpect(jsonPath("$.warnings[3].message").value("The sheet changes the role of 1 participation (TI-1 at"
					+ " TI-WS-1 from participant to facilitator): only participants are counted among the people reached;"
					+ " trainers, facilitators, speakers and organizers are counted in their own roles"))
			.andExpect(jsonPath("$.warnings[0].row").value(2))
			.andExpect(jsonPath("$.warnings[0].value").value("TI-WS-1"))
			.andExpect(jsonPath("$.warnings[1].row").value(2))
			.andExpect(jsonPath("$.warnings[1].column").value("home_municipality"))
			.andExpect(jsonPath("$.warnings[1].message").value("The sheet changes the home municipality of 1 person (TI-1"
					+ " from GE-KK-MARNEULI to GE-KK-BOLNISI (Bolnisi)): a person's home is the one the last sheet gave,"
					+ " whatever the dates of its activities"))
			.andExpect(jsonPath("$.warnings[0].message").value("Activity TI-WS-1 is stored; this sheet changes its title"
					+ " from \"Budget workshop\" to \"Budget workshop (corrected)\", its end from 2025-09-12 to 2025-09-13"
					+ " (is it the activity meant?)"))
			.andExpect(jsonPath("$.updated.activities").value(1))
			.andExpect(jsonPath("$.updated.participants").value(1))
			.andExpect(jsonPath("$.updated.participations").value(1))
			.andExpect(jsonPath("$.created.participations").value(0));
		// a sheet adding someone to the workshop, naming none of its stored people, is not told of them
		load(HEADER + "TI-WS-1,,,TEST-INTAKE,,,,TI-9,female,,,,,,\n", true).andExpect(status().isOk())
			.andExpect(jsonPath("$.created.participations").value(1))
			.andExpect(jsonPath("$.warnings.length()").value(0));
		assertThat(this.jdbc.queryForObject("SELECT title || ' ' || end_date FROM activity WHERE code = 'TI-WS-1'", String.class))
			.isEqualTo("Budget workshop (corrected) 2025-09-13");
		assertThat(this.jdbc.queryForObject("""
				SELECT p.birth_year || ' ' || p.home_municipality_code || ' ' || pn.role FROM participant p
				JOIN participation pn ON pn.participant_id = p.id WHERE p.ref = 'TI-1'""", String.class))
			.isEqualTo("1991 GE-KK-BOLNISI FACILITATOR");
	}

	/**
	 * A sheet naming stored records and new ones counts each record once: created, corrected, or stored already as
	 * the sheet gives it (unchanged activities, participants and organizations were counted 0, a tester's).
	 */
	@Test
	void eachRecordTheSheetNamesIsCreatedCorrectedOrUnchanged() throws Exception {
		load(SHEET, false).andExpect(status().isOk());
		load(HEADER + """
				TI-WS-1,,,TEST-INTAKE,,,,TI-1,female,1991,,,TI-ORG,,
				TI-WS-1,,,TEST-INTAKE,,,,TI-2,female,,,,TI-ORG,,
				TI-WS-1,,,TEST-INTAKE,,,,TI-3,male,,,,,,
				TI-WS-2,Second workshop,workshop,TEST-INTAKE,2025-09-13,2025-09-13,,TI-4,female,,,,TI-NEW,New Voice,
				TI-WS-2,Second workshop,workshop,TEST-INTAKE,2025-09-13,2025-09-13,,TI-2,female,,,,TI-ORG,,
				""", true).andExpect(status().isOk())
			.andExpect(jsonPath("$.errors.length()").value(0))
			.andExpect(jsonPath("$.created.activities").value(1))
			.andExpect(jsonPath("$.created.participants").value(1))
			.andExpect(jsonPath("$.created.participations").value(2))
			.andExpect(jsonPath("$.created.organizations").value(1))
			.andExpect(jsonPath("$.updated.activities").value(0))
			.andExpect(jsonPath("$.updated.participants").value(1))
			.andExpect(jsonPath("$.updated.participations").value(0))
			.andExpect(jsonPath("$.unchanged.activities").value(1))
			.andExpect(jsonPath("$.unchanged.participants").value(2))
			.andExpect(jsonPath("$.unchanged.participations").value(3))
			.andExpect(jsonPath("$.unchanged.organizations").value(1));
	}

	@Test
	void aNewParticipationTakesTheOrganizationOfItsRowElseTheOneTheSheetGivesThePersonElseTheStoredOne()
			throws Exception {
		load(SHEET, false).andExpect(status().isOk());
		var sheet = HEADER + """
				TI-WS-2,Second workshop,workshop,TEST-INTAKE,2025-09-13,2025-09-13,,TI-1,female,,,,,,
				TI-WS-2,Second workshop,workshop,TEST-INTAKE,2025-09-13,2025-09-13,,TI-2,female,,,,,,
				TI-WS-2,Second workshop,workshop,TEST-INTAKE,2025-09-13,2025-09-13,,TI-3,male,,,,,,
				TI-WS-2,Second workshop,workshop,TEST-INTAKE,2025-09-13,2025-09-13,,TI-4,female,,,,,,
				TI-WS-3,Third workshop,workshop,TEST-INTAKE,2025-09-14,2025-09-14,,TI-1,female,,,,TI-ORG2,Test Second Voice,
				TI-WS-3,Third workshop,workshop,TEST-INTAKE,2025-09-14,2025-09-14,,TI-4,female,,,,TI-ORG,,
				""";
		load(sheet, false).andExpect(status().isOk())
			.andExpect(jsonPath("$.created.participations").value(6))
			.andExpect(jsonPath("$.created.participants").value(1))
			.andExpect(jsonPath("$.created.organizations").value(1))
			.andExpect(jsonPath("$.updated.participants").value(1));
		assertThat(this.jdbc.queryForList("""
				SELECT a.code || ' ' || p.ref || ' ' || coalesce(o.code, '-')
				FROM participation pn JOIN participant p ON p.id = pn.participant_id
				JOIN activity a ON a.id = pn.activity_id LEFT JOIN organization o ON o.id = pn.organization_id
				WHERE a.code IN ('TI-WS-2', 'TI-WS-3') ORDER BY a.code, p.ref""", String.class))
			.containsExactly("TI-WS-2 TI-1 TI-ORG2", "TI-WS-2 TI-2 TI-ORG", "TI-WS-2 TI-3 -", "TI-WS-2 TI-4 TI-ORG",
					"TI-WS-3 TI-1 TI-ORG2", "TI-WS-3 TI-4 TI-ORG");
		assertThat(this.jdbc.queryForList("""
				SELECT p.ref || ' ' || coalesce(o.code, '-') FROM participant p
				LEFT JOIN organization o ON o.id = p.organization_id WHERE p.ref LIKE 'TI-%' ORDER BY p.ref""",
				String.class))
			.containsExactly("TI-1 TI-ORG2", "TI-2 TI-ORG", "TI-3 -", "TI-4 TI-ORG");
	}

	@Test
	void anEndDateBeforeTheStoredStartIsRefused() throws Exception {
		load(SHEET, false).andExpect(status().isOk());
		load(HEADER + "TI-WS-1,,,TEST-INTAKE,,01.09.2025,,TI-1,female,,,,,,\n", false)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[0].column").value("end_date"))
			.andExpect(jsonPath("$.errors[0].value").value("01.09.2025"))
			.andExpect(jsonPath("$.errors[0].message")
				.value("The activity would end (2025-09-01) before it starts (2025-09-12)"));
		assertThat(this.jdbc.queryForObject("SELECT end_date FROM activity WHERE code = 'TI-WS-1'", String.class))
			.isEqualTo("2025-09-12");
	}

	/**
	 * An error about an activity's date names the first row giving that date, as the sheet writes it: an activity's
	 * rows after its first may give its details, and the first row's empty cell was named, with the date as Kvali
	 * writes it (a review's).
	 */
	@Test
	void anActivitysDateIsRefusedAtTheRowGivingIt() throws Exception {
		// TI-WS-1 stored, of 12 September 2025
		load(SHEET, false).andExpect(status().isOk());
		load(HEADER + """
				TI-WS-8,Workshop,workshop,TEST-INTAKE,2025-09-12,,,TI-1,female,,,,,,
				TI-WS-8,,,TEST-INTAKE,,01.09.2025,,TI-2,female,,,,,,
				TI-WS-1,,,TEST-INTAKE,,,,TI-3,male,,,,,,
				TI-WS-1,,,TEST-INTAKE,13.09.2025,,,TI-4,female,,,,,,
				""", true)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(2))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].column").value("end_date"))
			.andExpect(jsonPath("$.errors[0].value").value("01.09.2025"))
			.andExpect(jsonPath("$.errors[0].message")
				.value("The activity would end (2025-09-01) before it starts (2025-09-12)"))
			.andExpect(jsonPath("$.errors[1].row").value(5))
			.andExpect(jsonPath("$.errors[1].column").value("start_date"))
			.andExpect(jsonPath("$.errors[1].value").value("13.09.2025"))
			.andExpect(jsonPath("$.errors[1].message")
				.value("The activity would end (2025-09-12) before it starts (2025-09-13)"));
	}

	@Test
	void aSheetWithErrorsIsRefusedWhole() throws Exception {
		var bad = HEADER.replace("\n", ",notes\n") + """
				TI-WS-2,Workshop,picnic,TEST-INTAKE,2025-02-30,2025-02-28,Nowhere,TI-1,q,1890,maybe,,TI-NEW,,x,a note
				TI-WS-2,Workshop,workshop,NO-SUCH,2025-03-01,2025-03-01,,TI-2,female,1990,,,,,,
				TI-WS-2,Workshop,workshop,TEST-INTAKE,2025-03-01,2025-03-01,,TI-2,female,1991,,,,,,
				TI-WS-3,Fine,meeting,TEST-INTAKE,2025-03-01,2025-02-01,,TI-4,female,2025,,,,,,
				TI-WS-4,Fine,meeting,TEST-INTAKE,2025-03-01,2025-03-01,,TI-5,female,%d,,,,,,
				TI-WS-4,Fine,meeting,TEST-INTAKE,2025/03/01,2025-03-01,,TI-6,female,19x0,,,,,,
				TI-WS-4,Fine,meeting,TEST-INTAKE,2025-03-01,2025-03-01,,TI-7,female,2026,,,,,,
				""".formatted(Year.now().getValue() + 1);
		var birthYears = "A birth year is four digits from 1900 to " + Year.now().getValue();
		var projects = "Activity TI-WS-2's rows give project_code TEST-INTAKE (2 rows, the first row 2) and NO-SUCH"
				+ " (row 3); all its rows must agree";
		load(bad, false).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.status").value("REJECTED"))
			.andExpect(jsonPath("$.warnings[0].column").value("notes"))
			.andExpect(jsonPath("$.warnings[0].message").value("unknown column, ignored"))
			.andExpect(jsonPath("$.errors[?(@.row == 2 && @.column == 'gender')].value").value("q"))
			.andExpect(jsonPath("$.errors[?(@.row == 2 && @.column == 'start_date')].message")
				.value("Not a day the calendar has; write 2024-07-18 or 18.07.2024"))
			// the year first, with slashes, is read as it is
			.andExpect(jsonPath("$.errors[?(@.row == 7 && @.column == 'start_date')]").isEmpty())
			.andExpect(jsonPath("$.errors[?(@.row == 7 && @.column == 'birth_year')]").isNotEmpty())
			.andExpect(jsonPath("$.errors[?(@.row == 2 && @.column == 'activity_kind')].message")
				.value("Unknown value; accepted: training, workshop, meeting, conference, campaign, other, or in Georgian"
						+ " ტრენინგები, ტრენინგი, ვორქშოპი, სამუშაო შეხვედრა, სემინარი, შეხვედრა, კონფერენცია, კამპანია,"
						+ " სხვა"))
			.andExpect(jsonPath("$.errors[?(@.row == 2 && @.column == 'venue_municipality')].message")
				.value("No municipality has this code or name"))
			.andExpect(jsonPath("$.errors[?(@.row == 2 && @.column == 'birth_year')].value").value("1890"))
			.andExpect(jsonPath("$.errors[?(@.row == 2 && @.column == 'birth_year')].message").value(birthYears))
			.andExpect(jsonPath("$.errors[?(@.row == 6 && @.column == 'birth_year')].value")
				.value(String.valueOf(Year.now().getValue() + 1)))
			.andExpect(jsonPath("$.errors[?(@.row == 6 && @.column == 'birth_year')].message").value(birthYears))
			.andExpect(jsonPath("$.errors[?(@.row == 7 && @.column == 'birth_year')].message").value(birthYears))
			.andExpect(jsonPath("$.errors[?(@.row == 2 && @.column == 'disability')].value").value("maybe"))
			.andExpect(jsonPath("$.errors[?(@.row == 2 && @.column == 'role')].value").value("x"))
			.andExpect(jsonPath("$.errors[?(@.row == 2 && @.column == 'organization_name')].message")
				.value("Organization TI-NEW is new: give its name in organization_name"))
			.andExpect(jsonPath("$.errors[?(@.row == 2 && @.column == 'project_code')].message").value(projects))
			.andExpect(jsonPath("$.errors[?(@.row == 3 && @.column == 'project_code')].message").value(org.hamcrest.Matchers
				.containsInAnyOrder("No project has this code", projects)))
			.andExpect(jsonPath("$.errors[?(@.row == 3 && @.column == 'birth_year')].message")
				.value("Participant TI-2 has birth year 1990 in row 3 and 1991 in row 4"))
			.andExpect(jsonPath("$.errors[?(@.row == 4 && @.column == 'birth_year')].message")
				.value("Participant TI-2 has birth year 1990 in row 3 and 1991 in row 4"))
			.andExpect(jsonPath("$.errors[?(@.row == 4 && @.column == 'participant_ref')].message")
				.value("Participant TI-2 is already listed for activity TI-WS-2 in row 3; a person is listed once an"
						+ " activity, also one of several days"))
			.andExpect(jsonPath("$.errors[?(@.row == 5 && @.column == 'end_date')].message")
				.value("The end date is before the start date 2025-03-01"))
			.andExpect(jsonPath("$.errors[?(@.row == 8 && @.column == 'birth_year')].message")
				.value("Born after activity TI-WS-4 starts (2025-03-01)"))
			// born in the year the activity starts: an infant, but possible
			.andExpect(jsonPath("$.errors[?(@.row == 5 && @.column == 'birth_year')]").isEmpty());
		assertThat(count("SELECT count(*) FROM participant WHERE ref LIKE 'TI-%'")).isZero();
		assertThat(count("SELECT count(*) FROM activity WHERE code LIKE 'TI-%'")).isZero();
		assertThat(count("SELECT count(*) FROM attendance_import WHERE status = 'REJECTED'")).isEqualTo(1);
		// a word a letter or two off one accepted is offered it
		load(HEADER + "TI-WS-2,Workshop,Trainig,TEST-INTAKE,2025-03-01,2025-03-01,,TI-1,female,,,,,,\n", true)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].message").value("Unknown value (did you mean training?); accepted:"
					+ " training, workshop, meeting, conference, campaign, other, or in Georgian ტრენინგები, ტრენინგი,"
					+ " ვორქშოპი, სამუშაო შეხვედრა, სემინარი, შეხვედრა, კონფერენცია, კამპანია, სხვა"));
	}

	/**
	 * A partner's new activity coded as another partner's in another case is told to choose another code: told to
	 * write it as stored, the sheet was then refused as naming another's activity (a tester's went round).
	 */
	@Test
	void aPartnersCodeInAnotherCaseOfAnothersActivityIsToldToChooseAnother() throws Exception {
		var others = this.jdbc.queryForObject("""
				SELECT min(a.code) FROM activity a JOIN organization o ON o.id = a.organizer_id WHERE o.code = 'SCCSF'""",
				String.class);
		var cif = "Bearer " + this.callers.secret(org.kvali.access.Role.PARTNER, "CIF");
		var sheet = HEADER + others.toLowerCase(java.util.Locale.ROOT)
				+ ",Mine,workshop,CSO-CAPACITY,2025-03-01,2025-03-01,,TI-1,female,,,,,,\n";
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").header("Authorization", cif)
			.contentType("text/csv").content(sheet.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].message").value("Activity " + others.toLowerCase(java.util.Locale.ROOT)
					+ ": the code is an activity's that your organizations do not run, written in another case (codes"
					+ " are one whatever their case); give yours another code"));
	}

	/** A birth year or disability a sheet changes is told of, naming whom: a dry run said "1 updated" alone. */
	@Test
	void changedBirthYearsAndDisabilityAreNamed() throws Exception {
		var row = "TI-WS-1,Workshop,workshop,TEST-INTAKE,2025-03-01,2025-03-01,,TI-%d,female,%s,%s,,,,\n";
		load(HEADER + row.formatted(1, "2001", "") + row.formatted(2, "1990", "no") + row.formatted(3, "1980", ""),
				false).andExpect(status().isOk());
		load(HEADER + row.formatted(1, "2002", "yes") + row.formatted(2, "1990", "") + row.formatted(3, "1980", ""),
				true)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.updated.participants").value(1))
			.andExpect(jsonPath("$.warnings[*].message").value(org.hamcrest.Matchers.containsInAnyOrder(
					"The sheet changes the birth year of 1 person (TI-1 from 2001 to 2002)",
					"The sheet changes the disability of 1 person (TI-1 from unknown to yes)")))
			.andExpect(jsonPath("$.warnings[*].row").value(org.hamcrest.Matchers.contains(2, 2)));
	}

	/**
	 * A header's names are read as sheets write them (Birth year, Participant ref *), and a column that seems meant for
	 * one the sheet lacks is refused with the name meant: "Disability status" was ignored with a warning, and every
	 * person loaded without it (a tester's).
	 */
	@Test
	void headerNamesAreReadAsWrittenAndAMisnamedColumnIsNamed() throws Exception {
		var row = "TI-WS-1,TEST-INTAKE,TI-1,female,1990,yes,Workshop,workshop,2025-03-01,2025-03-01\n";
		var activity = ",Activity title,activity kind,Start Date,end-date\n";
		load("Activity code,project-code,*Participant ref *,GENDER,Birth year,disability" + activity + row, false)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings.length()").value(0));
		assertThat(this.jdbc.queryForObject("SELECT birth_year || ' ' || disability FROM participant WHERE ref = 'TI-1'",
				String.class)).isEqualTo("1990 true");
		load("activity_code,project_code,participant_ref,Gender (F/M),Disabled (Y/N),Year of birth" + activity
				.replace("\n", ",Notes\n") + row, true)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].message").value(org.hamcrest.Matchers.containsInAnyOrder(
					"The required column gender is missing from the first row",
					"The column Gender (F/M) is not one Kvali reads: did you mean gender? Name it so, or remove the"
							+ " column",
					"The column Disabled (Y/N) is not one Kvali reads: did you mean disability? Name it so, or"
							+ " remove the column",
					"The column Year of birth is not one Kvali reads: did you mean birth_year? Name it so, or remove"
							+ " the column")))
			.andExpect(jsonPath("$.warnings[0].column").value("Notes"))
			.andExpect(jsonPath("$.warnings[0].message").value("unknown column, ignored"));
		// a column maybe meant for one is no refusal: it may be a note of its own
		load("Activity code,project-code,Participant ref,GENDER,Disability type,Role description,Send date"
				+ activity + "TI-WS-1,TEST-INTAKE,TI-1,female,x,y,z,Workshop,workshop,2025-03-01,2025-03-01\n", true)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings[*].message").value(org.hamcrest.Matchers.contains(
					"unknown column, ignored; if it holds the disability, name it disability",
					"unknown column, ignored; if it holds the role, name it role", "unknown column, ignored")));
		// an age, or a person's name or contacts, are told what Kvali takes instead (they were only told ignored)
		var notTaken = "unknown column, ignored: Kvali takes no names or contacts from a sheet, only the pseudonymous "
				+ "participant_ref; leave the column out";
		load("Activity code,project-code,Participant ref,GENDER,Age,Full name,Phone,E-mail" + activity
				+ "TI-WS-1,TEST-INTAKE,TI-1,female,25,Nino Beridze,555 123,nino@example.org,Workshop,workshop,2025-03-01,"
				+ "2025-03-01\n", true)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings[*].column").value(org.hamcrest.Matchers.contains("Age", "Full name", "Phone",
					"E-mail")))
			// nor is a value of them repeated back
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.anyOf(
					org.hamcrest.Matchers.containsString("Nino"), org.hamcrest.Matchers.containsString("555 123")))))
			.andExpect(jsonPath("$.warnings[*].message").value(org.hamcrest.Matchers.contains(
					"unknown column, ignored: give the year of birth as birth_year instead, from which each activity's age"
							+ " is taken", notTaken, notTaken, notTaken)));
		// so are names of a person's name among other words, in other languages too; an organization's is none
		load("Activity code,project-code,Participant ref,GENDER,Participant name,ФИО,Mobile phone (work),"
				+ "Organization e-mail,ორგანიზაციის სახელი" + activity + "TI-WS-1,TEST-INTAKE,TI-1,female,Nino Beridze,"
				+ "Нино Беридзе,555 123,cif@example.org,CIF,Workshop,workshop,2025-03-01,2025-03-01\n", true)
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.anyOf(
					org.hamcrest.Matchers.containsString("Nino"), org.hamcrest.Matchers.containsString("Нино")))))
			.andExpect(jsonPath("$.warnings[*].message").value(org.hamcrest.Matchers.contains(notTaken, notTaken,
					notTaken, "unknown column, ignored", "unknown column, ignored")));
		// nor is a municipality, a region or a venue that names no column only ignored: its people were in no region
		var municipality = "unknown column, ignored: give where each person lives as home_municipality, where the"
				+ " activity was held as venue_municipality, or where a new organization is based as"
				+ " organization_municipality; a region follows from its municipality";
		load("Activity code,project-code,Participant ref,GENDER,Municipality,Region,Venue" + activity
				+ "TI-WS-1,TEST-INTAKE,TI-1,female,Marneuli,Kvemo Kartli,Bakuriani,Workshop,workshop,2025-03-01,"
				+ "2025-03-01\n", true)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings[*].message").value(org.hamcrest.Matchers.contains(municipality,
					municipality, "unknown column, ignored: give the municipality where the activity was held as"
							+ " venue_municipality; the place's own name (a village, a hotel) is given by"
							+ " updateActivity as venueName")));
		// a title above the header names none of the required columns
		load("Attendance of the workshop\n" + row, true).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].message").value("The required column activity_code is missing from the"
					+ " first row: the columns' names belong in one row, the header: the first with anything in it, or"
					+ " the first below a title of at most three cells"));
	}

	/**
	 * A code written in another case than the stored one, or than another new one of the sheet, names the same thing:
	 * it would otherwise be a second activity or organization, and its people counted twice.
	 */
	@Test
	void codesDifferingOnlyInCaseAreRefusedNamingTheStoredOne() throws Exception {
		var sheet = HEADER + """
				trn-2024-bakuriani,,,TEST-INTAKE,,,,TI-1,female,,,,cif,,
				TI-WS-9,Fine,meeting,test-intake,2025-03-01,2025-03-01,,TI-2,female,,,,,,
				TI-WS-9,Fine,meeting,TEST-INTAKE,2025-03-01,2025-03-01,,TI-3,female,,,,TI-ORG9,Nine,
				ti-ws-9,Fine,meeting,TEST-INTAKE,2025-03-01,2025-03-01,,TI-4,female,,,,ti-org9,Nine,
				""";
		load(sheet, true).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(7))
			.andExpect(jsonPath("$.errors[?(@.row == 2 && @.column == 'activity_code')].message")
				.value("Activity trn-2024-bakuriani is TRN-2024-BAKURIANI written in another case; write it as "
						+ "TRN-2024-BAKURIANI"))
			.andExpect(jsonPath("$.errors[?(@.row == 2 && @.column == 'organization_code')].message")
				.value("Organization cif is CIF written in another case; write it as CIF"))
			.andExpect(jsonPath("$.errors[?(@.row == 3 && @.column == 'project_code')].message")
				.value(org.hamcrest.Matchers.contains("No project has this code; it is written TEST-INTAKE",
						"Activity TI-WS-9's rows give project_code test-intake (row 3) and TEST-INTAKE (row 4); all its"
								+ " rows must agree")))
			.andExpect(jsonPath("$.errors[?(@.row == 4 && @.column == 'project_code')].message")
				.value("Activity TI-WS-9's rows give project_code test-intake (row 3) and TEST-INTAKE (row 4); all its"
						+ " rows must agree"))
			.andExpect(jsonPath("$.errors[?(@.row == 5 && @.column == 'activity_code')].message")
				.value("Activity ti-ws-9 is TI-WS-9 of row 3 written in another case; write it as TI-WS-9"))
			.andExpect(jsonPath("$.errors[?(@.row == 5 && @.column == 'organization_code')].message")
				.value("Organization ti-org9 is TI-ORG9 of row 4 written in another case; write it as TI-ORG9"));
	}

	/**
	 * A person's reference in another case than the stored one, or than another new one of the sheet, names the same
	 * person: it would otherwise be a second one, counted twice.
	 */
	@Test
	void referencesDifferingOnlyInCaseAreRefusedNamingTheStoredOne() throws Exception {
		var gender = storedGender("P0001");
		var sheet = HEADER + """
				TI-WS-9,Fine,meeting,TEST-INTAKE,2025-03-01,2025-03-01,,p0001,%s,,,,,,
				TI-WS-9,Fine,meeting,TEST-INTAKE,2025-03-01,2025-03-01,,TI-Case,female,,,,,,
				TI-WS-9,Fine,meeting,TEST-INTAKE,2025-03-01,2025-03-01,,ti-case,female,,,,,,
				TI-WS-9,Fine,meeting,TEST-INTAKE,2025-03-01,2025-03-01,,TI-CASE,female,,,,,,
				""".formatted(gender);
		load(sheet, false).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(3))
			.andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[0].column").value("participant_ref"))
			.andExpect(jsonPath("$.errors[0].message").value("Participant p0001 is P0001 written in another case; write "
					+ "it as P0001"))
			.andExpect(jsonPath("$.errors[?(@.row == 3)].message")
				.value("Participant TI-Case is TI-CASE of row 5 written in another case; write it as TI-CASE"))
			.andExpect(jsonPath("$.errors[?(@.row == 4)].message")
				.value("Participant ti-case is TI-CASE of row 5 written in another case; write it as TI-CASE"));
		assertThat(count("SELECT count(*) FROM participant WHERE lower(ref) = 'ti-case'")).isZero();
		assertThat(count("SELECT count(*) FROM activity WHERE code = 'TI-WS-9'")).isZero();
		// the stored spelling is the person, and PostgreSQL refuses a second spelling whatever writes it
		load(HEADER + "TI-WS-9,Fine,meeting,TEST-INTAKE,2025-03-01,2025-03-01,,P0001," + gender + ",,,,,,\n", false)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created.participants").value(0))
			.andExpect(jsonPath("$.created.participations").value(1));
		assertThatThrownBy(() -> this.jdbc.update("INSERT INTO participant (ref, gender) VALUES ('p0001', 'MALE')"))
			.hasMessageContaining("participant_ref_any_case");
	}

	@Test
	void eachRecordTakesTheFirstValueItsRowsGiveAndAnEmptyRoleKeepsTheStoredOne() throws Exception {
		var sheet = HEADER + """
				TI-WS-1,,,TEST-INTAKE,,,,TI-1,female,,,,,,
				TI-WS-1,Budget workshop,workshop,TEST-INTAKE,2025-09-12,2025-09-12,Marneuli,TI-2,female,,,,TI-ORG,,
				TI-WS-2,Second workshop,workshop,TEST-INTAKE,2025-09-13,2025-09-13,,TI-1,female,1990,,,TI-ORG,Test Youth Voice,trainer
				""";
		load(sheet, false).andExpect(status().isOk())
			.andExpect(jsonPath("$.created.activities").value(2))
			.andExpect(jsonPath("$.created.organizations").value(1));
		assertThat(this.jdbc.queryForObject("SELECT title || ' ' || venue_municipality_code FROM activity WHERE code = 'TI-WS-1'",
				String.class)).isEqualTo("Budget workshop GE-KK-MARNEULI");
		assertThat(this.jdbc.queryForObject("SELECT birth_year FROM participant WHERE ref = 'TI-1'", Integer.class))
			.isEqualTo(1990);
		load(HEADER + "TI-WS-2,,,TEST-INTAKE,,,,TI-1,female,,,,,,\n", false).andExpect(status().isOk())
			.andExpect(jsonPath("$.unchanged.participations").value(1));
		assertThat(this.jdbc.queryForObject("""
				SELECT pn.role FROM participation pn JOIN activity a ON a.id = pn.activity_id
				JOIN participant p ON p.id = pn.participant_id WHERE a.code = 'TI-WS-2' AND p.ref = 'TI-1'""",
				String.class)).isEqualTo("TRAINER");
		// a later sheet giving roles again: each change is warned of, as it moves people in or out of those reached
		var again = HEADER + """
				TI-WS-2,,,TEST-INTAKE,,,,TI-1,female,,,,,,participant
				TI-WS-1,,,TEST-INTAKE,,,,TI-1,female,,,,,,ორგანიზატორი
				TI-WS-1,,,TEST-INTAKE,,,,TI-2,female,,,,,,participant
				""";
		load(again, true).andExpect(status().isOk())
			.andExpect(jsonPath("$.updated.participations").value(2))
			.andExpect(jsonPath("$.warnings.length()").value(1))
			.andExpect(jsonPath("$.warnings[0].row").value(2))
			.andExpect(jsonPath("$.warnings[0].column").value("role"))
			.andExpect(jsonPath("$.warnings[0].message").value("The sheet changes the role of 2 participations (TI-1"
					+ " at TI-WS-2 from trainer to participant, TI-1 at TI-WS-1 from participant to ორგანიზატორი): only"
					+ " participants are counted among the people reached; trainers, facilitators, speakers and"
					+ " organizers are counted in their own roles"));
	}

	/**
	 * Rows of one activity that disagree are told at the first row of each value, the message naming every value with
	 * its rows: told at the later row alone ("Row 2 gives 04.12.2025"), the error made an officer correct the right
	 * row to the typo above it (a tester's).
	 */
	@Test
	void rowsOfOneActivityThatDisagreeAreToldAtTheFirstRowOfEachValue() throws Exception {
		var sheet = HEADER + """
				TI-WS-1,Workshop,workshop,TEST-INTAKE,04.12.2025,05.12.2025,,TI-1,female,,,,,,
				TI-WS-1,Workshop,workshop,TEST-INTAKE,03.12.2025,05.12.2025,,TI-2,female,,,,,,
				TI-WS-1,Workshop,workshop,TEST-INTAKE,03.12.2025,05.12.2025,,TI-3,female,,,,,,
				""";
		var message = "Activity TI-WS-1's rows give start_date 04.12.2025 (row 2) and 03.12.2025 (2 rows, the first"
				+ " row 3); all its rows must agree";
		load(sheet, true).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(2))
			.andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[0].column").value("start_date"))
			.andExpect(jsonPath("$.errors[0].value").value("04.12.2025"))
			.andExpect(jsonPath("$.errors[0].message").value(message))
			.andExpect(jsonPath("$.errors[1].row").value(3))
			.andExpect(jsonPath("$.errors[1].column").value("start_date"))
			.andExpect(jsonPath("$.errors[1].value").value("03.12.2025"))
			.andExpect(jsonPath("$.errors[1].message").value(message));
	}

	/**
	 * One odd row among thousands of an activity is two errors, not one a row; an activity whose rows give many values
	 * names three of them and counts the rest, each value told at its first row. (The tests take 5,000 rows a sheet.)
	 */
	@Test
	void aLargeSheetsDisagreementsAreToldOnceAValue() throws Exception {
		var sheet = new StringBuilder(HEADER);
		for (int i = 1; i <= 4_990; i++) {
			sheet.append("TI-WS-1,").append(i == 2_500 ? "Worksop" : "Workshop")
				.append(",workshop,TEST-INTAKE,2025-03-01,2025-03-01,,TI-").append(i).append(",female,,,,,,\n");
		}
		for (int i = 1; i <= 5; i++) {
			sheet.append("TI-WS-2,Title ").append(i).append(",workshop,TEST-INTAKE,2025-03-01,2025-03-01,,TI-")
				.append(i).append(",female,,,,,,\n");
		}
		var odd = "Activity TI-WS-1's rows give activity_title Workshop (4,989 rows, the first row 2) and Worksop (row"
				+ " 2501); all its rows must agree";
		var many = "Activity TI-WS-2's rows give activity_title Title 1 (row 4992), Title 2 (row 4993), Title 3"
				+ " (row 4994) and 2 more values; all its rows must agree";
		load(sheet.toString(), true).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].row").value(org.hamcrest.Matchers.contains(2, 2501, 4992, 4993, 4994, 4995,
					4996)))
			.andExpect(jsonPath("$.errors[*].value").value(org.hamcrest.Matchers.contains("Workshop", "Worksop",
					"Title 1", "Title 2", "Title 3", "Title 4", "Title 5")))
			.andExpect(jsonPath("$.errors[*].message").value(org.hamcrest.Matchers.contains(odd, odd, many, many, many,
					many, many)));
	}

	@Test
	void rowsDisagreeingAfterAnEmptyFirstCellAreStillFound() throws Exception {
		var sheet = HEADER + """
				TI-WS-1,,workshop,TEST-INTAKE,2025-09-12,2025-09-12,,TI-1,female,,,,,,
				TI-WS-1,Budget workshop,,TEST-INTAKE,,,,TI-2,female,1990,,,,,
				TI-WS-1,Budget meeting,,TEST-INTAKE,,,,TI-3,female,,,,,,
				TI-WS-2,Other workshop,workshop,TEST-INTAKE,2025-09-13,2025-09-13,,TI-2,female,1991,,,,,
				""";
		var titles = "Activity TI-WS-1's rows give activity_title Budget workshop (row 3) and Budget meeting (row 4);"
				+ " all its rows must agree";
		load(sheet, false).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(4))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].column").value("activity_title"))
			.andExpect(jsonPath("$.errors[0].value").value("Budget workshop"))
			.andExpect(jsonPath("$.errors[0].message").value(titles))
			.andExpect(jsonPath("$.errors[1].row").value(3))
			.andExpect(jsonPath("$.errors[1].message")
				.value("Participant TI-2 has birth year 1990 in row 3 and 1991 in row 5"))
			.andExpect(jsonPath("$.errors[2].row").value(4))
			.andExpect(jsonPath("$.errors[2].column").value("activity_title"))
			.andExpect(jsonPath("$.errors[2].value").value("Budget meeting"))
			.andExpect(jsonPath("$.errors[2].message").value(titles))
			.andExpect(jsonPath("$.errors[3].row").value(5))
			.andExpect(jsonPath("$.errors[3].column").value("birth_year"));
		assertThat(count("SELECT count(*) FROM activity WHERE code LIKE 'TI-%'")).isZero();
	}

	@Test
	void fieldsShorterThanTheCellLimitAndDatesOutsideTheRangeAreRowErrors() throws Exception {
		var sheet = HEADER + "TI-WS-1,Budget workshop,workshop,TEST-INTAKE,0001-01-01,2025-09-12,,TI-1,female,,,,TI-ORG,"
				+ "O".repeat(301) + ",\n";
		load(sheet, false).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.column == 'organization_name')].message")
				.value("The value is 301 characters long; at most 300 are allowed"))
			.andExpect(jsonPath("$.errors[?(@.column == 'start_date')].message")
				.value("A date between 1900 and 2100 is expected"));
	}

	/**
	 * Texts are stored as written, backslashes, quotes and Georgian letters included (a text reading \\N is no empty
	 * cell), and every day the calendar has is taken, 29 February of a leap year among them.
	 */
	@Test
	void textsAndDaysAreStoredAsWritten() throws Exception {
		var sheet = HEADER + """
				TI-WS-9,"ბიუჯეტი \\ C:\\docs ""2024""\",conference,TEST-INTAKE,2024-02-29,2024-03-01,,TI-9,other,2000,true,,TI-ORG9,სათემო \\N ჯგუფი,speaker
				""";
		load(sheet, false).andExpect(status().isOk()).andExpect(jsonPath("$.created.participations").value(1));
		assertThat(this.jdbc.queryForObject("""
				SELECT a.title || '|' || a.kind || '|' || a.start_date || '|' || a.end_date || '|' || o.name || '|'
				       || p.gender || '|' || p.birth_year || '|' || p.disability || '|' || pn.role
				FROM participation pn JOIN participant p ON p.id = pn.participant_id JOIN activity a ON a.id = pn.activity_id
				JOIN organization o ON o.id = pn.organization_id WHERE a.code = 'TI-WS-9'""", String.class))
			.isEqualTo("ბიუჯეტი \\ C:\\docs \"2024\"|CONFERENCE|2024-02-29|2024-03-01|სათემო \\N ჯგუფი|OTHER|2000|true|SPEAKER");
	}

	/**
	 * A new activity needs a title, a kind and its dates from one of its rows, named once at its first row; a date
	 * given but refused is told as such, not as missing.
	 */
	@Test
	void aNewActivityLackingAFieldIsRefusedAtItsFirstRow() throws Exception {
		var sheet = HEADER + """
				TI-WS-7,,,TEST-INTAKE,,2025-03-01,,TI-1,female,,,,,,
				TI-WS-7,,,TEST-INTAKE,,,,TI-2,female,,,,,,
				TI-WS-8,Fine,workshop,TEST-INTAKE,2025-02-30,2025-03-01,,TI-3,female,,,,,,
				""";
		var required = "Required for a new activity";
		load(sheet, true).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.row == 2 && @.column == 'activity_title')].message").value(required))
			.andExpect(jsonPath("$.errors[?(@.row == 2 && @.column == 'activity_kind')].message").value(required))
			.andExpect(jsonPath("$.errors[?(@.row == 2 && @.column == 'start_date')].message").value(required))
			.andExpect(jsonPath("$.errors[?(@.row == 4 && @.column == 'start_date')].message")
				.value("Not a day the calendar has; write 2024-07-18 or 18.07.2024"))
			.andExpect(jsonPath("$.errors.length()").value(4));
	}

	/**
	 * Columns without a name, as a spreadsheet saves past the header when its rows are wider, are ignored; the first
	 * value under one is warned of, not repeated. Two of them were "the column  appears twice".
	 */
	@Test
	void columnsWithoutANameAreIgnored() throws Exception {
		var sheet = HEADER.replace("\n", ",,\n") + """
				TI-WS-1,Budget workshop,workshop,TEST-INTAKE,12.09.2025,12.09.2025,,TI-1,female,,,,,,,,
				TI-WS-1,Budget workshop,workshop,TEST-INTAKE,12.09.2025,12.09.2025,,TI-2,female,,,,,,,,Nino
				""";
		load(sheet, true).andExpect(status().isOk())
			.andExpect(jsonPath("$.created.participations").value(2))
			.andExpect(jsonPath("$.warnings.length()").value(1))
			.andExpect(jsonPath("$.warnings[0].row").value(3))
			.andExpect(jsonPath("$.warnings[0].value").doesNotExist())
			.andExpect(jsonPath("$.warnings[0].message").value("A column without a name holds a value here (the first "
					+ "such row): it is ignored; name the column if it belongs to the sheet"));
	}

	/** A flag of a part of a country ends in invisible tag characters, which belong to it and are kept. */
	@Test
	void aFlagIsKeptWhole() throws Exception {
		var scotland = "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F";
		var sheet = HEADER + "TI-WS-1,Ceilidh " + scotland + ",workshop,TEST-INTAKE,12.09.2025,12.09.2025,,TI-1,female,,,,,,\n";
		load(sheet, false).andExpect(status().isOk());
		assertThat(this.jdbc.queryForObject("SELECT title FROM activity WHERE code = 'TI-WS-1'", String.class))
			.isEqualTo("Ceilidh " + scotland);
	}

	@Test
	void aDayTheCalendarLacksIsRefused() throws Exception {
		var sheet = HEADER + """
				TI-WS-1,Workshop,workshop,TEST-INTAKE,2025-02-29,2025-03-01,,TI-1,female,,,,,,
				TI-WS-2,Workshop,workshop,TEST-INTAKE,2025-04-01,2025-04-31,,TI-1,female,,,,,,
				TI-WS-3,Workshop,workshop,TEST-INTAKE,2025-13-01,2025-12-01,,TI-1,female,,,,,,
				TI-WS-4,Workshop,workshop,TEST-INTAKE,2025-00-10,29.02.2025,,TI-1,female,,,,,,
				TI-WS-5,Workshop,workshop,TEST-INTAKE,2025-1-10,+2025-01-10,,TI-1,female,,,,,,
				TI-WS-6,Workshop,workshop,TEST-INTAKE,+02025-01-10,18.07.+02024,,TI-1,female,,,,,,
				""";
		var noDay = "Not a day the calendar has; write 2024-07-18 or 18.07.2024";
		load(sheet, true).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.row == 2 && @.column == 'start_date')].message").value(noDay))
			.andExpect(jsonPath("$.errors[?(@.row == 3 && @.column == 'end_date')].message").value(noDay))
			.andExpect(jsonPath("$.errors[?(@.row == 4 && @.column == 'start_date')].message").value(noDay))
			.andExpect(jsonPath("$.errors[?(@.row == 5 && @.column == 'start_date')].message").value(noDay))
			.andExpect(jsonPath("$.errors[?(@.row == 5 && @.column == 'end_date')].message").value(noDay))
			.andExpect(jsonPath("$.errors[?(@.row == 6 && @.column == 'start_date')].message")
				.value("Not a date; write 2024-07-18 or 18.07.2024"))
			.andExpect(jsonPath("$.errors[?(@.row == 6 && @.column == 'end_date')].message")
				.value("Not a date; write 2024-07-18 or 18.07.2024"))
			.andExpect(jsonPath("$.errors[?(@.row == 7 && @.column == 'start_date')].message")
				.value("Not a date; write 2024-07-18 or 18.07.2024"))
			.andExpect(jsonPath("$.errors[?(@.row == 7 && @.column == 'end_date')].message")
				.value("Not a date; write 2024-07-18 or 18.07.2024"))
			.andExpect(jsonPath("$.errors.length()").value(9));
	}

	/** A year of two digits is refused saying so: 25 may be 1925 or 2025, and neither is guessed. */
	@Test
	void aYearOfTwoDigitsIsRefusedSayingSo() throws Exception {
		var sheet = HEADER + """
				TI-WS-1,Workshop,workshop,TEST-INTAKE,5/3/25,05.03.25,,TI-1,female,,,,,,
				TI-WS-2,Workshop,workshop,TEST-INTAKE,5-3-25,5.3/25,,TI-1,female,,,,,,
				""";
		var twoDigits = "The year has two digits (25), which may be of either century: write all four, as 2024-07-18"
				+ " or 18.07.2024";
		load(sheet, true).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.row == 2 && @.column == 'start_date')].message").value(twoDigits))
			.andExpect(jsonPath("$.errors[?(@.row == 2 && @.column == 'end_date')].message").value(twoDigits))
			.andExpect(jsonPath("$.errors[?(@.row == 3 && @.column == 'start_date')].message").value(twoDigits))
			// separators that differ make no date
			.andExpect(jsonPath("$.errors[?(@.row == 3 && @.column == 'end_date')].message")
				.value("Not a date; write 2024-07-18 or 18.07.2024"))
			.andExpect(jsonPath("$.errors.length()").value(4));
	}

	@Test
	void aMissingRequiredColumnIsOneErrorNamingIt() throws Exception {
		load("activity_code,project_code,gender\nTI-WS-1,TEST-INTAKE,female\n", false)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].row").value(1))
			.andExpect(jsonPath("$.errors[0].column").value("participant_ref"))
			.andExpect(jsonPath("$.errors[0].message").value("The required column participant_ref is missing from the first row"));
	}

	@Test
	void aStoredParticipantsGenderIsNotChangedByASheet() throws Exception {
		var stored = storedGender("P0001");
		var other = stored.equals("female") ? "male" : "female";
		var sheet = HEADER + "TI-WS-1,Budget workshop,workshop,TEST-INTAKE,2025-09-12,2025-09-12,,P0001," + other + ",,,,,,\n";
		load(sheet, false).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].column").value("gender"))
			.andExpect(jsonPath("$.errors[0].message")
				.value("Participant P0001 is stored as " + storedGender("P0001") + "; gender is not corrected by a sheet (correctParticipant corrects it)"));
		// nothing of the sheet is stored: the person keeps their gender, and the activity is not created
		assertThat(storedGender("P0001")).isEqualTo(stored);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM activity WHERE code = 'TI-WS-1'", Integer.class))
			.isZero();
	}

	@Test
	void reportsAreReadBackThroughGraphQl() throws Exception {
		// a column of notes, which is ignored with a warning
		var sheet = SHEET.replaceFirst("role\n", "role,notes\n");
		var body = this.mvc.perform(post("/imports/attendance").param("name", " Day 1, Marneuli.csv ")
			.contentType("text/csv")
			.content(sheet.getBytes(StandardCharsets.UTF_8))).andReturn().getResponse().getContentAsString();
		var id = com.jayway.jsonpath.JsonPath.<String>read(body, "$.id");
		load("activity_code\nx\n", true);
		// language=GraphQL
		var response = this.graphQl.document("""
				query($id: ID!) {
				  import(id: $id) { status dryRun rows created { participations organizations } fileSha256 importedBy
				                    fileName activities }
				  imports(first: 1) { totalCount pageInfo { hasNextPage endCursor } edges { node { status dryRun } } }
				}""").variable("id", id).execute();
		response.path("import.status").entity(String.class).isEqualTo("IMPORTED");
		response.path("import.rows").entity(Integer.class).isEqualTo(3);
		response.path("import.created.participations").entity(Integer.class).isEqualTo(3);
		response.path("import.created.organizations").entity(Integer.class).isEqualTo(1);
		response.path("import.fileSha256").entity(String.class).isEqualTo(sha256(sheet));
		response.path("import.importedBy").entity(String.class).isEqualTo("bootstrap-admin");
		// which sheet it was: its name as sent, trimmed, and the activities it names
		response.path("import.fileName").entity(String.class).isEqualTo("Day 1, Marneuli.csv");
		response.path("import.activities").entityList(String.class).containsExactly("TI-WS-1");
		response.path("imports.totalCount").entity(Integer.class).isEqualTo(2);
		response.path("imports.edges[0].node.status").entity(String.class).isEqualTo("REJECTED");
		response.path("imports.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		var cursor = response.path("imports.pageInfo.endCursor").entity(String.class).get();
		this.graphQl.document("query($after: String) { imports(first: 5, after: $after) { edges { node { id status } } } }")
			.variable("after", cursor).execute()
			.path("imports.edges[*].node.id").entityList(String.class).containsExactly(id);
		// a page's warnings and errors are read for the imports asked for them, as one import's are
		var messages = this.graphQl.document("""
				{ imports(first: 2) {
				    edges { node { status errors { row column message } warnings { message } } } } }""")
			.execute();
		messages.path("imports.edges[0].node.status").entity(String.class).isEqualTo("REJECTED");
		messages.path("imports.edges[0].node.errors[*].message").entityList(String.class)
			.containsExactly("The required column project_code is missing from the first row",
					"The required column participant_ref is missing from the first row",
					"The required column gender is missing from the first row");
		messages.path("imports.edges[1].node.errors").entityList(Object.class).hasSize(0);
		messages.path("imports.edges[1].node.warnings[*].message").entityList(String.class)
			.containsExactly("unknown column, ignored");
		this.graphQl.document("query($id: ID!) { import(id: $id) { warnings { column message } } }")
			.variable("id", id)
			.execute()
			.path("import.warnings")
			.entityList(Map.class)
			.containsExactly(Map.of("column", "notes", "message", "unknown column, ignored"));
		// each weighed at the most it may list: the errors of a page of 100 reports of 4 MB each had passed
		this.graphQl.document("{ imports(first: 100) { edges { node { errors { message } } } } }")
			.execute()
			.errors()
			.expect(error -> error.getMessage().contains("the largest list, imports.edges.node.errors, is weighed at"
					+ " 10001 items"))
			.verify();
		// the first few of each, weighed at as many, read for the page's imports at once and cut from one's own
		var firstErrors = this.graphQl.document("""
				{ imports(first: 100) { edges { node { id errors(first: 2) { message }
				    none: errors(first: 0) { message } warnings(first: 5) { message } } } } }""")
			.execute();
		firstErrors.path("imports.edges[0].node.errors[*].message").entityList(String.class)
			.containsExactly("The required column project_code is missing from the first row",
					"The required column participant_ref is missing from the first row");
		firstErrors.path("imports.edges[0].node.none").entityList(Object.class).hasSize(0);
		firstErrors.path("imports.edges[1].node.errors").entityList(Object.class).hasSize(0);
		firstErrors.path("imports.edges[1].node.warnings[*].message").entityList(String.class)
			.containsExactly("unknown column, ignored");
		var rejected = firstErrors.path("imports.edges[0].node.id").entity(String.class).get();
		this.graphQl.document("query($id: ID!) { import(id: $id) { errors(first: 2) { message } } }")
			.variable("id", rejected)
			.execute()
			.path("import.errors[*].message")
			.entityList(String.class)
			.containsExactly("The required column project_code is missing from the first row",
					"The required column participant_ref is missing from the first row");
		this.graphQl.document("query($id: ID!) { import(id: $id) { warnings(first: 0) { message } } }")
			.variable("id", id)
			.execute()
			.path("import.warnings")
			.entityList(Object.class)
			.hasSize(0);
		this.graphQl.document("{ imports(first: 1) { edges { node { errors(first: -1) { message } } } } }")
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == org.springframework.graphql.execution.ErrorType.BAD_REQUEST
					&& error.getMessage().equals("first must be 0 or more, not -1")
					&& "first".equals(error.getExtensions().get("argument")))
			.verify();
		// a cursor made by hand of a time PostgreSQL has not: it was an internal error
		var forged = java.util.Base64.getUrlEncoder().encodeToString(("k1\u001f+10000000-01-01T00:00Z\u001f" + id)
			.getBytes(StandardCharsets.UTF_8));
		this.graphQl.document("query($after: String) { imports(first: 5, after: $after) { edges { node { id } } } }")
			.variable("after", forged).execute().errors()
			.expect(error -> error.getErrorType() == org.springframework.graphql.execution.ErrorType.BAD_REQUEST
					&& error.getMessage().equals("'" + forged + "' is not a cursor of this list"))
			.verify();
		this.graphQl.document("{ import(id: \"00000000-0000-0000-0000-000000000000\") { id } }").execute().errors()
			.expect(error -> error.getErrorType() == org.springframework.graphql.execution.ErrorType.NOT_FOUND
					&& error.getMessage().equals("No import has the id '00000000-0000-0000-0000-000000000000'"))
			.verify();
	}

	private static String sha256(String text) throws Exception {
		return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
			.digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	private String storedGender(String ref) {
		return this.jdbc.queryForObject("SELECT lower(gender) FROM participant WHERE ref = ?", String.class, ref);
	}

	ResultActions load(String sheet, boolean dryRun) throws Exception {
		return IntakeFixture.load(this.mvc, sheet, dryRun);
	}

	private int count(String sql) {
		return this.jdbc.queryForObject(sql, Integer.class);
	}

}
