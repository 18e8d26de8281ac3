package org.kvali.access;

import java.util.Set;

import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is asking: a name for the audit trail and import history, a role, and for a PARTNER the organizations it acts
 * for (their ids).
 */
public record Caller(String name, Role role, Set<Long> organizations) {

	public Caller {
		organizations = Set.copyOf(organizations);
	}

	/** The caller of the current request; a request without one never reaches the application. */
	public static Caller current() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
			return caller;
		}
		throw new IllegalStateException("No authenticated caller in this thread");
	}

	public boolean is(Role... roles) {
		for (var candidate : roles) {
			if (this.role == candidate) {
				return true;
			}
		}
		return false;
	}

}
