package org.kvali.programme;

import java.time.LocalDate;

/**
 * A funded action with its dates, the month its years begin in, and the organization publishing its IATI activities;
 * donors and projects are loaded by their own fields.
 */
public record Programme(long id, String code, String name, String nameKa, String description, LocalDate startDate,
		LocalDate endDate, int yearStart, Long publisherId) {
}
