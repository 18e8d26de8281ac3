package org.kvali.programme;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingEnvironment;

import org.kvali.graphql.BatchLinks;
import org.kvali.graphql.ExplicitNulls;
import org.kvali.organization.Organization;
import org.kvali.organization.OrganizationService;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class ProgrammeController {

	private final ProgrammeService programmes;

	private final OrganizationService organizations;

	private final ProgrammeEditor editor;

	private final ProgrammeDeletions deletions;

	ProgrammeController(ProgrammeService programmes, OrganizationService organizations, ProgrammeEditor editor,
			ProgrammeDeletions deletions) {
		this.programmes = programmes;
		this.organizations = organizations;
		this.editor = editor;
		this.deletions = deletions;
	}

	@MutationMapping
	Programme createProgramme(@Argument ProgrammeInputs.CreateProgramme input) {
		return this.editor.createProgramme(input);
	}

	@MutationMapping
	Programme updateProgramme(@Argument String code, @Argument ProgrammeInputs.UpdateProgramme input,
			DataFetchingEnvironment environment) {
		return this.editor.updateProgramme(code, input, ExplicitNulls.of(environment, "input"));
	}

	@MutationMapping
	String deleteProgramme(@Argument String code) {
		return this.deletions.deleteProgramme(code);
	}

	@QueryMapping
	List<Programme> programmes() {
		return this.programmes.programmes();
	}

	@QueryMapping
	Programme programme(@Argument String code) {
		return this.programmes.programme("code", code);
	}

	@BatchMapping
	Map<Programme, List<Organization>> donors(List<Programme> programmes) {
		var donorIds = this.programmes.donorIdsOfProgrammes(BatchLinks.keys(programmes, Programme::id));
		var byId = this.organizations.organizationsById(donorIds.values().stream().flatMap(List::stream).toList());
		Map<Programme, List<Organization>> result = new HashMap<>();
		for (var programme : programmes) {
			result.put(programme,
					donorIds.getOrDefault(programme.id(), List.of()).stream().map(byId::get).toList());
		}
		return result;
	}

	@BatchMapping
	Map<Programme, Organization> publisher(List<Programme> programmes) {
		var byId = this.organizations.organizationsById(BatchLinks.keys(programmes, Programme::publisherId));
		return BatchLinks.byKey(programmes, Programme::publisherId, byId);
	}

	@BatchMapping
	Map<Programme, List<Project>> projects(List<Programme> programmes) {
		var projects = this.programmes.projectsOfProgrammes(BatchLinks.keys(programmes, Programme::id));
		return BatchLinks.listsByKey(programmes, Programme::id, projects);
	}

}
