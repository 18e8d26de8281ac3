package org.kvali.intake;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A sheet's time of day with its offset from UTC, as exports of forms write a point in time: 2025-03-31T22:00:00Z was
 * 1 April in Georgia, and was counted in March. A time of day alone (2025-03-10 00:00:00, 10.03.2025 09:30) is the
 * day written: an activity's day is what Kvali keeps, and it is none of these.
 *
 * @param offset null where no clock has it (+19, +04:75): no point in time, as a day the calendar lacks is no date
 */
record PointInTime(LocalTime clock, ZoneOffset offset) {

	/**
	 * The time ({@code 9:30}, {@code 21:05:07.5}), its half of the day ({@code a}, {@code P}; null for none) and its
	 * offset.
	 */
	static PointInTime of(String time, String half, String offset) {
		var clock = LocalTime.parse(time.charAt(1) == ':' ? "0" + time : time);
		if (half != null && clock.getHour() <= 12) {
			// 12 AM is midnight, 12 PM noon
			clock = clock.withHour(clock.getHour() % 12 + (Character.toUpperCase(half.charAt(0)) == 'P' ? 12 : 0));
		}
		try {
			return new PointInTime(clock, offset.equals("UTC") ? ZoneOffset.UTC : ZoneOffset.of(offset));
		}
		catch (DateTimeException ex) {
			return new PointInTime(clock, null);
		}
	}

	/** The day this time of the date written is in {@code zone}. */
	LocalDate day(LocalDate date, ZoneId zone) {
		return OffsetDateTime.of(date, this.clock, this.offset).atZoneSameInstant(zone).toLocalDate();
	}

}
