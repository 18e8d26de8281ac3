package org.kvali.intake;

import java.util.HashSet;
import java.util.List;

import org.kvali.graphql.Glyphs;
import org.kvali.graphql.Text;

/**
 * The checks of a sheet's header: how many columns it names and how long their names are, the required ones, one
 * named twice, and those Kvali does not read. Its errors and warnings go with the sheet's.
 */
final class HeaderCheck {

	/** The most columns a header may have: the sheet's 18 and room for a spreadsheet's own. */
	static final int MOST_COLUMNS = 1_000;

	private final int maxCellLength;

	private final List<ImportMessage> errors;

	private final List<ImportMessage> warnings;

	HeaderCheck(int maxCellLength, List<ImportMessage> errors, List<ImportMessage> warnings) {
		this.maxCellLength = maxCellLength;
		this.errors = errors;
		this.warnings = warnings;
	}

	/**
	 * The columns the header of {@code row} names ({@link Columns#named}), its problems added to the errors and
	 * warnings; null when it is no header to read rows by (too many columns, or a name too long).
	 */
	List<String> names(List<String> written, int row, String sheet) {
		var names = written.stream().map(Columns::named).toList();
		// each ignored with a warning, 200,000 names, or 984 of 50,000 characters, made reports of 13 and 49 MB, and
		// the history of a few ran the service out of memory (testers'); columns without a name are passed over, up
		// to as many cells as a workbook's row has: a CSV header of 10 million commas had each row looked at 10
		// million times (a review's)
		long named = names.stream().filter(name -> !name.equals(SheetRow.UNNAMED)).count();
		var longest = written.stream().mapToInt(Text::length).max().orElse(0);
		if (named > MOST_COLUMNS || written.size() > XlsxValues.MAX_ROW_CELLS
				|| longest > this.maxCellLength) {
			var where = row == 1 ? "The first row" : "Row " + row;
			var meant = ": is it the sheet meant, " + (row == 1 ? "its first row" : "that row") + " the header?";
			this.errors.add(new ImportMessage(row, null, null, named > MOST_COLUMNS
					? where + " names " + named + " columns; a sheet has at most " + MOST_COLUMNS + meant
					: written.size() > XlsxValues.MAX_ROW_CELLS ? where + " has " + written.size() + " cells; a"
							+ " header has at most " + XlsxValues.MAX_ROW_CELLS + ", named or empty" + meant
					: where + " holds a name of " + longest + " characters; a column's name has at most "
							+ this.maxCellLength + meant));
			return null;
		}
		var missing = Columns.REQUIRED.stream().filter(required -> !names.contains(required)).toList();
		// no header, a data row as a rule, where it names none of them
		boolean header = missing.size() < Columns.REQUIRED.size();
		for (var required : missing) {
			// a title above the header, or a workbook whose first sheet holds something else, names none of them
			this.errors.add(new ImportMessage(row, required, null, "The required column " + required
					+ " is missing from " + (row == 1 ? "the first row" : "row " + row + " (the header)")
					+ (sheet == null ? "" : " of " + sheet)
					+ (header ? ""
							: ": the columns' names belong in one row, the header: the first with anything in it, or"
									+ " the first below a title of at most three cells")));
		}
		// no header: its cells, a person's name among them, are not told back as columns Kvali does not read, nor
		// named twice (a tester's); a name meant for one of its columns is ("Sex")
		var seen = new HashSet<String>();
		for (int i = 0; i < names.size(); i++) {
			var column = names.get(i);
			if (column.equals(SheetRow.UNNAMED)) {
				// a spreadsheet saves separators past the header's last name when its rows are wider (RowIntake#row)
				continue;
			}
			if (!header) {
				var meant = Columns.meant(column);
				if (!Columns.ALL.contains(column) && (Columns.instead(column) != null
						|| meant != null && meant.surely())) {
					unknown(written.get(i), column, names, row);
				}
			}
			else if (seen.contains(column)) {
				this.errors.add(new ImportMessage(row, column, null, "The column " + column + " appears twice"));
			}
			else if (!Columns.ALL.contains(column)) {
				unknown(written.get(i), column, names, row);
			}
			seen.add(column);
		}
		return names;
	}

	/**
	 * A column Kvali does not read: ignored with a warning, naming the column it may be meant for, or refused where it
	 * surely is meant for one the sheet lacks ("Disability status" for disability), whose values would otherwise be
	 * lost unseen (a tester's). A column maybe meant for one ("Disability type") is not refused: it may be a note.
	 */
	private void unknown(String written, String named, List<String> names, int row) {
		var instead = Columns.instead(named);
		if (instead != null) {
			this.warnings.add(new ImportMessage(row, written, null, "unknown column, ignored: " + instead));
			return;
		}
		var meant = Columns.meant(named);
		if (meant != null && !names.contains(meant.column()) && meant.surely()) {
			this.errors.add(new ImportMessage(row, written, null, "The column " + written + " is not one"
					+ " Kvali reads: did you mean " + meant.column() + "? Name it so, or remove the column"));
		}
		else {
			// a name that looks right is told what makes it another (a Cyrillic е in gender: a tester's)
			var rename = meant == null || names.contains(meant.column()) ? ""
					: "; if it holds the " + meant.column().replace('_', ' ') + ", name it " + meant.column();
			this.warnings.add(new ImportMessage(row, written, null, "unknown column, ignored" + rename
					+ Glyphs.note(written, "name")));
		}
	}

}
