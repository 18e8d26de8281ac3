package org.kvali.report;

import java.time.LocalDate;
import java.util.List;

import org.kvali.activity.ActivityKind;
import org.kvali.organization.OrganizationKind;

/** The schema's ParticipationFilter: a missing list selects everything, an empty list nothing. */
public record ParticipationFilter(List<String> programmes, List<String> projects, List<String> regions,
		List<String> municipalities, List<String> venueRegions, List<String> venueMunicipalities,
		List<String> organizations, List<OrganizationKind> organizationKinds, List<Gender> genders,
		List<AgeBand> ageBands, Boolean disability, List<ActivityKind> activityKinds, List<String> activities,
		List<ParticipationRole> roles, LocalDate from, LocalDate to) {

	/** Everything in the PARTICIPANT role. */
	public static final ParticipationFilter ALL = new ParticipationFilter(null, null, null, null, null, null, null,
			null, null, null, null, null, null, null, null, null);

	/** The roles counted: PARTICIPANT unless the filter says otherwise, since trainers and organizers are not reached. */
	public List<ParticipationRole> countedRoles() {
		return this.roles == null ? List.of(ParticipationRole.PARTICIPANT) : this.roles;
	}

}
