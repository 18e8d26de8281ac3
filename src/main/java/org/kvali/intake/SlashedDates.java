package org.kvali.intake;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

import org.kvali.graphql.Dates;

/**
 * What to write instead of a date with slashes, which a sheet is refused for: 12/3/2025 is 12 March where the day
 * comes first (a spreadsheet in a Georgian or British locale) and 3 December where the month does (an American one),
 * and a sheet cannot tell which. The error names the day or days it may be, so that the sheet is mended in one go.
 */
final class SlashedDates {

	private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");

	private static final Pattern YEAR_MONTH_DAY = Pattern.compile("(\\d{4})/(\\d{1,2})/(\\d{1,2})");

	private static final DateTimeFormatter SPOKEN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

	private SlashedDates() {
	}

	/** The error for a date written with slashes; null for any other text. */
	static String advice(String text) {
		var ymd = YEAR_MONTH_DAY.matcher(text);
		var dmy = DAY_MONTH_YEAR.matcher(text);
		boolean yearFirst = ymd.matches();
		if (!yearFirst && !dmy.matches()) {
			return null;
		}
		int year = Integer.parseInt(yearFirst ? ymd.group(1) : dmy.group(3));
		if (year < Dates.FIRST_YEAR || year > Dates.LAST_YEAR) {
			return "A date between " + Dates.FIRST_YEAR + " and " + Dates.LAST_YEAR + " is expected";
		}
		if (yearFirst) {
			var day = day(ymd.group(1), ymd.group(2), ymd.group(3));
			return day == null ? RowChecker.NO_DAY
					: "Slashes are not read; write " + day + " (" + SPOKEN.format(day) + ")";
		}
		var dayFirst = day(dmy.group(3), dmy.group(2), dmy.group(1));
		var monthFirst = day(dmy.group(3), dmy.group(1), dmy.group(2));
		if (dayFirst != null && monthFirst != null && !dayFirst.equals(monthFirst)) {
			return "Day or month first? " + text + " is " + SPOKEN.format(dayFirst) + " or " + SPOKEN.format(monthFirst)
					+ ": write " + dayFirst + " or " + monthFirst + " (slashes are not read, being either)";
		}
		var only = dayFirst != null ? dayFirst : monthFirst;
		return only == null ? RowChecker.NO_DAY : text + " can only be " + SPOKEN.format(only) + ": write " + only
				+ " (slashes are not read, as they put the day or the month first)";
	}

	private static LocalDate day(String year, String month, String day) {
		return Dates.day(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
	}

}
