package org.kvali.intake;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A header below row 1: below empty rows, or below a title and notes. Its messages name the row it is on, where they
 * named row 1 and "the first row" (a tester's); a workbook's empty rows above it, formatted say, are passed over as a
 * CSV file's empty lines are, where the empty first row was read as a header naming no column; and rows above it that
 * hold a title are passed over with a warning.
 */
@IntegrationTest
class HeaderRowTest {

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final String DAY_2 = "The sheet 'Day 2' has rows under a header like an attendance sheet's, without"
			+ " gender, and a workbook is read one sheet at a time: its rows would be left out beside those of"
			+ " 'Attendance'. Load each in a workbook of its own, its header naming every required column (or delete"
			+ " the sheet)";

	private static final String ROW = "TI-WS-1,Workshop,workshop,TEST-INTAKE,2025-03-01,2025-03-01,,TI-%d,female,,,,,,";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@LiquibaseDataSource
	DataSource ownerDataSource;

	@BeforeEach
	void project() {
		IntakeFixture.create(this.jdbc);
	}

	@AfterEach
	void clean() {
		IntakeFixture.remove(this.jdbc);
	}

	@Test
	void aCsvHeaderBelowEmptyLinesIsNamedByItsRow() throws Exception {
		var header = AttendanceImportTest.HEADER.replace("gender", "sex");
		send("text/csv", ",,,\n\n" + header + ROW.formatted(1) + "\n")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(2))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].column").value("gender"))
			.andExpect(jsonPath("$.errors[0].message")
				.value("The required column gender is missing from row 3 (the header)"))
			.andExpect(jsonPath("$.errors[1].row").value(3))
			.andExpect(jsonPath("$.errors[1].message").value("The column sex is not one Kvali reads: did you mean"
					+ " gender? Name it so, or remove the column"));
		var noted = AttendanceImportTest.HEADER.trim() + ",notes\n";
		send("text/csv", "\n" + noted + ROW.formatted(1) + ",\n" + ROW.formatted(2).replace("female", "x") + ",\n")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.warnings.length()").value(1))
			.andExpect(jsonPath("$.warnings[0].row").value(2))
			.andExpect(jsonPath("$.warnings[0].column").value("notes"))
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].row").value(4))
			.andExpect(jsonPath("$.errors[0].column").value("gender"));
		// a header of names surely meant, below a title: refused as the header, where the title was read as one
		// (a review's)
		send("text/csv", "Day 2 of the workshop\nParticipant ID,Sex,Activity\nTI-1,female,TI-WS-1\n")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].row").value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is(2))))
			.andExpect(jsonPath("$.errors.length()").value(6))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith("The required column"
					+ " activity_code is missing from row 2 (the header)")))
			.andExpect(jsonPath("$.errors[4].message").value("The column Participant ID is not one Kvali reads: did"
					+ " you mean participant_ref? Name it so, or remove the column"))
			.andExpect(jsonPath("$.errors[5].message").value("The column Sex is not one Kvali reads: did you mean"
					+ " gender? Name it so, or remove the column"));
		// a legend of one column above the header is a title still, passed over with a warning
		send("text/csv", "Sex,F = female / M = male\n" + AttendanceImportTest.HEADER + ROW.formatted(1) + "\n")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created.participations").value(1))
			.andExpect(jsonPath("$.warnings.length()").value(1))
			.andExpect(jsonPath("$.warnings[0].row").value(1));
		// too many names: the row is named, and asked whether it is the header
		var wide = IntStream.rangeClosed(1, 1_001).mapToObj(i -> "c" + i).collect(Collectors.joining(","));
		send("text/csv", "\n\n\n" + wide + "\n")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].row").value(4))
			.andExpect(jsonPath("$.errors[0].message").value("Row 4 names 1001 columns; a sheet has at most 1000: is it"
					+ " the sheet meant, that row the header?"));
	}

	@Test
	void aWorkbookHeaderBelowEmptyRowsIsReadThereAndNamedByItsRow() throws Exception {
		var written = Workbooks.written(List.of(ROW.formatted(1), ROW.formatted(2)),
				sheet -> sheet.value(0, 15, "notes"));
		// the rows moved two down, and an empty row 1 formatted higher
		var lower = Workbooks.rewritten(written, "xl/worksheets/sheet1.xml", HeaderRowTest::twoRowsDown);
		load(lower).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("VALIDATED"))
			.andExpect(jsonPath("$.created.participations").value(2))
			.andExpect(jsonPath("$.warnings.length()").value(1))
			.andExpect(jsonPath("$.warnings[0].row").value(3))
			.andExpect(jsonPath("$.warnings[0].column").value("notes"));
		var sex = Workbooks.written(List.of(ROW.formatted(1)), sheet -> sheet.value(0, 8, "sex"));
		var unnamed = Workbooks.rewritten(sex, "xl/worksheets/sheet1.xml", HeaderRowTest::twoRowsDown);
		load(unnamed).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].message").value("The required column gender is missing from row 3 (the"
					+ " header) of sheet 'Attendance'"))
			.andExpect(jsonPath("$.errors[1].row").value(3));
	}

	/**
	 * A title, a project's name and a date above the table are passed over, with a warning naming them, where one of
	 * the first rows names the required columns: they were refused as a header naming none, and the sheet's keeper
	 * had to delete them. Rows of more cells, or naming a required column, are no title: the first row is then the
	 * header, refused for what it lacks, as it is where none of the first 10 is the header.
	 */
	@Test
	void rowsAboveTheHeaderAreNotReadAndNamed() throws Exception {
		// a hand-typed title has no separators, and the separator is the header's
		var semicolons = AttendanceImportTest.HEADER.replace(',', ';') + ROW.formatted(1).replace(',', ';') + "\n";
		send("text/csv", "Attendance of the budget workshop\n\nProject TEST-INTAKE;;;\n" + semicolons)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created.participations").value(1))
			.andExpect(jsonPath("$.warnings.length()").value(1))
			.andExpect(jsonPath("$.warnings[0].row").value(1))
			.andExpect(jsonPath("$.warnings[0].message").value("The header is row 4, the first to name the required"
					+ " columns: rows 1 to 3 above it (a title, say) are not read"));
		// titles and notes with other separators in them than the header's: the header's decides, a note of four cells
		// too (a spreadsheet pads a title with separators to the table's width), in a file of tabs as well
		var padded = "Attendance" + ";".repeat(14) + "\nTrainers: Nino, Giorgi, Ana, Levan" + ";".repeat(14) + "\n";
		var tabs = semicolons.replace(';', '\t');
		var notedOnce = "The header is row 3, the first to name the required columns: rows 1 and 2 above it (a title,"
				+ " say) are not read";
		for (var sheet : List.of(padded + semicolons, padded.replace(';', '\t') + tabs)) {
			send("text/csv", sheet).andExpect(status().isOk())
				.andExpect(jsonPath("$.created.participations").value(1))
				.andExpect(jsonPath("$.warnings[*].message").value(org.hamcrest.Matchers.contains(notedOnce)));
		}
		var titledOnce = "The header is row 2, the first to name the required columns: row 1 above it (a title, say) is"
				+ " not read";
		for (var sheet : List.of("Training, Rustavi, March 2025\n" + semicolons,
				"Attendance; Rustavi; March 2025\n" + AttendanceImportTest.HEADER + ROW.formatted(1) + "\n")) {
			send("text/csv", sheet).andExpect(status().isOk())
				.andExpect(jsonPath("$.created.participations").value(1))
				.andExpect(jsonPath("$.warnings[*].message").value(org.hamcrest.Matchers.contains(titledOnce)));
		}
		// a data row's error is named by its own row
		send("text/csv", "Attendance\n" + AttendanceImportTest.HEADER + ROW.formatted(1).replace("female", "x") + "\n")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.warnings[0].message").value("The header is row 2, the first to name the required"
					+ " columns: row 1 above it (a title, say) is not read"))
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].column").value("gender"));
		// a title merged over the table's width in a workbook
		var titled = Workbooks.rewritten(Workbooks.written(List.of(ROW.formatted(1), ROW.formatted(2)), sheet -> {
			sheet.value(0, 16, "keep");
		}), "xl/worksheets/sheet1.xml", HeaderRowTest::titled);
		load(titled).andExpect(status().isOk())
			.andExpect(jsonPath("$.created.participations").value(2))
			.andExpect(jsonPath("$.warnings[*].message").value(org.hamcrest.Matchers.contains("The header is row 3, the"
					+ " first to name the required columns: rows 1 and 2 above it (a title, say) are not read",
					"unknown column, ignored")));
		// rows that are no title end the search, as a header lacking a column or rows of a sheet before another's
		// header would be passed over unread: the first row is the header, refused for what it lacks
		var sex = AttendanceImportTest.HEADER.replace("gender", "sex") + ROW.formatted(1) + "\n";
		send("text/csv", sex + AttendanceImportTest.HEADER + ROW.formatted(2) + "\n")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].row").value(1))
			.andExpect(jsonPath("$.errors[0].message")
				.value("The required column gender is missing from the first row"));
		send("text/csv", "Date,2025-03-01,Venue,Marneuli\n" + AttendanceImportTest.HEADER + ROW.formatted(1) + "\n")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].row").value(1))
			.andExpect(jsonPath("$.errors.length()").value(4));
		// no header among the first 10 rows: the first is one, lacking every column, and its cells are not told back as
		// columns Kvali does not read (a sheet without a header had its first row's name so: a tester's)
		var untitled = new StringBuilder("Attendance,Nino Beridze\n");
		for (int i = 1; i <= 9; i++) {
			untitled.append("Note ").append(i).append('\n');
		}
		send("text/csv", untitled + AttendanceImportTest.HEADER + ROW.formatted(10) + "\n")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.warnings.length()").value(0))
			.andExpect(jsonPath("$.errors.length()").value(4))
			.andExpect(jsonPath("$.errors[0].row").value(1))
			.andExpect(jsonPath("$.errors[0].message").value("The required column activity_code is missing from the"
					+ " first row: the columns' names belong in one row, the header: the first with anything in it, or"
					+ " the first below a title of at most three cells"));
		// a name meant for a column is told all the same, the other cells not (nor a value's twice)
		send("text/csv", "Sex,Nino Beridze,Nino Beridze,x\n" + ROW.formatted(1) + "\n")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.warnings.length()").value(0))
			.andExpect(jsonPath("$.errors[*].message").value(org.hamcrest.Matchers.hasItem("The column Sex is not one"
					+ " Kvali reads: did you mean gender? Name it so, or remove the column")))
			.andExpect(jsonPath("$.errors[*].message").value(org.hamcrest.Matchers.everyItem(
					org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsStringIgnoringCase("beridze")))));
		// rows of attendance above a header are no title
		send("text/csv", ROW.formatted(1) + "\n" + ROW.formatted(2) + "\n" + AttendanceImportTest.HEADER
				+ ROW.formatted(3) + "\n")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].row").value(1))
			.andExpect(jsonPath("$.errors[0].column").value("activity_code"));
		// a header lacking a column below a title is refused as such, with the name it may mean
		var titledSex = "Attendance\n" + AttendanceImportTest.HEADER.replace("gender", "sex") + ROW.formatted(1) + "\n";
		send("text/csv", titledSex)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].row").value(org.hamcrest.Matchers.contains(2, 2)))
			.andExpect(jsonPath("$.errors[0].message")
				.value("The required column gender is missing from row 2 (the header)"))
			.andExpect(jsonPath("$.errors[1].message").value("The column sex is not one Kvali reads: did you mean"
					+ " gender? Name it so, or remove the column"));
		// a header naming one column below a title is the row refused, and one of another separator is named so
		send("text/csv", "Attendance\nactivity_code,project,participant_id,sex\n" + ROW.formatted(1) + "\n")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[0].message")
				.value("The required column project_code is missing from row 2 (the header)"));
		send("text/csv", "Attendance\nactivity_code|project_code|participant_ref|gender\nTI-WS-1|TEST-INTAKE|TI-1|f\n")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith("Row 2, beginning"
					+ " 'activity_code|project_code|participant_r...', is read as one column")));
		// a line "sep=," below a title is shown, so no row is numbered as if hidden: only a first such line is
		send("text/csv", "Attendance\nsep=,\n" + AttendanceImportTest.HEADER + ROW.formatted(1).replace("female", "x")
				+ "\n")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.warnings[0].message").value("The header is row 3, the first to name the required"
					+ " columns: rows 1 and 2 above it (a title, say) are not read"))
			.andExpect(jsonPath("$.errors[0].row").value(4));
		// nor below empty lines: Excel shows it there too
		send("text/csv", "\n\r\nsep=,\n" + AttendanceImportTest.HEADER + ROW.formatted(1).replace("female", "x") + "\n")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].row").value(5));
		// a header of one column decides the separator (a comma), not a later line
		send("text/csv", "participant_ref\nR1\nx;\"a\"b\n").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(3))
			.andExpect(jsonPath("$.errors[0].column").value("activity_code"));
	}

	/**
	 * A workbook whose attendance sheet has its header on row 1 is read, though a sheet of instructions names the
	 * columns in a row below its title, with nothing under them: a header on a sheet's first row comes before one
	 * below a title that holds no row. Where the other sheet has rows under its header (descriptions, or an example's),
	 * either may be the attendance, and the workbook is refused: an example sheet's row was loaded, the attendance's
	 * dropped (a review's).
	 */
	@Test
	void aSheetWhoseHeaderIsItsFirstRowIsTheAttendance() throws Exception {
		var columns = List.of("activity_code", "project_code", "participant_ref", "gender");
		var workbook = Workbooks.written(instructions -> {
			var sheet = instructions.newWorksheet("Instructions");
			sheet.value(0, 0, "How to fill in the sheet");
			for (int c = 0; c < columns.size(); c++) {
				sheet.value(1, c, columns.get(c));
			}
		}, List.of(ROW.formatted(1)));
		load(workbook).andExpect(status().isOk()).andExpect(jsonPath("$.created.participations").value(1))
			.andExpect(jsonPath("$.warnings").isEmpty());
		var described = Workbooks.written(instructions -> {
			var sheet = instructions.newWorksheet("Instructions");
			sheet.value(0, 0, "How to fill in the sheet");
			for (int c = 0; c < columns.size(); c++) {
				sheet.value(1, c, columns.get(c));
				sheet.value(2, c, "what " + columns.get(c) + " holds");
			}
		}, List.of(ROW.formatted(1)));
		var refused = "The sheets 'Instructions', 'Attendance' each have the attendance columns, and a workbook is read"
				+ " one sheet at a time: load each in a workbook of its own (or delete a sheet of an example or"
				+ " instructions), or the rows of all in one sheet";
		load(described).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].message").value(org.hamcrest.Matchers.contains(refused)));
		// an example on its own sheet, the attendance below a title on the next: neither is read
		var header = AttendanceImportTest.HEADER.trim().split(",");
		var example = Workbooks.written(before -> {
			var sheet = before.newWorksheet("Example");
			var values = ROW.formatted(99).split(",", -1);
			for (int c = 0; c < header.length; c++) {
				sheet.value(0, c, header[c]);
				sheet.value(1, c, values[c]);
			}
		}, List.of(ROW.formatted(1), ROW.formatted(2)));
		var titled = Workbooks.rewritten(example, "xl/worksheets/sheet2.xml", HeaderRowTest::titled);
		this.mvc.perform(post("/imports/attendance").contentType(XLSX).content(titled))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].message").value(org.hamcrest.Matchers.contains(
					refused.replace("'Instructions'", "'Example'"))));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM participant WHERE ref LIKE 'TI-%'", Integer.class))
			.isZero();
		// the rows under a header found last among the rows looked at, the tenth below nine titles, count as well
		var late = Workbooks.written(before -> {
			var sheet = before.newWorksheet("Example");
			var values = ROW.formatted(99).split(",", -1);
			for (int c = 0; c < header.length; c++) {
				sheet.value(Columns.ROWS_TO_HEADER - 1, c, header[c]);
				sheet.value(Columns.ROWS_TO_HEADER, c, values[c]);
			}
			for (int r = 0; r < Columns.ROWS_TO_HEADER - 1; r++) {
				sheet.value(r, 0, "Note " + r);
			}
		}, List.of(ROW.formatted(1)));
		load(late).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].message").value(org.hamcrest.Matchers.contains(
					refused.replace("'Instructions'", "'Example'"))));
		// nor is the instructions' example read where the attendance sheet's header lacks a column: it is refused
		var sex = Workbooks.written(instructions -> {
			var sheet = instructions.newWorksheet("Instructions");
			sheet.value(0, 0, "How to fill in the sheet");
			var values = ROW.formatted(9).split(",", -1);
			for (int c = 0; c < header.length; c++) {
				sheet.value(1, c, header[c]);
				sheet.value(2, c, values[c]);
			}
		}, List.of(ROW.formatted(1)), sheet -> sheet.value(0, 8, "sex"));
		load(sex).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.created.participations").value(0))
			.andExpect(jsonPath("$.errors[0].message").value("The required column gender is missing from the first row"
					+ " of sheet 'Attendance'"));
		// a sheet a day, the second's header naming "sex": its rows were left out unsaid, the first's loaded
		var day = Workbooks.written(before -> {
			var sheet = before.newWorksheet("Day 2");
			var values = ROW.formatted(2).split(",", -1);
			for (int c = 0; c < header.length; c++) {
				sheet.value(0, c, header[c].equals("gender") ? "Sex" : header[c]);
				sheet.value(1, c, values[c]);
			}
		}, List.of(ROW.formatted(1)));
		load(day).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.created.participations").value(0))
			.andExpect(jsonPath("$.errors[*].message").value(org.hamcrest.Matchers.contains(DAY_2)));
		// below a title too
		var titledDay = Workbooks.written(before -> {
			var sheet = before.newWorksheet("Day 2");
			sheet.value(0, 0, "Second day");
			var values = ROW.formatted(2).split(",", -1);
			for (int c = 0; c < header.length; c++) {
				sheet.value(1, c, header[c].equals("gender") ? "Sex" : header[c]);
				sheet.value(2, c, values[c]);
			}
		}, List.of(ROW.formatted(1)));
		load(titledDay).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].message").value(org.hamcrest.Matchers.contains(DAY_2)));
		// a header naming no required column as Kvali does, but two as surely meant, on the sheet's first row and
		// below a title: its rows were left out unsaid (a review's)
		var names = List.of("Activity", "Project", "Participant ID", "Sex");
		var values = List.of("TI-WS-1", "TEST-INTAKE", "TI-2", "male");
		for (int top : new int[] { 0, 1 }) {
			var loose = Workbooks.written(before -> {
				var sheet = before.newWorksheet("Day 2");
				if (top > 0) {
					sheet.value(0, 0, "Second day");
				}
				for (int c = 0; c < names.size(); c++) {
					sheet.value(top, c, names.get(c));
					sheet.value(top + 1, c, values.get(c));
				}
			}, List.of(ROW.formatted(1)));
			load(loose).andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.created.participations").value(0))
				.andExpect(jsonPath("$.errors[*].message").value(org.hamcrest.Matchers.contains(DAY_2.replace(
						"without gender", "without activity_code, project_code, participant_ref, gender"))));
		}
		// one surely meant alone is no attendance: a sheet of lists beside it is passed over
		var lists = Workbooks.written(before -> {
			var sheet = before.newWorksheet("Day 2");
			sheet.value(0, 0, "Sex");
			sheet.value(0, 1, "Kind");
			sheet.value(1, 0, "female");
			sheet.value(1, 1, "workshop");
		}, List.of(ROW.formatted(1)));
		load(lists).andExpect(status().isOk()).andExpect(jsonPath("$.created.participations").value(1));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM participant WHERE ref LIKE 'TI-%'", Integer.class))
			.isZero();
		// a sheet of a few columns' names and nothing under them stays passed over
		var legend = Workbooks.written(before -> {
			var sheet = before.newWorksheet("Codes");
			sheet.value(0, 0, "activity_code");
			sheet.value(0, 1, "project_code");
		}, List.of(ROW.formatted(1)));
		load(legend).andExpect(status().isOk()).andExpect(jsonPath("$.created.participations").value(1));
	}

	/**
	 * A sheet refused at its header, wherever that is, is answered at once: it stages no row, so it neither waits for
	 * the loads and changes before it (their lock) nor is checked against what is stored. A header below row 1 waited,
	 * as the service told a refused header by an error on row 1 (a review's).
	 */
	@Test
	void aSheetRefusedAtItsHeaderBelowRowOneWaitsForNoWrite() throws Exception {
		var sheet = "\n\n" + AttendanceImportTest.HEADER.replace("gender", "sex") + ROW.formatted(1) + "\n";
		try (var holder = this.ownerDataSource.getConnection()) {
			holder.setAutoCommit(false);
			try (var statement = holder.createStatement()) {
				statement.execute("SELECT version FROM data_version WHERE id = 1 FOR UPDATE");
			}
			var answer = CompletableFuture.supplyAsync(() -> {
				try {
					return send("text/csv", sheet).andReturn().getResponse().getStatus();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
			try {
				assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(422);
			}
			finally {
				holder.rollback();
			}
		}
	}

	/** A sheet's XML two rows further down, below a title in row 1 merged over the table's width. */
	private static String titled(String xml) {
		var title = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Attendance of the workshop</t></is></c></row>";
		var merge = "<mergeCells count=\"1\"><mergeCell ref=\"A1:O1\"/></mergeCells>";
		return twoRowsDown(xml, title).replace("</sheetData>", "</sheetData>" + merge);
	}

	/** A sheet's XML with each row and cell two rows further down, and an empty row 1 of its own height. */
	private static String twoRowsDown(String xml) {
		return twoRowsDown(xml, "<row r=\"1\" ht=\"30\" customHeight=\"1\"/>");
	}

	/** A sheet's XML with each row and cell two rows further down, below {@code first} (row 1). */
	private static String twoRowsDown(String xml, String first) {
		var moved = java.util.regex.Pattern.compile("(<(?:row|c) r=\"[A-Z]*)(\\d+)\"").matcher(xml)
			.replaceAll(match -> match.group(1) + (Integer.parseInt(match.group(2)) + 2) + "\"");
		return moved.replaceFirst("<row ", java.util.regex.Matcher.quoteReplacement(first) + "<row ");
	}

	private ResultActions load(byte[] workbook) throws Exception {
		return this.mvc
			.perform(post("/imports/attendance").param("dryRun", "true").contentType(XLSX).content(workbook));
	}

	private ResultActions send(String type, String sheet) throws Exception {
		return this.mvc.perform(post("/imports/attendance").param("dryRun", "true").contentType(type)
			.content(sheet.getBytes(StandardCharsets.UTF_8)));
	}

}
