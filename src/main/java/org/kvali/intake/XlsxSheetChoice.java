package org.kvali.intake;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.dhatim.fastexcel.reader.SheetVisibility;

/**
 * Which of a workbook's sheets is the attendance, chosen by the first rows of each before any row reaches the sink:
 * a workbook that holds the attendance twice, or only hidden, is refused before anything is read from it. The rows
 * are read as {@link XlsxSheetReader} reads them (names trimmed, rows of blanks passed over), so that a sheet is
 * weighed by what its reading would see.
 */
final class XlsxSheetChoice {

	private XlsxSheetChoice() {
	}

	/**
	 * The sheet to read: of those the spreadsheet shows (a template's lists for its drop-downs are often a hidden first
	 * sheet), the one whose header has the required columns, as a sheet of instructions before it has not; a header on
	 * a sheet's first row before one below a title with no row under it (instructions may name the columns in a row of
	 * their own). Where none has them all, the shown sheet with the most of them, so that the refusal names the
	 * columns its header lacks (the first shown when none has any); a hidden sheet with them all is named, not read.
	 * Two attendance sheets in one workbook (a sheet a day, or an example beside the sheet) are refused, where reading
	 * one alone would drop the other's rows unsaid, and so is a shown sheet of rows under a header naming, or surely
	 * meaning, two or more of the columns beside one naming them all. Null, told to the sink, when the workbook is
	 * refused.
	 */
	static Sheet attendance(ReadableWorkbook workbook, SheetSink sink) throws IOException {
		var sheets = workbook.getSheets().toList();
		var found = new ArrayList<Sheet>();
		var below = new ArrayList<Sheet>();
		var legends = new ArrayList<Sheet>();
		// a shown sheet whose first row is a header lacking a column: it is the one refused, not one below a title
		boolean faulty = false;
		// shown sheets of rows under a header naming or surely meaning some of the columns ("Participant ID", "Sex"):
		// beside a sheet naming them all, refused
		var partial = new ArrayList<Sheet>();
		var lacking = new ArrayList<List<String>>();
		Sheet nearest = null;
		Sheet hidden = null;
		int most = 0;
		for (var sheet : sheets) {
			var named = requiredColumns(sheet);
			int has = named.required();
			boolean shown = sheet.getVisibility() == SheetVisibility.VISIBLE;
			faulty |= shown && named.first() && has >= 2 && has < Columns.REQUIRED.size();
			if (shown && named.rowsUnder() && named.meant() >= 2 && has < Columns.REQUIRED.size()) {
				partial.add(sheet);
				lacking.add(named.lacking());
			}
			if (has == Columns.REQUIRED.size()) {
				if (shown && (named.first() || named.rowsUnder())) {
					(named.first() ? found : below).add(sheet);
				}
				else if (shown) {
					// the columns' names below a title and nothing under them: a legend, which holds no row
					legends.add(sheet);
				}
				else if (hidden == null) {
					hidden = sheet;
				}
			}
			else if (shown && has > most) {
				most = has;
				nearest = sheet;
			}
		}
		if (found.isEmpty() && !faulty) {
			// no header on a first row: each sheet naming the columns below a title
			found.addAll(below);
			found.addAll(legends);
		}
		else if (!found.isEmpty()) {
			// rows under a header below a title beside a header on a first row: either may be the attendance (the
			// other an example, say), and reading one would drop the other's rows
			found.addAll(below);
		}
		if (found.size() > 1) {
			found.sort(Comparator.comparingInt(Sheet::getIndex));
			sink.refused("The sheets " + found.stream()
				.map(sheet -> "'" + sheet.getName() + "'")
				.collect(Collectors.joining(", "))
					+ " each have the attendance columns, and a workbook is read one sheet at a time: load each in a"
					+ " workbook of its own (or delete a sheet of an example or instructions), or the rows of all in"
					+ " one sheet");
			return null;
		}
		if (!found.isEmpty() && !partial.isEmpty()) {
			// a sheet a day, the second's header written otherwise ("sex"), on its first row or below a title: its
			// rows were dropped unsaid (reviews')
			sink.refused("The sheet '" + partial.get(0).getName() + "' has rows under a header like an attendance"
					+ " sheet's, without " + String.join(", ", lacking.get(0)) + ", and a workbook is read one sheet at"
					+ " a time: its rows would be left out beside those of '" + found.get(0).getName() + "'. Load each"
					+ " in a workbook of its own, its header naming every required column (or delete the sheet)");
			return null;
		}
		if (!found.isEmpty()) {
			return found.get(0);
		}
		if (nearest == null && hidden != null) {
			// a "very hidden" sheet is not in Excel's list to unhide
			sink.refused("The sheet '" + hidden.getName() + "' has the attendance columns but is hidden: "
					+ (hidden.getVisibility() == SheetVisibility.HIDDEN
							? "show it (in Excel, right-click a sheet's tab, Unhide)"
							: "copy its rows to a sheet that is shown") + " and send the workbook again");
			return null;
		}
		return nearest != null ? nearest : sheets.stream()
			.filter(sheet -> sheet.getVisibility() == SheetVisibility.VISIBLE)
			.findFirst()
			.orElse(workbook.getFirstSheet());
	}

	/**
	 * How many of the required columns the sheet's header names ({@link Columns#headerAmong}), and names or surely
	 * means, whether it is the first row with anything in it, and whether rows with anything in them follow it (among
	 * the first read).
	 */
	private record Named(int required, int meant, List<String> lacking, boolean first, boolean rowsUnder) {
	}

	private static Named requiredColumns(Sheet sheet) throws IOException {
		try (var rows = sheet.openStream()) {
			// and one more, to tell whether a row follows a header found last
			var read = rows.filter(row -> !XlsxSheetReader.isEmpty(row))
				.limit(Columns.ROWS_TO_HEADER + 1)
				.map(XlsxSheetReader::header)
				.toList();
			if (read.isEmpty()) {
				return new Named(0, 0, Columns.REQUIRED, true, false);
			}
			int header = Columns.headerAmong(read.subList(0, Math.min(read.size(), Columns.ROWS_TO_HEADER)));
			var names = read.get(header);
			return new Named(Columns.requiredNamed(names), Columns.requiredMeant(names),
					Columns.requiredLacking(names), header == 0, header + 1 < read.size());
		}
	}

}
