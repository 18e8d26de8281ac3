package org.kvali.intake;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kvali.Callers;
import org.kvali.IntegrationTest;
import org.kvali.access.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Dates and ages that are possible but unlikely are warned of, and the sheet is still read. */
@IntegrationTest
class PlausibilityChecksTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Callers callers;

	/**
	 * Beside the fixture's project: one of 2024 within the demo programme, and two of a programme without dates, one
	 * of them ending in 2030, where activities after today may be.
	 */
	@BeforeEach
	void project() {
		IntakeFixture.create(this.jdbc);
		this.jdbc.update("""
				INSERT INTO project (code, programme_id, name, start_date, end_date)
				SELECT 'TI-NARROW', id, 'x', DATE '2024-01-01', DATE '2024-12-31' FROM programme WHERE code = 'EU-CSO-EQUAL'""");
		this.jdbc.update("INSERT INTO programme (code, name) VALUES ('TI-PRG', 'x')");
		this.jdbc.update("""
				INSERT INTO project (code, programme_id, name, end_date)
				SELECT code, (SELECT id FROM programme WHERE code = 'TI-PRG'), 'x', end_date
				FROM (VALUES ('TI-OPEN', CAST(NULL AS date)), ('TI-ENDS', DATE '2030-12-31')) v (code, end_date)""");
	}

	@AfterEach
	void clean() {
		this.jdbc.update("DELETE FROM participation WHERE participant_id IN (SELECT id FROM participant WHERE ref LIKE 'TI-%')");
		this.jdbc.update("DELETE FROM activity WHERE code LIKE 'TI-PL-%'");
		this.jdbc.update("DELETE FROM project WHERE code IN ('TI-NARROW', 'TI-OPEN', 'TI-ENDS')");
		this.jdbc.update("DELETE FROM programme WHERE code = 'TI-PRG'");
		IntakeFixture.remove(this.jdbc);
		this.callers.deleteKeys();
	}

	/**
	 * A new activity of the title (case aside) and start day of a stored one of its project is warned of, naming it:
	 * a sheet sent again under a corrected code counted its people twice, and said nothing (a tester's). Not one of
	 * another day; of two, the first by code, once; to a partner, not another organization's activity.
	 */
	@Test
	void aNewActivityLikeAStoredOneOfItsProjectIsWarnedOf() throws Exception {
		IntakeFixture.load(this.mvc, AttendanceImportTest.HEADER + """
				TI-PL-7,Budget hearing,meeting,TEST-INTAKE,2025-04-02,2025-04-02,,TI-1,female,,,,,,
				TI-PL-6,BUDGET hearing,meeting,TEST-INTAKE,2025-04-02,2025-04-02,,TI-5,female,,,,,,
				""", false)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings[*].message").value(org.hamcrest.Matchers.contains("Activity TI-PL-6 is"
					+ " new, and so is TI-PL-7 of row 2 with the project, title and start day it gives: if they are one"
					+ " activity, write one code for both, else its people are counted at both")));
		// two new ones like a stored one: each told of the stored one alone, not of the other too
		IntakeFixture.load(this.mvc, AttendanceImportTest.HEADER + """
				TI-PL-8,budget HEARING,meeting,TEST-INTAKE,2025-04-02,2025-04-02,,TI-1,female,,,,,,
				TI-PL-9,Budget hearing,meeting,TEST-INTAKE,2025-04-03,2025-04-03,,TI-2,male,,,,,,
				TI-PL-11,Budget Hearing,meeting,TEST-INTAKE,2025-04-02,2025-04-02,,TI-2,male,,,,,,
				""", true)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings.length()").value(2))
			.andExpect(jsonPath("$.warnings[0].row").value(2))
			.andExpect(jsonPath("$.warnings[0].column").value("activity_code"))
			.andExpect(jsonPath("$.warnings[0].value").value("TI-PL-8"))
			.andExpect(jsonPath("$.warnings[0].message").value("Activity TI-PL-8 is new, but TI-PL-6 of the same "
					+ "project has the title and start day it gives: if it is that activity under another code, write "
					+ "TI-PL-6 (deleteActivity removes one made by mistake), else its people are counted at both"))
			.andExpect(jsonPath("$.warnings[1].row").value(4))
			.andExpect(jsonPath("$.warnings[1].message").value(org.hamcrest.Matchers.startsWith("Activity TI-PL-11 is"
					+ " new, but TI-PL-6 ")));
		var cif = "Bearer " + this.callers.secret(Role.PARTNER, "CIF");
		for (var organizer : List.of("CIF", "SCCSF")) {
			var stored = this.jdbc.queryForMap("""
					SELECT a.code, a.title, a.start_date FROM activity a JOIN organization o ON o.id = a.organizer_id
					JOIN project p ON p.id = a.project_id WHERE o.code = ? AND p.code = 'CSO-CAPACITY'
					ORDER BY a.code LIMIT 1""", organizer);
			var sheet = AttendanceImportTest.HEADER + "TI-PL-10," + stored.get("title") + ",meeting,CSO-CAPACITY,"
					+ stored.get("start_date") + "," + stored.get("start_date") + ",,TI-3,female,,,,,,\n";
			var answer = this.mvc.perform(post("/imports/attendance").param("dryRun", "true")
				.header("Authorization", cif)
				.contentType("text/csv")
				.content(sheet.getBytes(StandardCharsets.UTF_8)))
				.andExpect(status().isOk());
			if (organizer.equals("CIF")) {
				answer.andExpect(jsonPath("$.warnings[*].message").value(org.hamcrest.Matchers.hasItem(
						org.hamcrest.Matchers.startsWith("Activity TI-PL-10 is new, but " + stored.get("code")
								+ " "))));
			}
			else {
				answer.andExpect(jsonPath("$.warnings[*].message").value(org.hamcrest.Matchers.everyItem(
						org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("is new, but")))));
			}
		}
	}

	/**
	 * New activities of one project, day and title (case aside) in one sheet: those after the first told of it in one
	 * warning, at the row of the next, naming three; those of another day or title are not, nor stored ones sent again.
	 */
	@Test
	void newActivitiesAlikeInOneSheetAreWarnedOf() throws Exception {
		var alike = new StringBuilder();
		for (var code : List.of("TI-PL-24", "TI-PL-25", "TI-PL-26", "TI-PL-27")) {
			alike.append(code).append(",Mapping session,workshop,TEST-INTAKE,2025-05-06,2025-05-06,,TI-2,male,,,,,,\n");
		}
		IntakeFixture.load(this.mvc, AttendanceImportTest.HEADER + """
				TI-PL-21,Mapping session,workshop,TEST-INTAKE,2025-05-06,2025-05-06,,TI-1,female,,,,,,
				TI-PL-22,Mapping session,workshop,TEST-INTAKE,2025-05-07,2025-05-07,,TI-1,female,,,,,,
				TI-PL-23,Mapping sessions,workshop,TEST-INTAKE,2025-05-06,2025-05-06,,TI-1,female,,,,,,
				TI-PL-20,MAPPING SESSION,workshop,TEST-INTAKE,2025-05-06,2025-05-06,,TI-1,female,,,,,,
				TI-PL-21,Mapping session,workshop,TEST-INTAKE,2025-05-06,2025-05-06,,TI-2,male,,,,,,
				TI-PL-31,Mapping session,workshop,TEST-INTAKE,2025-05-07,2025-05-07,,TI-1,female,,,,,,
				""" + alike, false)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("IMPORTED"))
			.andExpect(jsonPath("$.warnings.length()").value(2))
			.andExpect(jsonPath("$.warnings[0].row").value(5))
			.andExpect(jsonPath("$.warnings[0].column").value("activity_code"))
			.andExpect(jsonPath("$.warnings[0].value").value("TI-PL-20"))
			.andExpect(jsonPath("$.warnings[0].message").value("Activities TI-PL-20, TI-PL-24, TI-PL-25 and 2 more are"
					+ " new, and so is TI-PL-21 of row 2 with the project, title and start day they give: if they are"
					+ " one activity, write one code for all, else their people are counted at each"))
			.andExpect(jsonPath("$.warnings[1].row").value(7))
			.andExpect(jsonPath("$.warnings[1].value").value("TI-PL-31"))
			.andExpect(jsonPath("$.warnings[1].message").value("Activity TI-PL-31 is new, and so is TI-PL-22 of row 3"
					+ " with the project, title and start day it gives: if they are one activity, write one code for"
					+ " both, else its people are counted at both"));
		// sent again, the two are stored: neither is new, neither told
		IntakeFixture.load(this.mvc, AttendanceImportTest.HEADER + """
				TI-PL-20,MAPPING SESSION,workshop,TEST-INTAKE,2025-05-06,2025-05-06,,TI-3,female,,,,,,
				TI-PL-21,Mapping session,workshop,TEST-INTAKE,2025-05-06,2025-05-06,,TI-3,female,,,,,,
				""", true)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings.length()").value(0));
	}

	/**
	 * A partner's new activity like one of its own is warned of where another organization's of the same title and
	 * day comes first by code: the first of its own is named, the other's withheld, and an admin is told the first of
	 * all.
	 */
	@Test
	void aPartnerIsToldOfItsOwnActivityLikeTheNewOneBehindAnotherOrganizations() throws Exception {
		var stored = this.jdbc.queryForMap("""
				SELECT a.code, a.title, a.start_date FROM activity a JOIN organization o ON o.id = a.organizer_id
				JOIN project p ON p.id = a.project_id WHERE o.code = 'CIF' AND p.code = 'CSO-CAPACITY'
				ORDER BY a.code LIMIT 1""");
		this.jdbc.update("""
				INSERT INTO activity (code, project_id, kind, title, start_date, end_date, organizer_id)
				SELECT 'AA-TI-PL-1', a.project_id, a.kind, upper(a.title), a.start_date, a.end_date,
				       (SELECT id FROM organization WHERE code = 'SCCSF')
				FROM activity a WHERE a.code = ?""", stored.get("code"));
		try {
			var sheet = (AttendanceImportTest.HEADER + "TI-PL-10," + stored.get("title") + ",meeting,CSO-CAPACITY,"
					+ stored.get("start_date") + "," + stored.get("start_date") + ",,TI-3,female,,,,,,\n")
				.getBytes(StandardCharsets.UTF_8);
			var told = "Activity TI-PL-10 is new, but %s of the same project has the title and start day it gives";
			this.mvc.perform(post("/imports/attendance").param("dryRun", "true")
				.header("Authorization", "Bearer " + this.callers.secret(Role.PARTNER, "CIF"))
				.contentType("text/csv")
				.content(sheet))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.warnings[*].message").value(org.hamcrest.Matchers.hasItem(
						org.hamcrest.Matchers.startsWith(told.formatted(stored.get("code"))))))
				.andExpect(jsonPath("$.warnings[*].message").value(org.hamcrest.Matchers.everyItem(
						org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("AA-TI-PL-1")))));
			this.mvc.perform(post("/imports/attendance").param("dryRun", "true").contentType("text/csv").content(sheet))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.warnings[*].message").value(org.hamcrest.Matchers.hasItem(
						org.hamcrest.Matchers.startsWith(told.formatted("AA-TI-PL-1")))));
		}
		finally {
			this.jdbc.update("DELETE FROM activity WHERE code = 'AA-TI-PL-1'");
		}
	}

	@Test
	void futureDatesDatesOutsideTheProjectAndAgesOverAHundredOrUnderTen() throws Exception {
		var sheet = AttendanceImportTest.HEADER + """
				TI-PL-1,Workshop,workshop,TI-NARROW,2023-05-01,2023-05-01,,TI-1,female,1990,,,,,
				TI-PL-2,Forum,conference,TI-OPEN,01.01.2099,2099-01-02,,TI-2,female,2000,,,,,
				TI-PL-3,Meeting,meeting,TEST-INTAKE,2025-03-01,2025-03-01,,TI-3,male,1901,,,,,
				TI-PL-3,Meeting,meeting,TEST-INTAKE,2025-03-01,2025-03-01,,TI-4,male,1925,,,,,
				TI-PL-4,Camp,training,TI-NARROW,2024-12-20,5.1.2025,,TI-5,male,1980,,,,,
				TRN-2024-BAKURIANI,,,CSO-CAPACITY,,2026-01-20,,TI-6,male,1980,,,,,
				TI-PL-3,Meeting,meeting,TEST-INTAKE,2025-03-01,2025-03-01,,TI-8,male,2016,,,,,
				TI-PL-3,Meeting,meeting,TEST-INTAKE,2025-03-01,2025-03-01,,TI-9,male,2015,,,,,
				TI-PL-6,Forum,conference,TI-ENDS,2099-02-01,2099-02-01,,TI-10,female,2000,,,,,
				""";
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").contentType("text/csv")
			.content(sheet.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("VALIDATED"))
			.andExpect(jsonPath("$.warnings.length()").value(8))
			.andExpect(jsonPath("$.warnings[0].row").value(2))
			.andExpect(jsonPath("$.warnings[0].message").value("Activity TI-PL-1 starts on 2023-05-01, before its "
					+ "project TI-NARROW (2024-01-01 to 2024-12-31)"))
			.andExpect(jsonPath("$.warnings[1].row").value(3))
			// the date as the sheet writes it, as an error repeats it
			.andExpect(jsonPath("$.warnings[1].value").value("01.01.2099"))
			.andExpect(jsonPath("$.warnings[1].message").value("Activity TI-PL-2 starts on 2099-01-01, after today: an "
					+ "attendance sheet records what took place"))
			.andExpect(jsonPath("$.warnings[2].row").value(4))
			.andExpect(jsonPath("$.warnings[2].message").value("Participant TI-3 would be 124 at activity TI-PL-3; is the "
					+ "year right?"))
			.andExpect(jsonPath("$.warnings[3].row").value(6))
			.andExpect(jsonPath("$.warnings[3].column").value("end_date"))
			.andExpect(jsonPath("$.warnings[3].value").value("5.1.2025"))
			.andExpect(jsonPath("$.warnings[3].message").value("Activity TI-PL-4 ends on 2025-01-05, after its project "
					+ "TI-NARROW (2024-01-01 to 2024-12-31)"))
			.andExpect(jsonPath("$.warnings[4].row").value(7))
			.andExpect(jsonPath("$.warnings[4].message").value("Activity TRN-2024-BAKURIANI ends on 2026-01-20, after its "
					+ "project CSO-CAPACITY (2023-01-01 to 2025-12-31)"))
			// 9 is young for a civil-society training: 2016 may be 2006 mistyped; 10 is not warned of
			.andExpect(jsonPath("$.warnings[5].row").value(8))
			.andExpect(jsonPath("$.warnings[5].message").value("Participant TI-8 would be 9 at activity TI-PL-3; is the "
					+ "year right?"))
			// after today and after its project: both told (a tester's got the first alone); started after its
			// project, its end is not refused for lying long after the project's
			.andExpect(jsonPath("$.warnings[6].row").value(10))
			.andExpect(jsonPath("$.warnings[6].message").value("Activity TI-PL-6 starts on 2099-02-01, after today: an "
					+ "attendance sheet records what took place; it also starts after its project "
					+ "TI-ENDS (open to 2030-12-31) ended"))
			// what the sheet changes of a stored activity, from what to what
			.andExpect(jsonPath("$.warnings[7].row").value(7))
			.andExpect(jsonPath("$.warnings[7].column").value("activity_code"))
			.andExpect(jsonPath("$.warnings[7].message").value("Activity TRN-2024-BAKURIANI is stored; this sheet changes"
					+ " its end from 2024-07-22 to 2026-01-20 (is it the activity meant?)"));
		// a refused sheet is not warned of them: a refused row of another's activity would tell its dates
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").contentType("text/csv")
			.content((sheet + "TI-PL-5,,,NOPE,,,,TI-7,male,,,,,,\n").getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.warnings.length()").value(0));
	}

	/**
	 * An activity started within its project that ends more than 31 days after the project's end is refused, as by
	 * mutation, once; one starting after the project's end is warned of as such (a review's: it was refused; a
	 * tester's: it was told only its end).
	 */
	@Test
	void anEndLongAfterTheProjectsIsRefusedOnceAndALateStartWarned() throws Exception {
		var sheet = AttendanceImportTest.HEADER + """
				TI-PL-7,Camp,training,TI-NARROW,2024-12-20,2025-03-01,,TI-1,female,1990,,,,,
				""";
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").contentType("text/csv")
			.content(sheet.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].column").value("end_date"))
			.andExpect(jsonPath("$.errors[0].message").value("Activity TI-PL-7 would end after its project TI-NARROW"
					+ " ends (2024-12-31) by more than 31 days, which an activity under way then may last past it: a"
					+ " mistyped year? An admin may move the dates"));
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").contentType("text/csv")
			.content((AttendanceImportTest.HEADER + "TI-PL-8,Camp,training,TI-NARROW,2025-03-01,2025-06-01,,TI-1,female,"
					+ "1990,,,,,\n").getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings.length()").value(1))
			.andExpect(jsonPath("$.warnings[0].column").value("start_date"))
			.andExpect(jsonPath("$.warnings[0].message").value("Activity TI-PL-8 starts on 2025-03-01, after its"
					+ " project TI-NARROW (2024-01-01 to 2024-12-31) ended: the project's indicators count none of it;"
					+ " is it of another project?"));
	}

	/**
	 * A start a sheet gives outside its programme's dates is refused, of a new activity or a stored one: indicators
	 * would count none of it. A stored start outside, the sheet's row giving none, is left alone.
	 */
	@Test
	void aStartOutsideItsProgrammeIsRefused() throws Exception {
		var refused = "its programme's indicators would count none of its participations; an admin may move the "
				+ "programme's dates";
		var sheet = AttendanceImportTest.HEADER + """
				TI-PL-1,Workshop,workshop,TI-NARROW,2022-12-31,2024-01-02,,TI-1,female,1990,,,,,
				TI-PL-2,Workshop,workshop,CSO-CAPACITY,2025-12-31,2025-12-31,,TI-2,female,1990,,,,,
				TRN-2024-BAKURIANI,,,CSO-CAPACITY,2026-01-10,2026-01-14,,TI-3,male,1980,,,,,
				TI-PL-3,Forum,conference,TI-OPEN,1999-02-01,1999-02-01,,TI-4,female,1970,,,,,
				""";
		IntakeFixture.load(this.mvc, sheet, true)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(2))
			.andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[0].column").value("start_date"))
			.andExpect(jsonPath("$.errors[0].value").value("2022-12-31"))
			.andExpect(jsonPath("$.errors[0].message").value("Activity TI-PL-1 would start before its programme "
					+ "EU-CSO-EQUAL starts (2023-01-01): " + refused))
			.andExpect(jsonPath("$.errors[1].row").value(4))
			.andExpect(jsonPath("$.errors[1].message").value("Activity TRN-2024-BAKURIANI would start after its "
					+ "programme EU-CSO-EQUAL ends (2025-12-31): " + refused));
		// the stored activity's start as stored, or none: it stays where it is, and the rest is taken
		IntakeFixture.load(this.mvc, sheet.replace("TI-NARROW,2022-12-31", "TI-NARROW,2024-01-01")
			.replace("CSO-CAPACITY,2026-01-10,2026-01-14", "CSO-CAPACITY,,"), false)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("IMPORTED"));
		assertThat(this.jdbc.queryForList("""
				SELECT a.code || ' ' || a.start_date FROM activity a JOIN participation pn ON pn.activity_id = a.id
				JOIN participant pt ON pt.id = pn.participant_id WHERE pt.ref LIKE 'TI-%' ORDER BY 1""", String.class))
			.containsExactly("TI-PL-1 2024-01-01", "TI-PL-2 2025-12-31", "TI-PL-3 1999-02-01",
					"TRN-2024-BAKURIANI 2024-07-18");
	}

}
