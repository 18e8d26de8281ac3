package org.kvali.audit;

import java.time.OffsetDateTime;

/** One entry of the audit log. */
public record AuditEvent(long id, OffsetDateTime at, String actor, String role, String action, String subject,
		String source) {
}
