package org.kvali.intake;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.dhatim.fastexcel.Workbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.graphql.CodeRule;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Bodies that are no usable sheet: each refused with a clear error, nothing stored, and the server stays well. */
@IntegrationTest
class BadSheetTest {

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final String ROW = "TI-WS-1,Workshop,workshop,TEST-INTAKE,2025-09-12,2025-09-12,,TI-%d,female,,,,,,\n";

	private static final String SHIFTED = "The row has more cells than the header has named columns, and values that"
			+ " do not fit their columns: a value holding the separator belongs in quotes, or the values after it stand"
			+ " in the wrong columns; the row's values are not read until then";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ImportTurns turns;

	@BeforeEach
	void project() {
		IntakeFixture.create(this.jdbc);
	}

	@AfterEach
	void nothingStoredAndHealthy() throws Exception {
		assertThat(this.jdbc.queryForObject("""
				SELECT (SELECT count(*) FROM participant WHERE ref LIKE 'TI-%')
				     + (SELECT count(*) FROM activity WHERE code LIKE 'TI-%')
				     + (SELECT count(*) FROM organization WHERE code LIKE 'TI-%')
				     + (SELECT count(*) FROM participation pn JOIN activity a ON a.id = pn.activity_id
				        JOIN project p ON p.id = a.project_id WHERE p.code = 'TEST-INTAKE')""", Integer.class))
			.as("participants, activities, organizations and participations of the sheets").isZero();
		this.mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
		IntakeFixture.remove(this.jdbc);
	}

	/**
	 * A first row of 200,000 names, each an unknown column warned of, made a report of 13 MB, and the history of four
	 * such ran the service out of memory (a tester's); it took time growing with the square of the columns too.
	 */
	@Test
	void aHeaderOfMoreThanAThousandColumnsIsRefusedAsSuch() throws Exception {
		var header = AttendanceImportTest.HEADER.trim() + ",x".repeat(1_000) + "\n";
		send("text/csv", (header + ROW.formatted(1)).getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.warnings.length()").value(0))
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].row").value(1))
			.andExpect(jsonPath("$.errors[0].message").value("The first row names 1015 columns; a sheet has at most"
					+ " 1000: is it the sheet meant, its first row the header?"));
		// a few columns of long names, a report of 49 MB each (a tester's), and columns without a name are no more
		var longName = AttendanceImportTest.HEADER.trim() + ",c" + "x".repeat(600) + "\n";
		send("text/csv", (longName + ROW.formatted(1)).getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].message").value("The first row holds a name of 601 characters; a column's"
					+ " name has at most 500: is it the sheet meant, its first row the header?"));
		var unnamed = AttendanceImportTest.HEADER.trim() + ",".repeat(1_200) + "\n";
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").contentType("text/csv")
			.content((unnamed + ROW.formatted(1)).getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("VALIDATED"));
		// but not past a workbook row's cells: a header of 10 million commas had each row looked at as often
		var wide = AttendanceImportTest.HEADER.trim() + ",".repeat(XlsxValues.MAX_ROW_CELLS) + "\n";
		send("text/csv", (wide + ROW.formatted(1)).getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].message").value("The first row has 2015 cells; a header has at most 2000,"
					+ " named or empty: is it the sheet meant, its first row the header?"));
	}

	/** A report lists 10,000 errors and 1,000 warnings at most, then how many more there are. */
	@Test
	void aReportListsSoManyErrorsAndWarningsAndCountsTheRest() throws Exception {
		// seven errors a row: both dates, both municipalities, gender, birth year, disability
		var refused = new StringBuilder(AttendanceImportTest.HEADER);
		for (int i = 1; i <= 1_430; i++) {
			refused.append("TI-WS-1,Workshop,workshop,TEST-INTAKE,x,x,Nowhere,TI-" + i + ",q,x,x,Nowhere,,,\n");
		}
		send("text/csv", refused.toString().getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(10_001))
			.andExpect(jsonPath("$.errors[9999].row").value(1_430))
			.andExpect(jsonPath("$.errors[10000].row").doesNotExist())
			.andExpect(jsonPath("$.errors[10000].message").value("10 more errors are not listed"));
		// read back a few, or all with the count of the rest last
		this.mvc.perform(post("/graphql").contentType("application/json").content("{\"query\": \"{ imports(first: 1)"
				+ " { edges { node { errors(first: 3) { row } all: errors(first: 20000) { message } } } } }\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.errors").doesNotExist())
			.andExpect(jsonPath("$.data.imports.edges[0].node.errors.length()").value(3))
			.andExpect(jsonPath("$.data.imports.edges[0].node.errors[*].row", Matchers.contains(2, 2, 2)))
			.andExpect(jsonPath("$.data.imports.edges[0].node.all.length()").value(10_001))
			.andExpect(jsonPath("$.data.imports.edges[0].node.all[10000].message")
				.value("10 more errors are not listed"));
		// those past twice as many are counted, not kept (KeptErrorsTest)
		for (int i = 1_431; i <= 3_000; i++) {
			refused.append("TI-WS-1,Workshop,workshop,TEST-INTAKE,x,x,Nowhere,TI-" + i + ",q,x,x,Nowhere,,,\n");
		}
		send("text/csv", refused.toString().getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(10_001))
			.andExpect(jsonPath("$.errors[9999].row").value(1_430))
			.andExpect(jsonPath("$.errors[10000].message").value("11,000 more errors are not listed"));
		// people older than 100, each warned of
		var warned = new StringBuilder(AttendanceImportTest.HEADER);
		for (int i = 1; i <= 1_002; i++) {
			warned.append(ROW.formatted(i).replace("female,,", "female,1920,"));
		}
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").contentType("text/csv")
			.content(warned.toString().getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("VALIDATED"))
			.andExpect(jsonPath("$.created.participants").value(1_002))
			.andExpect(jsonPath("$.warnings.length()").value(1_001))
			.andExpect(jsonPath("$.warnings[999].row").value(1_001))
			.andExpect(jsonPath("$.warnings[1000].message").value("2 more warnings are not listed"));
	}

	@Test
	void emptyBody() throws Exception {
		send("text/csv", new byte[0]).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("The sheet is empty"));
	}

	@Test
	void headerOnly() throws Exception {
		send("text/csv", AttendanceImportTest.HEADER.getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].message").value("The sheet has a header but no rows"));
	}

	/** The row and the line where the record that cannot be read starts: a quoted line break makes them differ. */
	@Test
	void unclosedQuote() throws Exception {
		var twoLines = ROW.formatted(1).replace("Workshop", "\"Work\nshop\"");
		send("text/csv", (AttendanceImportTest.HEADER + twoLines + ROW.formatted(2) + "TI-WS-1,\"Workshop,workshop\n"
				+ ROW.formatted(3)).getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("The body is not readable CSV from row 4 (line 5 of the "
					+ "file): a quoted value starting there is never closed, or a quote is misplaced"));
		send("text/csv", (AttendanceImportTest.HEADER + ROW.formatted(1) + ROW.formatted(2).replace("Workshop",
				"\"Work\"shop")).getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("The body is not readable CSV from row 3 (line 3 of the "
					+ "file): a quoted value starting there is never closed, or a quote is misplaced"));
	}

	/**
	 * Excel's "Unicode Text", which older versions offer for Georgian: tab-separated UTF-16 with a byte order mark, read
	 * as the same sheet in UTF-8 is (it was refused as not UTF-8: a tester's); big-endian too.
	 */
	@Test
	void unicodeTextIsRead() throws Exception {
		var tabbed = (AttendanceImportTest.HEADER + ROW.formatted(1).replace("Workshop", "ვორქშოპი"))
			.replace(',', '\t').replace("\n", "\r\n");
		for (var charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
			// a .txt, as a browser sends it
			this.mvc.perform(post("/imports/attendance").param("dryRun", "true").contentType("text/plain")
				.content(("\uFEFF" + tabbed).getBytes(charset)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("VALIDATED"))
				.andExpect(jsonPath("$.created.participations").value(1));
		}
	}

	@Test
	void notUtf8() throws Exception {
		var latin1 = (AttendanceImportTest.HEADER + ROW.formatted(1).replace("Workshop", "Séminaire"))
			.getBytes(StandardCharsets.ISO_8859_1);
		send("text/csv", latin1).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message")
				.value("The sheet is not UTF-8 text; save it as \"CSV UTF-8\" and send it again"));
	}

	@Test
	void binarySentAsCsv() throws Exception {
		var binary = new byte[] { 'a', 'b', 0, 0, ',', 7, 0, '\n', 'c', 0 };
		send("text/csv", binary).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("The body holds binary data, not CSV text"));
	}

	@Test
	void aUtf8ByteOrderMarkIsRead() throws Exception {
		var sheet = ("\uFEFF" + AttendanceImportTest.HEADER + ROW.formatted(1)).getBytes(StandardCharsets.UTF_8);
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").contentType("text/csv").content(sheet))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("VALIDATED"));
	}

	/**
	 * A row of more cells than the header is refused as that alone: past an unquoted comma each value stands in the
	 * next column, and a title of "Budget, planning" was told 9 problems it did not have (a tester's).
	 */
	@Test
	void moreCellsThanTheHeader() throws Exception {
		var overlong = "The row has more cells than the header has columns: a value holding the separator belongs in"
				+ " quotes, and a note beside the table under a column name; the row's values are not read until then,"
				+ " since they may stand in the wrong columns";
		send("text/csv", (AttendanceImportTest.HEADER + ROW.formatted(1).replace("\n", ",extra,cells\n")).getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[0].message").value(overlong));
		var withRole = ROW.replace(",\n", ",participant\n");
		send("text/csv", (AttendanceImportTest.HEADER + withRole.formatted(1).replace("Workshop", "Budget, planning")
				+ withRole.formatted(2)).getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[0].message").value(overlong));
		// separators alone past the header's end, as a spreadsheet saves a wider row elsewhere, hold nothing
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").contentType("text/csv")
				.content(AttendanceImportTest.HEADER + ROW.formatted(1).replace("\n", ",,\n")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("VALIDATED"));
	}

	/**
	 * Under a header that a spreadsheet saved with columns without a name past its names, a row shifted by an
	 * unquoted comma stays within the header: its value past the names, beside values that fit no column of theirs,
	 * is refused as the shift alone (a tester's title "Workshop, Tetritskaro" was told 10 problems it did not have).
	 * A note there on a row that reads well is warned of, and read.
	 */
	@Test
	void aRowShiftedPastTheNamedColumns() throws Exception {
		var header = AttendanceImportTest.HEADER.replace("\n", ",,\n");
		var shifted = ROW.formatted(2).replace("Workshop", "Workshop, Tetritskaro").replace(",\n", ",participant\n");
		send("text/csv", (header + ROW.formatted(1) + shifted).getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].column").doesNotExist())
			.andExpect(jsonPath("$.errors[0].message").value(SHIFTED));
		// a name holding the separator, unquoted, under a column of names, in a row ending in an empty cell: it has a
		// cell more than the header though no value past it, and its values are not read, the name not told back
		// under gender (a tester's)
		var named = "activity_code,activity_title,activity_kind,project_code,start_date,end_date,participant_ref,"
				+ "Full name,gender,birth_year\n";
		send("text/csv", (named + "NM-1,Nm,workshop,TEST-INTAKE,2025-03-13,2025-03-13,NEW-NM1,Beridze, Nino,female,\n")
			.getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[0].message").value(SHIFTED))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Nino"))));
		var noted = ROW.formatted(2).replace(",\n", ",participant,absent on day 2\n");
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").contentType("text/csv")
				.content(header + ROW.formatted(1) + noted))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("VALIDATED"))
			.andExpect(jsonPath("$.created.participants").value(2))
			.andExpect(jsonPath("$.warnings[0].message").value(org.hamcrest.Matchers.startsWith(
					"A column without a name holds a value here")));
		// beside such a note, one value wrong is that value's error (a review's)
		var misyeared = ROW.formatted(2).replace(",female,,", ",female,19850,").replace(",\n", ",participant,absent\n");
		send("text/csv", (header + ROW.formatted(1) + misyeared).getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].column").value("birth_year"));
	}

	/** A row not read, its values shifted, tells nothing of how the sheet's slashed dates are read (a review's). */
	@Test
	void aShiftedRowTellsNotWhetherTheDayOrTheMonthComesFirst() throws Exception {
		var header = AttendanceImportTest.HEADER.replace("\n", ",,\n");
		// its dates shifted into end_date and venue_municipality, 13/2/2025 read with the day first alone
		var shifted = ROW.formatted(2).replace("2025-09-12,2025-09-12", "13/2/2025,13/2/2025")
			.replace("Workshop", "Workshop, Tetritskaro")
			.replace(",\n", ",participant\n");
		var monthFirst = ROW.formatted(3).replace("TI-WS-1", "TI-WS-2")
			.replace("2025-09-12,2025-09-12", "9/13/2025,9/13/2025");
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").contentType("text/csv")
				.content(header + ROW.formatted(1) + shifted + monthFirst))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].message").value(SHIFTED))
			.andExpect(jsonPath("$.warnings.length()").value(1))
			.andExpect(jsonPath("$.warnings[0].row").value(4))
			.andExpect(jsonPath("$.warnings[0].message").value("The sheet's dates with slashes are read with the"
					+ " month first, as 9/13/2025 can only be read (13 September 2025)"));
	}

	/** Columns separated by a character not read (a pipe) are refused as such, not as a header lacking every column. */
	@Test
	void columnsSeparatedByAnotherCharacter() throws Exception {
		var sheet = (AttendanceImportTest.HEADER + ROW.formatted(1)).replace(',', '|');
		send("text/csv", sheet.getBytes(StandardCharsets.UTF_8)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].message").value("The first line, beginning 'activity_code|activity_title|"
					+ "activity_ki...', is read as one column: its names are separated by a character Kvali does not "
					+ "read; it reads commas, semicolons or tabs between columns; save the sheet with one of them"));
	}

	/**
	 * A row that stops short of the header's columns is read with them empty, and the first such row is warned of:
	 * a spreadsheet saves every separator, so a missing one may have moved the values after it (a short row loaded
	 * without a word).
	 */
	@Test
	void fewerCellsThanTheHeader() throws Exception {
		var sheet = AttendanceImportTest.HEADER + ROW.formatted(1) + "TI-WS-1,Workshop,workshop,TEST-INTAKE,2025-09-12,"
				+ "2025-09-12,,TI-2,female\n" + "TI-WS-1,Workshop,workshop,TEST-INTAKE,2025-09-12,2025-09-12,,TI-3,male,"
				+ "1990,,,,\n";
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").contentType("text/csv").content(sheet))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("VALIDATED"))
			.andExpect(jsonPath("$.created.participants").value(3))
			.andExpect(jsonPath("$.warnings.length()").value(1))
			.andExpect(jsonPath("$.warnings[0].row").value(3))
			.andExpect(jsonPath("$.warnings[0].message").value("The row stops 6 columns short of the header (the first "
					+ "such row): those are read as empty; if a separator is missing, the values after it stand in the "
					+ "wrong columns"));
	}

	/** A row without a required value is told what to write there. */
	@Test
	void anEmptyRequiredCellIsToldWhatToWrite() throws Exception {
		send("text/csv", (AttendanceImportTest.HEADER + ROW.formatted(1).replace("female", "")
				+ ROW.formatted(2).replace("TI-2", "") + ROW.formatted(3).replace(",TEST-INTAKE,", ",,"))
			.getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].row").value(contains(2, 3, 4)))
			.andExpect(jsonPath("$.errors[*].column").value(contains("gender", "participant_ref", "project_code")))
			.andExpect(jsonPath("$.errors[*].message").value(contains("Required: female, male, other or undisclosed"
					+ " (or F, M)", "Required: the person's pseudonymous reference, never their name",
					"Required: the code of the activity's project")));
	}

	/**
	 * An end more than 31 days after the programme's is refused, as by mutation: a sheet's mistyped 2099 made the
	 * project and programme under way again in the donor's IATI file (a tester's); 20 days after is an activity under
	 * way at the end, warned of.
	 */
	@Test
	void anEndLongAfterTheProgrammesIsRefused() throws Exception {
		var row = "TI-END,Meeting,meeting,CSO-CAPACITY,2025-05-06,%s,,TI-1,female,,,,,,\n";
		send("text/csv", (AttendanceImportTest.HEADER + row.formatted("2099-05-01")).getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].column").value("end_date"))
			.andExpect(jsonPath("$.errors[0].message").value("Activity TI-END would end after its programme"
					+ " EU-CSO-EQUAL ends (2025-12-31) by more than 31 days, which an activity under way then may last"
					+ " past it: a mistyped year? An admin may move the dates"));
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").contentType("text/csv")
				.content(AttendanceImportTest.HEADER + row.formatted("2026-01-20")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("VALIDATED"))
			.andExpect(jsonPath("$.warnings[0].column").value("end_date"))
			.andExpect(jsonPath("$.warnings[0].message").value("Activity TI-END ends on 2026-01-20, after its project"
					+ " CSO-CAPACITY (2023-01-01 to 2025-12-31)"));
	}

	/** Codes and references are told the limit they have, whatever their length (a tester's was told 500, then 64). */
	@Test
	void aCodeTooLongIsToldItsOwnLimit() throws Exception {
		for (var length : new int[] { 65, 100, 501 }) {
			var sheet = AttendanceImportTest.HEADER + ROW.formatted(1).replace("TI-1", "T".repeat(length))
				.replaceFirst("^[^,]+", "A".repeat(length)).replace("TEST-INTAKE", "P".repeat(length))
				.replace(",female,,,,,,", ",female,,,," + "O".repeat(length) + ",Org,,");
			var tooLong = "The value is " + length + " characters long; at most 64 are allowed";
			send("text/csv", sheet.getBytes(StandardCharsets.UTF_8)).andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors.length()").value(4))
				.andExpect(jsonPath("$.errors[*].column").value(Matchers.containsInAnyOrder("activity_code",
						"project_code", "participant_ref", "organization_code")))
				.andExpect(jsonPath("$.errors[*].message").value(Matchers.everyItem(Matchers.is(tooLong))))
				.andExpect(jsonPath("$.errors[?(@.column == 'participant_ref')].value").isEmpty());
		}
	}

	@Test
	void aTenThousandCharacterCell() throws Exception {
		var sheet = AttendanceImportTest.HEADER + ROW.formatted(1).replace("Workshop", "W".repeat(10_000));
		send("text/csv", sheet.getBytes(StandardCharsets.UTF_8)).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].column").value("activity_title"))
			.andExpect(jsonPath("$.errors[0].message").value("The value is 10000 characters long; at most 500 are allowed"));
	}

	@Test
	void controlCharactersInACell() throws Exception {
		var sheet = AttendanceImportTest.HEADER + ROW.formatted(1).replace("Workshop", "Work\u0007shop");
		send("text/csv", sheet.getBytes(StandardCharsets.UTF_8)).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].message")
				.value("The value holds control characters (a line break or tab reads as a space; others are refused)"));
	}

	/** A C1 control character is refused as ASCII's are (line breaks and tabs are read as spaces). */
	@Test
	void controlCharactersBeyondAsciiInACell() throws Exception {
		var refused = AttendanceImportTest.HEADER + ROW.formatted(9).replace("Workshop", "Work\u009bshop");
		send("text/csv", refused.getBytes(StandardCharsets.UTF_8)).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].column").value("activity_title"))
			.andExpect(jsonPath("$.errors[0].message")
				.value("The value holds control characters (a line break or tab reads as a space; others are refused)"));
	}

	/**
	 * A refused value with a right-to-left override in it is shown with the override escaped, in its value and in the
	 * message repeating it: otherwise what follows it in a dashboard's error list would read backwards.
	 */
	@Test
	void anOverrideInARefusedValueIsEscaped() throws Exception {
		var sheet = AttendanceImportTest.HEADER + ROW.formatted(1).replace("Workshop", "Work\u2067shop")
				+ ROW.formatted(2);
		send("text/csv", sheet.getBytes(StandardCharsets.UTF_8)).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].row").value(org.hamcrest.Matchers.contains(2, 3)))
			.andExpect(jsonPath("$.errors[0].value").value("Work\\u2067shop"))
			.andExpect(jsonPath("$.errors[0].message").value("Activity TI-WS-1's rows give activity_title"
					+ " Work\\u2067shop (row 2) and Workshop (row 3); all its rows must agree"));
		// an override itself is refused where it stands, as the API refuses it
		send("text/csv", (AttendanceImportTest.HEADER + ROW.formatted(1).replace("Workshop", "Work\u202eshop"))
			.getBytes(StandardCharsets.UTF_8)).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[0].value").value("Work\\u202Eshop"));
		send("text/csv", (AttendanceImportTest.HEADER + ROW.formatted(1).replace("female", "fe\u2067male"))
			.getBytes(StandardCharsets.UTF_8)).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].column").value("gender"))
			.andExpect(jsonPath("$.errors[0].value").value("fe\\u2067male"));
	}

	/** A refused cell of 480 characters is repeated as its first 200, not whole. */
	@Test
	void aLongRefusedValueIsCut() throws Exception {
		var sheet = AttendanceImportTest.HEADER + ROW.formatted(1).replace("female,,,,", "female,,," + "Z".repeat(480) + ",");
		send("text/csv", sheet.getBytes(StandardCharsets.UTF_8)).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].column").value("home_municipality"))
			.andExpect(jsonPath("$.errors[0].value").value("Z".repeat(200) + "..."))
			.andExpect(jsonPath("$.errors[0].message").value("No municipality has this code or name"));
	}

	/**
	 * A reference that is no code may be a person's name, address or telephone written by mistake: refused for its
	 * length or its spaces (a line break reads as one), it is not repeated back either, nor kept in the import's report.
	 */
	@Test
	void aReferenceHoldingPersonalDataIsNotRepeatedBack() throws Exception {
		var sheet = AttendanceImportTest.HEADER
				+ ROW.formatted(1).replace("TI-1", "\"Nino Beridze\nRustaveli avenue 12\"")
				+ ROW.formatted(2).replace("TI-2", "Nino Beridze born 12.03.1990 phone 599 " + "1".repeat(500));
		send("text/csv", sheet.getBytes(StandardCharsets.UTF_8)).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].column").value("participant_ref"))
			.andExpect(jsonPath("$.errors[0].value").doesNotExist())
			.andExpect(jsonPath("$.errors[0].message").value(CodeRule.CODE_RULE + "; this one has a space"))
			.andExpect(jsonPath("$.errors[1].value").doesNotExist())
			.andExpect(jsonPath("$.errors[1].message").value("The value is 539 characters long; at most 64 are allowed"));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM attendance_import WHERE report::text LIKE '%Beridze%'",
				Integer.class)).isZero();
	}

	/** A formula's error saved in a CSV file is refused, not stored as the organization's name. */
	@Test
	void aSpreadsheetErrorIsRefused() throws Exception {
		var sheet = AttendanceImportTest.HEADER + ROW.formatted(1).replace(",,,,,,\n", ",,,,TI-NEW,#N/A,\n")
				+ ROW.formatted(2).replace(",female,", ",#DIV/0!,")
				// Google's and LibreOffice's
				+ ROW.formatted(3).replace(",,,,,,\n", ",,,,TI-NEW,#ERROR!,\n")
				+ ROW.formatted(4).replace("Workshop", "Err:502");
		send("text/csv", sheet.getBytes(StandardCharsets.UTF_8)).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.column == 'organization_name')].value")
				.value(org.hamcrest.Matchers.contains("#N/A", "#ERROR!")))
			.andExpect(jsonPath("$.errors[?(@.row == 5)].value").value("Err:502"))
			.andExpect(jsonPath("$.errors[?(@.column == 'gender')].message").value("The cell holds the spreadsheet "
					+ "error #DIV/0! where a value belongs: a formula failed; mend it, or write the value itself"));
	}

	@Test
	void overTheRowLimit() throws Exception {
		var sheet = new StringBuilder(AttendanceImportTest.HEADER);
		for (int i = 0; i <= 5000; i++) {
			sheet.append(ROW.formatted(i));
		}
		send("text/csv", sheet.toString().getBytes(StandardCharsets.UTF_8)).andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.errors[0].message").value("The sheet has more than 5000 rows; split it into smaller sheets"));
	}

	/** The header again after as many rows as a sheet may have is no row past them (a review's). */
	@Test
	void aHeaderAgainAfterTheMostRowsIsNoRowMore() throws Exception {
		var sheet = new StringBuilder(AttendanceImportTest.HEADER);
		for (int i = 1; i <= 5000; i++) {
			sheet.append(ROW.formatted(i));
		}
		sheet.append(AttendanceImportTest.HEADER);
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").contentType("text/csv")
				.content(sheet.toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rows").value(5000))
			.andExpect(jsonPath("$.warnings[0].row").value(5002))
			.andExpect(jsonPath("$.warnings[0].message").value(org.hamcrest.Matchers.startsWith("The row repeats the"
					+ " header")));
	}

	@Test
	void overTheSizeLimit() throws Exception {
		// lines of a thousand characters: one of a million is refused sooner, as a row (aRowOfMoreCharacters...)
		var sheet = AttendanceImportTest.HEADER + ("x".repeat(999) + "\n").repeat(1_001);
		send("text/csv", sheet.getBytes(StandardCharsets.UTF_8)).andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.errors[0].message").value("The sheet is larger than 1000000 bytes; split it into smaller sheets"));
	}

	/** A misspelt dry run would otherwise store a good sheet: the parameters are checked before it is read. */
	@Test
	void aMisspeltOrUnclearDryRunIsRefused() throws Exception {
		var sheet = (AttendanceImportTest.HEADER + ROW.formatted(1)).getBytes(StandardCharsets.UTF_8);
		this.mvc.perform(post("/imports/attendance").param("dryrun", "true").contentType("text/csv").content(sheet))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("Unknown parameter 'dryrun': there are dryRun (true to"
					+ " check the sheet without storing it, false to load it) and name (the file's name, for the"
					+ " history)"));
		var badName = "name is the file's name, for the import history: given once, 1 to 255 characters on one line";
		for (var name : new String[][] { { "" }, { "a\nb" }, { "x".repeat(256) }, { "a.csv", "b.csv" } }) {
			this.mvc.perform(post("/imports/attendance").param("name", name).contentType("text/csv").content(sheet))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].message").value(badName));
		}
		for (var value : new String[] { "maybe", "", "TRUE" }) {
			this.mvc.perform(post("/imports/attendance").param("dryRun", value).contentType("text/csv").content(sheet))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].message")
					.value("dryRun must be true or false, given once, not '" + value + "'"));
		}
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true", "false").contentType("text/csv")
			.content(sheet))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("dryRun must be true or false, given once, not 'true', "
					+ "'false'"));
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").contentType("text/csv").content(sheet))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("VALIDATED"));
	}

	/** A workbook sent as CSV, or an old .xls in either way, is named for what it is. */
	@Test
	void workbooksSentAsCsvAndOldWorkbooks() throws Exception {
		var xlsx = new ByteArrayOutputStream();
		try (var workbook = new Workbook(xlsx, "test", "1.0")) {
			workbook.newWorksheet("Sheet1").value(0, 0, "activity_code");
		}
		send("text/csv", xlsx.toByteArray()).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("The body is a zip file, as an .xlsx workbook is, not CSV; "
					+ "send a workbook with Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
		var xls = new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };
		var old = "The body is an Excel 97-2003 (.xls) workbook, which is not read; save it as .xlsx or as CSV UTF-8 and "
				+ "send it again";
		for (var type : new String[] { "text/csv", "application/vnd.ms-excel", XLSX }) {
			send(type, xls).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].message").value(old));
		}
		// what Windows calls a .csv file, and rows of nothing but separators between the rows
		var sheet = AttendanceImportTest.HEADER + ROW.formatted(1) + ",,,,,,,,,,,,,,\n" + "  ,\u00a0,\n" + ROW.formatted(2);
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").contentType("application/vnd.ms-excel")
			.content(sheet.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("VALIDATED"))
			.andExpect(jsonPath("$.rows").value(2));
	}

	@Test
	void anUnsupportedContentType() throws Exception {
		send("application/pdf", "%PDF".getBytes(StandardCharsets.US_ASCII)).andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.errors[0].message").value("Send the sheet as text/csv (UTF-8, or Excel's Unicode"
					+ " Text as text/plain) or as " + XLSX + "; got 'application/pdf'"));
		// a wildcard is no type: it failed with a 500 before the import was reached
		send("*/*", "a,b".getBytes(StandardCharsets.US_ASCII)).andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith("The body is sent as"
					+ " '*/*")))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.endsWith("which names no type of"
					+ " content: send application/json to /graphql, text/csv or the .xlsx type to /imports/attendance")));
	}

	/** A sender accepting no JSON is refused before the sheet is read: the sheet was stored, then answered 406. */
	@Test
	void aSenderAcceptingNoJsonIsRefusedBeforeTheSheetIsRead() throws Exception {
		int imports = this.jdbc.queryForObject("SELECT count(*) FROM attendance_import", Integer.class);
		var sheet = (AttendanceImportTest.HEADER + ROW.formatted(1)).getBytes(StandardCharsets.UTF_8);
		for (var dryRun : new String[] { "false", "true" }) {
			this.mvc.perform(post("/imports/attendance").param("dryRun", dryRun).contentType("text/csv")
				.header("Accept", "application/xml").content(sheet))
				.andExpect(status().isNotAcceptable())
				.andExpect(header().string("Content-Type", "application/json"))
				.andExpect(jsonPath("$.status").value("REJECTED"))
				.andExpect(jsonPath("$.errors[0].message").value("The request accepts only application/xml: the answer"
						+ " is application/json; nothing was read or stored"));
		}
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM attendance_import", Integer.class)).isEqualTo(imports);
		// JSON among what is accepted, or any type: read and answered
		for (var accept : new String[] { "application/xml, application/json;q=0.5", "*/*", "application/*" }) {
			this.mvc.perform(post("/imports/attendance").param("dryRun", "true").contentType("text/csv")
				.header("Accept", accept).content(sheet))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("VALIDATED"));
		}
	}

	@Test
	void anXlsxThatIsNotAZip() throws Exception {
		send(XLSX, "activity_code\nx\n".getBytes(StandardCharsets.UTF_8)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("The body is not an .xlsx workbook (it is not a zip file)"));
	}

	@Test
	void aZipBomb() throws Exception {
		var bytes = new ByteArrayOutputStream();
		try (var zip = new ZipOutputStream(bytes)) {
			// a picture, say: XML is refused sooner, for a value longer than a cell's (anXlsxOfWhatNoSpreadsheetWrites...)
			zip.putNextEntry(new ZipEntry("xl/media/image1.png"));
			var zeros = new byte[1 << 20];
			for (int i = 0; i < 25; i++) {
				zip.write(zeros);
			}
			zip.closeEntry();
		}
		assertThat(bytes.size()).isLessThan(100_000);
		send(XLSX, bytes.toByteArray()).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message")
				.value("The .xlsx file unpacks to far more than a sheet of this size can hold; it is refused as a zip bomb"));
	}

	/**
	 * A string longer than a cell can hold, or a tag of thousands of attributes, is refused before an XML reader holds
	 * it: a 410 KB file whose one shared string unpacked to 400 MB ran the service out of memory, and 200,000
	 * attributes on a row took 40 s to read (a tester's).
	 */
	@Test
	void anXlsxOfWhatNoSpreadsheetWritesIsRefusedUnread() throws Exception {
		var run = "<r><t>" + "A".repeat(200_000) + "</t></r>";
		var strings = zip("xl/sharedStrings.xml", "<sst><si>" + run + run + "</si></sst>");
		send(XLSX, strings).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("The .xlsx file is refused as damaged or made up: A value"
					+ " of xl/sharedStrings.xml is longer than a spreadsheet cell can hold (32,767 characters); open it"
					+ " in a spreadsheet program and save it again, or send the sheet as CSV"));
		var attributes = new StringBuilder("<worksheet><sheetData><row r=\"2\"");
		for (int i = 0; i < 10_000; i++) {
			attributes.append(" a").append(i).append("=\"x\"");
		}
		send(XLSX, zip("xl/worksheets/sheet1.xml", attributes + "/></sheetData></worksheet>"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("The .xlsx file is refused as damaged or made up: A tag of"
					+ " xl/worksheets/sheet1.xml has more than 256 attributes, which no spreadsheet program writes; open it"
					+ " in a spreadsheet program and save it again, or send the sheet as CSV"));
	}

	/** A cell naming a shared string past the workbook's had the reader fill the heap, from 2 KB (a tester's). */
	@Test
	void anXlsxCellNamingASharedStringItLacksIsRefusedUnread() throws Exception {
		var sheet = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row><row r=\"2\">"
				+ "<c r=\"A2\" s=\"1\" t=\"s\"><v>999999999</v></c></row></sheetData></worksheet>";
		send(XLSX, zip("xl/worksheets/sheet1.xml", sheet, "xl/sharedStrings.xml", "<sst><si><t>x</t></si></sst>"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("The .xlsx file is refused as damaged or made up: a cell"
					+ " names shared string 999999999 (counted from 0), and the workbook holds 1; open it in a"
					+ " spreadsheet program and save it again, or send the sheet as CSV"));
	}

	/**
	 * Read as the reader reads it: a value's text across its child elements (a 300 KB text, then a tag, then more was
	 * passed whole), a cell's type however its attributes are spaced, an index in other digits (a review's).
	 */
	@Test
	void anXlsxIsJudgedAsItsReaderReadsIt() throws Exception {
		var half = "A".repeat(60_000);
		var split = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"str\"><v>" + half + "<b/>" + half
				+ "</v></c></row></sheetData></worksheet>";
		send(XLSX, zip("xl/worksheets/sheet1.xml", split)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("A value of"
					+ " xl/worksheets/sheet1.xml is longer than a spreadsheet cell can hold")));
		var strings = "<sst><si><t>x</t></si></sst>";
		// a part begun with 5,000 spaces is read as XML too, as the reader reads it
		for (var cell : List.of("<c r=\"A1\"\tt=\"s\"><v>5</v></c>", "<c r=\"A1\" t = 's'><v>\u0665</v></c>",
				"<c r=\"A1\" t=\"s\"><v>5</v></c>")) {
			var spaces = cell.contains("\"s\"><v>5") ? " ".repeat(5000) : "";
			send(XLSX, zip("xl/worksheets/sheet1.xml", spaces + "<worksheet><sheetData><row r=\"1\">" + cell
					+ "</row></sheetData></worksheet>", "xl/sharedStrings.xml", strings))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("a cell names shared string 5"
						+ " (counted from 0), and the workbook holds 1")));
		}
	}

	/** A row far wider than the sheet is refused before the workbook is read: one of 16,000 columns took 23 s. */
	@Test
	void aWorkbookOfThousandsOfColumnsIsRefusedAtItsFirstWideRow() throws Exception {
		var wide = "<worksheet><sheetData><row r=\"1\">" + "<c t=\"inlineStr\"><is><t>x</t></is></c>".repeat(16_000)
				+ "</row></sheetData></worksheet>";
		send(XLSX, zip("xl/worksheets/sheet1.xml", wide)).andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.status").value("REJECTED"))
			.andExpect(jsonPath("$.errors[0].message").value("Row 1 of xl/worksheets/sheet1.xml has more than 2000"
					+ " cells, or one past column 2000, where an attendance sheet has 18"
					+ " columns: delete the columns right of the table, or"
					+ " copy the table alone into a new workbook"));
	}

	/**
	 * A row of more characters than any row of attendance holds is refused as it is read, named by the line it begins
	 * on (a quoted value's line break is its row's): the parser holds a row whole, and a line of 50 MB of "a,a,a" held
	 * 25 million values and ran the service out of memory (a review's).
	 */
	@Test
	void aRowOfMoreCharactersThanAnyRowHoldsIsRefused() throws Exception {
		var sheet = AttendanceImportTest.HEADER + ROW.formatted(1) + "\"a\nb\"," + "a,".repeat(140_000) + "\n";
		// lines ended as Windows, Unix and an old Mac end them, counted as the parser counts them
		for (var end : List.of("\r\n", "\n", "\r")) {
			send("text/csv", sheet.replace("\n", end).getBytes(StandardCharsets.UTF_8))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors.length()").value(1))
				.andExpect(jsonPath("$.errors[0].message").value("The row beginning on line 3 of the file holds more"
						+ " than 262144 characters, where a row of attendance holds a few hundred: is the file a sheet"
						+ " of attendance saved as CSV, and is every quote in it closed?"));
		}
	}

	/**
	 * Cells built to slow the checks are read at once: 250,000 stars above the header, whose name is looked for, and a
	 * cell of "total" and 250,000 spaces, which may head a row of totals. Patterns tried each from every start, and
	 * 100,000 characters took 10 and 19 s, growing with their square (a review's). The cell is refused for its length.
	 */
	@Test
	void cellsBuiltToSlowTheChecksAreReadAtOnce() {
		var stars = "x" + "*".repeat(250_000) + "x\n";
		// no reference: a row of totals names no person
		var totals = ROW.formatted(1).replace("Workshop", "total" + " ".repeat(250_000) + "x").replace("TI-1", "");
		var body = (stars + AttendanceImportTest.HEADER + totals).getBytes(StandardCharsets.UTF_8);
		// they took a minute and two before, here; 10 s leaves room for a slower machine and a faster one alike
		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> send("text/csv", body)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].row").value(Matchers.contains(3, 3)))
			.andExpect(jsonPath("$.errors[*].column").value(Matchers.contains("activity_title", "participant_ref")))
			.andExpect(jsonPath("$.errors[0].message")
				.value("The value is 250006 characters long; at most 500 are allowed")));
	}

	/**
	 * A part in UTF-32, of either byte order, is refused: the checks took it for no XML and left it to the reader
	 * whole, where a 1.7 KB workbook whose sheet named column ZZZZZZ ran the service out of memory (a review's).
	 */
	@Test
	void anXlsxPartInUtf32IsRefused() throws Exception {
		var sheet = "<worksheet><sheetData><row r=\"1\"><c r=\"ZZZZZZ1\" t=\"inlineStr\"><is><t>x</t></is></c></row>"
				+ "</sheetData></worksheet>";
		for (var charset : List.of("UTF-32BE", "UTF-32LE")) {
			var bytes = new ByteArrayOutputStream();
			try (var zip = new ZipOutputStream(bytes)) {
				zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
				zip.write(sheet.getBytes(java.nio.charset.Charset.forName(charset)));
				zip.closeEntry();
			}
			send(XLSX, bytes.toByteArray()).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].message").value("The .xlsx file is refused as damaged or made up:"
						+ " xl/worksheets/sheet1.xml is written in UTF-32, which no spreadsheet program writes; open"
						+ " it in a spreadsheet program and save it again, or send the sheet as CSV"));
		}
	}

	/**
	 * Rows under that bound are bounded in all: 32 cells a row of the rows a sheet may have (5,000 here). 1,990
	 * columns of 9,700 rows took 35 s (a retest's).
	 */
	@Test
	void aWorkbookOfMoreCellsThanItsRowsMayHaveIsRefused() throws Exception {
		var row = "<row>" + "<c><v>1</v></c>".repeat(1_600) + "</row>";
		var sheet = "<worksheet><sheetData>" + row.repeat(101) + "</sheetData></worksheet>";
		send(XLSX, zip("xl/worksheets/sheet1.xml", sheet)).andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.errors[0].message").value("The workbook has more than 160000 cells, 32 for each of"
					+ " the 5000 rows a sheet may have: delete what lies right of or below the table, or split it into"
					+ " smaller sheets"));
	}

	private static byte[] zip(String... partsAndXml) throws Exception {
		var bytes = new ByteArrayOutputStream();
		try (var zip = new ZipOutputStream(bytes)) {
			for (int i = 0; i < partsAndXml.length; i += 2) {
				zip.putNextEntry(new ZipEntry(partsAndXml[i]));
				zip.write(partsAndXml[i + 1].getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	@Test
	void anXlsxSheetIsReadLikeItsCsv() throws Exception {
		var bytes = new ByteArrayOutputStream();
		var workbook = new Workbook(bytes, "Kvali tests", "1.0");
		var sheet = Workbooks.attendance(workbook, List.of(ROW.formatted(1), ROW.formatted(2)));
		for (int r = 1; r <= 2; r++) {
			sheet.value(r, 4, java.time.LocalDate.of(2025, 9, 12));
			sheet.style(r, 4).format("yyyy-mm-dd").set();
		}
		workbook.finish();
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").contentType(XLSX).content(bytes.toByteArray()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("VALIDATED"))
			.andExpect(jsonPath("$.created.participations").value(2))
			.andExpect(jsonPath("$.created.activities").value(1));
	}

	/**
	 * A sheet beyond the loads one instance takes at once waits for a turn without a database connection, and is
	 * refused with 503 when none comes; the rest of the service answers meanwhile (nine slow uploads took every
	 * connection, and reports and health checks failed).
	 */
	@Test
	void aSheetWithoutATurnIsRefusedWhileTheRestAnswers() throws Exception {
		var wait = ImportTurns.wait;
		var held = new java.util.ArrayList<ImportTurns.Turn>();
		try {
			ImportTurns.wait = 100;
			for (int i = 0; i < 4; i++) {
				held.add(this.turns.take("held " + i));
			}
			send("text/csv", (AttendanceImportTest.HEADER + ROW.formatted(1)).getBytes(StandardCharsets.UTF_8))
				.andExpect(status().isServiceUnavailable())
				.andExpect(header().string("Retry-After", "5"))
				.andExpect(jsonPath("$.errors[0].message").value("Other sheets are being loaded (4 at once at most) and "
						+ "this one waited 0 s for its turn; send it again shortly"));
			this.mvc.perform(post("/graphql").contentType("application/json").content("{\"query\": \"{ regions { code } }\"}"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.data.regions.length()").value(12));
		}
		finally {
			held.forEach(ImportTurns.Turn::close);
			ImportTurns.wait = wait;
		}
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").contentType("text/csv")
				.content(AttendanceImportTest.HEADER + ROW.formatted(1)))
			.andExpect(status().isOk());
	}

	/** A caller whose sheets hold half of the turns waits for one of its own, and is told so. */
	@Test
	void aCallerHoldingHalfTheTurnsIsToldItsOwnSheetsHoldThem() throws Exception {
		var wait = ImportTurns.wait;
		var held = new java.util.ArrayList<ImportTurns.Turn>();
		try {
			ImportTurns.wait = 100;
			// the tests' admin key acts as bootstrap-admin
			held.add(this.turns.take("bootstrap-admin"));
			held.add(this.turns.take("bootstrap-admin"));
			send("text/csv", (AttendanceImportTest.HEADER + ROW.formatted(1)).getBytes(StandardCharsets.UTF_8))
				.andExpect(status().isServiceUnavailable())
				.andExpect(jsonPath("$.errors[0].message").value("Your other sheets are being loaded (2 at once for one"
						+ " caller at most, of 4) and this one waited 0 s for its turn; send it once one of them is"
						+ " answered"));
		}
		finally {
			held.forEach(ImportTurns.Turn::close);
			ImportTurns.wait = wait;
		}
	}

	/**
	 * A workbook saved as Strict Open XML (one of Excel's "Save as" types) is refused with how to save one Kvali reads:
	 * it was refused as "not a readable .xlsx workbook", which told nothing to do (a tester's).
	 */
	@Test
	void aStrictWorkbookIsRefusedSayingHowToSaveIt() throws Exception {
		var written = Workbooks.written(List.of(ROW.formatted(1).trim()));
		// the same workbook loads as written
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").contentType(XLSX).content(written))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created.participations").value(1));
		// the namespaces and relations of each part as Strict Open XML names them
		var strict = written;
		for (var part : List.of("_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
				"xl/worksheets/sheet1.xml", "xl/styles.xml", "xl/sharedStrings.xml")) {
			strict = Workbooks.rewritten(strict, part, xml -> xml
				.replace("http://schemas.openxmlformats.org/spreadsheetml/2006/main",
						"http://purl.oclc.org/ooxml/spreadsheetml/main")
				.replace("http://schemas.openxmlformats.org/officeDocument/2006/relationships",
						"http://purl.oclc.org/ooxml/officeDocument/relationships"));
		}
		send(XLSX, strict).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].message").value("The workbook is saved as Strict Open XML, which Kvali"
					+ " does not read: open it in a spreadsheet program and save it as an Excel workbook (.xlsx; in"
					+ " Excel, Save As, Excel Workbook)"));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM participant WHERE ref = 'TI-1'", Integer.class))
			.isZero();
	}

	private ResultActions send(String contentType, byte[] body) throws Exception {
		return this.mvc.perform(post("/imports/attendance").contentType(contentType).content(body));
	}

}
