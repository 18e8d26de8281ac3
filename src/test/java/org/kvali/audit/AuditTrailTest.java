package org.kvali.audit;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.access.ApiKeyService;
import org.kvali.access.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseDataSource;
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

	@Autowired
	@LiquibaseDataSource
	DataSource owner;

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
		this.jdbc.update("DELETE FROM api_key WHERE name IN ('at analyst', 'at partner')");
		this.jdbc.update("DELETE FROM participant WHERE ref = 'AT-P1'");
	}

	@Test
	void mutationsAndImportsAreRecorded() throws Exception {
		this.graphQl.document("mutation { createProgramme(input: {code: \"AT-PROG\", name: \"Audited\"}) { code } }")
			.execute();
		// the second, of a code taken, is refused as a conflict and changes nothing, but is recorded all the same
		this.graphQl.document("mutation { createProgramme(input: {code: \"AT-PROG\", name: \"Again\"}) { code } }")
			.execute()
			.errors()
			.expect(error -> "CONFLICT".equals(error.getErrorType().toString())
					&& "input.code".equals(error.getExtensions().get("argument"))
					&& error.getMessage().equals("A programme with the code 'AT-PROG' exists already (codes that"
							+ " differ only in case are one code)"))
			.verify();
		assertThat(this.jdbc.queryForList("SELECT name FROM programme WHERE code = 'AT-PROG'", String.class))
			.containsExactly("Audited");
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

	/**
	 * A correction of a person's details is kept as the fields it set, not their values, written in the document or
	 * in variables, stored or refused: the values stayed beside the reference after an erasure (a review's).
	 */
	@Test
	void aCorrectionKeepsWhichDetailsItSetNotTheirValues() {
		this.jdbc.update("INSERT INTO participant (ref, gender, birth_year) VALUES ('AT-P1', 'FEMALE', 1990)");
		this.graphQl.document("mutation { correctParticipant(ref: \"AT-P1\", input: {birthYear: 1987,"
				+ " disability: true}) { birthYear } }")
			.execute()
			.path("correctParticipant.birthYear")
			.entity(Integer.class)
			.isEqualTo(1987);
		var input = new LinkedHashMap<String, Object>();
		input.put("gender", "MALE");
		input.put("birthYear", 1986);
		this.graphQl.document("mutation($in: ParticipantCorrection!, $m: ID) { a: correctParticipant(ref: \"AT-P1\","
				+ " input: $in) { ref } b: correctParticipant(ref: \"AT-P1\", input: {homeMunicipality: $m}) { ref } }")
			.variable("in", input)
			.variable("m", "GE-KK-RUSTAVI")
			.execute()
			.path("b.ref")
			.entity(String.class)
			.isEqualTo("AT-P1");
		this.graphQl.document("mutation { correctParticipant(ref: \"AT-NONE\", input: {birthYear: 1950}) { ref } }")
			.execute()
			.errors()
			.expect(error -> "NOT_FOUND".equals(error.getErrorType().toString()))
			.verify();
		assertThat(this.jdbc.queryForMap("""
				SELECT gender, birth_year, disability, home_municipality_code FROM participant WHERE ref = 'AT-P1'"""))
			.isEqualTo(Map.of("gender", "MALE", "birth_year", 1986, "disability", true, "home_municipality_code",
					"GE-KK-RUSTAVI"));
		assertThat(this.jdbc.queryForList("SELECT subject FROM audit_event WHERE id > ? ORDER BY id", String.class,
				this.before))
			.containsExactly("correctParticipant(ref:\"AT-P1\",input:{birthYear:(not kept),disability:(not kept)})",
					"a:correctParticipant(ref:\"AT-P1\",input:$in) b:correctParticipant(ref:\"AT-P1\",input:"
							+ "{homeMunicipality:(not kept)}) variables {in={gender=(not kept), birthYear=(not kept)},"
							+ " m=(not kept)}",
					"correctParticipant(ref:\"AT-NONE\",input:{birthYear:(not kept)}) (1 error(s))");
	}

	/**
	 * A key made or revoked is recorded in the transaction that stores it, by the name it acts under: where that
	 * entry cannot be written, no key is made (a key had been stored, and its mutation's entry, written after, lost).
	 */
	@Test
	void aKeyMadeOrRevokedIsRecordedWithIt() {
		var id = this.graphQl.document("mutation { createApiKey(input: {name: \"at partner\", role: PARTNER,"
				+ " organizations: [\"CIF\"]}) { key { id } } }")
			.execute()
			.path("createApiKey.key.id")
			.entity(String.class)
			.get();
		// revoked again, it stays as it was and is not recorded as revoked twice
		for (int i = 0; i < 2; i++) {
			this.graphQl.document("mutation { revokeApiKey(id: \"" + id + "\") { revokedAt } }").execute();
		}
		assertThat(this.jdbc.queryForList("SELECT action || ': ' || subject FROM audit_event WHERE id > ? ORDER BY id",
				String.class, this.before))
			.containsExactly("create API key: key:at partner#" + id + " PARTNER for CIF",
					"mutation: createApiKey(input:{name:\"at partner\",role:PARTNER,organizations:[\"CIF\"]})",
					"revoke API key: key:at partner#" + id + " PARTNER",
					"mutation: revokeApiKey(id:\"" + id + "\")", "mutation: revokeApiKey(id:\"" + id + "\")");
		entriesRefused("NEW.action = 'create API key'", () -> this.graphQl
			.document("mutation { createApiKey(input: {name: \"at analyst\", role: ANALYST}) { secret } }")
			.execute()
			.errors()
			.expect(error -> "INTERNAL_ERROR".equals(error.getErrorType().toString()))
			.verify()
			.path("createApiKey")
			.valueIsNull());
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM api_key WHERE name = 'at analyst'", Integer.class))
			.isZero();
	}

	/**
	 * Times are answered in UTC with their seconds, whatever offset they were read with: the log's entry at 22:00 in
	 * Tbilisi, and a key made then, are 18:00:00Z (an entry said 18:00Z, without its seconds, and a key's time was
	 * answered at +04:00 beside the log's in UTC).
	 */
	@Test
	void timesAreAnsweredInUtcWithTheirSeconds() {
		var key = this.keys.create("at analyst", Role.ANALYST, List.of(), false, "test");
		var owner = new JdbcTemplate(this.owner);
		owner.update("UPDATE audit_event SET at = TIMESTAMPTZ '2026-12-01 22:00:00+04' WHERE action = 'create API key'"
				+ " AND subject LIKE ?", "%" + key.key().id() + "%");
		owner.update("UPDATE api_key SET created_at = TIMESTAMPTZ '2026-12-01 22:00:00+04' WHERE id = ?",
				key.key().id());
		this.graphQl.document("""
				query($key: String) {
				  auditEvents(first: 2, filter: {actions: ["create API key"], subjectContains: $key}) {
				    edges { node { at } } }
				  apiKeys { id createdAt } }""")
			.variable("key", key.key().id().toString())
			.execute()
			.path("auditEvents.edges[*].node.at")
			.entityList(String.class)
			.containsExactly("2026-12-01T18:00:00.000Z")
			.path("apiKeys[?(@.id == '" + key.key().id() + "')].createdAt")
			.entityList(String.class)
			.containsExactly("2026-12-01T18:00:00.000Z");
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
	 * A mutation that changed nothing (every field refused to the caller's role, or in error) keeps the first 1,000
	 * characters of what it sent: a donor's ten mutations of a million characters each had added 11 MB to the log, a
	 * partner may send an admin's mutations, and may send its own with values no check would pass. One that was
	 * stored is kept whole.
	 */
	@Test
	void aRefusedMutationIsKeptInPart() {
		var analyst = this.keys.create("at analyst", Role.ANALYST, List.of(), false, "test").secret();
		var partner = this.keys.create("at partner", Role.PARTNER, List.of("CIF"), false, "test").secret();
		var mutation = "mutation($n: String!) { createProgramme(input: {code: \"AT-PROG\", name: \"Audited\", "
				+ "description: $n}) { code } }";
		for (var key : List.of(analyst, partner)) {
			this.graphQl.mutate().header("Authorization", "Bearer " + key).build()
				.document(mutation)
				.variable("n", "n".repeat(5000))
				.execute()
				.errors()
				.satisfy(errors -> assertThat(errors).extracting(ResponseError::getMessage)
					.containsExactly("This needs the role ADMIN; the caller has " + (key.equals(analyst) ? "ANALYST"
							: "PARTNER: ask an admin of the service to do it")));
		}
		this.graphQl.document(mutation).variable("n", "n".repeat(5000)).execute();
		// refused for what it sent, by a role that may send it: a partner's 900,000-character title of its own
		// activity was kept whole
		var title = "mutation($n: String!) { updateActivity(code: \"OTH-2025-STUDY-VISIT\", input: {title: $n}) {"
				+ " code } }";
		this.graphQl.mutate().header("Authorization", "Bearer " + partner).build()
			.document(title).variable("n", "t".repeat(20000)).execute().errors()
			.satisfy(errors -> assertThat(errors).extracting(ResponseError::getMessage)
				.containsExactly("input.title: At most 500 characters; this is 20000"));
		var sent = "createProgramme(input:{code:\"AT-PROG\",name:\"Audited\",description:$n}) variables {n="
				+ "n".repeat(5000) + "}";
		var titled = "updateActivity(code:\"OTH-2025-STUDY-VISIT\",input:{title:$n}) variables {n=" + "t".repeat(20000)
				+ "}";
		assertThat(this.jdbc.queryForList("""
				SELECT role || ' ' || subject FROM audit_event WHERE id > ? AND action = 'mutation' ORDER BY id""",
				String.class, this.before))
			.containsExactly("ANALYST " + sent.substring(0, 1000) + "... (1 error(s))",
					"PARTNER " + sent.substring(0, 1000) + "... (1 error(s))", "ADMIN " + sent,
					"PARTNER " + titled.substring(0, 1000) + "... (1 error(s))");
		// nor is a field skipped beside it a change (a reviewer's kept the refused one whole)
		this.graphQl.mutate().header("Authorization", "Bearer " + partner).build()
			.document(title.replace(" } }", " } b: updateActivity(code: \"OTH-2025-STUDY-VISIT\", input: {title: \"x\"})"
					+ " @skip(if: true) { code } }"))
			.variable("n", "t".repeat(20000)).execute().errors()
			.satisfy(errors -> assertThat(errors).hasSize(1));
		assertThat(this.jdbc.queryForObject("SELECT subject FROM audit_event ORDER BY id DESC LIMIT 1", String.class))
			.hasSize(1000 + "... (1 error(s))".length()).contains("@skip(if:true)");
	}

	/**
	 * Beside a change, what changed nothing is kept in part: a variable only a skipped field named, of 20,000
	 * characters, was kept whole with the change (a review's); the change itself is kept whole.
	 */
	@Test
	void aSkippedFieldsVariableBesideAChangeIsKeptInPart() {
		this.graphQl.document("mutation { createProgramme(input: {code: \"AT-PROG\", name: \"Audited\"}) { code } }")
			.execute();
		var changed = "a:updateProgramme(code:\"AT-PROG\",input:{name:\"Renamed\"})";
		this.graphQl.document("mutation($j: ID!) { a: updateProgramme(code: \"AT-PROG\", input: {name: \"Renamed\"}) {"
				+ " code } b: deleteProgramme(code: $j) @include(if: false) }")
			.variable("j", "j".repeat(20_000))
			.execute()
			.path("a.code")
			.entity(String.class)
			.isEqualTo("AT-PROG");
		var entry = this.jdbc.queryForObject("SELECT subject FROM audit_event ORDER BY id DESC LIMIT 1", String.class);
		var skipped = "b:deleteProgramme(code:$j) @include(if:false)";
		assertThat(entry).isEqualTo(changed + " " + skipped + " variables {j="
				+ "j".repeat(MutationAudit.REFUSED - skipped.length() - "j=".length()) + "...}");
	}

	/**
	 * A mutation's entry is written after its change committed: an entry that cannot be written is logged, and the
	 * client told of the change as it stands (it had been told the request failed, and a retry made it twice).
	 */
	@Test
	void aChangeWhoseEntryCannotBeWrittenIsAnsweredAsStored() {
		entriesRefused("NEW.subject LIKE '%AT-PROG%'", () -> this.graphQl
			.document("mutation { createProgramme(input: {code: \"AT-PROG\", name: \"Unaudited\"}) { code } }")
			.execute()
			.path("createProgramme.code")
			.entity(String.class)
			.isEqualTo("AT-PROG"));
		assertThat(this.jdbc.queryForObject("SELECT name FROM programme WHERE code = 'AT-PROG'", String.class))
			.isEqualTo("Unaudited");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE id > ?", Integer.class,
				this.before)).isZero();
	}

	/**
	 * The log is searched by actor, role, action, part of the subject and days, each narrowing it: of three reads of
	 * one unknown reference and a mutation, each filter selects exactly those it names.
	 */
	@Test
	void theLogIsFilteredByWhoWhatAndWhen() {
		var analyst = this.keys.create("at analyst", Role.ANALYST, List.of(), false, "test");
		var reference = "AT-" + System.nanoTime();
		this.graphQl.mutate().header("Authorization", "Bearer " + analyst.secret()).build()
			.document("query($ref: ID!) { participant(ref: $ref) { ref } }").variable("ref", reference).execute();
		this.graphQl.document("query($ref: ID!) { participant(ref: $ref) { ref } }").variable("ref", reference).execute();
		this.graphQl.document("mutation($n: String!) { createProgramme(input: {code: \"AT-PROG\", name: $n}) { code } }")
			.variable("n", reference + "_50%")
			.execute();
		var today = this.jdbc.queryForObject("SELECT CAST(now() AT TIME ZONE 'Asia/Tbilisi' AS date)::text", String.class);
		var tomorrow = LocalDate.parse(today).plusDays(1).toString();
		var marked = Map.<String, Object>of("subjectContains", reference.toLowerCase(Locale.ROOT));
		assertThat(entries(marked)).containsExactly("ADMIN mutation", "ADMIN read personal data",
				"ANALYST refused read of personal data");
		assertThat(entries(with(marked, "actions", List.of("read personal data", "refused read of personal data"))))
			.containsExactly("ADMIN read personal data", "ANALYST refused read of personal data");
		assertThat(entries(with(marked, "roles", List.of("ANALYST"))))
			.containsExactly("ANALYST refused read of personal data");
		var actor = this.jdbc.queryForObject("SELECT actor FROM audit_event WHERE id > ? AND role = 'ANALYST'",
				String.class, this.before);
		assertThat(entries(with(marked, "actor", actor))).containsExactly("ANALYST refused read of personal data");
		assertThat(entries(with(marked, "actor", actor.toUpperCase(Locale.ROOT)))).isEmpty();
		// % and _ are themselves, not patterns
		assertThat(entries(Map.of("subjectContains", reference + "_50%"))).containsExactly("ADMIN mutation");
		assertThat(entries(Map.of("subjectContains", reference + "%"))).isEmpty();
		// today holds them, each side on its own; the day after none
		assertThat(entries(with(with(marked, "from", today), "to", today))).hasSize(3);
		assertThat(entries(with(marked, "to", today))).hasSize(3);
		assertThat(entries(with(marked, "from", tomorrow))).isEmpty();
		assertThat(entries(with(marked, "to", LocalDate.parse(today).minusDays(1).toString()))).isEmpty();
		// language=GraphQL
		this.graphQl.document("{ auditEvents(filter: {from: \"2025-02-02\", to: \"2025-02-01\"}) { totalCount } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).extracting(error -> error.getExtensions().get("argument") + " "
					+ error.getMessage()).containsExactly(
							"filter.to to (2025-02-01) is before from (2025-02-02): no day lies between them, so nothing is selected"));
		// an action no entry records is named, not answered as none (a tester's looked for erasures so)
		this.graphQl.document("query($filter: AuditEventFilter) { auditEvents(filter: $filter) { totalCount } }")
			.variable("filter", Map.of("actions", List.of("forget participant", " Forget  Participant", "erasure")))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).extracting(error -> error.getExtensions().get("argument") + " "
					+ error.getMessage()).containsExactly("filter.actions No entry records the action ' Forget "
							+ " Participant'; it is written 'forget participant'"));
		this.graphQl.document("{ auditEvents(filter: {actions: [\"erasure\"]}) { totalCount } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).extracting(ResponseError::getMessage).containsExactly("No entry"
					+ " records the action 'erasure'; the actions are create API key, forget participant, import,"
					+ " mutation, read attendance, read personal data, refused import, refused read of attendance,"
					+ " refused read of personal data, refused revoked key, remove participant with their"
					+ " participation, remove participations with activity, revoke API key"));
	}

	/** The action of each entry the filter selects, newest first, after its role; the count must agree. */
	/** Runs {@code work} while the database refuses the audit entries {@code when} selects (a trigger's condition). */
	private void entriesRefused(String when, Runnable work) {
		var owner = new JdbcTemplate(this.owner);
		owner.execute("""
				CREATE FUNCTION at_refuse_entry() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN RAISE EXCEPTION 'no entry'; END $$""");
		owner.execute("CREATE TRIGGER at_refuse_entry BEFORE INSERT ON audit_event FOR EACH ROW WHEN (" + when
				+ ") EXECUTE FUNCTION at_refuse_entry()");
		try {
			work.run();
		}
		finally {
			owner.execute("DROP TRIGGER at_refuse_entry ON audit_event");
			owner.execute("DROP FUNCTION at_refuse_entry()");
		}
	}

	private List<String> entries(Map<String, Object> filter) {
		// language=GraphQL
		var answer = this.graphQl.document("""
				query($filter: AuditEventFilter) { auditEvents(first: 100, filter: $filter) { totalCount
				    edges { node { role action } } } }""").variable("filter", filter).execute();
		var entries = answer.path("auditEvents.edges[*].node").entityList(Map.class).get().stream()
			.map(node -> node.get("role") + " " + node.get("action"))
			.toList();
		answer.path("auditEvents.totalCount").entity(Integer.class).isEqualTo(entries.size());
		return entries;
	}

	private static Map<String, Object> with(Map<String, Object> filter, String name, Object value) {
		var more = new HashMap<>(filter);
		more.put(name, value);
		return more;
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
