package org.kvali.activity;

import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingEnvironment;

import org.kvali.geography.GeographyService;
import org.kvali.geography.Municipality;
import org.kvali.graphql.BatchLinks;
import org.kvali.graphql.Connection;
import org.kvali.graphql.ExplicitNulls;
import org.kvali.graphql.Page;
import org.kvali.organization.Organization;
import org.kvali.organization.OrganizationService;
import org.kvali.programme.ProgrammeService;
import org.kvali.programme.Project;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class ActivityController {

	private final ActivityService activities;

	private final ProgrammeService programmes;

	private final OrganizationService organizations;

	private final GeographyService geography;

	private final ActivityEditor editor;

	private final ActivityDeletion deletion;

	ActivityController(ActivityService activities, ProgrammeService programmes, OrganizationService organizations,
			GeographyService geography, ActivityEditor editor, ActivityDeletion deletion) {
		this.activities = activities;
		this.programmes = programmes;
		this.organizations = organizations;
		this.geography = geography;
		this.editor = editor;
		this.deletion = deletion;
	}

	@MutationMapping
	Activity createActivity(@Argument ActivityInputs.Create input) {
		return this.editor.create(input);
	}

	@MutationMapping
	Activity updateActivity(@Argument String code, @Argument ActivityInputs.Update input,
			DataFetchingEnvironment environment) {
		return this.editor.update(code, input, ExplicitNulls.of(environment, "input"));
	}

	@MutationMapping
	String deleteActivity(@Argument String code, @Argument boolean withParticipations) {
		return this.deletion.delete(code, withParticipations);
	}

	@QueryMapping
	Connection<Activity> activities(@Argument Integer first, @Argument String after,
			@Argument ActivityFilter filter) {
		return this.activities.activities(filter, Page.of(first, after, 2));
	}

	@QueryMapping
	Activity activity(@Argument String code) {
		return this.activities.listed(code);
	}

	@BatchMapping
	Map<Activity, Project> project(List<Activity> activities) {
		var projects = this.programmes.projectsById(BatchLinks.keys(activities, Activity::projectId));
		return BatchLinks.byKey(activities, Activity::projectId, projects);
	}

	@BatchMapping
	Map<Activity, Municipality> venue(List<Activity> activities) {
		var venues = this.geography.municipalitiesByCode(BatchLinks.keys(activities, Activity::venueCode));
		return BatchLinks.byKey(activities, Activity::venueCode, venues);
	}

	@BatchMapping
	Map<Activity, Organization> organizer(List<Activity> activities) {
		var organizers = this.organizations.organizationsById(BatchLinks.keys(activities, Activity::organizerId));
		return BatchLinks.byKey(activities, Activity::organizerId, organizers);
	}

}
