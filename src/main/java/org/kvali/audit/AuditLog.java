package org.kvali.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.kvali.access.Caller;
import org.kvali.graphql.Text;
import org.kvali.sql.Conditions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Repository;

/**
 * The audit log: who (the caller's name and role), when, what (an action and its subject) and from where (the
 * client's address). An entry is written in the caller's transaction when there is one (an erasure and its entry are
 * stored together or not at all); a mutation's entry is written once the mutation has run, with its error count, and
 * a read of personal data is recorded before the read, so a look-up of an unknown person is kept too.
 */
@Repository
public class AuditLog {

	/** The most characters of a subject (changeset 048's check). */
	static final int LONGEST = 2_000_000;

	/** Every action an entry records, as {@code action} gives it: the filter takes these alone. */
	static final List<String> ACTIONS = List.of("create API key", "forget participant", "import", "mutation",
			"read attendance", "read personal data", "refused import", "refused read of attendance",
			"refused read of personal data", "refused revoked key", "remove participant with their participation",
			"remove participations with activity", "revoke API key");

	private final JdbcClient jdbc;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records an action of the current caller (or of the service itself, when there is none). A NUL in the subject
	 * (a refused request can quote one) is written as the text {@code \\u0000}, since PostgreSQL text cannot hold it
	 * and the entry would otherwise be lost. A subject is kept whole up to {@link #LONGEST} characters (changeset 048),
	 * more than a GraphQL body of the default size can make; a longer one is cut, never inside a character, and says
	 * how much it lost.
	 */
	public void record(String action, String subject) {
		var caller = Caller.find();
		record(caller.map(Caller::name).orElse("service"), caller.map(c -> c.role().name()).orElse(null), action,
				subject, source());
	}

	/**
	 * Records an action under this name and role, from {@code source}: the service's own ({@code service}, no role),
	 * for what no caller did (a revoked key sent, refused before anyone acted); the database keeps every entry in its
	 * writer's name (changeset 025).
	 */
	void record(String actor, String role, String action, String subject, String source) {
		if (!ACTIONS.contains(action)) {
			// so that the filter's list of actions is every one recorded
			throw new IllegalArgumentException("An action the audit log does not list: " + action);
		}
		var text = subject == null ? null : subject.replace("\0", "\\u0000");
		this.jdbc.sql("""
				INSERT INTO audit_event (actor, role, action, subject, source)
				VALUES (:actor, :role, :action, :subject, :source)""")
			.param("actor", actor)
			.param("role", role)
			.param("action", action)
			.param("subject", text == null ? null : whole(text))
			.param("source", source)
			.update();
	}

	private static String whole(String text) {
		int length = Text.length(text);
		if (length <= LONGEST) {
			return text;
		}
		var cut = " ... (cut here: " + length + " characters in all)";
		return text.substring(0, text.offsetByCodePoints(0, LONGEST - cut.length())) + cut;
	}

	/**
	 * A page of the entries the filter selects, newest first, after the entry with id {@code afterId} when it is not
	 * null; days begin at midnight in {@code zone}, the service's.
	 */
	public List<AuditEvent> page(AuditFilter filter, ZoneId zone, Long afterId, int limit) {
		var conditions = conditions(filter, zone).add("id < :after", "after", afterId);
		return this.jdbc.sql("SELECT id, at, actor, role, action, subject, source FROM audit_event\n"
				+ conditions.where() + "\nORDER BY id DESC LIMIT :limit")
			.params(conditions.parameters())
			.param("limit", limit)
			.query(AuditEvent.class)
			.list();
	}

	public int count(AuditFilter filter, ZoneId zone) {
		var conditions = conditions(filter, zone);
		return this.jdbc.sql("SELECT count(*) FROM audit_event " + conditions.where())
			.params(conditions.parameters())
			.query(Integer.class)
			.single();
	}

	private static Conditions conditions(AuditFilter filter, ZoneId zone) {
		var conditions = new Conditions().add("actor = :actor", "actor", filter.actor())
			.addAny("role = ANY(:roles)", "roles", filter.roles())
			.addAny("action = ANY(:actions)", "actions", filter.actions())
			.add("at >= CAST(:from AS timestamptz)", "from", day(filter.from(), zone))
			.add("at < CAST(:to AS timestamptz)", "to", day(filter.to() == null ? null : filter.to().plusDays(1), zone));
		if (filter.subjectContains() != null) {
			conditions.add("subject ILIKE :subject COLLATE pg_c_utf8", "subject",
					"%" + filter.subjectContains().replaceAll("([\\\\%_])", "\\\\$1") + "%");
		}
		return conditions;
	}

	/** Midnight of the day in the zone, as the instant it is. */
	private static OffsetDateTime day(LocalDate day, ZoneId zone) {
		return day == null ? null : day.atStartOfDay(zone).toOffsetDateTime();
	}

	/** The client's address, as the authentication saw it. */
	private static String source() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : null;
	}

}
