package org.kvali.organization;

/**
 * An organization filter with its programme and project codes resolved to ids, the projects whose organizations the
 * caller may list (null: all), and how many distinct people of an organization at a project's activities make it
 * represented there for the caller (1, or for a donor or partner the suppression's k), but at the activities that
 * the organizations of {@code own} run (a partner's; null for others), where one is enough; for a donor's list of no
 * programme or project, {@code takingPartAnywhere}: those taking part in some programme alone.
 */
record OrganizationScope(OrganizationFilter filter, Long programmeId, Long projectId, Long[] ownProjects,
		int representedBy, Long[] own, boolean takingPartAnywhere) {
}
