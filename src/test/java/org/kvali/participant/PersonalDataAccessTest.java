package org.kvali.participant;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.access.ApiKeyService;
import org.kvali.access.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal data: only ADMIN reads it, every read and erasure is in the audit log, no other response carries it, and
 * erasing a person changes no count.
 */
@IntegrationTest
class PersonalDataAccessTest {

	private static final String EVERY_REPORT = """
			{ participation { totals { participants participations activities organizations }
			  breakdown(by: [MUNICIPALITY, GENDER, AGE_BAND]) { municipality { code } gender ageBand participants participations } } }""";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	ApiKeyService keys;

	@Autowired
	JdbcTemplate jdbc;

	String ref;

	String name;

	/** The audit log only grows; entries after this id are this test's. */
	long auditedBefore;

	@BeforeEach
	void aPersonWithAName() {
		var person = this.jdbc.queryForMap("""
				SELECT p.ref, pp.full_name FROM participant p JOIN participant_personal pp ON pp.participant_id = p.id
				ORDER BY p.ref DESC LIMIT 1""");
		this.ref = (String) person.get("ref");
		this.name = (String) person.get("full_name");
		this.auditedBefore = this.jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_event", Long.class);
	}

	@AfterEach
	void restore() {
		this.jdbc.update("""
				UPDATE participant SET ref = ? WHERE ref LIKE 'forgotten-%' AND id NOT IN
				  (SELECT participant_id FROM participant_personal)""", this.ref);
		this.jdbc.update("DELETE FROM erased_reference");
		this.jdbc.update("""
				INSERT INTO participant_personal (participant_id, full_name)
				SELECT id, ? FROM participant WHERE ref = ? ON CONFLICT DO NOTHING""", this.name, this.ref);
		this.jdbc.update("DELETE FROM api_key WHERE name LIKE 'pd %'");
	}

	@Test
	void anAdminReadsAPersonAndTheReadIsAudited() {
		this.graphQl.document("query($ref: ID!) { participant(ref: $ref) { ref fullName participations } }")
			.variable("ref", this.ref)
			.execute()
			.path("participant.fullName").entity(String.class).isEqualTo(this.name);
		var events = this.graphQl.document("{ auditEvents(first: 5) { totalCount edges { node { actor role action subject source } } } }")
			.execute();
		events.path("auditEvents.edges[0].node").entity(Map.class).isEqualTo(Map.of("actor", "bootstrap-admin", "role",
				"ADMIN", "action", "read personal data", "subject", this.ref, "source", "127.0.0.1"));
	}

	@Test
	void noOtherRoleReadsAPersonOrFindsANameInAnyAnswer() {
		for (var role : List.of(Role.ANALYST, Role.DONOR, Role.PARTNER)) {
			var caller = as(role);
			var refused = caller.document("query($ref: ID!) { participant(ref: $ref) { ref fullName } }")
				.variable("ref", this.ref)
				.execute();
			refused.errors()
				.expect(error -> error.getMessage().equals("This needs the role ADMIN; the caller has " + role
						+ (role == Role.PARTNER ? ": ask an admin of the service to do it" : "")))
				.verify()
				.path("participant")
				.valueIsNull();
			for (var query : List.of(EVERY_REPORT,
					"{ activities(first: 100) { edges { node { code title venueName organizer { name } } } } }",
					"{ organizations(first: 100) { edges { node { code name } } } }",
					"{ indicators { code name actual } }")) {
				var answer = caller.document(query).execute().path("").entity(Map.class).get();
				assertThat(answer).isNotEmpty();
				assertThat(answer.toString()).doesNotContain(this.name);
			}
		}
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM audit_event WHERE action = 'read personal data' AND id > ?", Integer.class,
				this.auditedBefore)).isZero();
		// each attempt is recorded, with who made it
		assertThat(this.jdbc.queryForList("""
				SELECT actor || ' ' || role || ' ' || subject FROM audit_event
				WHERE action = 'refused read of personal data' AND id > ? ORDER BY id""", String.class,
				this.auditedBefore)).satisfiesExactly(
					entry -> assertThat(entry).matches("key:pd ANALYST#\\S+ ANALYST " + this.ref),
					entry -> assertThat(entry).matches("key:pd DONOR#\\S+ DONOR " + this.ref),
					entry -> assertThat(entry).matches("key:pd PARTNER#\\S+ PARTNER " + this.ref));
	}

	@Test
	void forgettingAPersonKeepsEveryCountAndLeavesNoLinkToTheOldReference() {
		var before = this.graphQl.document(EVERY_REPORT).execute().path("participation").entity(Map.class).get();
		long id = this.jdbc.queryForObject("SELECT id FROM participant WHERE ref = ?", Long.class, this.ref);
		int participations = this.jdbc.queryForObject(
				"SELECT count(*) FROM participation WHERE participant_id = (SELECT id FROM participant WHERE ref = ?)",
				Integer.class, this.ref);
		// written in another case, and recorded as stored, so that the log searched for it finds it
		this.graphQl.document("mutation($ref: ID!) { forgetParticipant(ref: $ref) { participations } }")
			.variable("ref", this.ref.toLowerCase(java.util.Locale.ROOT))
			.execute()
			.path("forgetParticipant.participations").entity(Integer.class).isEqualTo(participations);
		assertThat(this.graphQl.document(EVERY_REPORT).execute().path("participation").entity(Map.class).get())
			.isEqualTo(before);
		this.graphQl.document("query($ref: ID!) { participant(ref: $ref) { ref } }").variable("ref", this.ref).execute()
			.errors()
			.expect(error -> error.getErrorType().toString().equals("NOT_FOUND")
					&& error.getMessage().equals("No participant has the reference '" + this.ref + "'"))
			.verify();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM participant_personal WHERE participant_id = ?",
				Integer.class, id)).isZero();
		var newRef = this.jdbc.queryForObject("SELECT ref FROM participant WHERE id = ?", String.class, id);
		assertThat(newRef).matches("forgotten-[0-9a-f]{24}");
		assertThat(this.jdbc.queryForList(
				"SELECT action || ' ' || coalesce(subject, '') FROM audit_event WHERE id > ? ORDER BY id", String.class,
				this.auditedBefore)).contains("forget participant " + this.ref).noneMatch(entry -> entry.contains(newRef));
	}

	private HttpGraphQlTester as(Role role) {
		var organizations = role == Role.PARTNER ? List.of("CIF") : List.<String>of();
		var secret = this.keys.create("pd " + role, role, organizations, false, "test").secret();
		return this.graphQl.mutate().header("Authorization", "Bearer " + secret).build();
	}

}
