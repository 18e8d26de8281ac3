package org.kvali.report;

import java.time.LocalDate;

/**
 * How the index numbers years, quarters and months: from January of {@code firstYear}, the first year an activity
 * starts in, so that the numbers of each fit its dictionary.
 */
record PeriodNumbers(int firstYear) {

	/** January 1 of {@link #firstYear} as days since 1970-01-01: day 0 of the rows' days. */
	int dayZero() {
		return (int) LocalDate.of(this.firstYear, 1, 1).toEpochDay();
	}

	/**
	 * The number of the year, quarter or month holding the day, its years beginning in month {@code yearStart}:
	 * counted from January of {@link #firstYear}, or from the period before it when that begins in its year before
	 * (a year from September: the one of September before {@link #firstYear} is 0). The numbers of a dimension fit
	 * its dictionary's size, its unknown value taken for the last.
	 */
	int id(Dimension dimension, int epochDay, int yearStart) {
		var date = LocalDate.ofEpochDay(epochDay);
		int month = (date.getYear() - this.firstYear) * 12 + date.getMonthValue() - 1;
		int length = Period.months(dimension);
		int shift = (yearStart - 1) % length;
		return Math.floorDiv(month - shift, length) + (shift == 0 ? 0 : 1);
	}

	/** The first day of the period {@link #id} numbers {@code id}. */
	LocalDate start(Dimension dimension, int id, int yearStart) {
		int length = Period.months(dimension);
		int shift = (yearStart - 1) % length;
		return LocalDate.of(this.firstYear, 1, 1).plusMonths((long) (id - (shift == 0 ? 0 : 1)) * length + shift);
	}

	/** Per activity, the {@link #id} of the period it starts in. */
	int[] of(Dimension dimension, int[] startDay, int yearStart) {
		var ids = new int[startDay.length];
		for (int a = 0; a < ids.length; a++) {
			ids[a] = id(dimension, startDay[a], yearStart);
		}
		return ids;
	}

}
