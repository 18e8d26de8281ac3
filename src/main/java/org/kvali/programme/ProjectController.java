package org.kvali.programme;

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
class ProjectController {

	private final ProgrammeService programmes;

	private final OrganizationService organizations;

	private final ProjectEditor editor;

	private final ProgrammeDeletions deletions;

	ProjectController(ProgrammeService programmes, OrganizationService organizations, ProjectEditor editor,
			ProgrammeDeletions deletions) {
		this.programmes = programmes;
		this.organizations = organizations;
		this.editor = editor;
		this.deletions = deletions;
	}

	@MutationMapping
	Project createProject(@Argument ProgrammeInputs.CreateProject input) {
		return this.editor.createProject(input);
	}

	@MutationMapping
	Project updateProject(@Argument String code, @Argument ProgrammeInputs.UpdateProject input,
			DataFetchingEnvironment environment) {
		return this.editor.updateProject(code, input, ExplicitNulls.of(environment, "input"));
	}

	@MutationMapping
	String deleteProject(@Argument String code) {
		return this.deletions.deleteProject(code);
	}

	@QueryMapping
	List<Project> projects(@Argument String programme) {
		return this.programmes.projects(programme);
	}

	@QueryMapping
	Project project(@Argument String code) {
		return this.programmes.project("code", code);
	}

	@BatchMapping
	Map<Project, Programme> programme(List<Project> projects) {
		var programmes = this.programmes.programmesById(BatchLinks.keys(projects, Project::programmeId));
		return BatchLinks.byKey(projects, Project::programmeId, programmes);
	}

	@BatchMapping
	Map<Project, Organization> lead(List<Project> projects) {
		var leads = this.organizations.organizationsById(BatchLinks.keys(projects, Project::leadOrganizationId));
		return BatchLinks.byKey(projects, Project::leadOrganizationId, leads);
	}

	@BatchMapping
	Map<Project, List<ProjectPartner>> partners(List<Project> projects) {
		var partners = this.programmes.partnersOfProjects(BatchLinks.keys(projects, Project::id));
		return BatchLinks.listsByKey(projects, Project::id, partners);
	}

}
