package org.kvali.intake;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.kvali.graphql.CodeRule;
import org.kvali.graphql.Dates;
import org.kvali.graphql.Text;

/**
 * What a sheet's rows show beside attendance: rows not read (hidden, longer than the header, of totals), rows of text
 * in one cell alone (a title, a note), and what is warned of once a sheet at the first row that shows it (a row short
 * of the header, a formula without a saved result, a code a workbook holds as a date, a value in a column without a
 * name). {@link RowIntake} asks it of each row.
 */
final class SheetRemarks {

	/**
	 * A cell that heads a row of totals, in English, Georgian or Russian, and perhaps the count beside it. Its runs
	 * are possessive: given back a character at a time, "total" and 80,000 spaces took 19 s, growing with their
	 * square, before the cell's length was checked (a review's).
	 */
	private static final Pattern TOTALS = Pattern.compile(
			"(grand\\s++|sub-?\\s*+)?(total|totals|sum|სულ|ჯამი|სულ ჯამი|итого|всего)"
					+ "(\\s++(participants|people|persons|attendees|მონაწილე|მონაწილეები|участников))?"
					+ "\\s*+:?\\s*+\\d*+",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	/** The columns of a person's: a row holding one of them alone is a person's, left without their activity. */
	private static final Set<String> PERSONAL = Set.of(Columns.PARTICIPANT_REF, Columns.GENDER, Columns.BIRTH_YEAR,
			Columns.DISABILITY, Columns.HOME_MUNICIPALITY);

	private final List<ImportMessage> warnings;

	/** Whether a value under a column without a name was warned of: once a sheet. */
	private boolean unnamedTold;

	/** Rows of text in one cell alone ({@link #note}), warned of once, at the first. */
	private int notes;

	private ImportMessage noteWarning;

	/** Whether a row that stops short of the header's columns was warned of: once a sheet. */
	private boolean shortTold;

	/** Whether a formula read as empty for want of a saved result was warned of: once a sheet. */
	private boolean unsavedTold;

	/** Whether a code a workbook holds as a date was warned of: once a sheet. */
	private boolean datedTold;

	SheetRemarks(List<ImportMessage> warnings) {
		this.warnings = warnings;
	}

	/** The error of a row whose values are not read: hidden, longer than the header, or a row of totals; else null. */
	static ImportMessage unread(SheetRow row) {
		if (row.hidden()) {
			// a filter's hidden rows, absentees say, were loaded as if shown
			return new ImportMessage(row.row(), null, null, "The row is hidden in the workbook (by a filter or Hide),"
					+ " and the sheet is read as a whole: delete the rows not to be loaded, or show them, and send the"
					+ " workbook again");
		}
		if (row.overlong()) {
			// past an unquoted separator every value stands in the next column: each told wrong named a problem the
			// row does not have (a title of "Budget, planning" was told 9 of them: a tester's)
			return new ImportMessage(row.row(), null, null, "The row has more cells than the header has columns: a"
					+ " value holding the separator belongs in quotes, and a note beside the table under a column"
					+ " name; the row's values are not read until then, since they may stand in the wrong columns");
		}
		var total = totalsWord(row);
		return total == null ? null : new ImportMessage(row.row(), null, total, "The row looks like a row of totals:"
				+ " a sheet lists the people, one a row, and Kvali counts them; remove it");
	}

	/**
	 * Whether the row holds text in one cell alone, which no code nor a word of totals is, and not under a column of
	 * a person's: a title between sheets pasted one after another ("Attendance 14 March"), or a note below the table,
	 * skipped with a warning at the first, which tells how many there were (each was refused with a code's rule and
	 * three cells "Required": a tester's). Its text is not told back: it may be a name. A data row names a person,
	 * an activity, a project and a gender; a code alone, or a person's reference, gender, birth year or home alone (a
	 * person left without their activity: a review's), is an error of its row.
	 */
	boolean note(SheetRow row) {
		Map.Entry<String, String> lone = null;
		for (var cell : row.cells().entrySet()) {
			if (!Text.blank(cell.getValue())) {
				if (lone != null) {
					return false;
				}
				lone = cell;
			}
		}
		if (lone == null || PERSONAL.contains(lone.getKey()) || CodeRule.isCode(Text.trim(lone.getValue()))
				|| TOTALS.matcher(Text.trim(lone.getValue())).matches()) {
			return false;
		}
		if (this.notes++ == 0) {
			this.noteWarning = new ImportMessage(row.row(), null, null, "The row holds text in one cell alone, as a"
					+ " title or a note does: it is not read");
			this.warnings.add(this.noteWarning);
		}
		return true;
	}

	/** What is warned of once a sheet, at the first row that shows it. */
	void remark(SheetRow row) {
		if (!this.shortTold && row.lacking() > 0) {
			// a spreadsheet saves every separator of a row; a row without some was written by hand, or lost one
			this.warnings.add(new ImportMessage(row.row(), null, null, "The row stops " + row.lacking() + " column"
					+ (row.lacking() == 1 ? "" : "s") + " short of the header (the first such row): those are read as"
					+ " empty; if a separator is missing, the values after it stand in the wrong columns"));
			this.shortTold = true;
		}
		if (!this.unsavedTold && !row.unsaved().isEmpty()) {
			var column = row.unsaved().keySet().stream().sorted().findFirst().orElseThrow();
			// a reference's formula is not repeated back, as a reference is not: it may hold a name
			var shown = Columns.PARTICIPANT_REF.equals(column) ? null : Text.preview("=" + row.unsaved().get(column), 40);
			this.warnings.add(new ImportMessage(row.row(), column, shown,
					"A formula without a saved result is read as empty (the first such cell): a workbook written by a"
							+ " program keeps formulas uncomputed until a spreadsheet program saves it; open and save it"
							+ " there, or write the value itself"));
			this.unsavedTold = true;
		}
		if (!this.datedTold && !row.dated().isEmpty()) {
			var column = Columns.CODES.stream().filter(row.dated()::contains).findFirst().orElseThrow();
			// a spreadsheet's date of 1-2 typed as a reference was stored as 2-Jan, one person's 1-2 of the CSV
			// export another (a tester's)
			this.warnings.add(new ImportMessage(row.row(), column, row.cells().get(column), "The workbook holds a date"
					+ " here, read as it shows it (the first such cell): a spreadsheet makes a date of a code typed as"
					+ " 1-2 or 1/2, and shows it as it likes; if it is no date, format the column as text, type the"
					+ " codes again and send the workbook again"));
			this.datedTold = true;
		}
	}

	/** Warns, at the first row that shows one, of a value under a column without a name. */
	void unnamed(SheetRow row) {
		if (!this.unnamedTold && row.cells().containsKey(SheetRow.UNNAMED)) {
			// not repeated back: it may be anything, a person's name too
			this.warnings.add(new ImportMessage(row.row(), null, null, "A column without a name holds a value here "
					+ "(the first such row): it is ignored; name the column if it belongs to the sheet"));
			this.unnamedTold = true;
		}
	}

	/** Ends the sheet: the warning of rows of text in one cell alone tells how many there were. */
	void end() {
		if (this.notes > 1) {
			this.warnings.set(this.warnings.indexOf(this.noteWarning), new ImportMessage(this.noteWarning.row(), null,
					null, "The row holds text in one cell alone, as a title or a note does, as " + this.notes
							+ " rows do (the first shown): they are not read"));
		}
	}

	/**
	 * The cell that marks a row as a row of totals ("Total", "Subtotal", "სულ:", "Total participants: 2"), where no
	 * person is named (a count is, or the word itself, under participant_ref) nor their gender; null for any other
	 * row. A person's reference may be a
	 * number, and an activity's title a word of totals (a review's).
	 */
	private static String totalsWord(SheetRow row) {
		var ref = row.cells().get(Columns.PARTICIPANT_REF);
		var gender = row.cells().getOrDefault(Columns.GENDER, "").strip();
		if (ref != null && !ref.isEmpty() && Dates.digits(ref, 0, ref.length()) < 0 && !TOTALS.matcher(ref).matches()
				|| !gender.isEmpty() && Dates.digits(gender, 0, gender.length()) < 0) {
			return null;
		}
		for (var value : row.cells().values()) {
			if (!value.isEmpty() && !Character.isDigit(value.charAt(0)) && TOTALS.matcher(value).matches()) {
				return value;
			}
		}
		return null;
	}

}
