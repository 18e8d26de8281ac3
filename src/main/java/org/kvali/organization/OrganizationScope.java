package org.kvali.organization;

/**
 * An organization filter with its programme and project codes resolved to ids, and the projects whose organizations
 * the caller may list (null: all).
 */
record OrganizationScope(OrganizationFilter filter, Long programmeId, Long projectId, Long[] ownProjects) {
}
