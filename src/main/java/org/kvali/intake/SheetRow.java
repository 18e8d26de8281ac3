package org.kvali.intake;

import java.util.Map;
import java.util.Set;

/**
 * One data row of a sheet: its number as the user sees it (as the spreadsheet numbers it), its cells by normalized
 * column name, whether it had more values than the header has columns (a CSV file's), or one past its last name (a CSV
 * file's, under a column without a name a spreadsheet saved, or more cells than the header, though empty, beside a
 * value in its last column), how many of the columns read it stopped short of (a CSV file's, 0 in a workbook), the
 * columns whose cell a workbook marks as a formula's error (whatever its text), the formulas of cells read as empty
 * for want of a saved result, by column, the columns of codes whose cell a workbook holds as a date (read as it shows
 * it), and whether a workbook hides the row.
 */
record SheetRow(int row, Map<String, String> cells, boolean overlong, boolean pastNames, int lacking,
		Set<String> failed, Map<String, String> unsaved, Set<String> dated, boolean hidden) {

	/** The column without a name, whose first value is kept under it to be warned of, not read. */
	static final String UNNAMED = "";

	/** Adds a cell: the first of columns named alike, and of those without a name the first holding a value. */
	static void put(Map<String, String> cells, String column, String value) {
		if (!column.equals(UNNAMED) || !value.isEmpty()) {
			cells.putIfAbsent(column, value);
		}
	}

}
