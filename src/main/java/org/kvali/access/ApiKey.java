package org.kvali.access;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A stored key, without its secret. */
public record ApiKey(UUID id, String name, Role role, List<Long> organizationIds, boolean demo, String createdBy,
		OffsetDateTime createdAt, OffsetDateTime revokedAt) {
}
