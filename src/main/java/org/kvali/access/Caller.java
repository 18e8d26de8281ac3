package org.kvali.access;

import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is asking: a name for the audit trail and import history, a role, and for a PARTNER the organizations it acts
 * for (their ids); a DONOR has them only for a partner's work published ({@link Access#published}), whose small
 * numbers are weighed without those organizations' people.
 */
public record Caller(String name, Role role, Set<Long> organizations) {

	public Caller {
		organizations = Set.copyOf(organizations);
	}

	/** The caller of the current request; a request without one never reaches the application. */
	public static Caller current() {
		return find().orElseThrow(() -> new IllegalStateException("No authenticated caller in this thread"));
	}

	/** The caller of the current request, or none when the service itself is at work (start-up, tests). */
	public static Optional<Caller> find() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof Caller caller ? Optional.of(caller)
				: Optional.empty();
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
