package org.kvali.intake;

import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.kvali.geography.PlaceNames;
import org.kvali.graphql.Dates;
import org.kvali.graphql.Glyphs;
import org.kvali.graphql.Text;
import org.kvali.graphql.Validation;

import org.springframework.http.HttpStatus;

/**
 * Takes a sheet's rows as they are read: checks the header, checks each row on its own (values, required cells,
 * municipalities) and sends it to the staging table. It keeps the errors and warnings, not the rows, but those held
 * back until the sheet tells how to read their slashed dates ({@link HeldRows}), of a few cells each.
 */
final class RowIntake implements SheetSink {

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

	/** The most errors of the rows kept, twice as many as a report lists ({@link ImportReport#ERRORS}). */
	static final int KEPT_ERRORS = 2 * ImportReport.ERRORS;

	private final ImportLimits limits;

	private final PlaceNames municipalities;

	private final Staging.Copy staging;

	private final int thisYear = Year.now().getValue();

	/** Where the programmes run: a date and time given with its offset is the day it was there. */
	private final ZoneId zone;

	private final List<ImportMessage> warnings = new ArrayList<>();

	private final List<ImportMessage> errors = new ArrayList<>();

	private int errorsLeftOut;

	private boolean headerFailed;

	/** The header's row as the sheet shows it ({@link SheetSink#header}). */
	private int headerRow = 1;

	private boolean unnamedTold;

	private final RepeatedHeaders repeatedHeaders = new RepeatedHeaders(this.errors, this.warnings);

	private final SlashedDates slashed = new SlashedDates(this.warnings);

	private final HeldRows held = new HeldRows(this.slashed, this.errors, this::stage);

	/** Rows of text in one cell alone ({@link #note}), warned of once, at the first. */
	private int notes;

	private ImportMessage noteWarning;

	/** Whether a row that stops short of the header's columns was warned of: once a sheet. */
	private boolean shortTold;

	/** Whether a formula read as empty for want of a saved result was warned of: once a sheet. */
	private boolean unsavedTold;

	/** Whether a code a workbook holds as a date was warned of: once a sheet. */
	private boolean datedTold;

	private int rows;

	private final WrittenValues written = new WrittenValues();

	RowIntake(ImportLimits limits, PlaceNames municipalities, Staging.Copy staging, ZoneId zone) {
		this.limits = limits;
		this.zone = zone;
		this.municipalities = municipalities;
		this.staging = staging;
	}

	@Override
	public List<String> header(List<String> written, int row, String sheet) {
		this.headerRow = row;
		var names = new HeaderCheck(this.limits.maxCellLength(), this.errors, this.warnings).names(written, row, sheet);
		if (names == null) {
			this.headerFailed = true;
			// the rows after it are counted, not read
			return List.of();
		}
		this.headerFailed = !this.errors.isEmpty();
		this.repeatedHeaders.header(names);
		return names;
	}

	@Override
	public void row(SheetRow row) {
		leaveOutErrors();
		boolean reading = !this.headerFailed && !this.repeatedHeaders.reordered();
		if (reading && (this.repeatedHeaders.skipped(row) || note(row))) {
			// no data row: not counted, it was reported as a participation unchanged
			return;
		}
		if (++this.rows > this.limits.maxRows()) {
			throw new SheetException(HttpStatus.PAYLOAD_TOO_LARGE,
					"The sheet has more than " + this.limits.maxRows() + " rows; split it into smaller sheets");
		}
		if (!reading) {
			return;
		}
		var unread = unread(row);
		if (unread != null) {
			this.errors.add(unread);
			return;
		}
		remark(row);
		int before = this.errors.size();
		boolean told = this.slashed.decided();
		var checked = RowChecker.check(row, this.limits.maxCellLength(), this.thisYear, this.zone, this.slashed,
				this.errors);
		var waiting = this.slashed.taken();
		var flagged = columnsSince(before);
		if (row.pastNames() && shifted(flagged, checked)) {
			// a value under a column without a name that a spreadsheet saved past the header's names, and values that
			// fit no column of theirs: an unquoted comma shifted the row, each value told wrong (a tester's 10
			// errors); one value wrong beside a note there is that value's error. Nor does such a row's date tell
			// the sheet's order of day and month (a review's).
			this.errors.subList(before, this.errors.size()).clear();
			if (!told && this.slashed.decided()) {
				this.slashed.untell();
			}
			this.errors.add(new ImportMessage(row.row(), null, null, "The row has more cells than the header has named"
					+ " columns, and values that do not fit their columns: a value holding the separator belongs in"
					+ " quotes, or the values after it stand in the wrong columns; the row's values are not read until"
					+ " then"));
			return;
		}
		if (!this.unnamedTold && row.cells().containsKey(SheetRow.UNNAMED)) {
			// not repeated back: it may be anything, a person's name too
			this.warnings.add(new ImportMessage(row.row(), null, null, "A column without a name holds a value here "
					+ "(the first such row): it is ignored; name the column if it belongs to the sheet"));
			this.unnamedTold = true;
		}
		if (!waiting.isEmpty()) {
			this.held.hold(row, checked, flagged, waiting);
			return;
		}
		stage(row, checked, flagged);
		if (!told && this.slashed.decided()) {
			this.held.told();
		}
	}

	/**
	 * Whether a row with a value past the header's names has values that fit more than one of their columns: its
	 * errors' columns, and an end before its start.
	 */
	private static boolean shifted(List<String> flagged, AttendanceRow checked) {
		var columns = new HashSet<>(flagged);
		if (endsBeforeStart(checked)) {
			columns.add(Columns.END_DATE);
		}
		return columns.size() > 1;
	}

	private static boolean endsBeforeStart(AttendanceRow checked) {
		return checked.startDate() != null && checked.endDate() != null
				&& checked.endDate().isBefore(checked.startDate());
	}

	/** The error of a row whose values are not read: hidden, longer than the header, or a row of totals; else null. */
	private static ImportMessage unread(SheetRow row) {
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
	private boolean note(SheetRow row) {
		Map.Entry<String, String> lone = null;
		for (var cell : row.cells().entrySet()) {
			if (!Text.blank(cell.getValue())) {
				if (lone != null) {
					return false;
				}
				lone = cell;
			}
		}
		if (lone == null || PERSONAL.contains(lone.getKey()) || Validation.isCode(Text.trim(lone.getValue()))
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
	private void remark(SheetRow row) {
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

	/** The columns of the errors found since the first {@code before}. */
	private List<String> columnsSince(int before) {
		var columns = new ArrayList<String>();
		for (var error : this.errors.subList(before, this.errors.size())) {
			if (error.column() != null) {
				columns.add(error.column());
			}
		}
		return columns;
	}

	/**
	 * Ends the sheet: the rows still held back, their dates refused, as no date of the sheet told how to read them;
	 * the warning of rows repeating the header told how many there were.
	 */
	void end() {
		this.held.end();
		this.repeatedHeaders.count();
		if (this.notes > 1) {
			this.warnings.set(this.warnings.indexOf(this.noteWarning), new ImportMessage(this.noteWarning.row(), null,
					null, "The row holds text in one cell alone, as a title or a note does, as " + this.notes
							+ " rows do (the first shown): they are not read"));
		}
	}

	/**
	 * Stages a row checked, its dates as the sheet told ({@link HeldRows}), its municipalities read, {@code flagged}
	 * naming the columns of its errors so far.
	 */
	private void stage(SheetRow row, AttendanceRow checked, List<String> flagged) {
		if (endsBeforeStart(checked)) {
			this.errors.add(new ImportMessage(row.row(), Columns.END_DATE, RowChecker.shown(row, Columns.END_DATE),
					"The end date is before the start date " + checked.startDate()));
			flagged.add(Columns.END_DATE);
		}
		var venue = municipality(row, Columns.VENUE_MUNICIPALITY, checked.venueMunicipality(), flagged);
		var home = municipality(row, Columns.HOME_MUNICIPALITY, checked.homeMunicipality(), flagged);
		var based = municipality(row, Columns.ORGANIZATION_MUNICIPALITY, checked.organizationMunicipality(), flagged);
		read(row, Columns.GENDER, checked.gender());
		read(row, Columns.ACTIVITY_KIND, checked.activityKind());
		read(row, Columns.ORGANIZATION_KIND, checked.organizationKind());
		read(row, Columns.ROLE, checked.role());
		read(row, Columns.VENUE_MUNICIPALITY, venue);
		read(row, Columns.HOME_MUNICIPALITY, home);
		read(row, Columns.ORGANIZATION_MUNICIPALITY, based);
		read(row, Columns.DISABILITY, checked.disability());
		read(row, Columns.START_DATE, checked.startDate());
		read(row, Columns.END_DATE, checked.endDate());
		required(row, Columns.ACTIVITY_CODE, checked.activityCode(), flagged);
		required(row, Columns.PROJECT_CODE, checked.projectCode(), flagged);
		required(row, Columns.PARTICIPANT_REF, checked.participantRef(), flagged);
		required(row, Columns.GENDER, checked.gender(), flagged);
		this.staging.add(checked.placed(venue, home, based), flagged);
	}

	@Override
	public void above(int first, int header) {
		var rows = switch (header - first) {
			case 1 -> "row " + first + " above it (a title, say) is";
			case 2 -> "rows " + first + " and " + (first + 1) + " above it (a title, say) are";
			default -> "rows " + first + " to " + (header - 1) + " above it (a title, say) are";
		};
		this.warnings.add(new ImportMessage(first, null, null, "The header is row " + header + ", the first to name the"
				+ " required columns: " + rows + " not read"));
	}

	@Override
	public void hiddenColumns(List<String> names) {
		if (this.headerFailed) {
			// no header: its "names" may be a first row of data, a person's name among them (a review's)
			return;
		}
		for (var name : names) {
			this.warnings.add(new ImportMessage(this.headerRow, name, null, "The column is hidden in the workbook; its"
					+ " values are read all the same: delete it if they are not to be loaded"));
		}
	}

	@Override
	public void refused(String message) {
		this.errors.add(new ImportMessage(1, null, null, message));
		this.headerFailed = true;
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

	private void read(SheetRow row, String column, Object value) {
		var cell = row.cells().get(column);
		if (cell != null) {
			this.written.read(column, value, Text.oneLine(cell).strip());
		}
	}

	/** How the sheet writes the values of the columns whose values are read into Kvali's words and codes. */
	WrittenValues written() {
		return this.written;
	}

	/** Data rows read, blank rows not counted. */
	int rows() {
		return this.rows;
	}

	/** The warnings, in the order of the rows they were first met at. */
	List<ImportMessage> warnings() {
		return this.warnings;
	}

	/** Whether the sheet was refused at its header (or before it): no row was read, and nothing was staged. */
	boolean headerFailed() {
		return this.headerFailed;
	}

	/**
	 * The errors found so far, the first {@link #KEPT_ERRORS} in the order of the rows; the header's errors alone when
	 * the header failed.
	 */
	List<ImportMessage> errors() {
		leaveOutErrors();
		return this.errors;
	}

	/** How many errors were found past those {@link #errors} keeps. */
	int errorsLeftOut() {
		leaveOutErrors();
		return this.errorsLeftOut;
	}

	/**
	 * Counts the errors of the rows read past those kept, and lets them go: a report lists the first 10,000 by row,
	 * which the rows' own come before, and a sheet of 250,000 rows of ten errors each held 965 MB of them (a review's).
	 */
	private void leaveOutErrors() {
		if (this.errors.size() > KEPT_ERRORS) {
			if (this.held.reordered()) {
				// those of rows held back for their dates came after later rows' (a review's)
				this.errors.sort(Comparator.comparing(ImportMessage::row, Comparator.nullsFirst(
						Comparator.naturalOrder())));
			}
			this.errorsLeftOut += this.errors.size() - KEPT_ERRORS;
			this.errors.subList(KEPT_ERRORS, this.errors.size()).clear();
		}
	}

	private String municipality(SheetRow row, String column, String value, List<String> flagged) {
		if (value == null) {
			return null;
		}
		var code = this.municipalities.code(value);
		if (code == null) {
			flagged.add(column);
			var region = this.municipalities.region(value);
			var nearest = region == null ? this.municipalities.nearest(value) : null;
			this.errors.add(new ImportMessage(row.row(), column, value, region != null
					? region + " is a region: give the municipality, by its code or name"
					: "No municipality has this code or name"
							+ (nearest == null ? "" : "; did you mean " + nearest + "?")
							+ Glyphs.note(value, "value")));
		}
		return code;
	}

	/** A cell every row fills, left empty: refused, saying what to write there (a tester found "Required" terse). */
	private void required(SheetRow row, String column, Object value, List<String> flagged) {
		if (value == null && !flagged.contains(column)) {
			this.errors.add(new ImportMessage(row.row(), column, null, "Required: " + switch (column) {
				case Columns.ACTIVITY_CODE -> "the activity's code, the same on every row of one activity";
				case Columns.PROJECT_CODE -> "the code of the activity's project";
				case Columns.PARTICIPANT_REF -> "the person's pseudonymous reference, never their name";
				case Columns.GENDER -> "female, male, other or undisclosed (or F, M)";
				default -> throw new IllegalArgumentException("No required column " + column);
			}));
		}
	}

}
