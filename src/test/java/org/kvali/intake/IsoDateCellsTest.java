package org.kvali.intake;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Cells of type d, dates written as ISO text, rewritten as the day numbers a spreadsheet program keeps: 1 March 2025
 * is day 45717 in the 1900 date system and 44255 in the 1904 one. All else in a part is copied byte for byte.
 */
class IsoDateCellsTest {

	private static final LocalDate EPOCH_1900 = ExcelDays.EPOCH_1900;

	/** Where the programmes run (UTC+4 all year). */
	private static final ZoneId TBILISI = ZoneId.of("Asia/Tbilisi");

	@Test
	void aDateOrADateAndTimeBecomesItsDayNumberAndTheTypeGoes() throws IOException {
		assertThat(rewritten("<row r=\"2\"><c r=\"E2\" t=\"d\" s=\"1\"><v>2025-03-01T00:00:00</v></c>"
				+ "<c r=\"F2\" s=\"1\" t=\"d\"><v>2025-03-02</v></c><c t = 'd'><v> 2025-03-01T06:00 </v></c>"
				+ "<c t=\"d\"><v>2025-03-01T08:00:00.000Z</v></c>"
				+ "<c t=\"d\"><v>2025-03-01T18:00:00+04:00</v></c></row>"))
			.isEqualTo("<row r=\"2\"><c r=\"E2\" s=\"1\"><v>45717</v></c><c r=\"F2\" s=\"1\"><v>45718</v></c>"
					+ "<c><v>45717.25</v></c><c><v>45717.5</v></c><c><v>45717.75</v></c></row>");
	}

	/**
	 * A date and time with its offset from UTC is a point in time, and the day it was where the programmes run, as in a
	 * CSV sheet: a program writing local midnight of 1 April in Tbilisi as UTC was read as 31 March, and counted in the
	 * quarter before (a review's). An offset no clock has leaves the value as text, refused by its column's checks.
	 */
	@Test
	void aPointInTimeIsTheDayItWasWhereTheProgrammesRun() throws IOException {
		assertThat(rewritten("<c t=\"d\"><v>2025-03-31T20:00:00.000Z</v></c><c t=\"d\"><v>2025-03-31T22:00:00Z</v></c>"
				+ "<c t=\"d\"><v>2025-04-01T03:00:00+0700</v></c><c t=\"d\"><v>2025-03-31T20:00:00-04</v></c>"
				+ "<c t=\"d\"><v>2025-03-31T20:00:00+19:00</v></c>"))
			.isEqualTo("<c><v>45748</v></c><c><v>45748.0833333333</v></c><c><v>45748</v></c>"
					+ "<c><v>45748.1666666667</v></c><c t=\"str\"><v>2025-03-31T20:00:00+19:00</v></c>");
		// a date alone is the day written, with an offset too
		assertThat(rewritten("<c t=\"d\"><v>2025-04-01+05:00</v></c><c t=\"d\"><v>2025-04-01Z</v></c>"))
			.isEqualTo("<c><v>45748</v></c><c><v>45748</v></c>");
	}

	/** The same day in the 1904 date system; its first day is 0, which is no date, and is left as text. */
	@Test
	void daysAreCountedInTheWorkbooksDateSystem() throws IOException {
		assertThat(rewritten("<c t=\"d\"><v>2025-03-01</v></c><c t=\"d\"><v>1904-01-02</v></c>"
				+ "<c t=\"d\"><v>1904-01-01</v></c>", ExcelDays.EPOCH_1904))
			.isEqualTo("<c><v>44255</v></c><c><v>1</v></c><c t=\"str\"><v>1904-01-01</v></c>");
	}

	/** What is no date of the years dates may be in stays as written, as text for its column's checks to refuse. */
	@Test
	void whatIsNoDateBecomesText() throws IOException {
		for (var value : new String[] { "next Monday", "2025-02-30", "2025-03-01T25:00", "2025-03-01T10:60",
				"1899-12-31", "2101-01-01", "20250301", "2025-3-1", "&lt;2025-03-01&gt;" }) {
			assertThat(rewritten("<c r=\"E2\" t=\"d\"><v>" + value + "</v></c>"))
				.isEqualTo("<c r=\"E2\" t=\"str\"><v>" + value + "</v></c>");
		}
		// Excel's day 60 is a 29 February 1900 that was not: the days before it count from 31 December 1899
		assertThat(rewritten("<c t=\"d\"><v>1900-01-01</v></c><c t=\"d\"><v>1900-02-28</v></c>"
				+ "<c t=\"d\"><v>1900-03-01</v></c><c t=\"d\"><v>2100-12-31</v></c>"))
			.isEqualTo("<c><v>1</v></c><c><v>59</v></c><c><v>61</v></c><c><v>73415</v></c>");
	}

	/** A cell without a value, or of white space alone, is an empty number; a formula before the value is kept. */
	@Test
	void emptyCellsAndFormulas() throws IOException {
		assertThat(rewritten("<c r=\"E2\" t=\"d\"/><c t=\"d\" /><c t=\"d\"><v></v></c><c t=\"d\"></c>"
				+ "<c t=\"d\"><v> </v></c><c t=\"d\"><f>DATE(2025,3,1)</f><v>2025-03-01</v></c>"
				+ "<c t=\"d\"><f>A1</f></c>"))
			.isEqualTo("<c r=\"E2\"/><c /><c><v></v></c><c></c><c><v></v></c><c><f>DATE(2025,3,1)</f><v>45717</v></c>"
					+ "<c><f>A1</f></c>");
	}

	/** Prefixes, quotes holding a {@code >}, and attributes like the type's are read as the XML has them. */
	@Test
	void namesAndAttributesAreReadAsXmlHasThem() throws IOException {
		assertThat(rewritten("<x:c r=\"E2\" note=\"a>b t='d'\" t='d'><x:v>2025-03-01</x:v></x:c>"
				+ "<c x:t=\"d\"><v>2025-03-01</v></c><c t=\"dd\"><v>1</v></c><cc t=\"d\"><v>2025-03-01</v></cc>"
				+ "<c t=\"d\"><vv>2025-03-01</vv></c>"))
			.isEqualTo("<x:c r=\"E2\" note=\"a>b t='d'\"><x:v>45717</x:v></x:c>"
					+ "<c x:t=\"d\"><v>2025-03-01</v></c><c t=\"dd\"><v>1</v></c><cc t=\"d\"><v>2025-03-01</v></cc>"
					+ "<c><vv>2025-03-01</vv></c>");
	}

	/** Comments, sections and instructions pass whole; one inside a dated value makes it text. */
	@Test
	void commentsAndSectionsPassWhole() throws IOException {
		var untouched = "<?xml version=\"1.0\"?><!-- <c t=\"d\"><v>2025-03-01</v></c> --><![CDATA[<c t=\"d\">]]]>"
				+ "<!DOCTYPE x><!>"
				+ "<c t=\"s\"><v>3</v></c><c t=\"inlineStr\"><is><t>თბილისი &amp; 2025-03-01</t></is></c>"
				+ "<c t=\"str\"><f>A1</f><v>x</v></c><c t=\"d\"><!-- a note --></c><?pi <c t=\"d\"> ?>";
		assertThat(rewritten(untouched)).isEqualTo(untouched.replace("<c t=\"d\"><!--", "<c><!--"));
		assertThat(rewritten("<c t=\"d\"><v><![CDATA[2025-03-01]]></v></c><c t=\"d\"><v>2025<!-- -->-03-01</v></c>"))
			.isEqualTo("<c t=\"str\"><v><![CDATA[2025-03-01]]></v></c><c t=\"str\"><v>2025<!-- -->-03-01</v></c>");
	}

	/**
	 * What a dated cell holds before its value is held, and bounded: a formula's text of the most characters a value
	 * may have passes; 600 MB of empty elements in one cell, from a zip of 600 KB, filled the heap.
	 */
	@Test
	void whatACellHoldsBeforeItsValueIsBounded() throws IOException {
		var formula = "A".repeat(XlsxValues.MAX_VALUE_CHARS);
		assertThat(rewritten("<c t=\"d\"><f>" + formula + "</f><v>2025-03-01</v></c>"))
			.isEqualTo("<c><f>" + formula + "</f><v>45717</v></c>");
		var flood = "<c t=\"d\">" + "<x/>".repeat(IsoDateCells.HELD_BYTES / 4 + 1) + "<v>2025-03-01</v></c>";
		assertThatThrownBy(() -> rewritten(flood)).isInstanceOf(SheetException.class)
			.hasMessage("The .xlsx file is refused as damaged or made up: a cell of type d holds more than "
					+ IsoDateCells.HELD_BYTES + " bytes before its value; open it in a spreadsheet program and save it"
					+ " again, or send the sheet as CSV");
	}

	/** A part read a few bytes at a time is rewritten as one read whole. */
	@Test
	void theStreamMayGiveAFewBytesAtATime() throws IOException {
		var part = new StringBuilder("<sheetData>");
		for (int row = 1; row <= 2000; row++) {
			part.append("<row r=\"").append(row).append("\"><c r=\"A").append(row).append("\" t=\"d\"><v>2025-03-0")
				.append(row % 9 + 1).append("</v></c><c t=\"inlineStr\"><is><t>ქ").append(row)
				.append("</t></is></c><!-- <c t=\"d\"> --></row>");
		}
		var whole = rewritten(part.append("</sheetData>").toString());
		assertThat(whole).contains("<c r=\"A9\"><v>45717</v></c>").doesNotContain("t=\"d\"><v>");
		for (int bytes = 1; bytes <= 7; bytes += 3) {
			assertThat(rewritten(part.toString(), EPOCH_1900, bytes)).isEqualTo(whole);
		}
	}

	private static String rewritten(String part) throws IOException {
		return rewritten(part, EPOCH_1900);
	}

	private static String rewritten(String part, LocalDate epoch) throws IOException {
		return rewritten(part, epoch, Integer.MAX_VALUE);
	}

	/** The part rewritten, read from a stream giving at most {@code bytes} at a time. */
	private static String rewritten(String part, LocalDate epoch, int bytes) throws IOException {
		InputStream in = new ByteArrayInputStream(part.getBytes(StandardCharsets.UTF_8)) {

			@Override
			public synchronized int read(byte[] b, int off, int len) {
				return super.read(b, off, Math.min(len, bytes));
			}

		};
		var out = new ByteArrayOutputStream();
		IsoDateCells.copy(in, out, epoch, TBILISI);
		return out.toString(StandardCharsets.UTF_8);
	}

}
