package org.kvali.organization;

import java.util.List;

/** The schema's OrganizationFilter; null fields select everything. */
public record OrganizationFilter(List<OrganizationKind> kinds, List<String> regions, String programme,
		String project, String nameContains) {

	static final OrganizationFilter ALL = new OrganizationFilter(null, null, null, null, null);

}
