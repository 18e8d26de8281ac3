package org.kvali.organization;

/** An organization filter with its programme and project codes resolved to ids. */
record OrganizationScope(OrganizationFilter filter, Long programmeId, Long projectId) {
}
