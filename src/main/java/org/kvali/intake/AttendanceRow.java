package org.kvali.intake;

import java.time.LocalDate;

/** One checked row of an attendance sheet, values normalized; null where the sheet left a cell empty. */
record AttendanceRow(int row, String activityCode, String activityTitle, String activityKind, String projectCode,
		LocalDate startDate, LocalDate endDate, String venueMunicipality, String organizerCode, String participantRef,
		String gender,
		Integer birthYear, Boolean disability, String homeMunicipality, String organizationCode,
		String organizationName, String organizationKind, String organizationMunicipality, String role) {

	/** The row with these dates. */
	AttendanceRow dated(LocalDate start, LocalDate end) {
		return new AttendanceRow(this.row, this.activityCode, this.activityTitle, this.activityKind, this.projectCode,
				start, end, this.venueMunicipality, this.organizerCode, this.participantRef, this.gender,
				this.birthYear, this.disability, this.homeMunicipality, this.organizationCode, this.organizationName,
				this.organizationKind, this.organizationMunicipality, this.role);
	}

	/** The row with these municipalities' codes: of the venue, the person's home and the organization's. */
	AttendanceRow placed(String venue, String home, String based) {
		return new AttendanceRow(this.row, this.activityCode, this.activityTitle, this.activityKind, this.projectCode,
				this.startDate, this.endDate, venue, this.organizerCode, this.participantRef, this.gender,
				this.birthYear, this.disability, home, this.organizationCode, this.organizationName,
				this.organizationKind, based, this.role);
	}

}
