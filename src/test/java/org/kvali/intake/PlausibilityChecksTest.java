package org.kvali.intake;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

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

	@BeforeEach
	void project() {
		IntakeFixture.create(this.jdbc);
	}

	@AfterEach
	void clean() {
		IntakeFixture.remove(this.jdbc);
	}

	@Test
	void futureDatesDatesOutsideTheProjectAndAgesOverAHundredOrUnderTen() throws Exception {
		var sheet = AttendanceImportTest.HEADER + """
				TI-PL-1,Workshop,workshop,CSO-CAPACITY,2022-05-01,2022-05-01,,TI-1,female,1990,,,,,
				TI-PL-2,Forum,conference,TEST-INTAKE,2099-01-01,2099-01-02,,TI-2,female,2000,,,,,
				TI-PL-3,Meeting,meeting,TEST-INTAKE,2025-03-01,2025-03-01,,TI-3,male,1901,,,,,
				TI-PL-3,Meeting,meeting,TEST-INTAKE,2025-03-01,2025-03-01,,TI-4,male,1925,,,,,
				TI-PL-4,Camp,training,CSO-CAPACITY,2025-12-20,2026-01-05,,TI-5,male,1980,,,,,
				TRN-2024-BAKURIANI,,,CSO-CAPACITY,,2026-07-22,,TI-6,male,1980,,,,,
				TI-PL-3,Meeting,meeting,TEST-INTAKE,2025-03-01,2025-03-01,,TI-8,male,2016,,,,,
				TI-PL-3,Meeting,meeting,TEST-INTAKE,2025-03-01,2025-03-01,,TI-9,male,2015,,,,,
				TI-PL-6,Forum,conference,CSO-CAPACITY,2099-02-01,2099-02-01,,TI-10,female,2000,,,,,
				""";
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").contentType("text/csv")
			.content(sheet.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("VALIDATED"))
			.andExpect(jsonPath("$.warnings.length()").value(7))
			.andExpect(jsonPath("$.warnings[0].row").value(2))
			.andExpect(jsonPath("$.warnings[0].message").value("Activity TI-PL-1 starts on 2022-05-01, before its "
					+ "project CSO-CAPACITY (2023-01-01 to 2025-12-31)"))
			.andExpect(jsonPath("$.warnings[1].row").value(3))
			.andExpect(jsonPath("$.warnings[1].message").value("Activity TI-PL-2 starts on 2099-01-01, after today: an "
					+ "attendance sheet records what took place"))
			.andExpect(jsonPath("$.warnings[2].row").value(4))
			.andExpect(jsonPath("$.warnings[2].message").value("Participant TI-3 would be 124 at activity TI-PL-3; is the "
					+ "year right?"))
			.andExpect(jsonPath("$.warnings[3].row").value(6))
			.andExpect(jsonPath("$.warnings[3].column").value("end_date"))
			.andExpect(jsonPath("$.warnings[3].message").value("Activity TI-PL-4 ends on 2026-01-05, after its project "
					+ "CSO-CAPACITY (2023-01-01 to 2025-12-31)"))
			.andExpect(jsonPath("$.warnings[4].row").value(7))
			.andExpect(jsonPath("$.warnings[4].message").value("Activity TRN-2024-BAKURIANI ends on 2026-07-22, after its "
					+ "project CSO-CAPACITY (2023-01-01 to 2025-12-31)"))
			// 9 is young for a civil-society training: 2016 may be 2006 mistyped; 10 is not warned of
			.andExpect(jsonPath("$.warnings[5].row").value(8))
			.andExpect(jsonPath("$.warnings[5].message").value("Participant TI-8 would be 9 at activity TI-PL-3; is the "
					+ "year right?"))
			// after today and after its project: both told (a tester's got the first alone)
			.andExpect(jsonPath("$.warnings[6].row").value(10))
			.andExpect(jsonPath("$.warnings[6].message").value("Activity TI-PL-6 starts on 2099-02-01, after today: an "
					+ "attendance sheet records what took place; it also ends on 2099-02-01, after its project "
					+ "CSO-CAPACITY (2023-01-01 to 2025-12-31)"));
		// a refused sheet is not warned of them: a refused row of another's activity would tell its dates
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").contentType("text/csv")
			.content((sheet + "TI-PL-5,,,NOPE,,,,TI-7,male,,,,,,\n").getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.warnings.length()").value(0));
	}

}
