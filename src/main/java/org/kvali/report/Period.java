package org.kvali.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;

import org.kvali.graphql.Dates;

/**
 * A year, quarter or month, keyed as `2024`, `2024-Q3` or `2024-07`; a year or quarter that begins in another month
 * than the calendar's (a programme's year from September) by its first and last months, `2024-09/2025-08` or
 * `2024-09/2024-11`. Each period has one key: `2024-01/2024-12` names 2024.
 */
public record Period(String key, LocalDate start, LocalDate end) {

	private static final Pattern CALENDAR = Pattern.compile("(\\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?");

	private static final Pattern MONTHS = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])/(\\d{4})-(0[1-9]|1[0-2])");

	/**
	 * The period a key names: `2024`, `2024-Q3`, `2024-07` of 1900 to 2100, or twelve or three months from one to
	 * another (`2024-09/2025-08`) with a day in them (`2100-09/2101-08`, a programme's year of its last months);
	 * empty when the key is none of these.
	 */
	public static Optional<Period> ofKey(String key) {
		var calendar = CALENDAR.matcher(key);
		if (calendar.matches()) {
			int y = Integer.parseInt(calendar.group(1));
			if (y < Dates.FIRST_YEAR || y > Dates.LAST_YEAR) {
				return Optional.empty();
			}
			if (calendar.group(2) != null) {
				int quarter = Integer.parseInt(calendar.group(2));
				return Optional.of(of(Dimension.QUARTER, LocalDate.of(y, quarter * 3 - 2, 1)));
			}
			if (calendar.group(3) != null) {
				return Optional.of(of(Dimension.MONTH, LocalDate.of(y, Integer.parseInt(calendar.group(3)), 1)));
			}
			return Optional.of(of(Dimension.YEAR, LocalDate.of(y, 1, 1)));
		}
		var months = MONTHS.matcher(key);
		if (!months.matches()) {
			return Optional.empty();
		}
		var start = LocalDate.of(Integer.parseInt(months.group(1)), Integer.parseInt(months.group(2)), 1);
		var last = LocalDate.of(Integer.parseInt(months.group(3)), Integer.parseInt(months.group(4)), 1);
		long length = ChronoUnit.MONTHS.between(start, last) + 1;
		if (start.getYear() > Dates.LAST_YEAR || last.getYear() < Dates.FIRST_YEAR || length != 12 && length != 3) {
			return Optional.empty();
		}
		return Optional.of(of(length == 12 ? Dimension.YEAR : Dimension.QUARTER, start));
	}

	/** The year, quarter or month that holds the day, its years beginning in month {@code yearStart}. */
	public static Period holding(Dimension length, LocalDate day, int yearStart) {
		int into = Math.floorMod(day.getMonthValue() - yearStart, months(length));
		return of(length, day.withDayOfMonth(1).minusMonths(into));
	}

	/** Whether every day of the other is one of this (a year holds its quarters, and itself). */
	public boolean holds(Period other) {
		return !other.start.isBefore(this.start) && !other.end.isAfter(this.end);
	}

	/** Whether the two periods share a day (a year and its quarters do). */
	public boolean overlaps(Period other) {
		return !this.start.isAfter(other.end) && !this.end.isBefore(other.start);
	}

	/** The year, quarter or month beginning on {@code start}, the first day of a month. */
	public static Period of(Dimension dimension, LocalDate start) {
		var end = start.plusMonths(months(dimension)).minusDays(1);
		var key = switch (dimension) {
			case YEAR -> start.getMonthValue() == 1 ? Integer.toString(start.getYear()) : null;
			case QUARTER -> start.getMonthValue() % 3 == 1 ? start.getYear() + "-Q" + (start.getMonthValue() + 2) / 3
					: null;
			default -> "%d-%02d".formatted(start.getYear(), start.getMonthValue());
		};
		return new Period(key != null ? key : "%d-%02d/%d-%02d".formatted(start.getYear(), start.getMonthValue(),
				end.getYear(), end.getMonthValue()), start, end);
	}

	/** Whether this is a year (of the calendar or another), a quarter or a month. */
	public Dimension length() {
		long months = ChronoUnit.MONTHS.between(this.start, this.end.plusDays(1));
		return months == 12 ? Dimension.YEAR : months == 3 ? Dimension.QUARTER : Dimension.MONTH;
	}

	/** The months in a year, quarter or month. */
	public static int months(Dimension dimension) {
		return switch (dimension) {
			case YEAR -> 12;
			case QUARTER -> 3;
			case MONTH -> 1;
			default -> throw new IllegalArgumentException(dimension + " is not a period");
		};
	}

}
