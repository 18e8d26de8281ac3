package org.kvali.audit;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.kvali.access.Access;
import org.kvali.access.Role;
import org.kvali.graphql.Connection;
import org.kvali.graphql.DateRange;
import org.kvali.graphql.InvalidArgumentException;
import org.kvali.graphql.Page;
import org.kvali.graphql.Text;

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
		requireKnown(selected.actions());
		var page = Page.of(first, after, 1);
		var zone = this.clock.getZone();
		var rows = this.log.page(selected, zone, page.key(0, Long::valueOf), page.limit());
		return Connection.of(rows, page, event -> List.of(Long.toString(event.id())), this.log.count(selected, zone));
	}

	/**
	 * Refuses an action no entry records, naming the one written in another case or spacing, or else every one: a
	 * misspelt action matched nothing, and an admin looking for erasures was told there were none (a tester's).
	 */
	private static void requireKnown(List<String> actions) {
		for (var action : actions == null ? List.<String>of() : actions) {
			if (!AuditLog.ACTIONS.contains(action)) {
				var written = String.join(" ", Text.trim(action).toLowerCase(Locale.ROOT).split("\\s+"));
				var meant = AuditLog.ACTIONS.stream().filter(written::equalsIgnoreCase).findFirst();
				throw new InvalidArgumentException("filter.actions", action, "No entry records the action '"
						+ Text.preview(action, 60) + "'" + meant.map(known -> "; it is written '" + known + "'")
							.orElseGet(() -> "; the actions are " + String.join(", ", AuditLog.ACTIONS)));
			}
		}
	}

}
