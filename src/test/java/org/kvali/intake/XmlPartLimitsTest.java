package org.kvali.intake;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XmlPartLimitsTest {

	private static final String LONG = "B".repeat(XmlPartLimits.MAX_STRING_BYTES / 2 + 1);

	/**
	 * A string's runs each pass the bytes' bound; their text together is bounded as the reader joins it, whatever the
	 * names' prefix.
	 */
	@Test
	void aStringsRunsCountTogetherAsTheReaderJoinsThem() {
		var run = "A".repeat(XlsxValues.MAX_VALUE_CHARS / 2 + 1);
		var xml = "<x:sst xmlns:x=\"urn:x\"><x:si><x:r><x:t>" + run + "</x:t></x:r><x:r><x:t>" + run
				+ "</x:t></x:r></x:si></x:sst>";
		assertThatCode(() -> feed("xl/sharedStrings.xml", xml, 4096, true)).doesNotThrowAnyException();
		assertThatThrownBy(() -> new XlsxValues(5000).read("xl/sharedStrings.xml",
				new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), true))
			.isInstanceOf(SheetException.class)
			.hasMessageContaining("A value of xl/sharedStrings.xml is longer than a spreadsheet cell can hold");
	}

	/** Two long strings, cells or tags apart are each within the bounds; an empty string opens none. */
	@Test
	void separateValuesCountApart() {
		var strings = "<sst><si/><si><t>" + LONG + "</t></si><si><t>" + LONG + "</t></si></sst>";
		assertThatCode(() -> feed("xl/sharedStrings.xml", strings, 1000, true)).doesNotThrowAnyException();
		var cells = "<sheetData><row><c t=\"inlineStr\"><is><t>" + LONG + "</t></is></c><c><v>" + LONG + "</v></c></row>"
				+ "<row r=\"2\" spans=\"1:3\">" + LONG + "</row></sheetData>";
		assertThatCode(() -> feed("xl/worksheets/sheet1.xml", cells, 333)).doesNotThrowAnyException();
		assertThatThrownBy(() -> feed("xl/worksheets/sheet1.xml", "<c><v>" + LONG + LONG + "</v></c>", 4096))
			.isInstanceOf(SheetException.class);
	}

	@Test
	void aTagBeyondItsBoundsIsRefused() {
		var tag = "<dataValidation sqref=\"" + "A1 ".repeat(XmlPartLimits.MAX_TAG_BYTES / 3 - 10) + "\"/>";
		assertThatCode(() -> feed("xl/worksheets/sheet1.xml", tag, 4096)).doesNotThrowAnyException();
		assertThatThrownBy(() -> feed("xl/worksheets/sheet1.xml", tag.replace("/>", "x".repeat(100) + "/>"), 4096))
			.isInstanceOf(SheetException.class)
			.hasMessageContaining("A tag of xl/worksheets/sheet1.xml is longer than 1 MB");
		// attributes are counted outside their values, where a > ends nothing
		var many = new StringBuilder("<row r=\"2\"");
		for (int i = 1; i < XmlPartLimits.MAX_ATTRIBUTES; i++) {
			many.append(i == 100 ? " z='>='" : " a" + i + "=\"x\"");
		}
		assertThatCode(() -> feed("xl/worksheets/sheet1.xml", many + "/>", 4096)).doesNotThrowAnyException();
		assertThatThrownBy(() -> feed("xl/worksheets/sheet1.xml", many + " b=\"1\"/>", 7))
			.isInstanceOf(SheetException.class)
			.hasMessageContaining("has more than 256 attributes");
		// a comment, CDATA or DTD, which a parser holds whole and no spreadsheet writes, is refused
		for (var declaration : java.util.List.of("<!-- don't -->", "<![CDATA[1]]>", "<!DOCTYPE x>")) {
			assertThatThrownBy(() -> feed("xl/worksheets/sheet1.xml", "<row r=\"1\">" + declaration + "</row>", 3))
				.isInstanceOf(SheetException.class)
				.hasMessageContaining("holds a comment, a CDATA section or a DTD");
		}
	}

	/**
	 * Parts are told XML by their bytes, not their names (a picture is not read); the shared strings are the part the
	 * content types name, whatever its name.
	 */
	@Test
	void partsAreToldByWhatTheyHold() {
		var strings = "\uFEFF<?xml version=\"1.0\"?>\n<sst><si><t>" + LONG + LONG + "</t></si></sst>";
		assertThatThrownBy(() -> feed("xl/sst.bin", strings, 4096)).isInstanceOf(SheetException.class)
			.hasMessageContaining("A value of xl/sst.bin is longer");
		var picture = new byte[XmlPartLimits.MAX_STRING_BYTES * 2];
		picture[0] = (byte) 0x89;
		assertThatCode(() -> new XmlPartLimits("xl/media/image1.png", false).feed(picture, 0, picture.length))
			.doesNotThrowAnyException();
		var big = "<sst>" + "<si><t>A</t></si>".repeat((int) (XmlPartLimits.MAX_SHARED_STRINGS_BYTES / 17) + 1) + "</sst>";
		assertThatThrownBy(() -> feed("xl/renamed.xml", big, 1 << 16, true)).isInstanceOf(SheetException.class)
			.hasMessageContaining("Its shared strings (xl/renamed.xml) unpack to more than 100 MB");
	}

	/** A row of more cells than any attendance sheet has is refused at that row; the count starts again each row. */
	@Test
	void aRowOfTooManyCellsIsRefused() {
		var full = "<row r=\"7\">" + "<c><v>1</v></c>".repeat(XlsxValues.MAX_ROW_CELLS) + "</row>";
		var sheet = "<worksheet><sheetData>" + full + full.replace("\"7\"", "\"8\"") + "</sheetData></worksheet>";
		assertThatCode(() -> read(sheet)).doesNotThrowAnyException();
		// a calculation chain names each formula's cell, in no row: no row's cells (a reviewer's)
		assertThatCode(() -> new XlsxValues(5000).read("xl/calcChain.xml", stream("<calcChain>"
				+ "<c r=\"B2\" i=\"1\"/>".repeat(XlsxValues.MAX_ROW_CELLS + 1) + "</calcChain>"), false))
			.doesNotThrowAnyException();
		assertThatThrownBy(() -> read(sheet.replace("</row></sheetData>", "<c/></row></sheetData>")))
			.isInstanceOf(SheetException.class)
			.hasMessage(WIDE.formatted(8));
		// one cell whose column lies past that: the reader made a list as long (r="ZZZZZZ1" asked for 321 million)
		assertThatCode(() -> read("<worksheet><sheetData><row r=\"1\"><c r=\"BXX1\"/></row></sheetData></worksheet>"))
			.doesNotThrowAnyException();
		assertThatCode(() -> read("<worksheet><sheetData><row r=\"1\"><c r=\"$bxx$1\"/></row></sheetData></worksheet>"))
			.doesNotThrowAnyException();
		// a row within a row is no row of its own: the reader reads the outer's cells on to the first end
		var nested = "<worksheet><sheetData><row r=\"1\">" + "<c/>".repeat(XlsxValues.MAX_ROW_CELLS - 1)
				+ "<row><c/><c/></row></row></sheetData></worksheet>";
		assertThatThrownBy(() -> read(nested)).isInstanceOf(SheetException.class).hasMessage(WIDE.formatted(1));
		// in any case, with a $, with a character no column has, or within another element
		for (var cell : List.of("<c r=\"BXY1\"/>", "<c r=\"ZZZZZZ1\"/>", "<c r=\"ZZZZZZZZZZZZZZZZZZ1\"/>",
				"<c r=\"zzzzzz1\"/>", "<c r=\"$ZZZZZZ1\"/>", "<c r=\"~~~~~~1\"/>", "<x><c r=\"ZZZZZZ1\"/></x>")) {
			assertThatThrownBy(() -> read("<worksheet><sheetData><row r=\"1\">" + cell + "</row>"
					+ "</sheetData></worksheet>"))
				.as(cell)
				.isInstanceOf(SheetException.class)
				.hasMessage(WIDE.formatted(1));
		}
	}

	/**
	 * Elements nested deeper than a spreadsheet program writes them are refused as they are read: the parser holds
	 * each open one, and 60 million in 200 KB zipped ran the service out of memory (a review's).
	 */
	@Test
	void aPartNestingElementsDeeperThanAnySpreadsheetIsRefused() {
		int most = XlsxValues.MAX_DEPTH;
		assertThatCode(() -> new XlsxValues(5000).read("xl/pad.xml", stream("<a>".repeat(most) + "</a>".repeat(most)),
				false)).doesNotThrowAnyException();
		assertThatThrownBy(() -> new XlsxValues(5000).read("xl/pad.xml", stream("<a>".repeat(most + 1)), false))
			.isInstanceOf(SheetException.class)
			.hasMessage("The .xlsx file is refused as damaged or made up: xl/pad.xml nests elements more than 64 deep,"
					+ " where a spreadsheet program's lie within 20; open it in a spreadsheet program and save it"
					+ " again,"
					+ " or send the sheet as CSV");
	}

	/** Array formulas are bounded: the reader looks each number cell up among all of them (40,000 took 30 s). */
	@Test
	void aWorkbookOfThousandsOfArrayFormulasIsRefused() {
		var cell = "<row><c><f t=\"array\" ref=\"A1\">1</f><v>1</v></c></row>";
		var values = new XlsxValues(5000);
		assertThatCode(() -> values.read("xl/worksheets/sheet1.xml", stream("<worksheet><sheetData>"
				+ cell.repeat(XlsxValues.MAX_ARRAY_FORMULAS) + "</sheetData></worksheet>"), false))
			.doesNotThrowAnyException();
		assertThatThrownBy(() -> values.read("xl/worksheets/sheet2.xml", stream("<worksheet><sheetData>" + cell
				+ "</sheetData></worksheet>"), false))
			.isInstanceOf(SheetException.class)
			.hasMessage("The workbook has more than 100 array formulas, which an attendance sheet has no use for:"
					+ " copy the table, and paste its values alone into a new workbook");
	}

	/** A workbook's cells are bounded in all, by the rows a sheet may have: 32 a row, across its sheets. */
	@Test
	void aWorkbookOfTooManyCellsIsRefused() {
		var row = "<row>" + "<c><v>1</v></c>".repeat(XlsxValues.CELLS_PER_ROW) + "</row>";
		var values = new XlsxValues(2);
		assertThatCode(() -> values.read("xl/worksheets/sheet1.xml", stream("<worksheet><sheetData>" + row
				+ "</sheetData></worksheet>"), false)).doesNotThrowAnyException();
		assertThatCode(() -> values.read("xl/worksheets/sheet2.xml", stream("<worksheet><sheetData>" + row
				+ "</sheetData></worksheet>"), false)).doesNotThrowAnyException();
		assertThatThrownBy(() -> values.read("xl/worksheets/sheet3.xml", stream("<worksheet><sheetData><row><c/></row>"
				+ "</sheetData></worksheet>"), false))
			.isInstanceOfSatisfying(SheetException.class,
					ex -> assertThat(ex.status()).isEqualTo(org.springframework.http.HttpStatus.PAYLOAD_TOO_LARGE))
			.hasMessage("The workbook has more than 64 cells, 32 for each of the 2 rows a sheet may have: delete what"
					+ " lies right of or below the table, or split it into smaller sheets");
	}

	/**
	 * Rows without cells are bounded by a sheet's rows, and a workbook's sheets and their names by what the reader may
	 * keep: a thousand sheets of one part of 160 million empty rows took 1.6 h, a thousand names of 1 MB held a
	 * gigabyte (a review's).
	 */
	@Test
	void emptyRowsSheetsAndTheirNamesAreBounded() {
		var rows = "<worksheet><sheetData>" + "<row/>".repeat(XlsxValues.MAX_ROWS) + "</sheetData></worksheet>";
		assertThatCode(() -> read(rows)).doesNotThrowAnyException();
		assertThatThrownBy(() -> read(rows.replace("<sheetData>", "<sheetData><row/>")))
			.isInstanceOf(SheetException.class)
			.hasMessage("The .xlsx file is refused as damaged or made up: xl/worksheets/sheet1.xml has more than"
					+ " 1048576 rows, the most a spreadsheet's sheet has; open it in a spreadsheet program and save it"
					+ " again, or send the sheet as CSV");
		var sheet = "<sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/>";
		var sheets = WORKBOOK + sheet.repeat(XlsxValues.MAX_SHEETS) + "</sheets></workbook>";
		assertThatCode(() -> new XlsxValues(5000).read("xl/workbook.xml", stream(sheets), false))
			.doesNotThrowAnyException();
		assertThatThrownBy(() -> new XlsxValues(5000).read("xl/workbook.xml",
				stream(sheets.replace("<sheets>", "<sheets>" + sheet)), false))
			.isInstanceOfSatisfying(SheetException.class,
					ex -> assertThat(ex.status()).isEqualTo(org.springframework.http.HttpStatus.PAYLOAD_TOO_LARGE))
			.hasMessage("The workbook has more than 1000 sheets: copy the sheet of attendance alone into a new"
					+ " workbook");
		// elements of that name in another part (custom XML, say) are none of the workbook's sheets
		assertThatCode(() -> new XlsxValues(5000).read("customXml/item1.xml", stream("<items xmlns:r=\"urn:r\">"
				+ sheet.repeat(XlsxValues.MAX_SHEETS + 1) + "</items>"), false)).doesNotThrowAnyException();
		var named = sheet.replace("\"S\"", "\"" + "S".repeat(XlsxValues.MAX_SHEET_NAME) + "\"");
		assertThatCode(() -> new XlsxValues(5000).read("xl/workbook.xml",
				stream(WORKBOOK + named + "</sheets></workbook>"), false))
			.doesNotThrowAnyException();
		assertThatThrownBy(() -> new XlsxValues(5000).read("xl/workbook.xml",
				stream(WORKBOOK + named.replace("\"S", "\"SS") + "</sheets></workbook>"), false))
			.isInstanceOf(SheetException.class)
			.hasMessage("The .xlsx file is refused as damaged or made up: xl/workbook.xml names a sheet of more than"
					+ " 255 characters, where Excel's have at most 31; open it in a spreadsheet program and save it"
					+ " again, or send the sheet as CSV");
	}

	private static final String WORKBOOK = "<workbook xmlns:r=\"urn:r\"><sheets>";

	private static final String WIDE = "Row %d of xl/worksheets/sheet1.xml has more than 2000 cells, or one past"
			+ " column 2000, where an attendance sheet has 18 columns: delete the columns right of the table, or copy"
			+ " the table alone into a new workbook";

	private static ByteArrayInputStream stream(String xml) {
		return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
	}

	private static void read(String worksheet) {
		new XlsxValues(5000).read("xl/worksheets/sheet1.xml",
				new ByteArrayInputStream(worksheet.getBytes(StandardCharsets.UTF_8)), false);
	}

	private static void feed(String part, String xml, int chunk) {
		feed(part, xml, chunk, false);
	}

	/** Feeds the part's bytes in pieces of {@code chunk}, each at an offset of its buffer as a stream gives them. */
	private static void feed(String part, String xml, int chunk, boolean sharedStrings) {
		var limits = new XmlPartLimits(part, sharedStrings);
		var bytes = xml.getBytes(StandardCharsets.UTF_8);
		for (int at = 0; at < bytes.length; at += chunk) {
			limits.feed(bytes, at, Math.min(chunk, bytes.length - at));
		}
	}

}
