package org.kvali.intake;

import java.util.List;

/** Receives a sheet as its reader streams it: the header once, then each data row that is not blank. */
interface SheetSink {

	/**
	 * The names of the header row as written (trimmed), in sheet order, its number as the sheet shows it (the first
	 * row to name the required columns after titles alone, else the row {@link Columns#headerAmong} gives), and where
	 * they were read (a workbook's sheet, by name; null for a CSV file); returns
	 * the columns they name ({@link Columns#named}), which the rows' cells are put under.
	 */
	List<String> header(List<String> written, int row, String sheet);

	void row(SheetRow row);

	/** The rows from {@code first} to the header's row {@code header} (excluded), a title say, are passed over. */
	void above(int first, int header);

	/**
	 * The sheet is refused before its header, for what the workbook holds (two attendance sheets, or one hidden): an
	 * error of the sheet, kept in the import history as the header's are, not a body that cannot be read.
	 */
	void refused(String message);

	/** Columns of the header a workbook hides, by name: read all the same, and warned of. */
	void hiddenColumns(List<String> names);

}
