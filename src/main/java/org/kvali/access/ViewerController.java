package org.kvali.access;

import java.util.Comparator;
import java.util.List;

import org.kvali.organization.Organization;
import org.kvali.organization.OrganizationService;
import org.kvali.programme.ProgrammeService;
import org.kvali.programme.Project;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The {@code Viewer} type: who a request acts as. A partner's tool had no way to learn its organizations' codes, which
 * give its aggregates in full, nor the projects it may load sheets into (a review's).
 */
@Controller
class ViewerController {

	private final OrganizationService organizations;

	private final ProgrammeService programmes;

	private final PartnerScope scope;

	ViewerController(OrganizationService organizations, ProgrammeService programmes, PartnerScope scope) {
		this.organizations = organizations;
		this.programmes = programmes;
		this.scope = scope;
	}

	@QueryMapping
	Caller viewer() {
		return Caller.current();
	}

	@SchemaMapping(typeName = "Viewer")
	List<Organization> organizations(Caller viewer) {
		var byId = this.organizations.organizationsById(List.copyOf(viewer.organizations()));
		return byId.values().stream().sorted(Comparator.comparing(Organization::code)).toList();
	}

	@SchemaMapping(typeName = "Viewer")
	List<Project> projects(Caller viewer) {
		if (viewer.is(Role.ADMIN)) {
			return this.programmes.projects(null);
		}
		if (!viewer.is(Role.PARTNER)) {
			return List.of();
		}
		var codes = this.scope.projectCodes(viewer);
		var byCode = this.programmes.projectsByCode(codes);
		return codes.stream().map(byCode::get).toList();
	}

}
