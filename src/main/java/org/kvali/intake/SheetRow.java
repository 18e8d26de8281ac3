package org.kvali.intake;

import java.util.Map;

/**
 * One data row of a sheet: its number as the user sees it (the header is row 1), its cells by normalized column
 * name, and whether it had more cells than the header.
 */
record SheetRow(int row, Map<String, String> cells, boolean overlong) {
}
