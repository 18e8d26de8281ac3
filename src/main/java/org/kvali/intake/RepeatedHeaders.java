package org.kvali.intake;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows that are the header again, as sheets put one after another repeat it: skipped with a warning, once a sheet for
 * those that repeat it as it is. One holding values under the columns Kvali reads names them, as they are not loaded;
 * one naming the columns in another order is an error, and the rows after it are not read, as they would stand in the
 * wrong columns (a tester's second sheet, its columns reordered, was read as data with 11 errors a row, and one of
 * only its dates swapped would have loaded them swapped).
 */
final class RepeatedHeaders {

	/** The shortest name of a column ("role"): no shorter cell names one. */
	private static final int SHORTEST = Columns.ALL.stream().mapToInt(String::length).min().orElseThrow();

	/** The most cells a message names. */
	private static final int NAMED = 5;

	private final List<ImportMessage> errors;

	private final List<ImportMessage> warnings;

	/** Rows repeating the header as it is, warned of once, at the first ({@link #repeatWarning}). */
	private int repeats;

	/** Where among the warnings the one of rows repeating the header is. */
	private int repeatWarning;

	private boolean reordered;

	RepeatedHeaders(List<ImportMessage> errors, List<ImportMessage> warnings) {
		this.errors = errors;
		this.warnings = warnings;
	}

	/**
	 * Whether the row is the header again, told as it is: every required column's cell names a column
	 * ({@link Columns#named}). A cell shorter than any name cannot name one (it makes no name longer, but by a letter
	 * it lowers to two, one of them a mark no column's name holds), nor can one with a digit (it keeps digits, and no
	 * column's name holds one), and neither is made a name of: that took 11 % of the time of reading a sheet of
	 * 200,000 rows, and still 12 % where the activities' codes were as long as the column's name.
	 */
	boolean skipped(SheetRow row) {
		for (var column : Columns.REQUIRED) {
			var cell = row.cells().get(column);
			if (cell == null || cell.length() < SHORTEST || digit(cell) || !Columns.ALL.contains(Columns.named(cell))) {
				return false;
			}
		}
		var moved = new ArrayList<String>();
		var values = new ArrayList<String>();
		// in the order of Kvali's columns, as the row's cells are kept in none
		for (var column : Columns.ALL) {
			var cell = row.cells().get(column);
			if (cell != null && !cell.isBlank()) {
				var named = Columns.named(cell);
				if (Columns.ALL.contains(named) && !named.equals(column)) {
					moved.add(named + " under " + column);
				}
				else if (!named.equals(column)) {
					values.add(column);
				}
			}
		}
		if (!moved.isEmpty()) {
			this.reordered = true;
			this.errors.add(new ImportMessage(row.row(), null, null, "The row is a header again, naming the columns"
					+ " in another order than the first (" + listed(moved) + "): the rows after it would be read into"
					+ " the wrong columns, and are not read; put them in the first header's order, or send them as a"
					+ " sheet of their own"));
		}
		else if (!values.isEmpty()) {
			this.warnings.add(new ImportMessage(row.row(), values.get(0), row.cells().get(values.get(0)), "The row"
					+ " repeats the header, yet holds values under " + listed(values) + ": it is skipped, and they are"
					+ " not loaded; if they are someone's, give them in a row of their own"));
		}
		else if (this.repeats++ == 0) {
			this.repeatWarning = this.warnings.size();
			this.warnings.add(new ImportMessage(row.row(), null, null, "The row repeats the header: it is skipped,"
					+ " as sheets put one after another repeat it"));
		}
		return true;
	}

	/** Whether a header in another order was met: no row after it is read. */
	boolean reordered() {
		return this.reordered;
	}

	/** The warning of the rows repeating the header, told how many there were (a sheet of three told of one). */
	void count() {
		if (this.repeats > 1) {
			var first = this.warnings.get(this.repeatWarning);
			this.warnings.set(this.repeatWarning, new ImportMessage(first.row(), null, null, "The row repeats the"
					+ " header, as " + this.repeats + " rows do (the first shown): they are skipped, as sheets put one"
					+ " after another repeat it"));
		}
	}

	private static String listed(List<String> cells) {
		return String.join(", ", cells.subList(0, Math.min(cells.size(), NAMED))) + (cells.size() > NAMED ? ", ..." : "");
	}

	private static boolean digit(String cell) {
		for (int i = 0; i < cell.length(); i++) {
			if (cell.charAt(i) >= '0' && cell.charAt(i) <= '9') {
				return true;
			}
		}
		return false;
	}

}
