package org.kvali.intake;

import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;

import org.kvali.geography.PlaceNames;

import org.springframework.http.HttpStatus;

/**
 * Takes a sheet's rows as they are read: checks the header, checks each row on its own (values, required cells,
 * municipalities) and sends it to the staging table. It keeps the errors and warnings, not the rows, but those held
 * back until the sheet tells how to read their slashed dates ({@link HeldRows}), of a few cells each.
 */
final class RowIntake implements SheetSink {

	/** The most errors of the rows kept, twice as many as a report lists ({@link ImportReport#ERRORS}). */
	static final int KEPT_ERRORS = 2 * ImportReport.ERRORS;

	private final ImportLimits limits;

	private final int thisYear = Year.now().getValue();

	/** Where the programmes run: a date and time given with its offset is the day it was there. */
	private final ZoneId zone;

	private final List<ImportMessage> warnings = new ArrayList<>();

	private final List<ImportMessage> errors = new ArrayList<>();

	private int errorsLeftOut;

	private boolean headerFailed;

	/** The header's row as the sheet shows it ({@link SheetSink#header}). */
	private int headerRow = 1;

	private final SheetRemarks remarks = new SheetRemarks(this.warnings);

	private final RepeatedHeaders repeatedHeaders = new RepeatedHeaders(this.errors, this.warnings);

	private final SlashedDates slashed = new SlashedDates(this.warnings);

	private final HeldRows held;

	private int rows;

	private final WrittenValues written = new WrittenValues();

	private final RowStaging staged;

	RowIntake(ImportLimits limits, PlaceNames municipalities, Staging.Copy staging, ZoneId zone) {
		this.limits = limits;
		this.zone = zone;
		this.staged = new RowStaging(municipalities, staging, this.errors, this.written);
		this.held = new HeldRows(this.slashed, this.errors, this.staged::stage);
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
		if (reading && (this.repeatedHeaders.skipped(row) || this.remarks.note(row))) {
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
		var unread = SheetRemarks.unread(row);
		if (unread != null) {
			this.errors.add(unread);
			return;
		}
		this.remarks.remark(row);
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
		this.remarks.unnamed(row);
		if (!waiting.isEmpty()) {
			this.held.hold(row, checked, flagged, waiting);
			return;
		}
		this.staged.stage(row, checked, flagged);
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
		if (RowStaging.endsBeforeStart(checked)) {
			columns.add(Columns.END_DATE);
		}
		return columns.size() > 1;
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
		this.remarks.end();
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

}
