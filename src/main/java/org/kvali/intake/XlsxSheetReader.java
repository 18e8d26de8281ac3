package org.kvali.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

import org.kvali.graphql.Text;

import org.springframework.http.HttpStatus;

/**
 * Streams the rows of the first worksheet of an .xlsx attendance sheet to a {@link SheetSink} (fastexcel-reader
 * parses the sheet's XML as it goes; the zip itself, bounded by the size limit, is in memory). Numbers in date
 * columns are Excel day numbers and become ISO dates; other numbers keep their plain digits.
 */
final class XlsxSheetReader {

	/** Excel counts days from 1899-12-30 (the 1900 system). */
	private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

	/** Excel's day number of 2100-12-31. */
	private static final java.math.BigDecimal LAST_DAY = java.math.BigDecimal.valueOf(73415);

	private XlsxSheetReader() {
	}

	static void read(byte[] body, long maxInflated, SheetSink sink) {
		ZipGuard.check(body, maxInflated);
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(body));
				var stream = workbook.getFirstSheet().openStream()) {
			List<String> header = null;
			for (var iterator = stream.iterator(); iterator.hasNext();) {
				var row = iterator.next();
				if (header == null) {
					header = header(row);
					sink.header(header);
				}
				else if (!isEmpty(row)) {
					sink.row(row(row, header));
				}
			}
			if (header == null) {
				throw new SheetException(HttpStatus.BAD_REQUEST, "The sheet is empty");
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof SheetException || ex instanceof StagingException) {
				throw (RuntimeException) ex;
			}
			throw new SheetException(HttpStatus.BAD_REQUEST, "The body is not a readable .xlsx workbook");
		}
	}

	private static List<String> header(Row row) {
		var names = new ArrayList<String>();
		for (int i = 0; i < row.getCellCount(); i++) {
			names.add(Text.trim(row.getCellText(i)).toLowerCase(Locale.ROOT));
		}
		while (!names.isEmpty() && names.get(names.size() - 1).isEmpty()) {
			names.remove(names.size() - 1);
		}
		return names;
	}

	private static SheetRow row(Row row, List<String> header) {
		var cells = new HashMap<String, String>();
		boolean overlong = false;
		for (int i = 0; i < row.getCellCount(); i++) {
			var cell = row.getCell(i);
			var text = cell == null ? "" : text(cell, i < header.size() ? header.get(i) : "");
			if (i < header.size()) {
				cells.putIfAbsent(header.get(i), Text.trim(text));
			}
			else if (!Text.blank(text)) {
				overlong = true;
			}
		}
		return new SheetRow(row.getRowNum(), cells, overlong);
	}

	private static String text(Cell cell, String column) {
		if (cell.getType() == CellType.NUMBER) {
			var number = cell.asNumber();
			// Day numbers of years 1900 to 2100 only; any other number is passed on as written and refused as a date.
			if ((column.equals(Columns.START_DATE) || column.equals(Columns.END_DATE)) && number.signum() > 0
					&& number.compareTo(LAST_DAY) <= 0) {
				return EXCEL_EPOCH.plusDays(number.longValue()).toString();
			}
			return number.stripTrailingZeros().toPlainString();
		}
		return cell.getText() == null ? "" : cell.getText();
	}

	private static boolean isEmpty(Row row) {
		for (int i = 0; i < row.getCellCount(); i++) {
			var cell = row.getCell(i);
			if (cell != null && cell.getType() != CellType.EMPTY && !Text.blank(cell.getText())) {
				return false;
			}
		}
		return true;
	}

}
