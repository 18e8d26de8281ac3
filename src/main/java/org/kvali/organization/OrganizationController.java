package org.kvali.organization;

import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingEnvironment;

import org.kvali.geography.GeographyService;
import org.kvali.geography.Municipality;
import org.kvali.geography.Region;
import org.kvali.graphql.BatchLinks;
import org.kvali.graphql.Connection;
import org.kvali.graphql.ExplicitNulls;
import org.kvali.graphql.Page;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class OrganizationController {

	private final OrganizationService organizations;

	private final GeographyService geography;

	private final OrganizationEditor editor;

	private final OrganizationMerge merge;

	OrganizationController(OrganizationService organizations, GeographyService geography, OrganizationEditor editor,
			OrganizationMerge merge) {
		this.organizations = organizations;
		this.geography = geography;
		this.editor = editor;
		this.merge = merge;
	}

	@MutationMapping
	Organization createOrganization(@Argument OrganizationInputs.Create input) {
		return this.editor.create(input);
	}

	@MutationMapping
	Organization updateOrganization(@Argument String code, @Argument OrganizationInputs.Update input,
			DataFetchingEnvironment environment) {
		return this.editor.update(code, input, ExplicitNulls.of(environment, "input"));
	}

	@MutationMapping
	String deleteOrganization(@Argument String code) {
		return this.editor.delete(code);
	}

	@MutationMapping
	Organization mergeOrganization(@Argument String code, @Argument String into) {
		return this.merge.merge(code, into);
	}

	@QueryMapping
	Connection<Organization> organizations(@Argument Integer first, @Argument String after,
			@Argument OrganizationFilter filter) {
		return this.organizations.organizations(filter, Page.of(first, after, 1));
	}

	@QueryMapping
	Organization organization(@Argument String code) {
		return this.organizations.listed(code);
	}

	@BatchMapping
	Map<Organization, Municipality> municipality(List<Organization> organizations) {
		var municipalities = this.geography
			.municipalitiesByCode(BatchLinks.keys(organizations, Organization::municipalityCode));
		return BatchLinks.byKey(organizations, Organization::municipalityCode, municipalities);
	}

	@BatchMapping
	Map<Organization, Region> region(List<Organization> organizations) {
		var regions = this.geography.regionsByCode(BatchLinks.keys(organizations, Organization::regionCode));
		return BatchLinks.byKey(organizations, Organization::regionCode, regions);
	}

}
