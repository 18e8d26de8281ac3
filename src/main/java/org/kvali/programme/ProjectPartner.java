package org.kvali.programme;

/** An organization's part in a project. */
public record ProjectPartner(long projectId, long organizationId, PartnerRole role) {
}
