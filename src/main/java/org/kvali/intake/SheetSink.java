package org.kvali.intake;

import java.util.List;

/** Receives a sheet as its reader streams it: the header once, then each data row that is not blank. */
interface SheetSink {

	/**
	 * The column names of the header row, trimmed and in lower case, in sheet order, and where they were read (a
	 * workbook's sheet, by name; null for a CSV file).
	 */
	void header(List<String> names, String sheet);

	void row(SheetRow row);

	/**
	 * The sheet is refused before its header, for what the workbook holds (two attendance sheets, or one hidden): an
	 * error of the sheet, kept in the import history as the header's are, not a body that cannot be read.
	 */
	void refused(String message);

}
