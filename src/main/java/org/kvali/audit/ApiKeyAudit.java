package org.kvali.audit;

import org.kvali.access.ApiKeyChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records a key made or revoked in the transaction that stores it: a key recorded only by its mutation's entry, written
 * once the key was stored, was left without a trace when that entry failed (a review's).
 */
@Component
class ApiKeyAudit {

	private final AuditLog log;

	ApiKeyAudit(AuditLog log) {
		this.log = log;
	}

	@EventListener
	void changed(ApiKeyChanged change) {
		this.log.record(change.action(), change.key());
	}

}
