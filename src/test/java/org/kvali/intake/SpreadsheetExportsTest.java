package org.kvali.intake;

import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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

	/**
	 * Spaces a spreadsheet keeps around a typed value, and a tab or line break inside it, are not the value's: codes,
	 * words, years and dates read as if typed without them, a title's tab and line break as spaces.
	 */
	@Test
	void spacesAroundValuesAreNotTheirs() throws Exception {
		var sheet = HEADER + " TI-WS-1 ;\"  Budget\tplanning\r\nday  \"; workshop;TEST-INTAKE ; 2025-03-01;2025-03-01 ;"
				+ " Marneuli ;TI-1  ; female ; 1990;  no;GE-KK-BOLNISI  ; ; ; trainer\n";
		load(sheet, false).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("IMPORTED"))
			.andExpect(jsonPath("$.warnings.length()").value(0));
		assertThat(this.jdbc.queryForList("SELECT code || '|' || title || '|' || kind || '|' || start_date || '|'"
				+ " || end_date || '|' || venue_municipality_code FROM activity WHERE code LIKE 'TI-%'", String.class))
			.containsExactly("TI-WS-1|Budget planning day|WORKSHOP|2025-03-01|2025-03-01|GE-KK-MARNEULI");
		assertThat(this.jdbc.queryForList("SELECT p.ref || '|' || p.gender || '|' || p.birth_year || '|' || p.disability"
				+ " || '|' || p.home_municipality_code || '|' || pn.role FROM participant p"
				+ " JOIN participation pn ON pn.participant_id = p.id WHERE p.ref LIKE 'TI-%'", String.class))
			.containsExactly("TI-1|FEMALE|1990|false|GE-KK-BOLNISI|TRAINER");
	}

	/**
	 * A date and time given with its offset from UTC, as exports of forms write a point in time, is the day it was in
	 * Georgia (Asia/Tbilisi, UTC+4): 22:00 UTC on 31 March was 1 April there (it was counted in March: a tester's).
	 * A time of day alone is the day written, whatever the hour.
	 */
	@Test
	void aPointInTimeIsTheDayItWasWhereTheProgrammesRun() throws Exception {
		var sheet = HEADER + """
				TI-WS-1;Workshop;workshop;TEST-INTAKE;2025-03-31T22:00:00Z;2025-04-01T19:59:59.5+00:00;;TI-1;female;;;;;;
				TI-WS-2;Workshop;workshop;TEST-INTAKE;2025-03-31 23:30;31.03.2025 11:30 PM -0500;;TI-2;male;;;;;;
				TI-WS-3;Workshop;workshop;TEST-INTAKE;2025-04-01T02:00+04:00;2025-04-01 12:15 AM +0400;;TI-3;male;;;;;;
				TI-WS-4;Workshop;workshop;TEST-INTAKE;2025-03-31 22:00 UTC;2025-03-31T21:00:00+00;;TI-4;male;;;;;;
				""";
		load(sheet, false).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("IMPORTED"));
		assertThat(this.jdbc.queryForList("SELECT code || ' ' || start_date || ' ' || end_date FROM activity"
				+ " WHERE code LIKE 'TI-%' ORDER BY code", String.class))
			.containsExactly("TI-WS-1 2025-04-01 2025-04-01", "TI-WS-2 2025-03-31 2025-04-01",
					"TI-WS-3 2025-04-01 2025-04-01", "TI-WS-4 2025-04-01 2025-04-01");
	}

	/** An offset no clock has is refused as such, in its row: it failed the whole sheet (a reviewer's). */
	@Test
	void anOffsetNoClockHasIsRefusedInItsRow() throws Exception {
		var sheet = HEADER + """
				TI-WS-1;Workshop;workshop;TEST-INTAKE;2025-03-31T22:00:00+19;2025-03-31T22:00:00+04:75;;TI-1;female;;;;;;
				""";
		load(sheet, true).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(2))
			.andExpect(jsonPath("$.errors[0].column").value("start_date"))
			.andExpect(jsonPath("$.errors[0].message").value("Not an offset from UTC (+19): one of -18:00 to +18:00,"
					+ " as +04:00, or the day alone; write 2024-07-18 or 18.07.2024"))
			.andExpect(jsonPath("$.errors[1].message").value("Not an offset from UTC (+04:75): one of -18:00 to"
					+ " +18:00, as +04:00, or the day alone; write 2024-07-18 or 18.07.2024"));
	}

	/**
	 * A date column saved as numbers (a CSV of a column formatted as General) holds the spreadsheet's day numbers: each
	 * is refused naming the day it stands for and how to save it as a date, not read (others in it may be numbers too).
	 */
	@Test
	void aSpreadsheetsDayNumberIsRefusedNamingItsDay() throws Exception {
		var sheet = "sep=;\n" + HEADER + """
				TI-WS-1;Workshop;workshop;TEST-INTAKE;45352;45352.5;;TI-1;female;1990;;;;;
				""";
		var told = "A spreadsheet's number for the day 2024-03-01, not a date: save the column as dates (Format Cells,"
				+ " Date), or write 2024-07-18";
		load(sheet, true).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(2))
			.andExpect(jsonPath("$.errors[0].column").value("start_date"))
			.andExpect(jsonPath("$.errors[0].message").value(told))
			// with a time of day, as a fraction
			.andExpect(jsonPath("$.errors[1].message").value(told));
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
			.andExpect(jsonPath("$.errors[?(@.row == 3 && @.column == 'start_date')].message").value("The year has two"
					+ " digits (25), which may be of either century: write all four, as 2024-07-18 or 18.07.2024"))
			.andExpect(jsonPath("$.errors[?(@.row == 3 && @.column == 'end_date')].message").value(notADate))
			.andExpect(jsonPath("$.errors[?(@.row == 3 && @.column == 'birth_year')].message").value(birthYear));
	}

	/**
	 * A short date of an English locale, with slashes, is read as the sheet's own dates tell (12/3/2025 is 12 March in
	 * Britain, 3 December in America): a date only one reading makes a day tells the sheet's order, and the rows before
	 * it wait for it (every such date was refused: a tester's). One read the other way round than that is refused, as
	 * is one no date of the sheet tells; the year first is read as it is.
	 */
	@Test
	void datesWithSlashesAreReadAsTheSheetTellsOrRefusedNamingTheDaysTheyMayBe() throws Exception {
		var told = HEADER + """
				TI-WS-1;Workshop;workshop;TEST-INTAKE;2/3/2025;4/3/2025;;TI-1;female;;;;;;
				TI-WS-1;Workshop;workshop;TEST-INTAKE;2/3/2025;4/3/2025;;TI-2;male;;;;;;
				TI-WS-2;Workshop;workshop;TEST-INTAKE;12/3/2025;25/3/2025;;TI-3;male;;;;;;
				TI-WS-3;Workshop;workshop;TEST-INTAKE;2025/3/1;1/3/2025 10:30;;TI-4;male;;;;;;
				""";
		load(told, false).andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings.length()").value(1))
			.andExpect(jsonPath("$.warnings[0].row").value(4))
			.andExpect(jsonPath("$.warnings[0].column").value("end_date"))
			.andExpect(jsonPath("$.warnings[0].message").value("The sheet's dates with slashes are read with the day"
					+ " first, as 25/3/2025 can only be read (25 March 2025)"));
		assertThat(this.jdbc.queryForList("SELECT code || ' ' || start_date || ' ' || end_date FROM activity"
				+ " WHERE code LIKE 'TI-%' ORDER BY code", String.class))
			.containsExactly("TI-WS-1 2025-03-02 2025-03-04", "TI-WS-2 2025-03-12 2025-03-25",
					"TI-WS-3 2025-03-01 2025-03-01");
		// held back, a row is checked as any: its end before its start, read as told
		var monthFirst = HEADER + """
				TI-WS-5;Workshop;workshop;TEST-INTAKE;3/4/2025;3/2/2025;;TI-1;female;;;;;;
				TI-WS-6;Workshop;workshop;TEST-INTAKE;3/25/2025 10:30;3/28/2025;;TI-2;male;;;;;;
				TI-WS-7;Workshop;workshop;TEST-INTAKE;25/3/2025;13/13/2025;;TI-3;male;;;;;;
				TI-WS-8;Workshop;workshop;TEST-INTAKE;2025-02-01;1/2/1850;;TI-4;male;;;;;;
				""";
		load(monthFirst, true).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.warnings[0].message").value("The sheet's dates with slashes are read with the month"
					+ " first, as 3/25/2025 can only be read (25 March 2025)"))
			// the cell as written, its time too, as an error quotes it (a tester's)
			.andExpect(jsonPath("$.warnings[0].value").value("3/25/2025 10:30"))
			.andExpect(jsonPath("$.errors[*].row").value(Matchers.contains(2, 4, 4, 5)))
			.andExpect(jsonPath("$.errors[*].message").value(Matchers.contains(
					"The end date is before the start date 2025-03-04",
					"25/3/2025 can only be 25 March 2025, with the day first, yet 3/25/2025 of row 3 put the month"
							+ " first: write 2025-03-25, and the sheet's dates one way",
					"Not a day the calendar has; write 2024-07-18 or 18.07.2024",
					"A date between 1900 and 2100 is expected")));
		// a sheet no date of which tells, each date refused once naming the days it may be, a time with its offset
		// as the days it is in Georgia (it was refused as undecided at once, though a later date told: a tester's)
		var untold = HEADER + """
				TI-WS-9;Workshop;workshop;TEST-INTAKE;12/3/2025;12/3/2025 22:00 +00:00;;TI-7;female;;;;;;
				TI-WS-9;Workshop;workshop;TEST-INTAKE;12/3/2025;12/3/2025 22:00 +00:00;;TI-8;female;;;;;;
				""";
		load(untold, true).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.warnings.length()").value(0))
			.andExpect(jsonPath("$.errors[*].column").value(Matchers.contains("start_date", "end_date")))
			.andExpect(jsonPath("$.errors[*].message").value(Matchers.contains("Day or month first? 12/3/2025 is 12"
					+ " March 2025 or 3 December 2025, and no date of the sheet tells which (as 13/10/2025 would):"
					+ " write 2025-03-12 or 2025-12-03 (in 2 rows, the first shown)", "Day or month first? 12/3/2025"
							+ " 22:00 +00:00 is 13 March 2025 or 4 December 2025, and no date of the sheet tells which"
							+ " (as 13/10/2025 would): write 2025-03-13 or 2025-12-04 (in 2 rows, the first shown)")));
		load(untold + "TI-WS-9;Workshop;workshop;TEST-INTAKE;12/3/2025;13/3/2025 02:00;;TI-9;female;;;;;;\n", true)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings[0].row").value(4));
	}

	/**
	 * Municipalities as people write them: with the word for municipality (or its abbreviation), in Georgian in the
	 * genitive of any ending (a vowel falling out: გარდაბნის, ყვარლის), with a space, a non-breaking one or a hyphen
	 * inside, a city's as "ქალაქ ..."; a name that is none is answered with the nearest where one is near (testers'
	 * spellings), and by their other names (geography-other-names.csv: Bakuriani, the training's resort, is Borjomi's).
	 */
	@Test
	void municipalitiesAreReadAsPeopleWriteThemAndTheNearestOffered() throws Exception {
		var sheet = HEADER + """
				TI-WS-1;Workshop;workshop;TEST-INTAKE;2025-03-01;2025-03-01;Marneuli Municipality;TI-1;female;;;Tetri Tskaro;;;
				TI-WS-1;Workshop;workshop;TEST-INTAKE;2025-03-01;2025-03-01;;TI-2;male;;;მარნეულის მუნიციპალიტეტი;;;
				TI-WS-1;Workshop;workshop;TEST-INTAKE;2025-03-01;2025-03-01;;TI-3;male;;;akhal-tsikhe;;;
				TI-WS-1;Workshop;workshop;TEST-INTAKE;2025-03-01;2025-03-01;;TI-4;male;;;წალკის მუნიციპალიტეტი;;;
				TI-WS-1;Workshop;workshop;TEST-INTAKE;2025-03-01;2025-03-01;;TI-5;male;;;ახალციხის;;;
				TI-WS-1;Workshop;workshop;TEST-INTAKE;2025-03-01;2025-03-01;;TI-6;male;;;გარდაბნის მუნიციპალიტეტი;;;
				TI-WS-1;Workshop;workshop;TEST-INTAKE;2025-03-01;2025-03-01;;TI-7;male;;;ქ. რუსთავი;;;
				TI-WS-1;Workshop;workshop;TEST-INTAKE;2025-03-01;2025-03-01;;TI-8;male;;;Marneuli\u00a0Municipality;;;
				TI-WS-1;Workshop;workshop;TEST-INTAKE;2025-03-01;2025-03-01;;TI-9;male;;;თეთრიწყაროს რ-ნი;;;
				TI-WS-1;Workshop;workshop;TEST-INTAKE;2025-03-01;2025-03-01;;TI-10;male;;;ყვარლის მუნიციპალიტეტი;;;
				TI-WS-1;Workshop;workshop;TEST-INTAKE;2025-03-01;2025-03-01;;TI-11;male;;;ქალაქ რუსთავის მუნიციპალიტეტი;;;
				TI-WS-1;Workshop;workshop;TEST-INTAKE;2025-03-01;2025-03-01;;TI-12;male;;;Marneuli raioni;;;
				TI-WS-1;Workshop;workshop;TEST-INTAKE;2025-03-01;2025-03-01;;TI-13;male;;;Bakuriani;;;
				""";
		load(sheet, false).andExpect(status().isOk());
		assertThat(this.jdbc.queryForObject("SELECT venue_municipality_code FROM activity WHERE code = 'TI-WS-1'",
				String.class)).isEqualTo("GE-KK-MARNEULI");
		assertThat(this.jdbc.queryForList("SELECT ref || ' ' || home_municipality_code FROM participant"
				+ " WHERE ref LIKE 'TI-%' ORDER BY ref", String.class))
			.containsExactly("TI-1 GE-KK-TETRITSKARO", "TI-10 GE-KA-KVARELI", "TI-11 GE-KK-RUSTAVI",
					"TI-12 GE-KK-MARNEULI", "TI-13 GE-SJ-BORJOMI", "TI-2 GE-KK-MARNEULI", "TI-3 GE-SJ-AKHALTSIKHE",
					"TI-4 GE-KK-TSALKA", "TI-5 GE-SJ-AKHALTSIKHE", "TI-6 GE-KK-GARDABANI", "TI-7 GE-KK-RUSTAVI",
					"TI-8 GE-KK-MARNEULI", "TI-9 GE-KK-TETRITSKARO");
		var wrong = HEADER + """
				TI-WS-2;Workshop;workshop;TEST-INTAKE;2025-03-01;2025-03-01;Marneulli;TI-14;female;;;Springfield;;;
				TI-WS-2;Workshop;workshop;TEST-INTAKE;2025-03-01;2025-03-01;;TI-15;male;;;თეთრიწყარ;;;
				TI-WS-2;Workshop;workshop;TEST-INTAKE;2025-03-01;2025-03-01;;TI-16;male;;;Gori;;;
				TI-WS-2;Workshop;workshop;TEST-INTAKE;2025-03-01;2025-03-01;;TI-17;male;;;Gore;;;
				TI-WS-2;Workshop;workshop;TEST-INTAKE;2025-03-01;2025-03-01;;TI-18;male;;;Kvemo Kartli;;;
				TI-WS-2;Workshop;workshop;TEST-INTAKE;2025-03-01;2025-03-01;;TI-19;male;;;ქვემო ქართლის მხარე;;;
				TI-WS-2;Workshop;workshop;TEST-INTAKE;2025-03-01;2025-03-01;;TI-20;male;;;Kutaisi region;;;
				""";
		var none = "No municipality has this code or name";
		// a region by its name, Georgian's genitive before the word for region too; a city's name with the word for
		// region is no municipality (more likely its region than the city: a review's)
		var region = "Kvemo Kartli (GE-KK) is a region: give the municipality, by its code or name";
		load(wrong, true).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(7))
			.andExpect(jsonPath("$.errors[?(@.row == 6)].message").value(region))
			.andExpect(jsonPath("$.errors[?(@.row == 7)].message").value(region))
			.andExpect(jsonPath("$.errors[?(@.row == 8)].message").value(none))
			.andExpect(jsonPath("$.errors[?(@.row == 2 && @.column == 'venue_municipality')].message")
				.value(none + "; did you mean Marneuli (GE-KK-MARNEULI)?"))
			.andExpect(jsonPath("$.errors[?(@.row == 2 && @.column == 'home_municipality')].message").value(none))
			.andExpect(jsonPath("$.errors[?(@.row == 3)].message")
				.value(none + "; did you mean Tetritskaro (GE-KK-TETRITSKARO)?"))
			.andExpect(jsonPath("$.errors[?(@.row == 5)].message").value(none + "; did you mean Gori (GE-SK-GORI)?"));
	}

	/**
	 * Georgian letters a file lost before it came: Excel's plain "CSV" writes them as question marks, and UTF-8 read
	 * as a Western code page and saved again shows each as "áƒ" and a third (a tester's, stored as they came). A
	 * title with a few question marks of its own is kept.
	 */
	@Test
	void lettersLostToAnEncodingAreRefusedNotStored() throws Exception {
		var sheet = HEADER + """
				TI-WS-1;????????? ??????;workshop;TEST-INTAKE;2025-03-01;2025-03-01;;TI-1;female;;;;TI-ORG;áƒ¢áƒ áƒ”áƒœáƒ˜;
				TI-WS-2;What next???;workshop;TEST-INTAKE;2025-03-01;2025-03-01;;TI-2;female;;;;;;
				""";
		var advice = ": save the file as \"CSV UTF-8\" (or as .xlsx) from the spreadsheet that has the letters, and"
				+ " send it again";
		load(sheet, false).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(2))
			.andExpect(jsonPath("$.errors[?(@.row == 2 && @.column == 'activity_title')].message")
				.value("The value has question marks where letters were: the file was saved in an encoding without"
						+ " them" + advice))
			.andExpect(jsonPath("$.errors[?(@.row == 2 && @.column == 'organization_name')].message")
				.value("The value is Georgian text read in the wrong encoding (each letter shows as two or three"
						+ " others)" + advice));
		load(sheet.lines().filter(line -> !line.startsWith("TI-WS-1")).map(line -> line + "\n")
			.collect(java.util.stream.Collectors.joining()), false).andExpect(status().isOk());
		assertThat(this.jdbc.queryForObject("SELECT title FROM activity WHERE code = 'TI-WS-2'", String.class))
			.isEqualTo("What next???");
	}

	/**
	 * A reference pasted from a word processor may hold a look-alike that shows nothing amiss: the refusal names the
	 * character, and in another code its place (of a reference, maybe a name written by mistake, neither a letter of
	 * it nor where: the review's).
	 */
	@Test
	void aCodeThatIsNoneNamesTheCharacterThatBreaksTheRule() throws Exception {
		var sheet = HEADER + """
				TI-WS-1;Workshop;workshop;TEST-INTAKE;2025-03-01;2025-03-01;;ZW‑1;female;;;;;;
				TI-WS-1;Workshop;workshop;TEST-INTAKE;2025-03-01;2025-03-01;;ΖW-3;female;;;;;;
				TI-WS-1;Workshop;workshop;TEST-INTAKE;2025-03-01;2025-03-01;;Nino Beridze;female;;;;;;
				TI/WS;Workshop;workshop;TEST-INTAKE;2025-03-01;2025-03-01;;TI-4;female;;;;;;
				""";
		var rule = "A code is 1 to 64 Latin letters (A to Z, a to z), digits, '.', '_' or '-', starting with a letter or"
				+ " digit; this one has ";
		load(sheet, true).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(4))
			.andExpect(jsonPath("$.errors[0].value").doesNotExist())
			// of a reference, not its letters, its length or where: it may be a name written by mistake
			.andExpect(jsonPath("$.errors[0].message").value(rule + "U+2011 (NON-BREAKING HYPHEN)"))
			// its script, as a Russian or Greek keyboard writes a look-alike
			.andExpect(jsonPath("$.errors[1].message").value(rule + "a Greek letter or digit outside A to Z and 0 to 9"))
			.andExpect(jsonPath("$.errors[2].message").value(rule + "a space"))
			.andExpect(jsonPath("$.errors[3].column").value("activity_code"))
			.andExpect(jsonPath("$.errors[3].value").value("TI/WS"))
			.andExpect(jsonPath("$.errors[3].message").value(rule + "'/' at character 3"));
	}

	/**
	 * Text copied from a web page or a document: a no-break space is a space and a zero-width space or soft hyphen
	 * nothing, in a header, a value or a place's name; what still makes a value other than it looks is named (a
	 * tester's ქა\u200cლი was refused as unknown beside ქალი in the list); an override and a noncharacter are refused
	 * as the API refuses them (a sheet stored an override, which turned a name around in every report).
	 */
	@Test
	void copiedTextIsReadAsItShowsAndWhatHidesIsNamed() throws Exception {
		var header = "activity_code;activity\u00a0title;activity_kind;project_code;start_date;end_date;participant_ref;"
				+ "gender;home_municipality;organization_code;organization_name\n";
		var sheet = header + """
				TI-WS-1;Work\u00adshop;workshop;TEST-INTAKE;01.03.2025;01.03.2025;TI-1;ქა\u200bლი;Marneuli\u00a0municipality;;
				TI-WS-1;Workshop;workshop;TEST-INTAKE;01.03.2025;01.03.2025;TI-2;ქა\u200cლი;მარ\u200cნეული;;
				TI-WS-1;Workshop;workshop;TEST-INTAKE;01.03.2025;01.03.2025;TI-3;\u041c;;TI-ORG;Union \u202eenon\u202c
				TI-WS-1;Workshop;workshop;TEST-INTAKE;01.03.2025;01.03.2025;TI-4;female;;TI-ORG2;a\ufffeb
				""";
		load(sheet, true).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(5))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].message").value(Matchers.endsWith("; the value holds U+200C (ZERO WIDTH"
					+ " NON-JOINER) at character 3, which does not show")))
			.andExpect(jsonPath("$.errors[1].row").value(3))
			.andExpect(jsonPath("$.errors[1].column").value("home_municipality"))
			.andExpect(jsonPath("$.errors[1].message").value("No municipality has this code or name; did you mean"
					+ " Marneuli (GE-KK-MARNEULI)?; the value holds U+200C (ZERO WIDTH NON-JOINER) at character 4, which"
					+ " does not show"))
			.andExpect(jsonPath("$.errors[2].message").value("Unknown gender; accepted: female, male, other, undisclosed,"
					+ " f, m, ქალი, კაცი, მამაკაცი; the value holds U+041C (CYRILLIC CAPITAL LETTER EM) at character 1,"
					+ " which looks like a Latin letter"))
			.andExpect(jsonPath("$.errors[3].column").value("organization_name"))
			.andExpect(jsonPath("$.errors[3].value").value("Union \\u202Eenon"))
			.andExpect(jsonPath("$.errors[3].message").value("The value holds a character that turns the text after"
					+ " it around (U+202A to U+202E); write it without"))
			.andExpect(jsonPath("$.errors[4].value").value("a\\uFFFEb"))
			.andExpect(jsonPath("$.errors[4].message").value("Holds U+FFFE, a code that is no character (text damaged"
					+ " in a copy or a conversion); write it without"));
		// a column's name that looks right is told what makes it another
		var cyrillic = header.replace("gender", "g\u0435nder") + """
				TI-WS-1;Workshop;workshop;TEST-INTAKE;01.03.2025;01.03.2025;TI-1;female;;;
				""";
		load(cyrillic, true).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.warnings[0].message").value("unknown column, ignored; if it holds the gender, name it"
					+ " gender; the name holds U+0435 (CYRILLIC SMALL LETTER IE) at character 2, which looks like a Latin"
					+ " letter"));
		var valid = header + """
				TI-WS-1;Work\u00adshop;workshop;TEST-INTAKE;01.03.2025;01.03.2025;TI-1;ქა\u200bლი;Marneuli\u00a0municipality;;
				""";
		load(valid, false).andExpect(status().isOk());
		assertThat(this.jdbc.queryForObject("SELECT a.title || ' ' || p.gender || ' ' || p.home_municipality_code"
				+ " FROM participation pn JOIN activity a ON a.id = pn.activity_id"
				+ " JOIN participant p ON p.id = pn.participant_id WHERE a.code = 'TI-WS-1'", String.class))
			.isEqualTo("Workshop FEMALE GE-KK-MARNEULI");
	}

	/** A Georgian template's words for kinds and roles (a tester's were refused, while ქალი and კი were read). */
	@Test
	void georgianWordsForKindsAndRolesAreRead() throws Exception {
		var sheet = "activity_code;activity_title;activity_kind;project_code;start_date;end_date;participant_ref;gender;"
				+ "organization_code;organization_name;organization_kind;role\n" + """
				TI-WS-1;ტრენინგი;ტრენინგი;TEST-INTAKE;01.03.2025;01.03.2025;TI-1;ქალი;TI-ORG;ახალი ორგანიზაცია;სამოქალაქო  ორგანიზაცია;ტრენერი
				TI-WS-1;ტრენინგი;ტრენინგი;TEST-INTAKE;01.03.2025;01.03.2025;TI-2;კაცი;TI-ORG2;მეორე;არასამთავრობო;მონაწილე
				TI-WS-1;ტრენინგი;ტრენინგი;TEST-INTAKE;01.03.2025;01.03.2025;TI-4;კაცი;TI-ORG3;მესამე;სამოქალაქო საზოგადოების ორგანიზაცია;მონაწილე
				TI-WS-2;შეხვედრა;შეხვედრა;TEST-INTAKE;02.03.2025;02.03.2025;TI-3;ქალი;;;;სხვა
				""";
		load(sheet, false).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].row").value(5))
			.andExpect(jsonPath("$.errors[0].message").value("Unknown value; accepted: participant, trainer, facilitator,"
					+ " speaker, organizer, or in Georgian მონაწილე, ტრენერი, ფასილიტატორი, მომხსენებელი, სპიკერი,"
					+ " ორგანიზატორი"));
		load(sheet.replace(";სხვა", ";"), false).andExpect(status().isOk());
		assertThat(this.jdbc.queryForList("SELECT a.code || ' ' || a.kind || ' ' || p.ref || ' ' || pn.role"
				+ " FROM participation pn JOIN activity a ON a.id = pn.activity_id JOIN participant p"
				+ " ON p.id = pn.participant_id WHERE a.code LIKE 'TI-%' ORDER BY p.ref", String.class))
			.containsExactly("TI-WS-1 TRAINING TI-1 TRAINER", "TI-WS-1 TRAINING TI-2 PARTICIPANT",
					"TI-WS-2 MEETING TI-3 PARTICIPANT", "TI-WS-1 TRAINING TI-4 PARTICIPANT");
		assertThat(this.jdbc.queryForList("SELECT code || ' ' || kind FROM organization WHERE code LIKE 'TI-ORG%'"
				+ " ORDER BY code", String.class))
			.containsExactly("TI-ORG CSO", "TI-ORG2 CSO", "TI-ORG3 CSO");
	}

	/**
	 * A value read into Kvali's words or codes is repeated in a message as the sheet writes it, so that it can be found
	 * there (a tester searched a Georgian sheet for the "female" an error named); one written two ways, as read.
	 */
	@Test
	void messagesRepeatValuesAsTheSheetWritesThem() throws Exception {
		load(HEADER + "TI-WS-1;Workshop;workshop;TEST-INTAKE;2025-03-01;2025-03-01;;TI-1;ქალი;;;;;;\n", false)
			.andExpect(status().isOk());
		var sheet = HEADER.replace("organization_name;role", "organization_name;organization_kind") + """
				TI-WS-1;Workshop;workshop;TEST-INTAKE;2025-03-01;2025-03-01;;TI-1;კაცი;;;;;;
				TI-WS-3;Workshop;ტრენინგი;TEST-INTAKE;2025-03-03;2025-03-03;Marneuli Municipality;TI-3;F;;;GE-KK-MARNEULI;TI-ORG9;Nine;არასამთავრობო
				TI-WS-3;Workshop;შეხვედრა;TEST-INTAKE;2025-03-03;2025-03-03;GE-KK-MARNEULI;TI-4;female;;;ბოლნისი;TI-ORG9;Nine;დონორი
				TI-WS-4;Workshop;workshop;TEST-INTAKE;2025-03-04;2025-03-04;;TI-4;f;;;Marneuli Municipality;;;
				""";
		load(sheet, true).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(6))
			.andExpect(jsonPath("$.errors[0].value").value("კაცი"))
			.andExpect(jsonPath("$.errors[0].message").value("Participant TI-1 is stored as female; gender is not"
					+ " corrected by a sheet (correctParticipant corrects it)"))
			.andExpect(jsonPath("$.errors[?(@.column == 'activity_kind')].row")
				.value(Matchers.contains(3, 4)))
			.andExpect(jsonPath("$.errors[?(@.column == 'activity_kind')].value")
				.value(Matchers.contains("ტრენინგი", "შეხვედრა")))
			.andExpect(jsonPath("$.errors[?(@.row == 4 && @.column == 'activity_kind')].message")
				.value("Activity TI-WS-3's rows give activity_kind ტრენინგი (row 3) and შეხვედრა (row 4); all its rows"
						+ " must agree"))
			.andExpect(jsonPath("$.errors[?(@.row == 4 && @.column == 'organization_kind')].value").value("დონორი"))
			.andExpect(jsonPath("$.errors[?(@.row == 4 && @.column == 'organization_kind')].message")
				.value("Row 3 gives არასამთავრობო for organization TI-ORG9; all its rows must agree"))
			// a home written two ways (rows 3 and 5) is repeated as read
			.andExpect(jsonPath("$.errors[?(@.row == 4 && @.column == 'home_municipality')].value").value("ბოლნისი"))
			.andExpect(jsonPath("$.errors[?(@.row == 5 && @.column == 'home_municipality')].message")
				.value("Participant TI-4 has home municipality ბოლნისი in row 4 and GE-KK-MARNEULI in row 5"))
			.andExpect(jsonPath("$.errors[?(@.row == 4 && @.column == 'venue_municipality')]").isEmpty());
		// dates and yes or no too
		var dates = HEADER + """
				TI-WS-5;Workshop;workshop;TEST-INTAKE;12.09.2025;12.09.2025;;TI-5;female;;კი;;;;
				TI-WS-5;Workshop;workshop;TEST-INTAKE;13.9.2025;12.09.2025;;TI-6;female;;;;;;
				TI-WS-6;Workshop;workshop;TEST-INTAKE;14.09.2025;14.09.2025;;TI-5;female;;არა;;;;
				""";
		load(dates, true).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.column == 'start_date')].value")
				.value(Matchers.contains("12.09.2025", "13.9.2025")))
			.andExpect(jsonPath("$.errors[?(@.row == 3 && @.column == 'start_date')].message")
				.value("Activity TI-WS-5's rows give start_date 12.09.2025 (row 2) and 13.9.2025 (row 3); all its rows"
						+ " must agree"))
			.andExpect(jsonPath("$.errors[?(@.row == 4 && @.column == 'disability')].message")
				.value("Participant TI-5 has disability კი in row 2 and არა in row 4"));
	}

	/**
	 * Sheets put one after another repeat the header, and a sheet made for people ends with its totals: the first is
	 * skipped with a warning, the second refused as what it is (a tester's got 11 and 7 errors of missing values).
	 */
	@Test
	void aRepeatedHeaderIsSkippedAndARowOfTotalsNamed() throws Exception {
		var header = HEADER.trim();
		var rows = """
				TI-WS-1;Workshop;workshop;TEST-INTAKE;2025-03-01;2025-03-01;;TI-1;female;;;;;;
				%s
				TI-WS-2;Workshop;workshop;TEST-INTAKE;2025-03-02;2025-03-02;;TI-2;male;;;;;;
				%s
				TI-WS-2;Workshop;workshop;TEST-INTAKE;2025-03-02;2025-03-02;;TI-3;male;;;;;;
				""";
		load(HEADER + rows.formatted(header, header.toUpperCase(java.util.Locale.ROOT)), false)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rows").value(3))
			.andExpect(jsonPath("$.created.participations").value(3))
			.andExpect(jsonPath("$.unchanged.participations").value(0))
			.andExpect(jsonPath("$.warnings.length()").value(1))
			.andExpect(jsonPath("$.warnings[0].row").value(3))
			.andExpect(jsonPath("$.warnings[0].message").value("The row repeats the header, as 2 rows do (the first"
					+ " shown): they are skipped, as sheets put one after another repeat it"));
		// one alone is told as one (of several, only the first was told: a tester's)
		load(HEADER + rows.formatted(header, ""), true)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rows").value(3))
			.andExpect(jsonPath("$.warnings.length()").value(1))
			.andExpect(jsonPath("$.warnings[0].row").value(3))
			.andExpect(jsonPath("$.warnings[0].message").value("The row repeats the header: it is skipped, as sheets"
					+ " put one after another repeat it"));
		load(HEADER + rows.formatted("Total:;;;;;;;;3;;;;;;", "სულ;;;;;;;;;;;;;;"), true)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(2))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].value").value("Total:"))
			.andExpect(jsonPath("$.errors[0].message").value("The row looks like a row of totals: a sheet lists the"
					+ " people, one a row, and Kvali counts them; remove it"))
			.andExpect(jsonPath("$.errors[1].row").value(5))
			.andExpect(jsonPath("$.errors[1].value").value("სულ"));
	}

	/**
	 * A header again naming the columns otherwise refuses the sheet, the rows after it unread: a tester's were read as
	 * data, 11 errors a row, a sheet of only its dates swapped would have loaded them swapped, and one whose ignored
	 * column of names stood where organization_name had loaded a person's name as an organization's.
	 */
	@Test
	void aHeaderNamingTheColumnsOtherwiseIsRefused() throws Exception {
		var rows = """
				TI-WS-1;Workshop;workshop;TEST-INTAKE;2025-03-01;2025-03-01;;TI-1;female;;;;;;;
				%s
				TI-WS-2;Workshop;workshop;TEST-INTAKE;2025-03-03;2025-03-02;;TI-2;male;;;;;;;
				TI-WS-2;Workshop;workshop;TEST-INTAKE;2025-03-03;2025-03-02;;TI-3;nobody;;;;;;;
				""";
		var header = HEADER.trim() + ";full_name";
		var refused = "The row is a header again, naming the columns otherwise than the first (%s): the rows after it"
				+ " may stand in other columns, and are not read; put them in the first header's order, or send them"
				+ " as a sheet of their own";
		for (var again : List.of(
				header.replace("start_date;end_date", "End date;Start_Date"),
				header.replace("organization_name;role;full_name", "full_name;role;organization_name"),
				header.replace("role", "speaker"),
				header.replace("full_name", "Nino Beridze"),
				"participant_ref;gender;activity_code;project_code;full_name")) {
			load(header + "\n" + rows.formatted(again), true)
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.rows").value(3))
				.andExpect(jsonPath("$.errors.length()").value(1))
				.andExpect(jsonPath("$.errors[0].row").value(3))
				.andExpect(jsonPath("$.errors[0].message").value(refused.formatted(again.contains("End")
						? "end_date under start_date, start_date under end_date"
						: again.contains("speaker") ? "'speaker' under role"
								: again.contains("Nino") ? "a value under full_name"
								: again.startsWith("participant_ref") ? "participant_ref under activity_code,"
										+ " gender under activity_title, activity_code under activity_kind,"
										+ " full_name under start_date"
								: "full_name under organization_name, organization_name under full_name")));
		}
		// a name of the first header's with a digit, repeated as it is or otherwise (read as data once a digit was
		// taken for no header's: a review's)
		var phone = header.replace("full_name", "Phone 2");
		load(phone + "\n" + rows.formatted(phone).replace("nobody", "female")
				.replace("2025-03-03;2025-03-02", "2025-03-02;2025-03-02"), true)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings[*].message").value(Matchers.hasItem("The row repeats the header: it is"
					+ " skipped, as sheets put one after another repeat it")));
		load(phone + "\n" + rows.formatted(phone.replace("gender;birth_year", "birth_year;gender")), true)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].message").value(refused.formatted("birth_year under gender, gender under"
					+ " birth_year")));
		// another name of a column, under it, is the header again as it is
		load(header + "\n" + rows.formatted(header.replace(";gender;", ";Gender (F/M);")).replace("nobody", "female")
				.replace("2025-03-03;2025-03-02", "2025-03-02;2025-03-02"), true)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rows").value(3))
			.andExpect(jsonPath("$.warnings.length()").value(2))
			.andExpect(jsonPath("$.warnings[1].row").value(3))
			.andExpect(jsonPath("$.warnings[1].message").value("The row repeats the header: it is skipped, as sheets"
					+ " put one after another repeat it"));
	}

	/**
	 * The second sheet tester's: Excel's separator line padded by a program saving the file again, and one further
	 * down where files were put one after another; a time of day with AM or PM, or a zone; question marks among
	 * Latin letters, and the replacement character; totals rows written otherwise; more Georgian words, and NGO and seminar.
	 */
	@Test
	void moreOfWhatExportsAndPeopleWrite() throws Exception {
		var sheet = "sep=;;;;;;;;;;;;;;;\n" + HEADER.trim() + ";organization_kind\n" + """
				TI-WS-1;Workshop;სამუშაო შეხვედრა;TEST-INTAKE;01.03.2025 10:00 AM;1.3.2025 10:00 +0400;;TI-1;female;;;;TI-NGO;Youth NGO;;NGO
				sep=;
				TI-WS-1;Workshop;Seminar;TEST-INTAKE;2025-03-01 12:00 PM;2025-03-01T09:00Z;;TI-2;male;;;;;;სპიკერი;
				""";
		load(sheet, false).andExpect(status().isOk())
			.andExpect(jsonPath("$.rows").value(2))
			.andExpect(jsonPath("$.created.participations").value(2));
		assertThat(this.jdbc.queryForObject("SELECT kind || ' ' || start_date FROM activity WHERE code = 'TI-WS-1'",
				String.class)).isEqualTo("WORKSHOP 2025-03-01");
		assertThat(this.jdbc.queryForObject("SELECT kind FROM organization WHERE code = 'TI-NGO'", String.class))
			.isEqualTo("CSO");
		assertThat(this.jdbc.queryForObject("SELECT pn.role FROM participation pn JOIN participant p"
				+ " ON p.id = pn.participant_id WHERE p.ref = 'TI-2'", String.class)).isEqualTo("SPEAKER");
		var refused = HEADER + """
				TI-WS-2;Training ???????;workshop;TEST-INTAKE;2025-03-01;2025-03-01;;TI-3;female;;;;;;
				TI-WS-2;Workshop;workshop;TEST-INTAKE;2025-03-01;2025-03-01;;TI-4;female;;;;TI-X;Club \uFFFD\uFFFD;;
				TI-WS-3;Total;workshop;TEST-INTAKE;2025-03-01;2025-03-01;;1017;female;;;;;;
				Subtotal;;;;;;;;;;;;;;
				TOTAL: 2;;;;;;;;;;;;;;
				Total;;;;;;;12;;;;;;;
				Total participants;;;;;;;;2;;;;;;
				;Total participants: 2;;;;;;;;;;;;;
				;;;;;;;Total: 2;;;;;;;
				Attendance 14 March;;;;;;;;;;;;;;
				;;;;;;;;;;;;;Notes: checked by Nino Beridze;
				TI-WS-9;;;;;;;;;;;;;;
				;;;;;;;Nino Beridze;;;;;;;
				""";
		var totals = "The row looks like a row of totals: a sheet lists the people, one a row, and Kvali counts them;"
				+ " remove it";
		// a person whose reference is a number, at an activity titled so, is no row of totals; a count's words after
		// "Total", and "Total" under participant_ref, are; text in one cell alone, a title or a note, is skipped
		// without being told back (a tester's were refused with a code's rule and "Required"); a code alone is not,
		// nor a person's reference alone, which is no person's to drop (a review's)
		load(refused, true).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(19))
			.andExpect(jsonPath("$.rows").value(11))
			.andExpect(jsonPath("$.errors[?(@.row == 14 && @.column == 'participant_ref')].message").value(
					Matchers.hasSize(1)))
			.andExpect(jsonPath("$.warnings[?(@.row == 11)].message").value(Matchers.contains("The row holds text"
					+ " in one cell alone, as a title or a note does, as 2 rows do (the first shown): they are not"
					+ " read")))
			.andExpect(jsonPath("$.errors[5].message").value(totals))
			.andExpect(jsonPath("$.errors[6].message").value(totals))
			.andExpect(jsonPath("$.errors[7].message").value(totals))
			.andExpect(jsonPath("$.errors[7].row").value(10))
			.andExpect(jsonPath("$.errors[8].row").value(13))
			.andExpect(jsonPath("$.errors[8].column").value("project_code"))
			.andExpect(jsonPath("$.warnings[?(@.message =~ /The row holds text in one cell alone.*/)].row").value(11))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Beridze"))))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith("The value has question"
					+ " marks where letters were")))
			.andExpect(jsonPath("$.errors[1].message").value(org.hamcrest.Matchers.startsWith("The value holds \uFFFD"
					+ " where letters were")))
			.andExpect(jsonPath("$.errors[2].message").value(totals))
			.andExpect(jsonPath("$.errors[3].message").value(totals))
			.andExpect(jsonPath("$.errors[4].message").value(totals));
		// a separator line naming one not read here is refused as such, not as a header missing every column
		for (var line : java.util.List.of("sep=|", "\"sep=;\"", "sep=;,")) {
			load(line + "\n" + HEADER.replace(';', '|'), true).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].message").value("The first line, beginning '"
						+ (line.equals("sep=|") ? "sep=|" : "sep=;") + "', is no separator line Kvali reads: it reads "
						+ "sep=; sep=, or sep= and a tab, unquoted and alone on the line, and commas, semicolons or tabs "
						+ "between columns; save the sheet with one of them"));
		}
	}

	private ResultActions load(String sheet, boolean dryRun) throws Exception {
		return IntakeFixture.load(this.mvc, sheet, dryRun);
	}

}
