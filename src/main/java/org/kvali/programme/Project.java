package org.kvali.programme;

import java.time.LocalDate;

/** A unit of work under a programme. */
public record Project(long id, String code, long programmeId, String name, String nameKa, Long leadOrganizationId,
		LocalDate startDate, LocalDate endDate) {
}
