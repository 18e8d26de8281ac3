package org.kvali.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.kvali.access.RevokedKeyUsed;
import org.kvali.access.ServiceScope;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps in the audit log that a revoked key was sent, and from where: refused with 401, it had left no trace of whoever
 * still holds it.
 */
@Component
class RevokedKeyAudit {

	private static final Logger log = LoggerFactory.getLogger(RevokedKeyAudit.class);

	private final AuditLog audit;

	RevokedKeyAudit(AuditLog audit) {
		this.audit = audit;
	}

	/** Kept where it can be: the 401 is answered whether or not the entry is written (the database may be down). */
	@EventListener
	void revokedKeyUsed(RevokedKeyUsed used) {
		try {
			keep(used);
		}
		catch (RuntimeException ex) {
			log.warn("A revoked key's use was not kept in the audit log: {}", ex.getMessage());
		}
	}

	private void keep(RevokedKeyUsed used) {
		ServiceScope.call(() -> {
			// in the service's name, as every entry is in its writer's (changeset 025); the key is its subject
			this.audit.record("service", null, "refused revoked key", used.key() + " (" + used.role() + ") was sent"
					+ " after its revocation and refused (told once an hour for each key)", used.address());
			return null;
		});
	}

}
