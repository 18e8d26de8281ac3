package org.kvali.report;

import java.time.LocalDate;

import org.kvali.graphql.Dates;

/** A year, quarter or month, keyed as `2024`, `2024-Q3` or `2024-07`. */
public record Period(String key, LocalDate start, LocalDate end) {

	/** The period a key names: `2024`, `2024-Q3` or `2024-07` of 1900 to 2100; empty when the key is none of these. */
	public static java.util.Optional<Period> ofKey(String key) {
		var year = java.util.regex.Pattern.compile("(\\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?").matcher(key);
		if (!year.matches()) {
			return java.util.Optional.empty();
		}
		int y = Integer.parseInt(year.group(1));
		if (y < Dates.FIRST_YEAR || y > Dates.LAST_YEAR) {
			return java.util.Optional.empty();
		}
		if (year.group(2) != null) {
			return java.util.Optional.of(of(Dimension.QUARTER, LocalDate.of(y, Integer.parseInt(year.group(2)) * 3 - 2, 1)));
		}
		if (year.group(3) != null) {
			return java.util.Optional.of(of(Dimension.MONTH, LocalDate.of(y, Integer.parseInt(year.group(3)), 1)));
		}
		return java.util.Optional.of(of(Dimension.YEAR, LocalDate.of(y, 1, 1)));
	}

	/** Whether the two periods share a day (a year and its quarters do). */
	public boolean overlaps(Period other) {
		return !this.start.isAfter(other.end) && !this.end.isBefore(other.start);
	}

	static Period of(Dimension dimension, LocalDate start) {
		return switch (dimension) {
			case YEAR -> new Period(Integer.toString(start.getYear()), start, start.plusYears(1).minusDays(1));
			case QUARTER -> new Period(start.getYear() + "-Q" + (start.getMonthValue() + 2) / 3, start,
					start.plusMonths(3).minusDays(1));
			case MONTH -> new Period("%d-%02d".formatted(start.getYear(), start.getMonthValue()), start,
					start.plusMonths(1).minusDays(1));
			default -> throw new IllegalArgumentException(dimension + " is not a period");
		};
	}

}
