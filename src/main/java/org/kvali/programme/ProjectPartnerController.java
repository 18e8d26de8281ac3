package org.kvali.programme;

import java.util.List;
import java.util.Map;

import org.kvali.graphql.BatchLinks;
import org.kvali.organization.Organization;
import org.kvali.organization.OrganizationService;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

@Controller
class ProjectPartnerController {

	private final OrganizationService organizations;

	ProjectPartnerController(OrganizationService organizations) {
		this.organizations = organizations;
	}

	@BatchMapping
	Map<ProjectPartner, Organization> organization(List<ProjectPartner> partners) {
		var byId = this.organizations.organizationsById(BatchLinks.keys(partners, ProjectPartner::organizationId));
		return BatchLinks.byKey(partners, ProjectPartner::organizationId, byId);
	}

}
