package org.kvali.audit;

import java.time.LocalDate;
import java.util.List;

import org.kvali.access.Role;

/** Which audit entries to list; each condition given narrows it, values in one list being alternatives. */
public record AuditFilter(String actor, List<Role> roles, List<String> actions, String subjectContains,
		LocalDate from, LocalDate to) {

	static final AuditFilter ALL = new AuditFilter(null, null, null, null, null, null);

}
