package org.kvali.intake;

import java.util.Map;

/**
 * One data row of a sheet: its number as the user sees it (the header is row 1), its cells by normalized column
 * name, and whether it had more cells than the header.
 */
record SheetRow(int row, Map<String, String> cells, boolean overlong) {

	/** The column without a name, whose first value is kept under it to be warned of, not read. */
	static final String UNNAMED = "";

	/** Adds a cell: the first of columns named alike, and of those without a name the first holding a value. */
	static void put(Map<String, String> cells, String column, String value) {
		if (!column.equals(UNNAMED) || !value.isEmpty()) {
			cells.putIfAbsent(column, value);
		}
	}

}
