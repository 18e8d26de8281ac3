package org.kvali.intake;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.kvali.graphql.Text;

import org.springframework.http.HttpStatus;

/**
 * Streams a CSV attendance sheet to a {@link SheetSink}: UTF-8 with or without BOM (UTF-16 with one), RFC 4180
 * quoting, a header row
 * naming the columns, separated by commas, or by semicolons or tabs as the header shows (Excel writes semicolons
 * where a comma is the decimal sign, as in Georgian), or as a first line "sep=;" names. Only the record being read is
 * in memory, of at most {@link RecordBounds#most} characters.
 */
final class CsvSheetReader {

	private static final char BOM = '\uFEFF';

	private CsvSheetReader() {
	}

	/** Reads the sheet, its records of at most {@code mostCharacters} ({@link RecordBounds}). */
	static void read(InputStream in, int mostCharacters, SheetSink sink) {
		var body = new BufferedInputStream(in);
		notAWorkbook(body);
		var decoder = charset(body).newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try (var reader = skipBom(new BufferedReader(new InputStreamReader(body, decoder), 1 << 16));
				var parser = parser(reader, mostCharacters)) {
			// rows are numbered as Excel shows them, which hides a first line "sep="
			var hidden = new int[1];
			var search = new HeaderSearch<>(new HeaderSearch.Rows<CSVRecord>() {

				@Override
				public List<String> names(CSVRecord record) {
					return CsvSheetReader.names(record);
				}

				@Override
				public int number(CSVRecord record) {
					return (int) record.getRecordNumber() - hidden[0];
				}

				@Override
				public List<String> header(CSVRecord record) {
					return sink.header(names(record), number(record), null);
				}

				@Override
				public void row(CSVRecord record, List<String> header) {
					sink.row(CsvSheetReader.row(record, number(record), header));
				}

			}, sink);
			var records = parser.iterator();
			var read = new long[2];
			for (CSVRecord record = next(records, read); record != null; record = next(records, read)) {
				read[0] = record.getRecordNumber();
				read[1] = parser.getCurrentLineNumber();
				if (blank(record)) {
					// an empty line, or a spreadsheet's row of nothing but separators
					continue;
				}
				noBinary(record);
				if (separatorLine(record)) {
					// Excel reads such a line where it is the file's first and does not show it; one further down
					// (below empty lines, or files put one after another) it shows
					hidden[0] = record.getCharacterPosition() == 0 ? 1 : hidden[0];
					continue;
				}
				if (search.looking()) {
					unknownSeparator(record, search.nothingRead(), hidden[0]);
				}
				search.next(record);
			}
			if (!search.end()) {
				throw new SheetException(HttpStatus.BAD_REQUEST, "The sheet is empty");
			}
		}
		catch (IOException ex) {
			throw unreadable(ex, null);
		}
	}

	/** The parser of the records, each bounded ({@link RecordBounds}), by the separator the file shows. */
	private static CSVParser parser(BufferedReader reader, int mostCharacters) throws IOException {
		var separator = CsvSeparator.of(reader);
		return CSVParser.builder()
			.setReader(new RecordBounds(reader, separator, mostCharacters))
			.setFormat(CSVFormat.RFC4180.builder().setDelimiter(separator).get())
			.get();
	}

	private static List<String> names(CSVRecord record) {
		return record.stream().map(Text::trim).toList();
	}

	/** A data row: its cells under the header's columns, and whether it is longer or shorter than the header. */
	private static SheetRow row(CSVRecord record, int number, List<String> header) {
		var cells = new HashMap<String, String>(2 * header.size());
		for (int i = 0; i < Math.min(record.size(), header.size()); i++) {
			SheetRow.put(cells, header.get(i), Text.trim(record.get(i)));
		}
		boolean overlong = false;
		for (int i = header.size(); i < record.size(); i++) {
			overlong |= !Text.blank(record.get(i));
		}
		// more cells than the header, though empty, and a value under its last column: "Beridze, Nino" unquoted under
		// a column of names, its row ending in an empty cell, moved a name under gender, and it was told back (a
		// tester's); a row ending in more separators than the header, its last column empty, has its values in place
		boolean pastNames = !header.isEmpty() && record.size() > header.size()
				&& !Text.blank(record.get(header.size() - 1));
		for (int i = lastName(header) + 1; i < Math.min(record.size(), header.size()); i++) {
			pastNames |= !Text.blank(record.get(i));
		}
		// of the columns read: one the sheet adds for itself (notes) is ignored anyway
		int lacking = 0;
		for (int i = record.size(); i < header.size(); i++) {
			lacking += Columns.ALL.contains(header.get(i)) ? 1 : 0;
		}
		return new SheetRow(number, cells, overlong, pastNames, lacking, Set.of(), Map.of(), Set.of(), false);
	}

	/** The index of the header's last column with a name. */
	private static int lastName(List<String> header) {
		int last = header.size() - 1;
		while (last >= 0 && header.get(last).equals(SheetRow.UNNAMED)) {
			last--;
		}
		return last;
	}

	/**
	 * A workbook sent as CSV (a browser on Windows may call any spreadsheet file application/vnd.ms-excel) is named
	 * for what it is, not refused as text that is not UTF-8: an .xlsx is a zip file, an .xls an OLE2 compound file.
	 */
	private static void notAWorkbook(BufferedInputStream body) {
		try {
			body.mark(4);
			var magic = body.readNBytes(4);
			body.reset();
			if (Arrays.equals(magic, new byte[] { 'P', 'K', 3, 4 })) {
				throw new SheetException(HttpStatus.BAD_REQUEST, "The body is a zip file, as an .xlsx workbook is, not "
						+ "CSV; send a workbook with Content-Type: " + SheetFormat.XLSX_TYPE);
			}
			SheetFormat.notXls(magic);
		}
		catch (IOException ex) {
			throw SheetException.unread(ex);
		}
	}

	/**
	 * UTF-8, or UTF-16 where a byte order mark says so: Excel's "Unicode Text", which older versions offer for Georgian
	 * (tab-separated, little-endian), was refused as not UTF-8. Without a mark, UTF-8 (as Excel's "CSV UTF-8").
	 */
	private static Charset charset(BufferedInputStream body) {
		try {
			body.mark(2);
			var mark = body.readNBytes(2);
			body.reset();
			if (mark.length == 2 && (mark[0] & 0xFF) == 0xFF && (mark[1] & 0xFF) == 0xFE) {
				return StandardCharsets.UTF_16LE;
			}
			if (mark.length == 2 && (mark[0] & 0xFF) == 0xFE && (mark[1] & 0xFF) == 0xFF) {
				return StandardCharsets.UTF_16BE;
			}
			return StandardCharsets.UTF_8;
		}
		catch (IOException ex) {
			throw SheetException.unread(ex);
		}
	}

	private static BufferedReader skipBom(BufferedReader reader) throws IOException {
		reader.mark(1);
		if (reader.read() != BOM) {
			reader.reset();
		}
		return reader;
	}

	/**
	 * The next record, null at the end; a sheet the parser cannot read is refused with 400, naming the row and line
	 * where the record it could not read starts, the one after {@code read} (the last record read and the lines it
	 * ended).
	 */
	private static CSVRecord next(java.util.Iterator<CSVRecord> records, long[] read) {
		try {
			return records.hasNext() ? records.next() : null;
		}
		catch (UncheckedIOException | IllegalStateException ex) {
			throw unreadable(ex, "row " + (read[0] + 1) + " (line " + (read[1] + 1) + " of the file)");
		}
	}

	/**
	 * Whether the record is the line "sep=;" by which Excel names a file's separator: no header, nor a row. The
	 * separator is found as for a header (the line holds the one it names), so the line reads as "sep=" and empty
	 * values (more of them as a program saving the file again pads it: "sep=;;;;").
	 */
	private static boolean separatorLine(CSVRecord record) {
		if (record.size() < 2 || !"sep=".equalsIgnoreCase(Text.trim(record.get(0)))) {
			return false;
		}
		for (int i = 1; i < record.size(); i++) {
			if (!Text.blank(record.get(i))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A "sep=" line naming a separator not read here ("sep=|"), quoted, or with more after the separator, is refused
	 * as such: it was read as the header, and every required column was said to be missing. So is a header read as
	 * one column that holds the names of two required ones: its columns are separated by another character.
	 */
	private static void unknownSeparator(CSVRecord record, boolean firstLine, int hidden) {
		var first = Text.trim(record.get(0));
		var line = firstLine ? "The first line" : "Row " + (record.getRecordNumber() - hidden);
		if (first.regionMatches(true, 0, "sep=", 0, 4) && first.length() > 4) {
			throw new SheetException(HttpStatus.BAD_REQUEST, line + ", beginning '" + Text.preview(first, 20)
					+ "', is no separator line Kvali reads: it reads sep=; sep=, or sep= and a tab, unquoted and alone "
					+ "on the line, and commas, semicolons or tabs between columns; save the sheet with one of them");
		}
		var names = first.toLowerCase(Locale.ROOT);
		if (record.size() == 1 && Columns.REQUIRED.stream().filter(names::contains).count() >= 2) {
			throw new SheetException(HttpStatus.BAD_REQUEST, line + ", beginning '" + Text.preview(first, 40)
					+ "', is read as one column: its names are separated by a character Kvali does not read; it reads "
					+ "commas, semicolons or tabs between columns; save the sheet with one of them");
		}
	}

	private static boolean blank(CSVRecord record) {
		for (int i = 0; i < record.size(); i++) {
			if (!Text.blank(record.get(i))) {
				return false;
			}
		}
		return true;
	}

	private static void noBinary(CSVRecord record) {
		// by index: a record's iterator copies its values into a new list each time
		for (int i = 0; i < record.size(); i++) {
			if (record.get(i).indexOf('\0') >= 0) {
				throw new SheetException(HttpStatus.BAD_REQUEST, "The body holds binary data, not CSV text");
			}
		}
	}

	private static SheetException unreadable(Exception ex, String where) {
		var brokenOff = SheetException.brokenOff(ex);
		if (brokenOff.isPresent()) {
			return brokenOff.get();
		}
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof CharacterCodingException) {
				return new SheetException(HttpStatus.BAD_REQUEST,
						"The sheet is not UTF-8 text; save it as \"CSV UTF-8\" and send it again");
			}
		}
		return new SheetException(HttpStatus.BAD_REQUEST, where == null
				? "The body is not readable CSV: a quoted value is never closed, or quotes are misplaced"
				: "The body is not readable CSV from " + where + ": a quoted value starting there is never closed, or "
						+ "a quote is misplaced");
	}

}
