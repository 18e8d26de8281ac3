package org.kvali.intake;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The day number a spreadsheet program keeps an ISO date or date and time as, which {@link IsoDateCells} writes in
 * place of a dated cell's text. It reads the text alone, needing none of the XML the cell is streamed through.
 *
 * @param epoch the first day of the workbook's date system ({@link ExcelDays})
 * @param zone where the programmes run: a date and time given with its offset is the day it was there
 */
record IsoDayNumbers(LocalDate epoch, ZoneId zone) {

	/**
	 * A date, and a time of day and an offset from UTC: a point in time is the day it was where the programmes run, as
	 * in a CSV sheet ({@link RowChecker}); a time without an offset is of the day written.
	 */
	private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})"
			+ "(?:T(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?)?(Z|[+-]\\d{2}(?::?\\d{2})?)?");

	private static final BigDecimal SECONDS_A_DAY = BigDecimal.valueOf(86_400);

	/**
	 * The day number of the ISO date or date and time {@code text}, counted from the epoch; null for anything else, or
	 * a date outside the years dates may be in.
	 */
	String of(String text) {
		var iso = ISO.matcher(text);
		if (!iso.matches()) {
			return null;
		}
		int hours = number(iso, text, 4);
		int minutes = number(iso, text, 5);
		int seconds = number(iso, text, 6);
		LocalDateTime written;
		try {
			written = LocalDateTime.of(LocalDate.of(number(iso, text, 1), number(iso, text, 2), number(iso, text, 3)),
					LocalTime.of(hours, minutes, seconds));
			// a date alone is the day written, with an offset or without
			if (iso.group(7) != null && iso.group(4) != null) {
				written = OffsetDateTime.of(written, ZoneOffset.of(iso.group(7)))
					.atZoneSameInstant(this.zone)
					.toLocalDateTime();
			}
		}
		catch (DateTimeException ex) {
			// no day the calendar has, no time a clock shows, or no offset one has (+19): text, refused as such
			return null;
		}
		long days = ExcelDays.number(written.toLocalDate(), this.epoch);
		if (days < 0) {
			return null;
		}
		long time = written.toLocalTime().toSecondOfDay();
		if (time == 0) {
			return Long.toString(days);
		}
		var fraction = BigDecimal.valueOf(time).divide(SECONDS_A_DAY, 10, RoundingMode.HALF_EVEN);
		return BigDecimal.valueOf(days).add(fraction).stripTrailingZeros().toPlainString();
	}

	/** The digits the group of {@code text}'s match has, 0 where it matched nothing. */
	private static int number(Matcher iso, String text, int group) {
		int start = iso.start(group);
		return start < 0 ? 0 : Integer.parseInt(text, start, iso.end(group), 10);
	}

}
