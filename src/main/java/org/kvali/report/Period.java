package org.kvali.report;

import java.time.LocalDate;

/** A year, quarter or month, keyed as `2024`, `2024-Q3` or `2024-07`. */
public record Period(String key, LocalDate start, LocalDate end) {

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
