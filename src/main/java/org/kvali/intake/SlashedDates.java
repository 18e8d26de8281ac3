package org.kvali.intake;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.kvali.graphql.Dates;

/**
 * A sheet's dates written with slashes, read as the sheet itself shows them: 12/3/2025 is 12 March where the day comes
 * first (a spreadsheet in a Georgian or British locale) and 3 December where the month does (an American one). A date
 * one reading alone makes a day (13/10/2025) tells which comes first, and the sheet's others are read so (every one was
 * refused, and a partner exporting from an English spreadsheet wrote them all again: a tester's). Until one tells, a
 * date both readings make a day waits ({@link #taken}); one no date of the sheet tells, or read the other way round
 * than the first that told, is refused, naming the days it may be. The year first (2025/3/1) is read as it is.
 */
final class SlashedDates {

	private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");

	private static final Pattern YEAR_MONTH_DAY = Pattern.compile("(\\d{4})/(\\d{1,2})/(\\d{1,2})");

	private static final DateTimeFormatter SPOKEN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

	/**
	 * A cell whose date waits for the sheet to tell which comes first: its column, its text, and the two days it may
	 * be where the programmes run.
	 */
	record Waiting(String column, String text, LocalDate dayFirst, LocalDate monthFirst) {
	}

	/** The date that told which comes first: whether the day does, the date and its row. */
	private record Told(boolean dayFirst, String text, int row) {
	}

	private final List<ImportMessage> warnings;

	/** Null until a date tells. */
	private Told told;

	/** The warning telling how the sheet's dates are read. */
	private ImportMessage toldWarning;

	/** The cells of the row being read that wait. */
	private final List<Waiting> waiting = new ArrayList<>();

	SlashedDates(List<ImportMessage> warnings) {
		this.warnings = warnings;
	}

	/** Whether the text is a date with slashes, the year first or last. */
	static boolean slashed(String text) {
		return text.indexOf('/') > 0 && (DAY_MONTH_YEAR.matcher(text).matches()
				|| YEAR_MONTH_DAY.matcher(text).matches());
	}

	/**
	 * The day the slashed date {@code text} of a row's cell (written as {@code cell}, with a time perhaps) is; null
	 * where it is none ({@code error} told why), or where it waits, as either day it may be is {@code there} (a time
	 * with its offset from UTC may make the next or the day before of it, where the programmes run).
	 */
	LocalDate read(int row, String column, String cell, String text, UnaryOperator<LocalDate> there,
			Consumer<String> error) {
		var ymd = YEAR_MONTH_DAY.matcher(text);
		var dmy = DAY_MONTH_YEAR.matcher(text);
		boolean yearFirst = ymd.matches();
		if (!yearFirst && !dmy.matches()) {
			throw new IllegalArgumentException("No date with slashes: " + text);
		}
		int year = Integer.parseInt(yearFirst ? ymd.group(1) : dmy.group(3));
		if (year < Dates.FIRST_YEAR || year > Dates.LAST_YEAR) {
			error.accept("A date between " + Dates.FIRST_YEAR + " and " + Dates.LAST_YEAR + " is expected");
			return null;
		}
		var first = yearFirst ? day(ymd.group(1), ymd.group(2), ymd.group(3)) : day(dmy.group(3), dmy.group(2),
				dmy.group(1));
		var second = yearFirst ? first : day(dmy.group(3), dmy.group(1), dmy.group(2));
		if (first == null && second == null) {
			error.accept(RowDates.NO_DAY);
			return null;
		}
		if (first == null || second == null || first.equals(second)) {
			return told(row, column, cell, text, first, second, error);
		}
		if (this.told != null) {
			return this.told.dayFirst() ? first : second;
		}
		this.waiting.add(new Waiting(column, cell, there.apply(first), there.apply(second)));
		return null;
	}

	/**
	 * The day of a date both readings make the same ({@code first} the day first, {@code second} the month), or one
	 * alone makes one, which tells how the sheet's others are read, or is refused where the sheet's first that told was
	 * read the other way round.
	 */
	private LocalDate told(int row, String column, String cell, String text, LocalDate first, LocalDate second,
			Consumer<String> error) {
		var day = first == null ? second : first;
		boolean dayFirst = first != null;
		if (first != null && second != null || this.told != null && this.told.dayFirst() == dayFirst) {
			return day;
		}
		if (this.told == null) {
			this.told = new Told(dayFirst, text, row);
			// the cell as written, its time too, as an error quotes it
			this.toldWarning = new ImportMessage(row, column, cell, "The sheet's dates with slashes are read with the "
					+ order(dayFirst) + " first, as " + text + " can only be read (" + SPOKEN.format(day) + ")");
			this.warnings.add(this.toldWarning);
			return day;
		}
		error.accept(text + " can only be " + SPOKEN.format(day) + ", with the " + order(dayFirst) + " first, yet "
				+ this.told.text() + " of row " + this.told.row() + " put the " + order(this.told.dayFirst())
				+ " first: write " + day + ", and the sheet's dates one way");
		return null;
	}

	/** Whether a date told which comes first. */
	boolean decided() {
		return this.told != null;
	}

	/**
	 * Takes back which comes first, and its warning, where the row just read told it and is not read after all: a row
	 * whose values stand in the wrong columns tells nothing of the sheet's dates (a review's).
	 */
	void untell() {
		this.warnings.remove(this.toldWarning);
		this.toldWarning = null;
		this.told = null;
	}

	/** The cells of the row just read that wait, no longer kept here. */
	List<Waiting> taken() {
		if (this.waiting.isEmpty()) {
			return List.of();
		}
		var taken = List.copyOf(this.waiting);
		this.waiting.clear();
		return taken;
	}

	/** The day a waiting cell is, now that the sheet told which comes first; null while it has not. */
	LocalDate day(Waiting cell) {
		return this.told == null ? null : this.told.dayFirst() ? cell.dayFirst() : cell.monthFirst();
	}

	/**
	 * The refusal of a cell no date of the sheet tells how to read, or none of the {@code held} rows held back for
	 * theirs, where as many were ({@link RowIntake}).
	 */
	static String undecided(Waiting cell, int held) {
		return "Day or month first? " + cell.text() + " is " + SPOKEN.format(cell.dayFirst()) + " or "
				+ SPOKEN.format(cell.monthFirst()) + ", and " + (held == 0 ? "no date of the sheet"
						: String.format(Locale.ROOT, "none of the first %,d rows' dates", held))
				+ " tells which (as 13/10/2025 would): write " + cell.dayFirst() + " or " + cell.monthFirst();
	}

	private static String order(boolean dayFirst) {
		return dayFirst ? "day" : "month";
	}

	private static LocalDate day(String year, String month, String day) {
		return Dates.day(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
	}

}
