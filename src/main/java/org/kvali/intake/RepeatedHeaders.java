package org.kvali.intake;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.kvali.graphql.Text;

/**
 * Rows that are the header again, as sheets put one after another repeat it: skipped with a warning, once a sheet,
 * where each cell names its column as the first header does. One naming a column otherwise, or holding anything else,
 * is an error, and the rows after it are not read, as they may stand in other columns: a tester's second sheet, its
 * columns reordered, was read as data with 11 errors a row; one of only its dates swapped would have loaded them
 * swapped, and one whose ignored column of names stood where the organization's name had loaded a person's name as an
 * organization's.
 */
final class RepeatedHeaders {

	/** The shortest name of a column ("role"): no shorter cell names one. */
	private static final int SHORTEST = Columns.ALL.stream().mapToInt(String::length).min().orElseThrow();

	/** The most cells a message names. */
	private static final int NAMED = 5;

	private final List<ImportMessage> errors;

	private final List<ImportMessage> warnings;

	/** The names of the first header's columns, those Kvali does not read too ({@link Columns#named}). */
	private List<String> header = List.of();

	private Set<String> names = Set.of();

	/** Rows repeating the header as it is, warned of once, at the first ({@link #repeatWarning}). */
	private int repeats;

	/** The warning of rows repeating the header. */
	private ImportMessage repeatWarning;

	private boolean reordered;

	/** Whether a name of the first header's holds a digit ("Phone 2"), which a cell naming it holds too. */
	private boolean digitNames;

	RepeatedHeaders(List<ImportMessage> errors, List<ImportMessage> warnings) {
		this.errors = errors;
		this.warnings = warnings;
	}

	/** The first header's columns, by their names. */
	void header(List<String> names) {
		this.header = names;
		this.names = new HashSet<>(names);
		this.digitNames = names.stream().anyMatch(RepeatedHeaders::digit);
	}

	/**
	 * Whether the row is the header again: its cells name every required column, wherever they stand (a shorter
	 * header pasted below, its columns in another order, was read as data, a person's name told back as a date: a
	 * tester's), by a name of the first header's or Kvali's, or another name surely meant for one ("sex"). A cell
	 * with a digit names no column of Kvali's ({@link Columns#named} keeps digits), and a row with one is no header
	 * but where it names one of the first header's ("Phone 2"): a data row's dates and references have them, and are
	 * not made names of (that took 11 % of the time of reading a sheet of 200,000 rows); a note beside the table, in
	 * a column without a name, is not looked at for a digit. Nor does a cell shorter than any name name one (it makes
	 * no name longer, but by a letter it lowers to two, one of them a mark no column's name holds). Other names of a
	 * column are looked for only in a row that names two columns already, not in every row without a digit (a
	 * review's).
	 */
	boolean skipped(SheetRow row) {
		for (var cell : row.cells().entrySet()) {
			if (!cell.getKey().equals(SheetRow.UNNAMED) && digit(cell.getValue())
					&& !(this.digitNames && this.names.contains(Columns.named(cell.getValue())))) {
				return false;
			}
		}
		var columns = new HashSet<String>();
		var others = new ArrayList<String>();
		for (var cell : row.cells().values()) {
			var name = cell.length() < SHORTEST ? null : Columns.named(cell);
			if (name != null && named(name)) {
				columns.add(name);
			}
			else if (name != null) {
				others.add(name);
			}
		}
		if (!columns.containsAll(Columns.REQUIRED) && columns.size() >= 2) {
			for (var name : others) {
				var meant = Columns.meant(name);
				if (meant != null && meant.surely()) {
					columns.add(meant.column());
				}
			}
		}
		if (!columns.containsAll(Columns.REQUIRED)) {
			return false;
		}
		var otherwise = new ArrayList<String>();
		for (var column : this.header) {
			var cell = row.cells().get(column);
			if (cell != null && !cell.isBlank() && !column.equals(SheetRow.UNNAMED)) {
				var named = column(cell);
				if (!column.equals(named)) {
					// a value of a column Kvali does not read, or a reference, is not repeated back: it may be a
					// person's name (a review's)
					boolean shown = Columns.ALL.contains(column) && !column.equals(Columns.PARTICIPANT_REF);
					var what = named != null ? named
							: shown ? "'" + Text.preview(Text.oneLine(cell), 40) + "'" : "a value";
					otherwise.add(what + " under " + column);
				}
			}
		}
		if (!otherwise.isEmpty()) {
			this.reordered = true;
			this.errors.add(new ImportMessage(row.row(), null, null, "The row is a header again, naming the columns"
					+ " otherwise than the first (" + String.join(", ", otherwise.subList(0, Math.min(NAMED,
							otherwise.size()))) + (otherwise.size() > NAMED ? ", ..." : "") + "): the rows after it"
					+ " may stand in other columns, and are not read; put them in the first header's order, or send"
					+ " them as a sheet of their own"));
		}
		else if (this.repeats++ == 0) {
			this.repeatWarning = new ImportMessage(row.row(), null, null, "The row repeats the header: it is skipped,"
					+ " as sheets put one after another repeat it");
			this.warnings.add(this.repeatWarning);
		}
		return true;
	}

	/**
	 * The column a cell names: one of the first header's, or Kvali's, by its name, or by another name surely meant
	 * for it ("sex" for gender); null for any other text.
	 */
	private String column(String cell) {
		var named = Columns.named(cell);
		if (named(named)) {
			return named;
		}
		var meant = Columns.meant(named);
		return meant != null && meant.surely() ? meant.column() : null;
	}

	/** Whether a header in another order was met: no row after it is read. */
	boolean reordered() {
		return this.reordered;
	}

	/** The warning of the rows repeating the header, told how many there were (a sheet of three told of one). */
	void count() {
		if (this.repeats > 1) {
			this.warnings.set(this.warnings.indexOf(this.repeatWarning), new ImportMessage(this.repeatWarning.row(),
					null, null, "The row repeats the header, as " + this.repeats + " rows do (the first shown): they"
							+ " are skipped, as sheets put one after another repeat it"));
		}
	}

	private boolean named(String name) {
		return this.names.contains(name) || Columns.ALL.contains(name);
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
