package org.kvali.audit;

import java.time.Clock;
import java.util.List;

import org.kvali.access.Access;
import org.kvali.access.Role;
import org.kvali.graphql.Connection;
import org.kvali.graphql.DateRange;
import org.kvali.graphql.Page;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The {@code AuditEvent} type and the audit log's root field; ADMIN only. */
@Controller
class AuditController {

	private final AuditLog log;

	private final Clock clock;

	AuditController(AuditLog log, Clock clock) {
		this.log = log;
		this.clock = clock;
	}

	@QueryMapping
	Connection<AuditEvent> auditEvents(@Argument Integer first, @Argument String after, @Argument AuditFilter filter) {
		Access.require(Role.ADMIN);
		var selected = filter == null ? AuditFilter.ALL : filter;
		DateRange.requireOrdered("filter.to", selected.from(), selected.to());
		var page = Page.of(first, after, 1);
		var zone = this.clock.getZone();
		var rows = this.log.page(selected, zone, page.key(0, Long::valueOf), page.limit());
		return Connection.of(rows, page, event -> List.of(Long.toString(event.id())), this.log.count(selected, zone));
	}

}
