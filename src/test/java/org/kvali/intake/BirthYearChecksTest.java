package org.kvali.intake;


import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * No one takes part in an activity that starts before the year they were born, whichever way the data would get
 * there: a sheet raising a stored person's year, a sheet or a mutation moving a stored activity earlier, a row
 * without a year for a stored person. Each is refused and nothing is stored.
 */
@IntegrationTest
class BirthYearChecksTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	HttpGraphQlTester graphQl;

	@BeforeEach
	void stored() throws Exception {
		IntakeFixture.create(this.jdbc);
		load("""
				TI-BY-A,Workshop,workshop,TEST-INTAKE,2025-10-01,2025-10-01,,TI-1,female,1990,,,,,
				TI-BY-A,Workshop,workshop,TEST-INTAKE,2025-10-01,2025-10-01,,TI-2,male,2000,,,,,
				TI-BY-B,Meeting,meeting,TEST-INTAKE,2020-05-01,2020-05-01,,TI-3,female,2000,,,,,
				TI-BY-B,Meeting,meeting,TEST-INTAKE,2020-05-01,2020-05-01,,TI-4,female,2001,,,,,
				""", false).andExpect(status().isOk()).andExpect(jsonPath("$.created.participations").value(4));
	}

	@AfterEach
	void clean() {
		IntakeFixture.remove(this.jdbc);
	}

	/** A row of a stored activity that gives no dates is checked against the activity's stored start. */
	@Test
	void aRowWithoutDatesIsCheckedAgainstTheStoredStart() throws Exception {
		load("""
				TI-BY-B,,,TEST-INTAKE,,,,TI-7,male,2021,,,,,
				TI-BY-B,,,TEST-INTAKE,,,,TI-8,male,2019,,,,,
				""", true).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[0].message").value("Born after activity TI-BY-B starts (2020-05-01)"));
	}

	/**
	 * A year or a start given on a later row of the person or activity than their first is refused at that row, the
	 * start as the sheet writes it: the first row's empty cell was named (a review's).
	 */
	@Test
	void aYearOrAStartIsRefusedAtTheRowGivingIt() throws Exception {
		load("""
				TI-BY-C,Forum,conference,TEST-INTAKE,2026-06-01,2026-06-01,,TI-3,female,,,,,,
				TI-BY-D,Camp,training,TEST-INTAKE,2026-07-01,2026-07-01,,TI-3,female,2022,,,,,
				TI-BY-B,,,TEST-INTAKE,,,,TI-6,male,1980,,,,,
				TI-BY-B,Meeting,meeting,TEST-INTAKE,01.05.1999,01.05.1999,,TI-7,male,1980,,,,,
				""", true).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(2))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].column").value("birth_year"))
			.andExpect(jsonPath("$.errors[0].value").value("2022"))
			.andExpect(jsonPath("$.errors[0].message").value("Participant TI-3 took part in activity TI-BY-B, which "
					+ "starts on 1999-05-01, before the birth year 2022"))
			.andExpect(jsonPath("$.errors[1].row").value(5))
			.andExpect(jsonPath("$.errors[1].column").value("start_date"))
			.andExpect(jsonPath("$.errors[1].value").value("01.05.1999"))
			.andExpect(jsonPath("$.errors[1].message").value("It would start before 2 of the participants stored at it "
					+ "were born (TI-3, TI-4)"));
	}

	@Test
	void aSheetIsCheckedAgainstTheStoredParticipations() throws Exception {
		// as the sheet would leave them: TI-BY-A starting in 1985, TI-BY-B in 2001, TI-1 and TI-3 born in 2022
		load("""
				TI-BY-C,Forum,conference,TEST-INTAKE,2026-06-01,2026-06-01,,TI-3,female,2022,,,,,
				TI-BY-C,Forum,conference,TEST-INTAKE,2026-06-01,2026-06-01,,TI-1,female,2022,,,,,
				TI-BY-D,Camp,training,TEST-INTAKE,1999-03-01,1999-03-02,,TI-4,female,,,,,,
				TI-BY-A,Workshop,workshop,TEST-INTAKE,1985-01-01,1985-01-01,,TI-5,male,1980,,,,,
				TI-BY-B,Meeting,meeting,TEST-INTAKE,2001-05-01,2001-05-01,,TI-6,male,1980,,,,,
				""", true).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(5))
			.andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[0].column").value("birth_year"))
			.andExpect(jsonPath("$.errors[0].message").value("Participant TI-3 took part in activity TI-BY-B, which "
					+ "starts on 2001-05-01, before the birth year 2022"))
			.andExpect(jsonPath("$.errors[1].row").value(3))
			.andExpect(jsonPath("$.errors[1].message").value("Participant TI-1 took part in activity TI-BY-A, which "
					+ "starts on 1985-01-01, before the birth year 2022"))
			.andExpect(jsonPath("$.errors[2].row").value(4))
			.andExpect(jsonPath("$.errors[2].message").value("Participant TI-4 was born, as another row or the stored "
					+ "data says, after activity TI-BY-D starts (1999-03-01)"))
			.andExpect(jsonPath("$.errors[3].row").value(5))
			.andExpect(jsonPath("$.errors[3].column").value("start_date"))
			.andExpect(jsonPath("$.errors[3].message").value("It would start before 2 of the participants stored at it "
					+ "were born (TI-1, TI-2)"))
			.andExpect(jsonPath("$.errors[4].row").value(6))
			.andExpect(jsonPath("$.errors[4].message").value("It would start before a participant stored at it was born "
					+ "(TI-3)"));
		// moved to 2000 alone, TI-BY-B starts before TI-4's year only
		load("""
				TI-BY-B,Meeting,meeting,TEST-INTAKE,2000-05-01,2000-05-01,,TI-6,male,1980,,,,,
				""", true).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].message").value("It would start before a participant stored at it was born "
					+ "(TI-4)"));
		assertThat(this.jdbc.queryForList("SELECT ref || ' ' || birth_year FROM participant WHERE ref LIKE 'TI-%' "
				+ "ORDER BY ref", String.class)).containsExactly("TI-1 1990", "TI-2 2000", "TI-3 2000", "TI-4 2001");
		assertThat(this.jdbc.queryForList("SELECT code || ' ' || start_date FROM activity WHERE code LIKE 'TI-BY-%' "
				+ "ORDER BY code", String.class)).containsExactly("TI-BY-A 2025-10-01", "TI-BY-B 2020-05-01");
		// TI-BY-A, not in the sheet, started in 2025
		load("""
				TI-BY-C,Forum,conference,TEST-INTAKE,2026-06-01,2026-06-01,,TI-2,male,2026,,,,,
				""", true).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].message").value("Participant TI-2 took part in activity TI-BY-A, which "
					+ "starts on 2025-10-01, before the birth year 2026"));
		// a later year than every stored activity's, and a start no one was born after, are fine
		load("""
				TI-BY-B,Meeting,meeting,TEST-INTAKE,2001-05-01,2001-05-01,,TI-6,male,1980,,,,,
				TI-BY-C,Forum,conference,TEST-INTAKE,2026-06-01,2026-06-01,,TI-1,female,1991,,,,,
				""", true).andExpect(status().isOk());
	}

	@Test
	void anActivityMovedEarlierByMutation() {
		// language=GraphQL
		this.graphQl.document("""
				mutation { updateActivity(code: "TI-BY-A", input: {startDate: "1995-01-01", endDate: "1995-01-02"}) {
				    code } }""")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.startDate: It would start before a participant stored at it "
					+ "was born (TI-2)"))
			.verify();
		// language=GraphQL
		this.graphQl.document("""
				mutation { updateActivity(code: "TI-BY-A", input: {startDate: "2025-10-05"}) { code } }""")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.startDate: Starts after it ends (2025-10-01)"))
			.verify();
		// language=GraphQL
		this.graphQl.document("""
				mutation { updateActivity(code: "TI-BY-A", input: {startDate: "2000-09-30"}) { startDate } }""")
			.execute()
			.path("updateActivity.startDate").entity(String.class).isEqualTo("2000-09-30");
	}

	private ResultActions load(String rows, boolean dryRun) throws Exception {
		return IntakeFixture.load(this.mvc, AttendanceImportTest.HEADER + rows, dryRun);
	}

}
