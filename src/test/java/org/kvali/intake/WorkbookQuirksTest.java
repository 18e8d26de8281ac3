package org.kvali.intake;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dhatim.fastexcel.VisibilityState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.kvali.intake.Workbooks.rewritten;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What spreadsheets write besides values: the 1904 date system, the days Excel numbers as if 1900 had a 29 February,
 * and a formula's error in place of its value. Each workbook is written, then its XML changed as Excel writes it.
 */
@IntegrationTest
class WorkbookQuirksTest {

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** 1 March 2025 in the 1900 date system. */
	private static final int MARCH_2025 = 45717;

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

	/** 44255 is 1 March 2025 in the 1904 system; read in the 1900 system it was 28 February 2021. */
	@Test
	void aWorkbookOfThe1904DateSystemKeepsItsDates() throws Exception {
		// the file format's booleans are 1 and true alike
		for (var written : List.of("true", "1")) {
			var workbook = workbook(44255, 44255, "Test Youth Voice",
					xml -> xml.replace("date1904=\"false\"", "date1904=\"" + written + "\""), "xl/workbook.xml");
			load(workbook, false).andExpect(status().isOk());
			assertThat(this.jdbc.queryForObject("SELECT start_date || ' ' || end_date FROM activity WHERE code = 'TI-WS-1'",
					String.class)).isEqualTo("2025-03-01 2025-03-01");
			IntakeFixture.remove(this.jdbc);
			IntakeFixture.create(this.jdbc);
		}
	}

	/** Excel's day 1 is 1 January 1900 (not 31 December 1899), and day 61 is 1 March. */
	@Test
	void theFirstDaysOf1900AreTheDaysExcelMeans() throws Exception {
		for (var day : new int[][] { { 1, 1 }, { 59, 2 }, { 61, 3 } }) {
			var workbook = workbook(MARCH_2025, day[0], "Test Youth Voice", UnaryOperator.identity(), "xl/workbook.xml");
			// the start is 2025: the end before it is refused, naming the day read
			load(workbook, true).andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[?(@.column == 'end_date')].value")
					.value("1900-0" + day[1] + "-" + (day[0] == 59 ? "28" : "01")));
		}
	}

	/**
	 * A cell a workbook marks as a formula's error is refused whatever its text, one no list names (#EXTERNAL!)
	 * too, and a NUL or half a character escaped in a cell is refused, shown escaped: the NUL had failed storing
	 * the import's report (500).
	 */
	@Test
	void anyErrorCellAndEscapedNulsAreRefused() throws Exception {
		var errorCell = workbook(MARCH_2025, MARCH_2025, "placeholder",
				xml -> xml.replaceAll("<c r=\"N2\"[^>]*>.*?</c>", "<c r=\"N2\" t=\"e\"><v>#EXTERNAL!</v></c>"),
				"xl/worksheets/sheet1.xml");
		load(errorCell, true).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].column").value("organization_name"))
			.andExpect(jsonPath("$.errors[0].message").value("The cell holds the spreadsheet error #EXTERNAL! where a "
					+ "value belongs: a formula failed; mend it, or write the value itself"));
		// an error cell's text shown escaped, as any refused value is; a participant's reference not at all
		var strange = workbook(MARCH_2025, MARCH_2025, "placeholder", xml -> xml
			.replaceAll("<c r=\"N2\"[^>]*>.*?</c>", "<c r=\"N2\" t=\"e\"><v>Bad_x0000_x</v></c>")
			.replaceAll("<c r=\"H2\"[^>]*>.*?</c>", "<c r=\"H2\" t=\"e\"><v>SECRET-0042</v></c>"),
				"xl/worksheets/sheet1.xml");
		load(strange, true).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.column == 'organization_name')].value").value("Bad\\u0000x"))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("SECRET"))))
			.andExpect(jsonPath("$.errors[?(@.column == 'participant_ref')].message").value("The cell holds a "
					+ "spreadsheet error where a value belongs: a formula failed; mend it, or write the value itself"));
		var escaped = workbook(MARCH_2025, MARCH_2025, "placeholder",
				xml -> xml.replace(">Workshop<", ">Workshop_x0000_<").replace(">placeholder<", ">Club _xD83D_<"),
				"xl/sharedStrings.xml");
		load(escaped, true).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].column").value("activity_title"))
			.andExpect(jsonPath("$.errors[0].value").value("Workshop\\u0000"))
			.andExpect(jsonPath("$.errors[1].column").value("organization_name"))
			.andExpect(jsonPath("$.errors[1].value").value("Club \\uD83D"))
			.andExpect(jsonPath("$.errors[1].message").value("The value holds half of a character (a lone UTF-16 "
					+ "surrogate), which is not text"));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM attendance_import WHERE report::text LIKE '%Workshop%'",
				Integer.class)).isEqualTo(1);
	}

	/**
	 * Header cells left empty past the last name, or not there at all, are columns without a name: a value under one
	 * is warned of (it was "more cells than the header has columns").
	 */
	@Test
	void emptyHeaderCellsAreColumnsWithoutAName() throws Exception {
		var row = List.of("TI-WS-1,Workshop,workshop,TEST-INTAKE,2025-03-01,2025-03-01,,TI-1,female,,,,,,");
		load(Workbooks.written(row, sheet -> {
			sheet.value(0, 15, "");
			sheet.value(1, 15, "Nino");
		}), true).andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings[0].message").value("A column without a name holds a value here (the first "
					+ "such row): it is ignored; name the column if it belongs to the sheet"));
		// a note right of the header's last cell, whose column has no header cell at all: the same (it was refused)
		load(Workbooks.written(row, sheet -> sheet.value(1, 17, "late")), true).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("VALIDATED"))
			.andExpect(jsonPath("$.warnings.length()").value(1))
			.andExpect(jsonPath("$.warnings[0].row").value(2))
			.andExpect(jsonPath("$.warnings[0].message").value("A column without a name holds a value here (the first "
					+ "such row): it is ignored; name the column if it belongs to the sheet"));
	}

	/**
	 * Cells merged down over several people hold the value in their first cell alone; each row is read with it, as the
	 * spreadsheet shows it. Read as saved, the code was missing in the rows below, and the disability and home
	 * municipality stored as unknown for every person but the first.
	 */
	@Test
	void cellsMergedDownAreReadInEveryRow() throws Exception {
		var written = Workbooks.written(
				List.of("TI-WS-1,Workshop,workshop,TEST-INTAKE,2025-03-01,2025-03-01,,TI-1,female,,yes,Bolnisi,,,",
						",Workshop,workshop,TEST-INTAKE,2025-03-01,2025-03-01,,TI-2,female,,,,,,",
						",Workshop,workshop,TEST-INTAKE,2025-03-01,2025-03-01,,TI-3,male,,,Marneuli,,,"),
				sheet -> {
					sheet.range(1, 0, 3, 0).merge();
					sheet.range(1, 10, 3, 10).merge();
					sheet.range(1, 11, 2, 11).merge();
				});
		load(written, false).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("IMPORTED"))
			.andExpect(jsonPath("$.created.participations").value(3));
		assertThat(this.jdbc.queryForList("""
				SELECT p.ref || ' ' || p.disability || ' ' || p.home_municipality_code FROM participation pn
				JOIN participant p ON p.id = pn.participant_id JOIN activity a ON a.id = pn.activity_id
				WHERE a.code = 'TI-WS-1' ORDER BY p.ref""", String.class))
			.containsExactly("TI-1 true GE-KK-BOLNISI", "TI-2 true GE-KK-BOLNISI", "TI-3 true GE-KK-MARNEULI");
		// more merged ranges than twice the rows a sheet may have (5,000 in tests): each would be kept while the rows
		// are read
		var ranges = new StringBuilder("<mergeCells count=\"10001\">");
		for (int range = 0; range < 10001; range++) {
			ranges.append("<mergeCell ref=\"P").append(2 * range + 3).append(":P").append(2 * range + 4).append("\"/>");
		}
		var many = rewritten(written, "xl/worksheets/sheet1.xml",
				xml -> xml.replaceFirst("<mergeCells[^>]*>", ranges.toString()));
		load(many, true).andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.errors[0].message").value("The sheet merges more than 10000 ranges of cells; a sheet"
					+ " of attendance merges few, if any"));
		// ranges over each other, which Excel calls damaged: the second's empty first cell wiped the first's value
		var overlapping = rewritten(written, "xl/worksheets/sheet1.xml",
				xml -> xml.replaceFirst("<mergeCells[^>]*>", "<mergeCells count=\"4\"><mergeCell ref=\"K3:K5\"/>"));
		load(overlapping, true).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("Merged cells overlap in column K (rows 2 to 4 and 3 to 5):"
					+ " the workbook is damaged; unmerge them and write each row's value"));
	}

	/**
	 * A merged range shows its first cell's value over all of it, whatever the cells it covers still hold (as a
	 * program merging "keeping the contents" saves them): below it in its first column that value, in its other
	 * columns nothing. Read as saved, a hidden code made a second activity of a person the sheet showed at the first,
	 * and a hidden municipality was stored. A column's name merged down over the first row leaves it no value.
	 */
	@Test
	void cellsAMergedRangeCoversReadAsTheSpreadsheetShowsThem() throws Exception {
		var written = Workbooks.written(
				List.of("TI-WS-1,Workshop,workshop,TEST-INTAKE,2025-03-01,2025-03-01,,TI-1,female,,yes,Marneuli,,,",
						"TI-WS-HIDDEN,Workshop,workshop,TEST-INTAKE,2025-03-02,2025-03-02,,TI-2,male,,no,Bolnisi,,,"),
				sheet -> {
					sheet.range(1, 0, 2, 0).merge();
					sheet.range(1, 4, 2, 4).merge();
					sheet.range(1, 5, 2, 5).merge();
					sheet.range(1, 10, 2, 11).merge();
				});
		load(written, false).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("IMPORTED"))
			.andExpect(jsonPath("$.activities").value(org.hamcrest.Matchers.contains("TI-WS-1")))
			.andExpect(jsonPath("$.created.participations").value(2));
		assertThat(this.jdbc.queryForList("""
				SELECT a.code || ' ' || a.start_date || ' ' || a.end_date || ' ' || p.ref || ' '
				    || coalesce(p.disability::text, '-') || ' ' || coalesce(p.home_municipality_code, '-')
				FROM participation pn JOIN participant p ON p.id = pn.participant_id
				JOIN activity a ON a.id = pn.activity_id WHERE p.ref IN ('TI-1', 'TI-2') ORDER BY p.ref""", String.class))
			.containsExactly("TI-WS-1 2025-03-01 2025-03-01 TI-1 true -", "TI-WS-1 2025-03-01 2025-03-01 TI-2 true -");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM activity WHERE code = 'TI-WS-HIDDEN'", Integer.class))
			.isZero();
		var header = rewritten(written, "xl/worksheets/sheet1.xml",
				xml -> xml.replaceFirst("<mergeCells[^>]*>.*</mergeCells>",
						"<mergeCells count=\"1\"><mergeCell ref=\"A1:A2\"/></mergeCells>"));
		load(header, true).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[0].column").value("activity_code"));
		// a column's name merged over the next column's: that column has no name, and what stands under it is no title
		var across = rewritten(written, "xl/worksheets/sheet1.xml",
				xml -> xml.replaceFirst("<mergeCells[^>]*>.*</mergeCells>",
						"<mergeCells count=\"1\"><mergeCell ref=\"A1:B1\"/></mergeCells>"));
		load(across, true).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].column").value("activity_title"))
			.andExpect(jsonPath("$.errors[0].message").value("Required for a new activity"))
			.andExpect(jsonPath("$.warnings[0].message").value(org.hamcrest.Matchers.startsWith("A column without a name")));
	}

	/**
	 * A date a formula gives (an end date written =E2+1, a start =DATE(2025,3,1)) is read from its saved result as
	 * the date it is, as a number written is; it was read as the digits 45718 and refused as no date.
	 */
	@Test
	void aDateAFormulaGivesIsReadAsTheDate() throws Exception {
		var workbook = workbook(MARCH_2025, MARCH_2025, "Test Youth Voice", xml -> xml
			.replaceAll("<c r=\"E2\"[^>]*>.*?</c>", "<c r=\"E2\"><f>DATE(2025,3,1)</f><v>" + MARCH_2025 + "</v></c>")
			.replaceAll("<c r=\"F2\"[^>]*>.*?</c>", "<c r=\"F2\" t=\"n\"><f>E2+1</f><v>" + (MARCH_2025 + 1) + "</v></c>"),
				"xl/worksheets/sheet1.xml");
		load(workbook, false).andExpect(status().isOk()).andExpect(jsonPath("$.warnings").isEmpty());
		assertThat(this.jdbc.queryForObject("SELECT start_date || ' ' || end_date FROM activity WHERE code = 'TI-WS-1'",
				String.class)).isEqualTo("2025-03-01 2025-03-02");
	}

	/**
	 * Cells of type d, dates as ISO text, as programs writing workbooks may save them: read as the dates they are, in
	 * either date system, and under birth_year formatted to show the year, its year. They were refused with 400.
	 */
	@Test
	void aDateWrittenAsTextIsReadAsTheDate() throws Exception {
		for (var system : List.of("false", "1")) {
			var workbook = rewritten(isoDates(Map.of("E2", "2025-03-01T00:00:00", "F2", "2025-03-02", "J2",
					"1990-03-12T00:00:00.000Z")), "xl/workbook.xml",
					xml -> xml.replace("date1904=\"false\"", "date1904=\"" + system + "\""));
			load(workbook, false).andExpect(status().isOk()).andExpect(jsonPath("$.warnings").isEmpty());
			assertThat(this.jdbc.queryForObject("SELECT a.start_date || ' ' || a.end_date || ' ' || p.birth_year"
					+ " FROM activity a, participant p WHERE a.code = 'TI-WS-1' AND p.ref = 'TI-1'", String.class))
				.isEqualTo("2025-03-01 2025-03-02 1990");
			IntakeFixture.remove(this.jdbc);
			IntakeFixture.create(this.jdbc);
		}
	}

	/**
	 * A cell of type d holding a point in time (local midnight of 1 April in Tbilisi, written in UTC as programs
	 * writing workbooks do) is the day it was where the programmes run, as the same text in a CSV sheet: it was stored
	 * as 31 March, and counted in the quarter before (a review's).
	 */
	@Test
	void aPointInTimeInACellOfTypeDateIsTheDayItWasWhereTheProgrammesRun() throws Exception {
		load(isoDates(Map.of("E2", "2025-03-31T20:00:00.000Z", "F2", "2025-04-01", "J2", "1990")), false)
			.andExpect(status().isOk());
		assertThat(this.jdbc.queryForObject("SELECT start_date || ' ' || end_date FROM activity WHERE code = 'TI-WS-1'",
				String.class)).isEqualTo("2025-04-01 2025-04-01");
	}

	/**
	 * A year typed where a date belongs, a number that its format shows as no date, is refused as the same value in a
	 * CSV sheet is: read as a day number, 2024 was the day 1905-07-16. A day number formatted as a date is the date,
	 * 1905 too; one shown as a plain number of more digits, as programs write them, stays the day it is (the other
	 * tests' sheets).
	 */
	@Test
	void aYearTypedWhereADateBelongsIsRefused() throws Exception {
		load(workbook(2024, MARCH_2025, "Test Youth Voice", xml -> xml, "xl/worksheets/sheet1.xml"), true)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].column").value("start_date"))
			.andExpect(jsonPath("$.errors[0].value").value("2024"))
			.andExpect(jsonPath("$.errors[0].message").value("Not a date; write 2024-07-18 or 18.07.2024"));
		var dated = Workbooks.written(List.of("TI-WS-1,Workshop,workshop,TEST-INTAKE,,,,TI-1,female,,,,TI-ORG,"
				+ "Test Youth Voice,"), sheet -> {
					sheet.value(1, 4, 2024);
					sheet.style(1, 4).format("yyyy-mm-dd").set();
					sheet.value(1, 5, MARCH_2025);
				});
		load(dated, false).andExpect(status().isOk());
		assertThat(this.jdbc.queryForObject("SELECT start_date || ' ' || end_date FROM activity WHERE code = 'TI-WS-1'",
				String.class)).isEqualTo("1905-07-16 2025-03-01");
	}

	/** A cell of type d that holds no date is refused under its column, naming what it holds; nothing is stored. */
	@Test
	void aCellOfTypeDateHoldingNoDateIsRefusedNamingIt() throws Exception {
		load(isoDates(Map.of("E2", "next Monday", "F2", "2025-03-02", "J2", "1990-03-12")), false)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[0].column").value("start_date"))
			.andExpect(jsonPath("$.errors[0].value").value("next Monday"));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM activity WHERE code = 'TI-WS-1'", Integer.class))
			.isZero();
	}

	/** A cell of a type no spreadsheet program writes is named, not a workbook unreadable. */
	@Test
	void aCellOfAnUnknownTypeIsNamed() throws Exception {
		var workbook = workbook(MARCH_2025, MARCH_2025, "Test Youth Voice", xml -> xml
			.replaceAll("<c r=\"E2\"[^>]*>.*?</c>", "<c r=\"E2\" t=\"x\"><v>2025-03-01</v></c>"),
				"xl/worksheets/sheet1.xml");
		load(workbook, true).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("The workbook holds cells of a type that spreadsheet "
					+ "programs do not write: open it in a spreadsheet program and save it as an Excel workbook"));
	}

	/**
	 * A workbook of one row, its dates and birth date (formatted to show the year) written as day numbers, then the
	 * cells {@code values} names as cells of type d holding those values, their formats kept.
	 */
	private static byte[] isoDates(Map<String, String> values) throws Exception {
		var row = "TI-WS-1,Workshop,workshop,TEST-INTAKE,,,,TI-1,female,,,,,,";
		var written = Workbooks.written(List.of(row), sheet -> {
			sheet.value(1, 4, MARCH_2025);
			sheet.value(1, 5, MARCH_2025);
			sheet.value(1, 9, 32944);
			sheet.style(1, 9).format("yyyy").set();
		});
		return rewritten(written, "xl/worksheets/sheet1.xml", xml -> {
			var cell = Pattern.compile("<c r=\"([EFJ]2)\"([^>]*)><v>[^<]*</v></c>").matcher(xml);
			var changed = cell.replaceAll(found -> Matcher.quoteReplacement("<c r=\"" + found.group(1) + "\""
					+ found.group(2).replace(" t=\"n\"", "") + " t=\"d\"><v>" + values.get(found.group(1))
					+ "</v></c>"));
			assertThat(changed.split("t=\"d\"", -1)).hasSize(4);
			return changed;
		});
	}

	/**
	 * The styles part of a workbook is optional; the reader, asked for each cell's number format, could not open one
	 * without it (a reviewer's), and such a workbook is read without the formats.
	 */
	@Test
	void aWorkbookWithoutStylesIsRead() throws Exception {
		var written = Workbooks.written(
				List.of("TI-WS-1,Workshop,workshop,TEST-INTAKE,2025-03-01,2025-03-01,,TI-1,female,1990,,,,,"));
		var unstyled = rewritten(rewritten(rewritten(written, "xl/styles.xml", xml -> null),
				"xl/_rels/workbook.xml.rels", xml -> xml.replaceAll("<Relationship [^>]*styles[^>]*/>", "")),
				"[Content_Types].xml", xml -> xml.replaceAll("<Override [^>]*styles[^>]*/>", ""));
		load(unstyled, true).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("VALIDATED"))
			.andExpect(jsonPath("$.created.participations").value(1));
	}

	/**
	 * A birth date where the year belongs, formatted to show the year alone: its year is read (it was refused as
	 * "32944", the day number Excel saves). A year given as a number is a year.
	 */
	@Test
	void aBirthDateUnderBirthYearIsReadAsItsYear() throws Exception {
		var written = Workbooks.written(
				List.of("TI-WS-1,Workshop,workshop,TEST-INTAKE,2025-03-01,2025-03-01,,TI-1,female,,,,,,",
						"TI-WS-1,Workshop,workshop,TEST-INTAKE,2025-03-01,2025-03-01,,TI-2,female,,,,,,"),
				sheet -> {
					// 12 March 1990 in the 1900 date system
					sheet.value(1, 9, 32944);
					sheet.style(1, 9).format("yyyy").set();
					sheet.value(2, 9, 1985);
				});
		load(written, false).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("IMPORTED"));
		assertThat(this.jdbc.queryForList("SELECT ref || ' ' || birth_year FROM participant WHERE ref IN ('TI-1', 'TI-2')"
				+ " ORDER BY ref", String.class)).containsExactly("TI-1 1990", "TI-2 1985");
		// a number without a date's format is no date, however large: 19850 for 1985 is refused, not read as 1954
		load(Workbooks.written(List.of("TI-WS-1,Workshop,workshop,TEST-INTAKE,2025-03-01,2025-03-01,,TI-3,female,,,,,,"),
				sheet -> sheet.value(1, 9, 19850)), true).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].value").value("19850"))
			.andExpect(jsonPath("$.errors[0].column").value("birth_year"));
	}

	/**
	 * A year typed under birth_year into a column formatted as dates is that year: 1987 under dd.mm.yyyy, which Excel
	 * shows as 09.06.1905, was stored as 1905 and only warned of as someone of 120. A birth date in the same column is
	 * still its year.
	 */
	@Test
	void aYearTypedUnderBirthYearFormattedAsADateIsThatYear() throws Exception {
		var written = Workbooks.written(
				List.of("TI-WS-1,Workshop,workshop,TEST-INTAKE,2025-03-01,2025-03-01,,TI-1,female,,,,,,",
						"TI-WS-1,Workshop,workshop,TEST-INTAKE,2025-03-01,2025-03-01,,TI-2,female,,,,,,"),
				sheet -> {
					sheet.value(1, 9, 1987);
					sheet.style(1, 9).format("dd.mm.yyyy").set();
					// 12 March 1985 in the 1900 date system
					sheet.value(2, 9, 31118);
					sheet.style(2, 9).format("dd.mm.yyyy").set();
				});
		load(written, false).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("IMPORTED"))
			.andExpect(jsonPath("$.warnings.length()").value(0));
		assertThat(this.jdbc.queryForList("SELECT ref || ' ' || birth_year FROM participant"
				+ " WHERE ref IN ('TI-1', 'TI-2') ORDER BY ref", String.class))
			.containsExactly("TI-1 1987", "TI-2 1985");
	}

	/**
	 * The first sheet the spreadsheet shows is read: a template's lists for its drop-downs are often a hidden first
	 * sheet, and reading it refused the attendance for four missing columns. Missing columns name the sheet read.
	 */
	@Test
	void theFirstVisibleSheetIsReadAndNamedWhenItIsNoAttendance() throws Exception {
		var row = List.of("TI-WS-1,Workshop,workshop,TEST-INTAKE,2025-03-01,2025-03-01,,TI-1,female,,,,,,");
		var written = Workbooks.written(workbook -> {
			var lists = workbook.newWorksheet("lists");
			lists.value(0, 0, "female");
			lists.setVisibilityState(VisibilityState.HIDDEN);
		}, row);
		load(written, true).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("VALIDATED"))
			.andExpect(jsonPath("$.created.participations").value(1));
		// with the type `file --mime` gives it: Spring cannot read the charset; the answer says what to send
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true")
				.header("Content-Type", XLSX + "; charset=binary")
				.content(written))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.errors[0].message").value("The body's type '" + XLSX + "; charset=binary' has"
					+ " parameters that cannot be read (a charset Java does not know?): send it as " + XLSX + " alone"));
	}

	/**
	 * A template's sheet of instructions before the attendance: the sheet with the attendance columns is read. Where
	 * none has them all, the refusal names the shown sheet with most of them; a hidden one with them is named; where
	 * two have them, the workbook is refused, not read in part.
	 */
	@Test
	void theSheetWithTheAttendanceColumnsIsReadAndOnlyOne() throws Exception {
		var row = List.of("TI-WS-1,Workshop,workshop,TEST-INTAKE,2025-03-01,2025-03-01,,TI-1,female,,,,,,");
		var instructed = Workbooks.written(
				workbook -> workbook.newWorksheet("Instructions").value(0, 0, "Fill in one row per person"), row);
		load(instructed, true).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("VALIDATED"))
			.andExpect(jsonPath("$.created.participations").value(1));
		var noGender = Workbooks.written(
				workbook -> workbook.newWorksheet("Instructions").value(0, 0, "Fill in one row per person"), row,
				sheet -> sheet.value(0, 8, "sex"));
		// the sheet nearest to attendance is read, and its header's lack named (a tester's named the instructions)
		load(noGender, true).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(2))
			.andExpect(jsonPath("$.errors[0].message").value("The required column gender is missing from the first row"
					+ " of sheet 'Attendance'"))
			.andExpect(jsonPath("$.errors[1].message").value("The column sex is not one Kvali reads: did you mean"
					+ " gender? Name it so, or remove the column"));
		var hidden = Workbooks.written(
				workbook -> workbook.newWorksheet("Instructions").value(0, 0, "Fill in one row per person"), row,
				sheet -> sheet.setVisibilityState(VisibilityState.HIDDEN));
		// refused as a sheet is for its header (422, kept in the history), not as a body that cannot be read
		load(hidden, true).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.status").value("REJECTED"))
			.andExpect(jsonPath("$.errors[0].row").value(1))
			.andExpect(jsonPath("$.errors[0].message").value("The sheet 'Attendance' has the attendance columns but is"
					+ " hidden: show it (in Excel, right-click a sheet's tab, Unhide) and send the workbook again"));
		var twoDays = Workbooks.written(workbook -> {
			var first = workbook.newWorksheet("Day 1");
			for (int i = 0; i < Columns.REQUIRED.size(); i++) {
				first.value(0, i, Columns.REQUIRED.get(i));
			}
		}, row);
		load(twoDays, true).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].message").value("The sheets 'Day 1', 'Attendance' each have the attendance"
					+ " columns, and a workbook is read one sheet at a time: load each in a workbook of its own (or"
					+ " delete a sheet of an example or instructions), or the rows of all in one sheet"));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM activity WHERE code = 'TI-WS-1'", Integer.class))
			.isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM attendance_import WHERE status = 'REJECTED'",
				Integer.class)).isEqualTo(3);
	}

	@Test
	void aFormulasErrorIsRefusedNotStored() throws Exception {
		var workbook = workbook(MARCH_2025, MARCH_2025, "placeholder",
				xml -> xml.replaceAll("<c r=\"N2\"[^>]*>.*?</c>", "<c r=\"N2\" t=\"e\"><f>VLOOKUP(M2,A:B,2,0)</f><v>#N/A</v></c>"),
				"xl/worksheets/sheet1.xml");
		load(workbook, false).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[0].column").value("organization_name"))
			.andExpect(jsonPath("$.errors[0].value").value("#N/A"))
			.andExpect(jsonPath("$.errors[0].message").value("The cell holds the spreadsheet error #N/A where a value "
					+ "belongs: a formula failed; mend it, or write the value itself"));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM organization WHERE code = 'TI-ORG'", Integer.class))
			.isZero();
	}

	/**
	 * A formula no spreadsheet program computed (as a generated workbook writes it: no saved result) is read as an
	 * empty cell, as one whose saved result is empty text, which the reader cannot tell apart; the first such cell is
	 * warned of, its formula shown (a birth year had been stored as unknown without a word). One with its result saved
	 * is read as that result, without a warning.
	 */
	@Test
	void aFormulaWithoutASavedResultIsWarnedOf() throws Exception {
		for (var cell : List.of("<c r=\"N2\"><f>1980+1</f></c>", "<c r=\"N2\"><f>1980+1</f><v></v></c>")) {
			var unsaved = workbook(MARCH_2025, MARCH_2025, "placeholder",
					xml -> xml.replaceAll("<c r=\"N2\"[^>]*>.*?</c>", cell), "xl/worksheets/sheet1.xml");
			// read as empty, the new organization has no name: refused for that, and the formula told
			load(unsaved, true).andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors.length()").value(1))
				.andExpect(jsonPath("$.errors[0].column").value("organization_name"))
				.andExpect(jsonPath("$.warnings.length()").value(1))
				.andExpect(jsonPath("$.warnings[0].column").value("organization_name"))
				.andExpect(jsonPath("$.warnings[0].value").value("=1980+1"))
				.andExpect(jsonPath("$.warnings[0].message").value("A formula without a saved result is read as empty "
						+ "(the first such cell): a workbook written by a program keeps formulas uncomputed until a "
						+ "spreadsheet program saves it; open and save it there, or write the value itself"));
		}
		var saved = workbook(MARCH_2025, MARCH_2025, "placeholder",
				xml -> xml.replaceAll("<c r=\"N2\"[^>]*>.*?</c>",
						"<c r=\"N2\" t=\"str\"><f>\"Club \"&amp;\"Ninety\"</f><v>Club Ninety</v></c>"),
				"xl/worksheets/sheet1.xml");
		load(saved, true).andExpect(status().isOk())
			.andExpect(jsonPath("$.errors").isEmpty())
			.andExpect(jsonPath("$.warnings").isEmpty());
	}

	/**
	 * A workbook writes a carriage return as _x000D_ and an underscore beginning such a text as _x005F_: read as the
	 * characters they stand for, the first is a line break, read as a space, the second stored as an underscore; a
	 * bell (_x0007_) is refused as any control character is.
	 */
	@Test
	void escapedCharactersAreReadAsWhatTheyStandFor() throws Exception {
		var bell = workbook(MARCH_2025, MARCH_2025, "Youth Club", xml -> xml.replace(">Workshop<", ">Work_x0007_shop<"),
				"xl/sharedStrings.xml");
		load(bell, true).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].column").value("activity_title"))
			.andExpect(jsonPath("$.errors[0].message").value("The value holds control characters (a line break or tab "
					+ "reads as a space; others are refused)"));
		var broken = workbook(MARCH_2025, MARCH_2025, "Youth Club", xml -> xml.replace(">Workshop<", ">Work_x000D_shop<"),
				"xl/sharedStrings.xml");
		load(broken, false).andExpect(status().isOk());
		assertThat(this.jdbc.queryForObject("SELECT title FROM activity WHERE code = 'TI-WS-1'", String.class))
			.isEqualTo("Work shop");
		IntakeFixture.remove(this.jdbc);
		IntakeFixture.create(this.jdbc);
		var underscore = workbook(MARCH_2025, MARCH_2025, "placeholder",
				xml -> xml.replace(">placeholder<", ">Club_x005F_x0041_<"), "xl/sharedStrings.xml");
		load(underscore, false).andExpect(status().isOk());
		assertThat(this.jdbc.queryForObject("SELECT name FROM organization WHERE code = 'TI-ORG'", String.class))
			.isEqualTo("Club_x0041_");
	}

	/**
	 * A reference typed as a number and formatted to show more reads as the spreadsheet shows it: the same sheet saved
	 * as CSV gives TI-0042, and the bare 42 of the workbook made a second person of them.
	 */
	@Test
	void aNumberReadsAsItsFormatShowsIt() throws Exception {
		var row = "TI-WS-1,Workshop,workshop,TEST-INTAKE,2025-03-01,2025-03-01,,%s,female,,,,,,";
		// the writer does not escape a format's quotes: written plain, then quoted in the styles part
		var rows = List.of(row.formatted("x"), row.formatted("y"), row.formatted("TI-0044"), row.formatted("z"));
		var written = rewritten(Workbooks.written(rows, sheet -> {
					sheet.value(1, 7, 42);
					sheet.style(1, 7).format("0000").set();
					sheet.value(2, 7, 4312);
					sheet.style(2, 7).format("000-00").set();
					// a date, 2 January 2025, where Excel made one of a value typed
					sheet.value(4, 7, 45659);
					sheet.style(4, 7).format("d-mmm").set();
				}), "xl/styles.xml", xml -> xml.replace("formatCode=\"0000\"", "formatCode=\"&quot;TI-&quot;0000\"")
					.replace("formatCode=\"000-00\"", "formatCode=\"&quot;TI&quot;\\-000-00;[Red]-0\"")
					.replace("formatCode=\"d-mmm\"", "formatCode=\"&quot;TI-&quot;d-mmm\""));
		// the date is told, once, where the numbers formatted to show a code are not (a tester's: 1-2 typed was
		// stored as 2-Jan without a word)
		var dated = "The workbook holds a date here, read as it shows it (the first such cell): a spreadsheet makes a"
				+ " date of a code typed as 1-2 or 1/2, and shows it as it likes; if it is no date, format the column as"
				+ " text, type the codes again and send the workbook again";
		load(written, false).andExpect(status().isOk()).andExpect(jsonPath("$.created.participants").value(4))
			.andExpect(jsonPath("$.warnings.length()").value(1))
			.andExpect(jsonPath("$.warnings[0].row").value(5))
			.andExpect(jsonPath("$.warnings[0].column").value("participant_ref"))
			.andExpect(jsonPath("$.warnings[0].value").value("TI-2-Jan"))
			.andExpect(jsonPath("$.warnings[0].message").value(dated));
		assertThat(this.jdbc.queryForList("SELECT ref FROM participant WHERE ref LIKE 'TI-%' ORDER BY ref",
				String.class)).containsExactly("TI-0042", "TI-0044", "TI-043-12", "TI-2-Jan");
		// Excel names its own date formats by number alone: 16 is d-mmm (a reviewer's read 2025-01-03)
		var builtIn = rewritten(Workbooks.written(List.of(row.formatted("x")), sheet -> {
			sheet.value(1, 7, 45660);
			sheet.style(1, 7).format("d-mmm").set();
		}), "xl/styles.xml", xml -> xml.replaceAll("<numFmt numFmtId=\"(\\d+)\" formatCode=\"d-mmm\"/>", "")
			.replaceAll("numFmtId=\"16[4-9]\"", "numFmtId=\"16\""));
		load(builtIn, false).andExpect(status().isOk()).andExpect(jsonPath("$.created.participants").value(1))
			.andExpect(jsonPath("$.warnings[0].value").value("3-Jan"))
			.andExpect(jsonPath("$.warnings[0].message").value(dated));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM participant WHERE ref = '3-Jan'", Integer.class))
			.isOne();
		this.jdbc.update("DELETE FROM participation WHERE participant_id = (SELECT id FROM participant WHERE ref = '3-Jan')");
		this.jdbc.update("DELETE FROM participant WHERE ref = '3-Jan'");
		// the CSV the workbook saves names the same people
		var csv = AttendanceImportTest.HEADER + row.formatted("TI-0042") + "\n" + row.formatted("TI-043-12") + "\n";
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").contentType("text/csv")
			.content(csv.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created.participants").value(0))
			.andExpect(jsonPath("$.unchanged.participations").value(2));
	}

	/**
	 * A row the workbook hides (a filter leaving out absentees, say) is refused, not loaded as if shown: the sheet is
	 * read as the spreadsheet shows it, and a hidden row is not shown.
	 */
	@Test
	void aHiddenRowIsRefused() throws Exception {
		var row = "TI-WS-1,Workshop,workshop,TEST-INTAKE,2025-03-01,2025-03-01,,TI-%d,female,,,,,,";
		// the third row hidden, the fourth shown 0 high
		var written = rewritten(Workbooks.written(List.of(row.formatted(1), row.formatted(2), row.formatted(3),
				row.formatted(4)), sheet -> sheet.hideRow(2)), "xl/worksheets/sheet1.xml",
				xml -> xml.replaceFirst("<row r=\"4\"", "<row r=\"4\" ht=\"0\" customHeight=\"1\""));
		load(written, false).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(2))
			.andExpect(jsonPath("$.errors[1].row").value(4))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].message").value("The row is hidden in the workbook (by a filter or Hide),"
					+ " and the sheet is read as a whole: delete the rows not to be loaded, or show them, and send the"
					+ " workbook again"));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM participant WHERE ref LIKE 'TI-%'", Integer.class))
			.isZero();
	}

	/**
	 * A workbook that numbers two rows alike, or a row below the one before it (it writes the numbers itself, as a
	 * program may), is refused, and nothing is stored: a row is named and told apart by its number. Sent again with a
	 * role changed and a new person in a row numbered as the first, the new person was stored without their
	 * participation, and the answer said IMPORTED; naming one person twice at one activity got a 500.
	 */
	@Test
	void rowsNumberedAlikeOrOutOfOrderAreRefused() throws Exception {
		var row = "TI-WS-1,Workshop,workshop,TEST-INTAKE,2025-03-01,2025-03-01,,TI-%d,female,,,,,,%s";
		load(Workbooks.written(List.of(row.formatted(1, "participant"), row.formatted(2, "participant"))), false)
			.andExpect(status().isOk());
		var stored = "SELECT string_agg(p.ref || ' ' || pn.role, ', ' ORDER BY p.ref) FROM participation pn"
				+ " JOIN participant p ON p.id = pn.participant_id JOIN activity a ON a.id = pn.activity_id"
				+ " WHERE a.code = 'TI-WS-1'";
		var rows = List.of(row.formatted(1, "trainer"), row.formatted(3, ""), row.formatted(4, ""));
		for (var numbers : List.of(new String[] { "3", "2", "after row 2" }, new String[] { "4", "2", "after row 3" })) {
			var written = rewritten(Workbooks.written(rows), "xl/worksheets/sheet1.xml",
					xml -> xml.replaceFirst("<row r=\"" + numbers[0] + "\"", "<row r=\"" + numbers[1] + "\""));
			for (boolean dryRun : new boolean[] { true, false }) {
				load(written, dryRun).andExpect(status().isBadRequest())
					.andExpect(jsonPath("$.errors.length()").value(1))
					.andExpect(jsonPath("$.errors[0].message").value("The sheet 'Attendance' gives a row the number 2 "
							+ numbers[2] + ": a workbook numbers its rows once each, in order (a program wrote this one"
							+ " otherwise); open it in a spreadsheet program, check that every row is there, and save it"
							+ " again"));
			}
		}
		assertThat(this.jdbc.queryForObject(stored, String.class)).isEqualTo("TI-1 PARTICIPANT, TI-2 PARTICIPANT");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM participant WHERE ref IN ('TI-3', 'TI-4')",
				Integer.class)).isZero();
		// the same rows, their numbers left out (a row then follows the one before): the role changed, both new people
		// stored with their participations
		var unnumbered = rewritten(Workbooks.written(rows), "xl/worksheets/sheet1.xml",
				xml -> {
					var changed = xml.replaceAll("<row r=\"\\d+\"", "<row");
					assertThat(changed).contains("<row").doesNotContain("<row r=");
					return changed;
				});
		load(unnumbered, false).andExpect(status().isOk())
			.andExpect(jsonPath("$.created.participations").value(2))
			.andExpect(jsonPath("$.updated.participations").value(1));
		assertThat(this.jdbc.queryForObject(stored, String.class))
			.isEqualTo("TI-1 TRAINER, TI-2 PARTICIPANT, TI-3 PARTICIPANT, TI-4 PARTICIPANT");
	}

	/**
	 * A row without its number follows the row before, as spreadsheet programs read it, where other rows have numbers:
	 * the reader numbered it by its place (rows 1 and 7, then 3), and such a workbook was refused as out of order.
	 */
	@Test
	void aRowWithoutItsNumberFollowsTheRowBefore() throws Exception {
		var row = "TI-WS-1,Workshop,workshop,TEST-INTAKE,2025-03-01,2025-03-01,,TI-%d,%s,,,,,,";
		var written = rewritten(Workbooks.written(List.of(row.formatted(1, "female"), row.formatted(2, "female"),
				row.formatted(3, "unknown"))), "xl/worksheets/sheet1.xml", xml -> xml.replaceFirst("<row r=\"2\"",
						"<row r=\"7\"").replaceFirst("<row r=\"3\"", "<row").replaceFirst("<row r=\"4\"", "<row"));
		load(written, true).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].row").value(9))
			.andExpect(jsonPath("$.errors[0].column").value("gender"));
	}

	/**
	 * A cell without its column's letter follows the cell before it, as spreadsheet programs read it, where an empty
	 * cell before that was left out: the reader put the gender after an empty column G under participant_ref, the
	 * birth year under gender, and the sheet was refused for values it does not hold (a tester's).
	 */
	@Test
	void aCellWithoutItsLetterFollowsTheCellBefore() throws Exception {
		var written = rewritten(Workbooks.written(
				List.of("TI-WS-1,Workshop,workshop,TEST-INTAKE,2025-03-01,2025-03-01,,TI-1,female,1990,,,,,")),
				"xl/worksheets/sheet1.xml", xml -> {
					var changed = xml.replace("<c r=\"I2\"", "<c").replace("<c r=\"J2\"", "<c");
					assertThat(changed).contains("<c r=\"H2\"").doesNotContain("r=\"G2\"", "r=\"I2\"", "r=\"J2\"");
					return changed;
				});
		load(written, false).andExpect(status().isOk()).andExpect(jsonPath("$.created.participations").value(1));
		assertThat(this.jdbc.queryForObject("SELECT ref || ' ' || gender || ' ' || birth_year FROM participant"
				+ " WHERE ref LIKE 'TI-%'", String.class)).isEqualTo("TI-1 FEMALE 1990");
	}

	/**
	 * A workbook whose part is not xl/workbook.xml (a package names it in [Content_Types].xml, and may put it anywhere)
	 * is read as the reader reads it: its date system, its sheet's hidden rows and rows without numbers, its sheet's
	 * file found whatever the case it is named in. Its 1904 dates were read four years and a day early, and its rows
	 * without numbers refused as numbered 0 (a review's).
	 */
	@Test
	void aWorkbookWhosePartIsElsewhereIsReadWhole() throws Exception {
		var dates1904 = workbook(44255, 44255, "Test Youth Voice",
				xml -> xml.replace("date1904=\"false\"", "date1904=\"true\""), "xl/workbook.xml");
		load(elsewhere(dates1904), false).andExpect(status().isOk());
		assertThat(this.jdbc.queryForObject("SELECT start_date || ' ' || end_date FROM activity WHERE code = 'TI-WS-1'",
				String.class)).isEqualTo("2025-03-01 2025-03-01");
		var row = "TI-WS-1,Workshop,workshop,TEST-INTAKE,2025-03-01,2025-03-01,,TI-%d,female,,,,,,";
		var hidden = rewritten(Workbooks.written(List.of(row.formatted(1), row.formatted(2), row.formatted(3)),
				sheet -> sheet.hideRow(2)), "xl/worksheets/sheet1.xml",
				xml -> xml.replaceAll("<row r=\"\\d+\"", "<row"));
		// and its sheet named in another case than its file's, which the reader finds all the same
		var otherCase = rewritten(elsewhere(hidden), "wb/_rels/book.xml.rels", xml -> {
			assertThat(xml).contains("worksheets/sheet1.xml\"");
			return xml.replace("worksheets/sheet1.xml\"", "worksheets/Sheet1.XML\"");
		});
		for (var workbook : List.of(elsewhere(hidden), otherCase)) {
			load(workbook, true).andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors.length()").value(1))
				.andExpect(jsonPath("$.errors[0].row").value(3))
				.andExpect(jsonPath("$.errors[0].message")
					.value(org.hamcrest.Matchers.startsWith("The row is hidden")));
		}
	}

	/**
	 * The shared strings' file is found as the reader finds it: by the content type [Content_Types].xml gives it,
	 * whatever the order of the override's attributes, and by a name in another case. Such workbooks were refused as
	 * naming strings they lack, and strings elsewhere than xl/sharedStrings.xml escaped their bounds (a review's).
	 */
	@Test
	void theSharedStringsAreFoundAsTheReaderFindsThem() throws Exception {
		var written = Workbooks.written(
				List.of("TI-WS-1,Workshop,workshop,TEST-INTAKE,2025-03-01,2025-03-01,,TI-1,female,,,,,,"));
		var otherCase = Workbooks.moved(written, "xl/sharedStrings.xml", "xl/SharedStrings.xml");
		for (var workbook : List.of(otherCase, stringsElsewhere(written, UnaryOperator.identity()))) {
			load(workbook, true).andExpect(status().isOk()).andExpect(jsonPath("$.created.participations").value(1));
		}
		var runs = "<r><t>" + "x".repeat(10_000) + "</t></r>";
		load(stringsElsewhere(written, xml -> xml.replaceFirst("<si>", "<si>" + runs.repeat(20))), true)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith(
					"The .xlsx file is refused as damaged or made up: A value of xl/strings.xml is longer than a"
							+ " spreadsheet cell can hold")));
	}

	/**
	 * The workbook with its shared strings in xl/strings.xml, {@code change} applied to them, the override naming them
	 * with its content type first.
	 */
	private static byte[] stringsElsewhere(byte[] workbook, UnaryOperator<String> change) throws Exception {
		var moved = rewritten(Workbooks.moved(workbook, "xl/sharedStrings.xml", "xl/strings.xml"), "xl/strings.xml",
				change);
		return rewritten(moved, "[Content_Types].xml", xml -> {
			var override = Pattern.compile("<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"([^\"]+)\"/>");
			assertThat(override.matcher(xml).find()).isTrue();
			return override.matcher(xml).replaceFirst("<Override ContentType=\"$1\" PartName=\"/xl/strings.xml\"/>");
		});
	}

	/**
	 * The workbook with its part moved from xl/workbook.xml to wb/book.xml, its sheet beside it (the relationships name
	 * it from the workbook's folder), and the package saying so.
	 */
	private static byte[] elsewhere(byte[] workbook) throws Exception {
		var moved = Workbooks.moved(Workbooks.moved(Workbooks.moved(workbook, "xl/workbook.xml", "wb/book.xml"),
				"xl/_rels/workbook.xml.rels", "wb/_rels/book.xml.rels"), "xl/worksheets/sheet1.xml",
				"wb/worksheets/sheet1.xml");
		return rewritten(rewritten(moved, "[Content_Types].xml", xml -> {
			assertThat(xml).contains("\"/xl/workbook.xml\"", "\"/xl/worksheets/sheet1.xml\"");
			return xml.replace("\"/xl/workbook.xml\"", "\"/wb/book.xml\"")
				.replace("\"/xl/worksheets/sheet1.xml\"", "\"/wb/worksheets/sheet1.xml\"");
		}), "_rels/.rels", xml -> {
			assertThat(xml).contains("\"xl/workbook.xml\"");
			return xml.replace("\"xl/workbook.xml\"", "\"wb/book.xml\"");
		});
	}

	/** A hidden row without its number is refused as one with it is: it was loaded as if shown (a tester's). */
	@Test
	void aHiddenRowWithoutItsNumberIsRefused() throws Exception {
		var row = "TI-WS-1,Workshop,workshop,TEST-INTAKE,2025-03-01,2025-03-01,,TI-%d,female,,,,,,";
		var written = rewritten(Workbooks.written(List.of(row.formatted(1), row.formatted(2), row.formatted(3)),
				sheet -> sheet.hideRow(2)), "xl/worksheets/sheet1.xml", xml -> {
					var changed = xml.replaceAll("<row r=\"\\d+\"", "<row");
					assertThat(changed).contains("<row").doesNotContain("<row r=").contains("hidden=\"");
					return changed;
				});
		load(written, false).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].message").value("The row is hidden in the workbook (by a filter or Hide),"
					+ " and the sheet is read as a whole: delete the rows not to be loaded, or show them, and send the"
					+ " workbook again"));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM participant WHERE ref LIKE 'TI-%'", Integer.class))
			.isZero();
	}

	/** A column the workbook hides is read all the same, and warned of: a hidden birth_year was loaded unseen. */
	@Test
	void aHiddenColumnIsWarnedOf() throws Exception {
		var row = "TI-WS-1,Workshop,workshop,TEST-INTAKE,2025-03-01,2025-03-01,,TI-1,female,1990,,,,,";
		load(Workbooks.written(List.of(row), sheet -> sheet.hideColumn(9)), true)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings.length()").value(1))
			.andExpect(jsonPath("$.warnings[0].column").value("birth_year"))
			.andExpect(jsonPath("$.warnings[0].message").value("The column is hidden in the workbook; its values are"
					+ " read all the same: delete it if they are not to be loaded"));
		// a first row that is no header names no hidden column: its cells, a person's name among them, are not told
		// back (a review's)
		var data = row.replace("1990", "Nino Beridze").split(",", -1);
		load(Workbooks.written(List.of(row), sheet -> {
			for (int c = 0; c < data.length; c++) {
				sheet.value(0, c, data[c]);
			}
			sheet.hideColumn(9);
		}), true)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.warnings.length()").value(0))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith("The required column"
					+ " activity_code is missing from the first row")));
	}

	/**
	 * A col's attributes are found in either order, however many stand in its tag: a tag whose max came before its min
	 * hid its column unwarned, and 200 KB of min="1" in another attribute took 20 s to read (a review's); 700 KB here.
	 */
	@Test
	void aHiddenColumnIsFoundWhateverItsTagHolds() throws Exception {
		var row = "TI-WS-1,Workshop,workshop,TEST-INTAKE,2025-03-01,2025-03-01,,TI-1,female,1990,,,,,";
		var written = Workbooks.written(List.of(row), sheet -> sheet.hideColumn(9));
		var swapped = rewritten(written, "xl/worksheets/sheet1.xml", xml -> {
			var col = Pattern.compile("<col min=\"(\\d+)\" max=\"(\\d+)\"(?=[^>]*hidden)").matcher(xml);
			assertThat(col.find()).as(xml).isTrue();
			return col.replaceFirst(Matcher.quoteReplacement("<col max=\"" + col.group(2) + "\" min=\"" + col.group(1)
					+ "\" note='" + "min=\"1\"".repeat(100_000) + "'"));
		});
		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> load(swapped, true)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings.length()").value(1))
			.andExpect(jsonPath("$.warnings[0].column").value("birth_year")));
	}

	/** Two sheets of one part are refused as made up: each was read again (a review's). */
	@Test
	void twoSheetsOfOnePartAreRefused() throws Exception {
		var row = "TI-WS-1,Workshop,workshop,TEST-INTAKE,2025-03-01,2025-03-01,,TI-1,female,1990,,,,,";
		var twice = rewritten(Workbooks.written(List.of(row)), "xl/workbook.xml", xml -> {
			var sheet = Pattern.compile("<sheet [^>]*/>").matcher(xml);
			assertThat(sheet.find()).as(xml).isTrue();
			var copy = sheet.group().replaceFirst("name=\"[^\"]*\"", "name=\"Copy\"")
				.replaceFirst("sheetId=\"\\d+\"", "sheetId=\"99\"");
			return xml.replace(sheet.group(), sheet.group() + copy);
		});
		load(twice, true).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("The .xlsx file is refused as damaged or made up: the"
					+ " sheets 'Attendance' and 'Copy' are one part, xl/worksheets/sheet1.xml; open it in a spreadsheet"
					+ " program and save it again, or send the sheet as CSV"));
	}

	/**
	 * A sheet of one row: a new organization named {@code organization}, the activity from Excel's day
	 * {@code startDay} to {@code endDay}, with {@code change} applied to the workbook's file {@code part}.
	 */
	private static byte[] workbook(int startDay, int endDay, String organization, UnaryOperator<String> change,
			String part) throws Exception {
		var written = Workbooks.written(
				List.of("TI-WS-1,Workshop,workshop,TEST-INTAKE,,,,TI-1,female,,,,TI-ORG," + organization + ","),
				sheet -> {
					sheet.value(1, 4, startDay);
					sheet.value(1, 5, endDay);
				});
		return rewritten(written, part, change);
	}

	private ResultActions load(byte[] workbook, boolean dryRun) throws Exception {
		return this.mvc.perform(post("/imports/attendance").param("dryRun", Boolean.toString(dryRun))
			.contentType(XLSX)
			.content(workbook));
	}

}
