package org.kvali.organization;

/**
 * An organization filter with its programme and project codes resolved to ids, the projects whose organizations the
 * caller may list (null: all), and how many distinct people of an organization at a project's activities make it
 * represented there for the caller (1, or for a donor the suppression's k).
 */
record OrganizationScope(OrganizationFilter filter, Long programmeId, Long projectId, Long[] ownProjects,
		int representedBy) {
}
