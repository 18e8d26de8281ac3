package org.kvali.intake;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.kvali.graphql.Dates;

/** How a row's date cells are read: a day in ISO or dotted form, perhaps a point in time, or with slashes as told. */
final class RowDates {

	/**
	 * A date, then a time of day: hours and minutes, seconds and their fraction if any, morning or afternoon, and the
	 * offset from UTC of a point in time (Z, UTC, +04:00, +0400, +04).
	 */
	private static final Pattern DATE_AND_TIME = Pattern
		.compile("([^ T]{8,10})[ T]((?:[01]?\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d{1,9})?)?)"
				+ "(?: ?([AaPp])\\.?[Mm]\\.?)?(?: ?(Z|UTC|[+-]\\d{2}(?::?\\d{2})?))?");

	/** The error for a date's form with no such day. */
	static final String NO_DAY = "Not a day the calendar has; write 2024-07-18 or 18.07.2024";

	/** A date saved as the number a spreadsheet keeps for it (45352 is 2024-03-01). */
	private static final Pattern SPREADSHEET_DAY = Pattern.compile("(\\d{5})(?:\\.\\d+)?");

	/** A short date whose year has two digits (5/3/25, 05.03.25), which may be of either century. */
	private static final Pattern SHORT_YEAR = Pattern.compile("\\d{1,2}([./-])\\d{1,2}\\1(\\d{2})");

	private final SheetRow sheetRow;

	private final CellText cells;

	private final ZoneId zone;

	private final SlashedDates slashed;

	RowDates(SheetRow row, CellText cells, ZoneId zone, SlashedDates slashed) {
		this.sheetRow = row;
		this.cells = cells;
		this.slashed = slashed;
		this.zone = zone;
	}

	/** The day a date cell gives; null where it is empty, refused, or waits for the sheet ({@link SlashedDates}). */
	LocalDate date(String column) {
		var value = this.cells.text(column);
		if (value == null) {
			return null;
		}
		var time = value.length() > 10 ? DATE_AND_TIME.matcher(value) : null;
		boolean timed = time != null && time.matches();
		var day = timed ? time.group(1) : value;
		var date = day.contains(".") ? Dates.dotted(day) : Dates.iso(day);
		var point = timed && time.group(4) != null ? PointInTime.of(time.group(2), time.group(3), time.group(4))
				: null;
		boolean slashes = date == null && SlashedDates.slashed(day);
		if (point != null && point.offset() == null && (date != null || slashes)) {
			error(column, value, "Not an offset from UTC (" + time.group(4) + "): one of -18:00 to +18:00, as"
					+ " +04:00, or the day alone; write 2024-07-18 or 18.07.2024");
			return null;
		}
		// a point in time is the day it was where the programmes run; one that waits waits as that day, either way
		// it is read
		UnaryOperator<LocalDate> there = point == null ? UnaryOperator.identity() : written -> point.day(written,
				this.zone);
		if (slashes) {
			date = this.slashed.read(this.sheetRow.row(), column, value, day, there,
					problem -> error(column, value, problem));
			if (date == null) {
				return null;
			}
		}
		if (date != null) {
			date = there.apply(date);
		}
		// a time of day is a fraction of the day's number (45352.5 is noon)
		var serial = date == null ? SPREADSHEET_DAY.matcher(value) : null;
		var numbered = serial != null && serial.matches()
				? ExcelDays.spreadsheetDay(Long.parseLong(serial.group(1))) : null;
		if (numbered != null && numbered.getYear() >= Dates.FIRST_YEAR && numbered.getYear() <= Dates.LAST_YEAR) {
			// not read as that day: the sheet was saved with the column as numbers, and may hold others so
			error(column, value, "A spreadsheet's number for the day " + numbered + ", not a date: save the column as"
					+ " dates (Format Cells, Date), or write 2024-07-18");
			return null;
		}
		if (date == null) {
			// a day the calendar does not have (2025-02-30), or another form
			var shortYear = SHORT_YEAR.matcher(day);
			error(column, value, Dates.dateForm(day) ? NO_DAY
					: shortYear.matches() ? "The year has two digits (" + shortYear.group(2) + "), which may be of"
							+ " either century: write all four, as 2024-07-18 or 18.07.2024"
					: "Not a date; write 2024-07-18 or 18.07.2024");
			return null;
		}
		if (date.getYear() < Dates.FIRST_YEAR || date.getYear() > Dates.LAST_YEAR) {
			error(column, value, "A date between " + Dates.FIRST_YEAR + " and " + Dates.LAST_YEAR + " is expected");
			return null;
		}
		return date;
	}

	private void error(String column, String value, String message) {
		this.cells.error(column, value, message);
	}

}
