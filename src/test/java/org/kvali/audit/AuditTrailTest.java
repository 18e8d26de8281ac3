package org.kvali.audit;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.access.ApiKeyService;
import org.kvali.access.Role;

import org.springframework.beans.factory.annotation.Autowired;
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
