package org.kvali.participant;

import java.util.List;
import java.util.Map;

import org.kvali.geography.GeographyService;
import org.kvali.geography.Municipality;
import org.kvali.graphql.BatchLinks;
import org.kvali.graphql.Connection;
import org.kvali.organization.Organization;
import org.kvali.organization.OrganizationService;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The {@code Attendee} type and its root field, an activity's attendance. */
@Controller
class AttendeeController {

	private final Attendance attendance;

	private final GeographyService geography;

	private final OrganizationService organizations;

	AttendeeController(Attendance attendance, GeographyService geography, OrganizationService organizations) {
		this.attendance = attendance;
		this.geography = geography;
		this.organizations = organizations;
	}

	@QueryMapping
	Connection<Attendee> attendance(@Argument String activity, @Argument Integer first, @Argument String after) {
		return this.attendance.of(activity, first, after);
	}

	@BatchMapping
	Map<Attendee, Organization> organization(List<Attendee> people) {
		var byId = this.organizations.organizationsById(BatchLinks.keys(people, Attendee::organizationId));
		return BatchLinks.byKey(people, Attendee::organizationId, byId);
	}

	@BatchMapping
	Map<Attendee, Municipality> homeMunicipality(List<Attendee> people) {
		var byCode = this.geography.municipalitiesByCode(BatchLinks.keys(people, Attendee::homeMunicipalityCode));
		return BatchLinks.byKey(people, Attendee::homeMunicipalityCode, byCode);
	}

}
