package org.kvali.intake;

import java.time.LocalDate;

/** One checked row of an attendance sheet, values normalized; null where the sheet left a cell empty. */
record AttendanceRow(int row, String activityCode, String activityTitle, String activityKind, String projectCode,
		LocalDate startDate, LocalDate endDate, String venueMunicipality, String organizerCode, String participantRef,
		String gender,
		Integer birthYear, Boolean disability, String homeMunicipality, String organizationCode,
		String organizationName, String organizationKind, String organizationMunicipality, String role) {
}
