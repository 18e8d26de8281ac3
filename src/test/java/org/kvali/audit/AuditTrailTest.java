package org.kvali.audit;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.access.ApiKeyService;
import org.kvali.access.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every change and every import is in the audit log with who, what and from where; only ADMIN reads the log. */
@IntegrationTest
class AuditTrailTest {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApiKeyService keys;

	/** The audit log only grows (no role may delete from it), so each test reads the entries after this id. */
	long before;

	@BeforeEach
	void mark() {
		this.before = this.jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_event", Long.class);
	}

	@AfterEach
	void clean() {
		this.jdbc.update("DELETE FROM attendance_import");
		this.jdbc.update("DELETE FROM programme WHERE code = 'AT-PROG'");
		this.jdbc.update("DELETE FROM api_key WHERE name = 'at analyst'");
	}

	@Test
	void mutationsAndImportsAreRecorded() throws Exception {
		this.graphQl.document("mutation { createProgramme(input: {code: \"AT-PROG\", name: \"Audited\"}) { code } }")
			.execute();
		this.graphQl.document("mutation { createProgramme(input: {code: \"AT-PROG\", name: \"Again\"}) { code } }")
			.execute()
			.errors()
			.expect(error -> true)
			.verify();
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").contentType("text/csv")
			.content("activity_code,project_code,participant_ref,gender\n")).andExpect(status().isUnprocessableContent());
		var entries = this.jdbc.queryForList("""
				SELECT actor || ' ' || role || ' ' || action || ' ' || subject || ' ' || source FROM audit_event
				WHERE id > ? ORDER BY id""", String.class, this.before);
		var importId = this.jdbc.queryForObject("SELECT id::text FROM attendance_import", String.class);
		assertThat(entries).containsExactly(
				"bootstrap-admin ADMIN mutation createProgramme(input:{code:\"AT-PROG\",name:\"Audited\"}) 127.0.0.1",
				"bootstrap-admin ADMIN mutation createProgramme(input:{code:\"AT-PROG\",name:\"Again\"}) (1 error(s)) 127.0.0.1",
				"bootstrap-admin ADMIN import " + importId + " REJECTED (dry run), 0 rows, SHA-256 "
						+ "6849f0b183197227c53ee4c8b89829ca7c6081ed131ccacfbaed026017793737 127.0.0.1");
	}

	/**
	 * A mutation's entry holds the whole request: a long argument no longer hides the fields after it (an entry was
	 * cut after 2,000 characters, and a tester hid a removal behind 10,000 characters of topics).
	 */
	@Test
	void aLongArgumentHidesNothingAfterIt() {
		var description = "d".repeat(4000);
		this.graphQl.document("mutation($d: String, $no: Boolean!) { a: createProgramme(input: {code: \"AT-PROG\", name: \"Long\", "
				+ "description: $d}) { code } ... on Mutation { b: updateProgramme(code: \"AT-PROG\", input: {name: "
				+ "\"Renamed\"}) { code } } ...more ... on Mutation @include(if: $no) { d: updateProgramme(code: "
				+ "\"AT-PROG\", input: {name: \"Skipped\"}) { code } } } fragment more on Mutation { c: updateProgramme("
				+ "code: \"AT-PROG\", input: {nameKa: \"x\"}) { code } }")
			.variable("d", description)
			.variable("no", false)
			.execute();
		// the fields of fragments at the root too, under their directives (a skipped one read as asked for)
		assertThat(this.jdbc.queryForList("SELECT subject FROM audit_event WHERE id > ? ORDER BY id", String.class,
				this.before))
			.containsExactly("a:createProgramme(input:{code:\"AT-PROG\",name:\"Long\",description:$d}) "
					+ "b:updateProgramme(code:\"AT-PROG\",input:{name:\"Renamed\"}) "
					+ "c:updateProgramme(code:\"AT-PROG\",input:{nameKa:\"x\"}) "
					+ "@include(if:$no){d:updateProgramme(code:\"AT-PROG\",input:{name:\"Skipped\"})} variables {d="
					+ description + ", no=false}");
	}

	/** A refusal quoting a NUL is recorded, the NUL written out, not lost to PostgreSQL's refusal of it. */
	@Test
	void aRefusalQuotingANulIsRecorded() throws Exception {
		this.mvc.perform(post("/imports/attendance").param("dryRun", "\0").contentType("text/csv").content("x\n"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("dryRun must be true or false, given once, not '\0'"));
		assertThat(this.jdbc.queryForList("SELECT action || ' ' || subject FROM audit_event WHERE id > ? ORDER BY id",
				String.class, this.before))
			.containsExactly("import refused with HTTP 400: dryRun must be true or false, given once, not '\\u0000'");
	}

	/**
	 * A role that may change nothing is refused every mutation, and its entry keeps the first 1,000 characters of
	 * what it sent: a donor's ten mutations of a million characters each had added 11 MB to the log.
	 */
	@Test
	void aRefusedRolesMutationIsKeptInPart() {
		var analyst = this.keys.create("at analyst", Role.ANALYST, List.of(), false, "test").secret();
		this.graphQl.mutate().header("Authorization", "Bearer " + analyst).build()
			.document("mutation($n: String!) { createProgramme(input: {code: \"AT-PROG\", name: $n}) { code } }")
			.variable("n", "n".repeat(5000))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).extracting(ResponseError::getMessage)
				.containsExactly("This needs the role ADMIN; the caller has ANALYST"));
		var sent = "createProgramme(input:{code:\"AT-PROG\",name:$n}) variables {n=" + "n".repeat(5000) + "}";
		assertThat(this.jdbc.queryForList("SELECT role || ' ' || subject FROM audit_event WHERE id > ? ORDER BY id",
				String.class, this.before))
			.containsExactly("ANALYST " + sent.substring(0, MutationAudit.REFUSED) + "... (1 error(s))");
	}

	/** The log is searched by actor, role, action, part of the subject and days, each narrowing it. */
	@Test
	void theLogIsFilteredByWhoWhatAndWhen() {
		var analyst = this.keys.create("at analyst", Role.ANALYST, List.of(), false, "test").secret();
		this.graphQl.mutate().header("Authorization", "Bearer " + analyst).build()
			.document("{ participant(ref: \"P0007\") { ref } }")
			.execute();
		this.graphQl.document("{ participant(ref: \"P0007\") { ref } }").execute();
		this.graphQl.document("mutation { createProgramme(input: {code: \"AT-PROG\", name: \"Found\"}) { code } }")
			.execute();
		var today = this.jdbc.queryForObject("SELECT CAST(now() AT TIME ZONE 'Asia/Tbilisi' AS date)::text", String.class);
		// language=GraphQL
		var document = """
				query($filter: AuditEventFilter) { auditEvents(first: 10, filter: $filter) { totalCount
				    edges { node { role action subject } } } }""";
		var newest = this.jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE id > ?", Integer.class,
				this.before);
		assertThat(newest).isEqualTo(3);
		for (var filter : List.of(
				java.util.Map.of("subjectContains", "p0007", "from", today, "to", today),
				java.util.Map.of("actions", List.of("read personal data", "refused read of personal data"),
						"subjectContains", "P0007"))) {
			assertThat(this.graphQl.document(document).variable("filter", filter).execute()
				.path("auditEvents.edges[*].node.role").entityList(String.class).get())
				.startsWith("ADMIN", "ANALYST");
		}
		var analysts = this.graphQl.document(document)
			.variable("filter", java.util.Map.of("roles", List.of("ANALYST"), "subjectContains", "P0007"))
			.execute();
		analysts.path("auditEvents.edges[*].node.action").entityList(String.class)
			.containsExactly("refused read of personal data");
		this.graphQl.document(document)
			.variable("filter", java.util.Map.of("actions", List.of("mutation"), "subjectContains", "name:\"found"))
			.execute()
			.path("auditEvents.totalCount").entity(Integer.class).isEqualTo(1);
		// nothing of a day to come, nor of an actor that never acted
		this.graphQl.document(document)
			.variable("filter", java.util.Map.of("from", "2099-01-01"))
			.execute()
			.path("auditEvents.totalCount").entity(Integer.class).isEqualTo(0);
		this.graphQl.document(document)
			.variable("filter", java.util.Map.of("actor", "key:nobody#0"))
			.execute()
			.path("auditEvents.totalCount").entity(Integer.class).isEqualTo(0);
		this.graphQl.document(document)
			.variable("filter", java.util.Map.of("from", "2025-02-02", "to", "2025-02-01"))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).extracting(error -> error.getExtensions().get("argument") + " "
					+ error.getMessage()).containsExactly("filter.to to (2025-02-01) is before from (2025-02-02): nothing starts between them"));
	}

	@Test
	void onlyAnAdminReadsTheLog() {
		var analyst = this.keys.create("at analyst", Role.ANALYST, List.of(), false, "test").secret();
		this.graphQl.mutate().header("Authorization", "Bearer " + analyst).build()
			.document("{ auditEvents { totalCount } }")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("This needs the role ADMIN; the caller has ANALYST"))
			.verify();
	}

}
