package org.kvali.report;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Period keys: the calendar's, and years and quarters by their months, each period with one key. */
class PeriodTest {

	@Test
	void calendarKeys() {
		assertThat(Period.ofKey("2024")).contains(new Period("2024", day(2024, 1, 1), day(2024, 12, 31)));
		assertThat(Period.ofKey("2024-Q3")).contains(new Period("2024-Q3", day(2024, 7, 1), day(2024, 9, 30)));
		assertThat(Period.ofKey("2024-02")).contains(new Period("2024-02", day(2024, 2, 1), day(2024, 2, 29)));
	}

	@Test
	void yearsAndQuartersByTheirMonths() {
		var year = Period.ofKey("2024-09/2025-08").orElseThrow();
		assertThat(year).isEqualTo(new Period("2024-09/2025-08", day(2024, 9, 1), day(2025, 8, 31)));
		assertThat(year.length()).isEqualTo(Dimension.YEAR);
		var quarter = Period.ofKey("2024-12/2025-02").orElseThrow();
		assertThat(quarter).isEqualTo(new Period("2024-12/2025-02", day(2024, 12, 1), day(2025, 2, 28)));
		assertThat(quarter.length()).isEqualTo(Dimension.QUARTER);
		assertThat(Period.ofKey("2023-03/2024-02").map(Period::end)).as("a leap year's February").contains(day(2024, 2, 29));
		assertThat(Period.of(Dimension.YEAR, day(2024, 4, 1)).key()).isEqualTo("2024-04/2025-03");
		assertThat(Period.of(Dimension.QUARTER, day(2024, 4, 1)).key()).isEqualTo("2024-Q2");
	}

	@Test
	void thePeriodHoldingADay() {
		assertThat(Period.holding(Dimension.YEAR, day(2025, 3, 10), 9).key()).isEqualTo("2024-09/2025-08");
		assertThat(Period.holding(Dimension.YEAR, day(2025, 9, 1), 9).key()).isEqualTo("2025-09/2026-08");
		assertThat(Period.holding(Dimension.YEAR, day(2025, 8, 31), 9).key()).isEqualTo("2024-09/2025-08");
		assertThat(Period.holding(Dimension.QUARTER, day(2025, 3, 10), 9).key()).isEqualTo("2025-03/2025-05");
		assertThat(Period.holding(Dimension.QUARTER, day(2025, 2, 28), 9).key()).isEqualTo("2024-12/2025-02");
		assertThat(Period.holding(Dimension.QUARTER, day(2024, 12, 31), 1).key()).isEqualTo("2024-Q4");
		assertThat(Period.holding(Dimension.QUARTER, day(2024, 12, 31), 4).key()).isEqualTo("2024-Q4");
		assertThat(Period.holding(Dimension.YEAR, day(2024, 1, 1), 1).key()).isEqualTo("2024");
		assertThat(Period.holding(Dimension.MONTH, day(2024, 2, 29), 9).key()).isEqualTo("2024-02");
	}

	@Test
	void aPeriodOfTheCalendarWrittenByItsMonthsHasTheCalendarsKey() {
		assertThat(Period.ofKey("2024-01/2024-12").map(Period::key)).contains("2024");
		assertThat(Period.ofKey("2024-04/2024-06").map(Period::key)).contains("2024-Q2");
	}

	@Test
	void otherKeysNameNoPeriod() {
		assertThat(Period.ofKey("2024-09/2025-01")).as("five months").isEmpty();
		assertThat(Period.ofKey("2024-09/2025-02")).as("six months").isEmpty();
		assertThat(Period.ofKey("2024-09/2025-05")).as("nine months").isEmpty();
		assertThat(Period.ofKey("2024-09/2026-08")).as("24 months").isEmpty();
		assertThat(Period.ofKey("2025-08/2024-09")).as("backwards").isEmpty();
		assertThat(Period.ofKey("2024-09/2024-09")).as("one month").isEmpty();
		assertThat(Period.ofKey("2101-01/2101-03")).as("past 2100").isEmpty();
		assertThat(Period.ofKey("1899-10/1899-12")).as("before 1900").isEmpty();
		// a year of a programme's last or first months, as its series and breakdowns give it
		assertThat(Period.ofKey("2100-09/2101-08").map(Period::end)).contains(day(2101, 8, 31));
		assertThat(Period.ofKey("1899-09/1900-08").map(Period::start)).contains(day(1899, 9, 1));
		assertThat(Period.ofKey("1900-01/1900-12").map(Period::key)).contains("1900");
		assertThat(Period.ofKey("2024-13/2025-12")).isEmpty();
		assertThat(Period.ofKey("2024-9/2025-8")).isEmpty();
		assertThat(Period.ofKey("2024-Q5")).isEmpty();
	}

	private static LocalDate day(int year, int month, int day) {
		return LocalDate.of(year, month, day);
	}

}
