package org.kvali.graphql;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * Days as people write them to Kvali: 2024-07-18, and in sheets 18.07.2024 too, with a year of four digits. The
 * general parsers read more (+02024-07-18, 18.07.+02024) and took a fifth of the time spent checking a sheet's row.
 */
public final class Dates {

	/** The first and last years Kvali takes in a date or a period. */
	public static final int FIRST_YEAR = 1900;

	public static final int LAST_YEAR = 2100;

	private Dates() {
	}

	/** The day written yyyy-MM-dd; null for any other text, or a day the calendar lacks. */
	public static LocalDate iso(String text) {
		if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
			return null;
		}
		return day(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
	}

	/** The day written dd.MM.yyyy; null for any other text, or a day the calendar lacks. */
	public static LocalDate dotted(String text) {
		if (text.length() != 10 || text.charAt(2) != '.' || text.charAt(5) != '.') {
			return null;
		}
		return day(digits(text, 6, 10), digits(text, 3, 5), digits(text, 0, 2));
	}

	/** Whether the text has a date's form, yyyy-MM-dd or dd.MM.yyyy, whether or not the calendar has the day. */
	public static boolean dateForm(String text) {
		return text.matches("\\d{4}-\\d{2}-\\d{2}|\\d{2}\\.\\d{2}\\.\\d{4}");
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

	private static LocalDate day(int year, int month, int day) {
		if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))) {
			return null;
		}
		return LocalDate.of(year, month, day);
	}

}
