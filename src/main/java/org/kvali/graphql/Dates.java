package org.kvali.graphql;

import java.time.LocalDate;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Days as people write them to Kvali: 2024-07-18, and in sheets 18.07.2024 (or 18.7.2024) too, with a year of four
 * digits. The general parsers read more (+02024-07-18, 18.07.+02024) and took a fifth of the time spent checking a
 * sheet's row.
 */
public final class Dates {

	/** The first and last years Kvali takes in a date or a period. */
	public static final int FIRST_YEAR = 1900;

	public static final int LAST_YEAR = 2100;

	private Dates() {
	}

	/**
	 * A point in time as the IATI file writes it, ISO-8601 in UTC with its seconds also at a whole minute (an
	 * xs:dateTime needs them; the time's own text leaves them out), whichever offset it was read with. The API's
	 * `DateTime` writes milliseconds too ({@code DateTimeScalar}).
	 */
	public static String instant(OffsetDateTime time) {
		return time == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.withOffsetSameInstant(
				ZoneOffset.UTC));
	}

	/** The day written yyyy-MM-dd; null for any other text, or a day the calendar lacks. */
	public static LocalDate iso(String text) {
		if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
			return null;
		}
		return day(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
	}

	/**
	 * The day written dd.MM.yyyy, the day and month in one digit or two (1.3.2025, as a spreadsheet in a Georgian or
	 * Russian locale shows a short date); null for any other text, or a day the calendar lacks.
	 */
	public static LocalDate dotted(String text) {
		int first = text.indexOf('.');
		int second = text.indexOf('.', first + 1);
		if (first < 1 || first > 2 || second - first < 2 || second - first > 3 || text.length() - second != 5) {
			return null;
		}
		return day(digits(text, second + 1, text.length()), digits(text, first + 1, second), digits(text, 0, first));
	}

	/** Whether the text has a date's form, yyyy-MM-dd or dd.MM.yyyy, whether or not the calendar has the day. */
	public static boolean dateForm(String text) {
		return text.matches("\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\.\\d{1,2}\\.\\d{4}");
	}

	/** The number the ASCII digits from {@code from} to {@code to} write; -1 if a character there is no such digit. */
	public static int digits(String text, int from, int to) {
		int number = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			number = 10 * number + (c - '0');
		}
		return number;
	}

	/** The day of these numbers; null where the calendar has none. */
	public static LocalDate day(int year, int month, int day) {
		if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))) {
			return null;
		}
		return LocalDate.of(year, month, day);
	}

}
