package org.kvali.report;

import org.kvali.activity.ActivityKind;
import org.kvali.organization.OrganizationKind;

/**
 * One group of a breakdown: the codes and values of its dimensions (null where not grouped by or not known) and its
 * measures. Objects named by code (region, organization, ...) are loaded for all groups at once.
 */
public record ParticipationGroup(String programmeCode, String projectCode, String regionCode,
		String municipalityCode, String venueRegionCode, String venueMunicipalityCode, String organizationCode,
		OrganizationKind organizationKind, Gender gender, AgeBand ageBand, Boolean disability,
		ActivityKind activityKind, String activityCode, Period period, int participations, int participants,
		int activities, int organizations, Double share) {

	/** The group's four measures. */
	public Measures measures() {
		return new Measures(this.participations, this.participants, this.activities, this.organizations);
	}

}
