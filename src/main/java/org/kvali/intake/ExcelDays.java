package org.kvali.intake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.kvali.graphql.Dates;

/**
 * A spreadsheet's numbers of days, both ways. Excel counts days from 1899-12-30 in its 1900 system, as if 1900 had a
 * 29 February (day 60): the days before it count from 1899-12-31. In its 1904 system (a workbook's date1904, once the
 * default on a Mac) it counts from 1904-01-01; read in the other, such a workbook's dates came out four years and a
 * day early.
 */
final class ExcelDays {

	static final LocalDate EPOCH_1900 = LocalDate.of(1899, 12, 30);

	static final LocalDate EPOCH_1904 = LocalDate.of(1904, 1, 1);

	/** The last day a date may be. */
	static final LocalDate LAST_DAY = LocalDate.of(Dates.LAST_YEAR, 12, 31);

	/** The first day the 1900 system counts from the epoch itself; the days before it count from a day later. */
	private static final LocalDate AFTER_29_FEBRUARY_1900 = LocalDate.of(1900, 3, 1);

	private ExcelDays() {
	}

	/** Whether the number is one of the days a date may be, counted from {@code epoch}: 1 to {@link #LAST_DAY}'s. */
	static boolean isDay(BigDecimal number, LocalDate epoch) {
		return number.signum() > 0
				&& number.compareTo(BigDecimal.valueOf(ChronoUnit.DAYS.between(epoch, LAST_DAY))) <= 0;
	}

	/** The day the number stands for, counted from {@code epoch}; a fraction of a day is its time, left out. */
	static LocalDate date(BigDecimal number, LocalDate epoch) {
		long day = number.longValue();
		return (epoch == EPOCH_1900 && day < 60 ? epoch.plusDays(1) : epoch).plusDays(day);
	}

	/** The day a spreadsheet's number of a date stands for, as Excel and LibreOffice count by default. */
	static LocalDate spreadsheetDay(long number) {
		return date(BigDecimal.valueOf(number), EPOCH_1900);
	}

	/** The number of the day counted from {@code epoch}; -1 for a day before its first or after {@link #LAST_DAY}. */
	static long number(LocalDate date, LocalDate epoch) {
		boolean system1900 = epoch.equals(EPOCH_1900);
		// day 0 is no date
		if (!date.isAfter(system1900 ? epoch.plusDays(1) : epoch) || date.isAfter(LAST_DAY)) {
			return -1;
		}
		boolean early = system1900 && date.isBefore(AFTER_29_FEBRUARY_1900);
		return ChronoUnit.DAYS.between(early ? epoch.plusDays(1) : epoch, date);
	}

}
