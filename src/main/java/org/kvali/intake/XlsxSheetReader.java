package org.kvali.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import org.kvali.graphql.Text;

import org.springframework.http.HttpStatus;

/**
 * Streams the rows of an .xlsx workbook's attendance sheet, the shown one whose header names the columns
 * ({@link XlsxSheetChoice}), to a {@link SheetSink} (fastexcel-reader parses the sheet's XML as it goes; the zip
 * itself, bounded by the size limit, is in memory). Numbers in date columns are Excel day numbers and become ISO
 * dates, and a date under birth_year its year; other numbers read as the sheet shows them.
 */
final class XlsxSheetReader {

	private XlsxSheetReader() {
	}

	/**
	 * The workbook with each cell's number format, so that a date under birth_year is told from a number; a workbook
	 * without the optional styles part, which the reader then cannot open, without them.
	 */
	private static ReadableWorkbook open(byte[] body) throws IOException {
		try {
			return new ReadableWorkbook(new ByteArrayInputStream(body), new ReadingOptions(true, false));
		}
		catch (ExcelReaderException ex) {
			return new ReadableWorkbook(new ByteArrayInputStream(body));
		}
	}

	/**
	 * Reads the sheet; {@code maxRows} bounds its merged ranges too, at twice as many (a row may start several; the
	 * rows themselves are counted by the sink), and the workbook's cells ({@link XlsxValues#CELLS_PER_ROW} a row). A
	 * date and time with its offset from UTC is the day it was in {@code zone}, where the programmes run.
	 */
	static void read(byte[] body, long maxInflated, int maxRows, ZoneId zone, SheetSink sink) {
		var dated = ZipGuard.check(body, maxInflated, maxRows);
		StrictOpenXml.check(body);
		try {
			var parts = WorkbookParts.of(body);
			var epoch = parts.date1904() ? ExcelDays.EPOCH_1904 : ExcelDays.EPOCH_1900;
			// the reader does not know cells of type d: they become the day numbers they stand for
			var readable = dated.isEmpty() ? body : IsoDateWorkbook.asNumbers(body, dated, epoch, zone);
			try (var workbook = open(readable)) {
				var sheetParts = parts.sheets();
				apart(workbook, sheetParts);
				var sheet = XlsxSheetChoice.attendance(workbook, sink);
				if (sheet != null) {
					read(readable, sheetParts.get(sheet.getId()), sheet, epoch, maxRows, sink);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof SheetException || ex instanceof StagingException) {
				throw (RuntimeException) ex;
			}
			if (ex instanceof IllegalStateException && ex.getMessage() != null
					&& ex.getMessage().startsWith("Unknown cell type")) {
				// a type the file format has not (dates as text, type d, are read above)
				throw new SheetException(HttpStatus.BAD_REQUEST, "The workbook holds cells of a type that spreadsheet"
						+ " programs do not write: open it in a spreadsheet program and save it as an Excel workbook");
			}
			throw new SheetException(HttpStatus.BAD_REQUEST, "The body is not a readable .xlsx workbook");
		}
	}

	/**
	 * Refuses two sheets of one part, which no spreadsheet program writes: each was read again, and a thousand of one
	 * part of 160 million empty rows took 1.6 h (a review's).
	 */
	private static void apart(ReadableWorkbook workbook, Map<String, String> parts) {
		var named = new HashMap<String, String>();
		workbook.getSheets().forEach(sheet -> {
			var part = parts.get(sheet.getId());
			var other = part == null ? null : named.putIfAbsent(part, sheet.getName());
			if (other != null) {
				throw XmlPartLimits.refused("the sheets '" + other + "' and '" + sheet.getName() + "' are one part, "
						+ part);
			}
		});
	}

	/** A row and its number. */
	private record Numbered(Row row, int number) {
	}

	/** Reads the sheet, whose part is {@code part} ({@link WorkbookParts#sheets}). */
	private static void read(byte[] body, String part, Sheet sheet, LocalDate epoch, int maxRows, SheetSink sink)
			throws IOException {
		try (var stream = sheet.openStream()) {
			var merged = MergedCells.of(body, part, 2 * maxRows);
			var search = new HeaderSearch<>(new HeaderSearch.Rows<Numbered>() {

				@Override
				public List<String> names(Numbered numbered) {
					return XlsxSheetReader.header(numbered.row());
				}

				@Override
				public int number(Numbered numbered) {
					return numbered.number();
				}

				@Override
				public List<String> header(Numbered numbered) {
					return XlsxSheetReader.header(numbered.row(), numbered.number(), sheet, merged, sink);
				}

				@Override
				public void row(Numbered numbered, List<String> header) {
					sink.row(XlsxSheetReader.row(numbered.row(), numbered.number(), header, epoch, merged));
				}

			}, sink);
			int position = 0;
			int previous = 0;
			for (var iterator = stream.iterator(); iterator.hasNext();) {
				var row = iterator.next();
				int number = merged.number(position++, row.getRowNum());
				previous = inOrder(sheet, number, previous);
				if (!isEmpty(row)) {
					// an empty row above the header (formatted, say) is passed over, as among the rows, as a CSV
					// file's empty lines
					search.next(new Numbered(row, number));
				}
			}
			if (!search.end()) {
				throw new SheetException(HttpStatus.BAD_REQUEST, "The sheet '" + sheet.getName() + "' is empty");
			}
		}
	}


	/** Gives the sink the header in {@code row}, as the spreadsheet shows it, and the columns it hides. */
	private static List<String> header(Row row, int number, Sheet sheet, MergedCells merged, SheetSink sink) {
		var header = sink.header(merged.header(number, header(row)), number, "sheet '" + sheet.getName() + "'");
		var hidden = new ArrayList<String>();
		for (int i = 0; i < header.size(); i++) {
			if (!header.get(i).isEmpty() && merged.hiddenColumn(i)) {
				hidden.add(header.get(i));
			}
		}
		sink.hiddenColumns(hidden);
		return header;
	}

	/**
	 * The row's number ({@link MergedCells#number}), which must follow the one before: a row's number is how messages
	 * name it and what tells the sheet's rows apart. A workbook numbering two rows alike (written by a program, not a
	 * spreadsheet) got a 500 where they named one person at one activity, and had one of them, another person's, stored
	 * without its participation.
	 */
	private static int inOrder(Sheet sheet, int row, int previous) {
		if (row <= previous) {
			throw new SheetException(HttpStatus.BAD_REQUEST, "The sheet '" + sheet.getName() + "' gives a row the "
					+ "number " + row + " after row " + previous + ": a workbook numbers its rows once each, in order "
					+ "(a program wrote this one otherwise); open it in a spreadsheet program, check that every row is "
					+ "there, and save it again");
		}
		return row;
	}

	/**
	 * The names written in the row, trimmed: {@link XlsxSheetChoice} weighs each sheet's first rows by them, as the
	 * header's search here reads the chosen sheet's.
	 */
	static List<String> header(Row row) {
		var names = new ArrayList<String>();
		for (int i = 0; i < row.getCellCount(); i++) {
			names.add(Text.trim(row.getCellText(i)));
		}
		// names left empty, at the end too, are columns without a name (RowIntake), as in a CSV file
		return names;
	}

	private static SheetRow row(Row row, int number, List<String> header, LocalDate epoch, MergedCells merged) {
		var cells = new HashMap<String, String>(2 * header.size());
		var failed = new HashSet<String>();
		var unsaved = new HashMap<String, String>();
		var dated = new HashSet<String>();
		// up to the header's end at least: a row need not hold a cell that a merged range above it covers
		for (int i = 0; i < Math.max(row.getCellCount(), header.size()); i++) {
			var cell = i < row.getCellCount() ? row.getCell(i) : null;
			var text = merged.cell(number, i,
					cell == null ? "" : XlsxCellText.text(cell, i < header.size() ? header.get(i) : "", epoch));
			// a cell right of the header's last is under a column without a name (a note beside the table): cells
			// cannot shift in a workbook as they do in a CSV file, where a separator left in a value adds one
			if (i >= header.size()) {
				SheetRow.put(cells, SheetRow.UNNAMED, Text.trim(text));
			}
			else {
				SheetRow.put(cells, header.get(i), Text.trim(text));
				if (cell != null && cell.getType() == CellType.ERROR) {
					failed.add(header.get(i));
				}
				if (cell != null && Columns.CODES.contains(header.get(i))
						&& XlsxCellText.dayShownAsDate(cell, header.get(i), epoch)) {
					dated.add(header.get(i));
				}
				// no result saved: a formula no spreadsheet program computed (a generated workbook's), or one whose
				// result is empty text (as a template's IFERROR(...; "") saves it), which the reader cannot tell apart
				if (cell != null && cell.getFormula() != null && Text.blank(text)) {
					unsaved.putIfAbsent(header.get(i), cell.getFormula());
				}
			}
		}
		return new SheetRow(number, cells, false, false, 0, failed, unsaved, dated, merged.hidden(number));
	}

	/** Whether the row holds only blanks: such rows are passed over alike when the sheet is chosen and when read. */
	static boolean isEmpty(Row row) {
		for (int i = 0; i < row.getCellCount(); i++) {
			var cell = row.getCell(i);
			if (cell != null && cell.getType() != CellType.EMPTY && !Text.blank(cell.getText())) {
				return false;
			}
		}
		return true;
	}

}
