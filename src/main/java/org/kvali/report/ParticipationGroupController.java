package org.kvali.report;

import java.util.List;
import java.util.Map;

import org.kvali.activity.Activity;
import org.kvali.activity.ActivityService;
import org.kvali.geography.GeographyService;
import org.kvali.geography.Municipality;
import org.kvali.geography.Region;
import org.kvali.graphql.BatchLinks;
import org.kvali.organization.Organization;
import org.kvali.organization.OrganizationService;
import org.kvali.programme.Programme;
import org.kvali.programme.ProgrammeService;
import org.kvali.programme.Project;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * The {@code ParticipationGroup} type, wherever it appears (breakdowns, indicator disaggregations): the objects it
 * names by code, loaded for every group in one statement each. Its measures are the record's: no group withheld from
 * the caller reaches the schema ({@link ReportService#shownBreakdown}, {@code IndicatorDisaggregation.groups}).
 */
@Controller
class ParticipationGroupController {

	private final GeographyService geography;

	private final OrganizationService organizations;

	private final ProgrammeService programmes;

	private final ActivityService activities;

	ParticipationGroupController(GeographyService geography, OrganizationService organizations,
			ProgrammeService programmes, ActivityService activities) {
		this.geography = geography;
		this.organizations = organizations;
		this.programmes = programmes;
		this.activities = activities;
	}

	@BatchMapping
	Map<ParticipationGroup, Programme> programme(List<ParticipationGroup> groups) {
		var byCode = this.programmes.programmesByCode(BatchLinks.keys(groups, ParticipationGroup::programmeCode));
		return BatchLinks.byKey(groups, ParticipationGroup::programmeCode, byCode);
	}

	@BatchMapping
	Map<ParticipationGroup, Project> project(List<ParticipationGroup> groups) {
		var byCode = this.programmes.projectsByCode(BatchLinks.keys(groups, ParticipationGroup::projectCode));
		return BatchLinks.byKey(groups, ParticipationGroup::projectCode, byCode);
	}

	@BatchMapping
	Map<ParticipationGroup, Region> region(List<ParticipationGroup> groups) {
		var byCode = this.geography.regionsByCode(BatchLinks.keys(groups, ParticipationGroup::regionCode));
		return BatchLinks.byKey(groups, ParticipationGroup::regionCode, byCode);
	}

	@BatchMapping
	Map<ParticipationGroup, Region> venueRegion(List<ParticipationGroup> groups) {
		var byCode = this.geography.regionsByCode(BatchLinks.keys(groups, ParticipationGroup::venueRegionCode));
		return BatchLinks.byKey(groups, ParticipationGroup::venueRegionCode, byCode);
	}

	@BatchMapping
	Map<ParticipationGroup, Municipality> municipality(List<ParticipationGroup> groups) {
		var byCode = this.geography
			.municipalitiesByCode(BatchLinks.keys(groups, ParticipationGroup::municipalityCode));
		return BatchLinks.byKey(groups, ParticipationGroup::municipalityCode, byCode);
	}

	@BatchMapping
	Map<ParticipationGroup, Municipality> venueMunicipality(List<ParticipationGroup> groups) {
		var byCode = this.geography
			.municipalitiesByCode(BatchLinks.keys(groups, ParticipationGroup::venueMunicipalityCode));
		return BatchLinks.byKey(groups, ParticipationGroup::venueMunicipalityCode, byCode);
	}

	@BatchMapping
	Map<ParticipationGroup, Organization> organization(List<ParticipationGroup> groups) {
		var byCode = this.organizations
			.organizationsByCode(BatchLinks.keys(groups, ParticipationGroup::organizationCode));
		return BatchLinks.byKey(groups, ParticipationGroup::organizationCode, byCode);
	}

	@BatchMapping
	Map<ParticipationGroup, Organization> organizer(List<ParticipationGroup> groups) {
		var byCode = this.organizations.organizationsByCode(BatchLinks.keys(groups, ParticipationGroup::organizerCode));
		return BatchLinks.byKey(groups, ParticipationGroup::organizerCode, byCode);
	}

	@BatchMapping
	Map<ParticipationGroup, Activity> activity(List<ParticipationGroup> groups) {
		var byCode = this.activities.activitiesByCode(BatchLinks.keys(groups, ParticipationGroup::activityCode));
		return BatchLinks.byKey(groups, ParticipationGroup::activityCode, byCode);
	}

}
