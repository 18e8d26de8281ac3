package org.kvali.intake;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What spreadsheet programs write into a CSV file besides the values typed: Excel's line naming the separator, a
 * short date of a Georgian or Russian locale, a date cell's time of day, a year read as a number with a fraction.
 */
@IntegrationTest
class SpreadsheetExportsTest {

	private static final String HEADER = AttendanceImportTest.HEADER.replace(',', ';');

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
	void theFormsExportsWriteAreReadAsTheDaysAndYearsShown() throws Exception {
		var sheet = "sep=;\r\n" + HEADER + """
				TI-WS-1;Workshop;workshop;TEST-INTAKE;1.3.2025;01.03.2025 17:30;;TI-1;female;1990.0;;;;;
				TI-WS-2;Workshop;workshop;TEST-INTAKE;2025-03-02 00:00:00;2025-03-02T16:05:59.5;;TI-2;male;1985;;;;;
				""";
		load(sheet, false).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("IMPORTED"))
			.andExpect(jsonPath("$.created.participations").value(2));
		assertThat(this.jdbc.queryForList("SELECT code || ' ' || start_date || ' ' || end_date FROM activity"
				+ " WHERE code LIKE 'TI-%' ORDER BY code", String.class))
			.containsExactly("TI-WS-1 2025-03-01 2025-03-01", "TI-WS-2 2025-03-02 2025-03-02");
		assertThat(this.jdbc.queryForList("SELECT ref || ' ' || birth_year FROM participant WHERE ref LIKE 'TI-%'"
				+ " ORDER BY ref", String.class))
			.containsExactly("TI-1 1990", "TI-2 1985");
	}

	/** Rows are numbered as Excel shows them: the separator's line is not shown, the header is row 1. */
	@Test
	void whatIsNoDayNorYearIsStillRefusedOnTheRowShown() throws Exception {
		var sheet = "sep=;\n" + HEADER + """
				TI-WS-1;Workshop;workshop;TEST-INTAKE;2025-03-01 24:00;32.1.2025;;TI-1;female;1990.5;;;;;
				TI-WS-2;Workshop;workshop;TEST-INTAKE;1.3.25;2025-03-01 9:60;;TI-2;male;1985.;;;;;
				""";
		var notADate = "Not a date; write 2024-07-18 or 18.07.2024";
		var birthYear = "A birth year is four digits from 1900 to " + java.time.Year.now().getValue();
		load(sheet, true).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(6))
			.andExpect(jsonPath("$.errors[?(@.row == 2 && @.column == 'start_date')].message").value(notADate))
			.andExpect(jsonPath("$.errors[?(@.row == 2 && @.column == 'end_date')].message")
				.value("Not a day the calendar has; write 2024-07-18 or 18.07.2024"))
			.andExpect(jsonPath("$.errors[?(@.row == 2 && @.column == 'birth_year')].message").value(birthYear))
			.andExpect(jsonPath("$.errors[?(@.row == 3 && @.column == 'start_date')].message").value(notADate))
			.andExpect(jsonPath("$.errors[?(@.row == 3 && @.column == 'end_date')].message").value(notADate))
			.andExpect(jsonPath("$.errors[?(@.row == 3 && @.column == 'birth_year')].message").value(birthYear));
	}

	private ResultActions load(String sheet, boolean dryRun) throws Exception {
		return this.mvc.perform(post("/imports/attendance").param("dryRun", Boolean.toString(dryRun))
			.contentType("text/csv")
			.content(sheet.getBytes(StandardCharsets.UTF_8)));
	}

}
