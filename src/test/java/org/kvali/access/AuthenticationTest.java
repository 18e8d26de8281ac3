package org.kvali.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.LockWaits;
import org.kvali.TestCallers;
import org.kvali.TestJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseDataSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Who gets in: API keys, the bootstrap key, JWTs, demo keys and GraphiQL's cookie, and 401 for everyone else. */
@IntegrationTest
class AuthenticationTest {

	private static final String TOTALS = "{\"query\":\"{ participation { totals { participants } } }\"}";

	@Autowired
	MockMvc mvc;

	@Autowired
	@LiquibaseDataSource
	DataSource owner;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DemoKeys demoKeys;

	@Autowired
	org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups healthGroups;

	@Autowired
	ApiKeyService apiKeys;

	@Autowired
	ApiKeyRepository keyRows;

	@Autowired
	org.kvali.organization.OrganizationService organizations;

	@Test
	void withoutATokenEveryEndpointAnswers401AsAGraphQlErrorAndNoData() throws Exception {
		for (var request : List.of(post("/graphql").contentType(MediaType.APPLICATION_JSON).content(TOTALS),
				post("/imports/attendance").contentType("text/csv").content("activity_code\n"),
				get("/iati/activities.xml"), get("/actuator/info"))) {
			this.mvc.perform(request.header("Authorization", ""))
				.andExpect(status().isUnauthorized())
				.andExpect(header().string("WWW-Authenticate", "Bearer"))
				.andExpect(jsonPath("$.data").doesNotExist())
				.andExpect(jsonPath("$.errors[0].extensions.classification").value("UNAUTHORIZED"))
				.andExpect(jsonPath("$.errors[0].message")
					.value("Authentication required: send Authorization: Bearer <API key or token>"));
		}
		this.mvc.perform(get("/actuator/health").header("Authorization", "")).andExpect(status().isOk());
	}

	@Test
	void aWrongTokenIs401() throws Exception {
		for (var token : List.of("kvali_not-a-key", "nonsense", TestJwts.token("x", Map.of("kvali_role", "ADMIN"),
				Instant.now().minusSeconds(300)))) {
			graphQl(token, TOTALS).andExpect(status().isUnauthorized())
				.andExpect(jsonPath("$.errors[0].message")
					.value("The bearer token is not valid: unknown, revoked, expired or malformed"));
		}
	}

	/** A header of another scheme than Bearer (Basic, or a key alone) is told what to send instead. */
	@Test
	void anotherSchemeIsToldToSendABearerToken() throws Exception {
		for (var header : List.of("Basic YWRtaW46YWRtaW4=", "kvali_not-a-key", "Bearer")) {
			this.mvc.perform(post("/graphql").contentType(MediaType.APPLICATION_JSON).content(TOTALS)
				.header("Authorization", header))
				.andExpect(status().isUnauthorized())
				.andExpect(jsonPath("$.errors[0].message").value(
						"Authorization holds no bearer token: send Authorization: Bearer <API key or token>"));
		}
	}

	/**
	 * Two Authorization headers name two callers: refused, where the first was taken (a gateway adding one, or reading
	 * the last, saw another caller than Kvali did: a security tester's).
	 */
	@Test
	void twoAuthorizationHeadersAreRefused() throws Exception {
		var donor = this.apiKeys.create("two headers", Role.DONOR, List.of(), false, "test").secret();
		for (var request : List.of(post("/graphql").contentType(MediaType.APPLICATION_JSON).content(TOTALS),
				post("/imports/attendance").contentType("text/csv").content("activity_code\n"))) {
			this.mvc.perform(request.header("Authorization", "Bearer " + donor, "Bearer " + TestCallers.ADMIN_KEY))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.data").doesNotExist())
				.andExpect(jsonPath("$.errors[0].extensions.classification").value("BAD_REQUEST"))
				.andExpect(jsonPath("$.errors[0].message").value("Send one Authorization header; this request has 2"
						+ " (a proxy may add one), and is not answered as any of them"));
		}
	}

	@Test
	void anAdminMakesAKeyThatWorksIsStoredAsAHashAndStopsWorkingWhenRevoked() throws Exception {
		var created = graphQl(null, """
				{"query":"mutation { createApiKey(input: {name: \\"donor dashboard\\", role: DONOR}) { secret key { id name role createdBy revokedAt organizations { code } } } }"}""")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data.createApiKey.secret").value(startsWith("kvali_")))
			.andExpect(jsonPath("$.data.createApiKey.key.role").value("DONOR"))
			.andExpect(jsonPath("$.data.createApiKey.key.createdBy").value("bootstrap-admin"))
			.andExpect(jsonPath("$.data.createApiKey.key.organizations").isEmpty())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String secret = JsonPath.read(created, "$.data.createApiKey.secret");
		String id = JsonPath.read(created, "$.data.createApiKey.key.id");
		assertThat(secret).hasSize("kvali_".length() + 43);
		assertThat(this.jdbc.queryForObject("SELECT encode(secret_sha256, 'hex') FROM api_key WHERE id = ?::uuid",
				String.class, id)).isEqualTo(HexFormat.of()
					.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8))));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM api_key WHERE row(api_key.*)::text LIKE ?",
				Integer.class, "%" + secret.substring(6) + "%")).isZero();
		graphQl(secret, TOTALS).andExpect(status().isOk()).andExpect(jsonPath("$.data.participation.totals.participants").isNumber());
		graphQl(null, "{\"query\":\"{ apiKeys { id name revokedAt } }\"}")
			.andExpect(jsonPath("$.data.apiKeys[?(@.id == '" + id + "')].name").value("donor dashboard"));
		graphQl(null, "{\"query\":\"mutation { revokeApiKey(id: \\\"" + id + "\\\") { revokedAt } }\"}")
			.andExpect(jsonPath("$.data.revokeApiKey.revokedAt").isString());
		graphQl(secret, TOTALS).andExpect(status().isUnauthorized());
		// kept in the audit log, once for the hour however often it is sent: someone still holds it
		graphQl(secret, TOTALS).andExpect(status().isUnauthorized());
		assertThat(this.jdbc.queryForList("""
				SELECT actor || ' ' || coalesce(role, '-') || ' ' || subject || ' ' || source FROM audit_event
				WHERE action = 'refused revoked key' AND subject LIKE ?""", String.class, "%#" + id + "%"))
			.containsExactly("service - key:donor dashboard#" + id + " (DONOR) was sent after its revocation and refused"
					+ " (told once an hour for each key) 127.0.0.1");
	}

	/** The last ADMIN key revoked by itself would leave nobody to make keys: a key does not revoke itself. */
	@Test
	void aKeyDoesNotRevokeItself() throws Exception {
		var created = graphQl(null, """
				{"query":"mutation { createApiKey(input: {name: \\"second admin\\", role: ADMIN}) { secret key { id } } }"}""")
			.andReturn()
			.getResponse()
			.getContentAsString();
		String secret = JsonPath.read(created, "$.data.createApiKey.secret");
		String id = JsonPath.read(created, "$.data.createApiKey.key.id");
		var revoke = "{\"query\":\"mutation { revokeApiKey(id: \\\"" + id + "\\\") { revokedAt } }\"}";
		graphQl(secret, revoke).andExpect(status().isOk())
			.andExpect(jsonPath("$.data.revokeApiKey").value(org.hamcrest.Matchers.nullValue()))
			.andExpect(jsonPath("$.errors[0].extensions.classification").value("BAD_REQUEST"))
			.andExpect(jsonPath("$.errors[0].message").value("id: This is the key you are using; a key does not revoke"
					+ " itself, so that whoever revokes still holds one: revoke it with another ADMIN key (create one"
					+ " first)"));
		graphQl(secret, TOTALS).andExpect(status().isOk());
		graphQl(null, revoke).andExpect(jsonPath("$.data.revokeApiKey.revokedAt").isString());
		graphQl(secret, TOTALS).andExpect(status().isUnauthorized());
	}

	/** A revocation names a stored key by its id: another text, or an id no key has, is refused and no key changes. */
	@Test
	void onlyAStoredKeyIsRevoked() throws Exception {
		var revoked = "SELECT count(*) FROM api_key WHERE revoked_at IS NOT NULL";
		int before = this.jdbc.queryForObject(revoked, Integer.class);
		graphQl(null, "{\"query\":\"mutation { revokeApiKey(id: \\\"donor dashboard\\\") { revokedAt } }\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data.revokeApiKey").value(org.hamcrest.Matchers.nullValue()))
			.andExpect(jsonPath("$.errors[0].extensions.classification").value("BAD_REQUEST"))
			.andExpect(jsonPath("$.errors[0].extensions.argument").value("id"))
			.andExpect(jsonPath("$.errors[0].message").value("Not a key id"));
		var none = "7d0c6a2e-0000-4000-8000-000000000000";
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM api_key WHERE id = ?::uuid", Integer.class, none))
			.isZero();
		graphQl(null, "{\"query\":\"mutation { revokeApiKey(id: \\\"" + none + "\\\") { revokedAt } }\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data.revokeApiKey").value(org.hamcrest.Matchers.nullValue()))
			.andExpect(jsonPath("$.errors[0].extensions.classification").value("NOT_FOUND"))
			.andExpect(jsonPath("$.errors[0].message").value("No API key has the id '" + none + "'"));
		assertThat(this.jdbc.queryForObject(revoked, Integer.class)).isEqualTo(before);
	}

	/**
	 * Two ADMIN keys revoking each other at once each revoked the other, and no admin was left (a tester's). The first
	 * revocation, held open here, holds the second key's row; the second key's revocation of the first waits for it,
	 * then finds its own key revoked and is refused.
	 */
	@Test
	void twoKeysRevokingEachOtherAtOnceLeaveOne() throws Exception {
		var first = adminKey("first of two");
		var second = adminKey("second of two");
		var executor = Executors.newSingleThreadExecutor();
		try (var connection = this.owner.getConnection()) {
			connection.setAutoCommit(false);
			try (var revoke = connection.prepareStatement("UPDATE api_key SET revoked_at = now() WHERE id = ?::uuid")) {
				revoke.setString(1, second.getValue());
				assertThat(revoke.executeUpdate()).isOne();
			}
			var answer = executor.submit(() -> graphQl(second.getKey(), "{\"query\":\"mutation { revokeApiKey(id: \\\""
					+ first.getValue() + "\\\") { revokedAt } }\"}").andReturn().getResponse().getContentAsString());
			LockWaits.await(this.owner, 1);
			assertThat(answer).as("waits for the first revocation").isNotDone();
			connection.commit();
			assertThat(answer.get(30, TimeUnit.SECONDS)).contains("\"classification\":\"FORBIDDEN\"")
				.contains("Your key was revoked while this request ran");
		}
		finally {
			executor.shutdownNow();
		}
		graphQl(first.getKey(), TOTALS).andExpect(status().isOk());
		graphQl(second.getKey(), TOTALS).andExpect(status().isUnauthorized());
	}

	/**
	 * A key revoked while its request to make a key waits for the writers' queue makes none: let in before its
	 * revocation, a leaked key's request made a new ADMIN key after it (a review's).
	 */
	@Test
	void aKeyRevokedWhileItsRequestWaitsMakesNoKey() throws Exception {
		var leaked = adminKey("leaked");
		var executor = Executors.newSingleThreadExecutor();
		try (var queue = this.owner.getConnection(); var revoke = this.owner.getConnection()) {
			queue.setAutoCommit(false);
			try (var hold = queue.prepareStatement("SELECT version FROM data_version WHERE id = 1 FOR UPDATE")) {
				hold.executeQuery().close();
			}
			var answer = executor.submit(() -> graphQl(leaked.getKey(), "{\"query\":\"mutation { createApiKey(input: {"
					+ "name: \\\"made after\\\", role: ADMIN}) { secret } }\"}").andReturn().getResponse()
				.getContentAsString());
			LockWaits.await(this.owner, 1);
			try (var statement = revoke.prepareStatement("UPDATE api_key SET revoked_at = now() WHERE id = ?::uuid")) {
				statement.setString(1, leaked.getValue());
				assertThat(statement.executeUpdate()).isOne();
			}
			queue.commit();
			assertThat(answer.get(30, TimeUnit.SECONDS)).contains("\"classification\":\"FORBIDDEN\"")
				.contains("Your key was revoked while this request ran")
				.contains("\"createApiKey\":null");
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM api_key WHERE name = 'made after'", Integer.class))
			.isZero();
	}

	/** A new ADMIN key: its secret and its id. */
	private Map.Entry<String, String> adminKey(String name) throws Exception {
		var created = graphQl(null, "{\"query\":\"mutation { createApiKey(input: {name: \\\"" + name
				+ "\\\", role: ADMIN}) { secret key { id } } }\"}").andReturn().getResponse().getContentAsString();
		return Map.entry(JsonPath.read(created, "$.data.createApiKey.secret"),
				JsonPath.read(created, "$.data.createApiKey.key.id"));
	}

	@Test
	void aKeysInputIsCheckedFieldByField() throws Exception {
		graphQl(null, """
				{"query":"mutation { createApiKey(input: {name: \\"\\", role: PARTNER, organizations: [\\"NOPE\\"]}) { secret } }"}""")
			.andExpect(jsonPath("$.data.createApiKey").value(org.hamcrest.Matchers.nullValue()))
			.andExpect(jsonPath("$.errors[*].message").value(org.hamcrest.Matchers.containsInAnyOrder(
					"input.name: Required; may not be blank", "input.organizations: No organization has the code 'NOPE'")));
		graphQl(null, """
				{"query":"mutation { createApiKey(input: {name: \\"x\\", role: PARTNER}) { secret } }"}""")
			.andExpect(jsonPath("$.errors[0].message")
				.value("input.organizations: A PARTNER key acts for one or more organizations; name them"));
		graphQl(null, """
				{"query":"mutation { createApiKey(input: {name: \\"x\\", role: DONOR, organizations: [\\"CIF\\"]}) { secret } }"}""")
			.andExpect(jsonPath("$.errors[0].message")
				.value("input.organizations: Only a PARTNER key is bound to organizations; DONOR sees every organization"));
		// a name that could pass for another key in the audit log ("key:<name>#<id>"), or read turned around
		graphQl(null, """
				{"query":"mutation { createApiKey(input: {name: \\"demo admin#66756edc\\", role: DONOR}) { secret } }"}""")
			.andExpect(jsonPath("$.errors[0].message").value("input.name: Holds '#', which the audit log writes between"
					+ " a key's name and its id; name it without"));
		graphQl(null, """
				{"query":"mutation { createApiKey(input: {name: \\"rtl\\u202Egnp.exe\\", role: DONOR}) { secret } }"}""")
			.andExpect(jsonPath("$.errors[0].message").value("input.name: Holds a character that turns the text after"
					+ " it around (U+202A to U+202E); write it without"));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM api_key WHERE name = 'x' OR name LIKE '%#%'"
				+ " OR name LIKE 'rtl%'", Integer.class)).isZero();
	}

	@Test
	void onlyAnAdminManagesKeys() throws Exception {
		var analyst = this.demoKeys.secret(Role.ANALYST);
		graphQl(analyst, "{\"query\":\"{ apiKeys { id } }\"}")
			.andExpect(jsonPath("$.data.apiKeys").value(org.hamcrest.Matchers.nullValue()))
			.andExpect(jsonPath("$.errors[0].extensions.classification").value("FORBIDDEN"))
			.andExpect(jsonPath("$.errors[0].message").value("This needs the role ADMIN; the caller has ANALYST"));
		this.mvc.perform(get("/actuator/info").header("Authorization", "Bearer " + analyst))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.errors[0].extensions.classification").value("FORBIDDEN"));
	}

	/**
	 * A token's role and a partner's organizations are what it is answered as: the partner sees its organization's
	 * activity in full and another's suppressed (as SuppressionTest's key for CIF does), a code it names that is not
	 * known is left out, and a token whose claims make no caller is told which claim.
	 */
	@Test
	void aJwtFromTheIssuerCarriesTheRoleAndThePartnersOrganizations() throws Exception {
		var analyst = TestJwts.token("ana", Map.of("kvali_role", "analyst"), Instant.now().plusSeconds(300));
		graphQl(analyst, TOTALS).andExpect(status().isOk())
			.andExpect(jsonPath("$.data.participation.totals.participants").value(310));
		graphQl(analyst, "{\"query\":\"{ apiKeys { id } }\"}")
			.andExpect(jsonPath("$.errors[0].message").value("This needs the role ADMIN; the caller has ANALYST"));
		var gardabani = "{\"query\":\"{ participation(filter: {activities: [\\\"%s\\\"]}) "
				+ "{ breakdown(by: [GENDER]) { gender participants } } }\"}";
		for (var organizations : List.of(List.of("CIF"), List.of("CIF", "NOPE"))) {
			var partner = TestJwts.token("pat", Map.of("kvali_role", "PARTNER", "kvali_organizations", organizations),
					Instant.now().plusSeconds(300));
			graphQl(partner, gardabani.formatted("CMP-2024-GARDABANI")).andExpect(status().isOk())
				.andExpect(jsonPath("$.data.participation.breakdown[*].gender")
					.value(org.hamcrest.Matchers.contains("FEMALE", "MALE", "UNDISCLOSED")))
				.andExpect(jsonPath("$.data.participation.breakdown[*].participants")
					.value(org.hamcrest.Matchers.contains(16, 12, 2)));
			graphQl(partner, gardabani.formatted("WS-2023-AKHALTSIKHE"))
				.andExpect(jsonPath("$.data.participation.breakdown[*].gender")
					.value(org.hamcrest.Matchers.contains("FEMALE")))
				.andExpect(jsonPath("$.data.participation.breakdown[*].participants")
					.value(org.hamcrest.Matchers.contains(14)));
		}
		var refusals = Map.<Map<String, Object>, String>of(Map.of("kvali_role", "KING"),
				"The token's claim kvali_role names no role (ADMIN, ANALYST, DONOR or PARTNER)", Map.of(),
				"The token's claim kvali_role names no role (ADMIN, ANALYST, DONOR or PARTNER)",
				Map.of("kvali_role", "PARTNER", "kvali_organizations", List.of("NOPE")),
				"A PARTNER token names its organizations in the claim kvali_organizations; none of them is known",
				Map.of("kvali_role", "PARTNER"),
				"A PARTNER token names its organizations in the claim kvali_organizations; none of them is known");
		for (var refusal : refusals.entrySet()) {
			graphQl(TestJwts.token("bad", refusal.getKey(), Instant.now().plusSeconds(300)), TOTALS)
				.andExpect(status().isUnauthorized())
				.andExpect(jsonPath("$.data").doesNotExist())
				.andExpect(jsonPath("$.errors[0].message").value("The bearer token is refused: " + refusal.getValue()));
		}
		// one the issuer did not sign, or expired, says no more than an unknown key does
		graphQl(TestJwts.token("old", Map.of("kvali_role", "ANALYST"), Instant.now().minusSeconds(300)), TOTALS)
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.errors[0].message")
				.value("The bearer token is not valid: unknown, revoked, expired or malformed"));
	}

	/**
	 * A token without a subject is refused: callers are known by it, and the sheets one loads are its own by it (their
	 * history, and the rows its policy lets it read), so every token without one was the same caller.
	 */
	@Test
	void aJwtWithoutASubjectIs401() throws Exception {
		for (var subject : Arrays.asList(null, " ")) {
			var token = TestJwts.token(subject, Map.of("kvali_role", "PARTNER", "kvali_organizations", List.of("CIF")),
					Instant.now().plusSeconds(300));
			graphQl(token, TOTALS).andExpect(status().isUnauthorized())
				.andExpect(jsonPath("$.data").doesNotExist())
				.andExpect(jsonPath("$.errors[0].extensions.classification").value("UNAUTHORIZED"));
		}
	}

	/**
	 * A token without an expiry is refused (Spring's check took it as valid for ever), and so is one whose subject
	 * the audit log cannot hold: a subject of 300 characters made an actor over the log's limit, and that caller's
	 * changes were stored and went unrecorded. A subject of 200 characters is taken.
	 */
	@Test
	void aJwtWithoutAnExpiryOrWithAnOverlongSubjectIs401() throws Exception {
		var partner = Map.<String, Object>of("kvali_role", "PARTNER", "kvali_organizations", List.of("CIF"));
		var refusals = Map.of(TestJwts.token("pat", partner, null),
				"The token has no expiry (claim exp); Kvali takes none that is valid for ever",
				TestJwts.token("p".repeat(201), partner, Instant.now().plusSeconds(300)),
				"The token's subject (claim sub) has more than 200 characters, or a control character",
				TestJwts.token("pat\nADMIN", partner, Instant.now().plusSeconds(300)),
				"The token's subject (claim sub) has more than 200 characters, or a control character");
		for (var refusal : refusals.entrySet()) {
			graphQl(refusal.getKey(), TOTALS).andExpect(status().isUnauthorized())
				.andExpect(jsonPath("$.data").doesNotExist())
				.andExpect(jsonPath("$.errors[0].message").value("The bearer token is refused: " + refusal.getValue()));
		}
		graphQl(TestJwts.token("p".repeat(200), partner, Instant.now().plusSeconds(300)), TOTALS)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data.participation.totals.participants").value(310));
	}

	@Test
	void demoModeMakesAKeyPerRoleAndGraphiQlQueriesWithTheAnalystKeyByItself() throws Exception {
		for (var role : Role.values()) {
			assertThat(this.demoKeys.secret(role)).startsWith("kvali_");
		}
		var page = this.mvc.perform(get("/graphiql").header("Authorization", ""))
			.andExpect(cookie().httpOnly(SecurityConfiguration.DEMO_COOKIE, true))
			.andExpect(cookie().path(SecurityConfiguration.DEMO_COOKIE, "/graphql"))
			.andExpect(cookie().sameSite(SecurityConfiguration.DEMO_COOKIE, "Strict"))
			.andReturn()
			.getResponse();
		var cookie = page.getCookie(SecurityConfiguration.DEMO_COOKIE);
		assertThat(cookie.getValue()).isEqualTo(this.demoKeys.secret(Role.ANALYST));
		this.mvc.perform(post("/graphql").header("Authorization", "").cookie(cookie)
				.contentType(MediaType.APPLICATION_JSON).content(TOTALS))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data.participation.totals.participants").isNumber());
		// only where the page set it: to /graphql, from this machine
		this.mvc.perform(get("/iati/activities.xml").param("programme", "EU-CSO-EQUAL").header("Authorization", "")
				.cookie(cookie))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(post("/graphql").header("Authorization", "").cookie(cookie).with(fromElsewhere())
				.contentType(MediaType.APPLICATION_JSON).content(TOTALS))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/graphiql").header("Authorization", "").with(fromElsewhere()))
			.andExpect(cookie().doesNotExist(SecurityConfiguration.DEMO_COOKIE));
		// nor to a page of another name that points at this machine
		this.mvc.perform(get("/graphiql").header("Authorization", "").header("Host", "rebound.example.org"))
			.andExpect(cookie().doesNotExist(SecurityConfiguration.DEMO_COOKIE));
		this.mvc.perform(post("/graphql").header("Authorization", "").header("Host", "rebound.example.org").cookie(cookie)
				.contentType(MediaType.APPLICATION_JSON).content(TOTALS))
			.andExpect(status().isUnauthorized());
		// the cookie is the demo ANALYST key's alone: another key in it is no credential (a tester's admin key was one)
		var admin = new jakarta.servlet.http.Cookie(SecurityConfiguration.DEMO_COOKIE, this.demoKeys.secret(Role.ADMIN));
		this.mvc.perform(post("/graphql").header("Authorization", "").cookie(admin)
				.contentType(MediaType.APPLICATION_JSON).content(TOTALS))
			.andExpect(status().isUnauthorized());
	}

	/**
	 * GraphiQL's page asks the endpoint its path parameter names after the page's host, with the headers saved in its
	 * editor: one naming any other is sent back to the service's own (a tester's, from the page's code).
	 */
	@Test
	void graphiQlIsServedForThisServicesEndpointAlone() throws Exception {
		for (var path : List.of(".attacker.example/graphql", "@attacker.example/graphql", "/graphql/../x")) {
			this.mvc.perform(get("/graphiql").param("path", path).header("Authorization", ""))
				.andExpect(status().isTemporaryRedirect())
				.andExpect(header().string("Location", "/graphiql?path=/graphql"));
		}
		this.mvc.perform(get("/graphiql").param("path", "/graphql").param("wsPath", "//attacker.example/ws")
				.header("Authorization", ""))
			.andExpect(status().isTemporaryRedirect())
			.andExpect(header().string("Location", "/graphiql?path=/graphql"));
		// nor is a path written encoded let past (the page is served for it all the same; a reviewer's)
		this.mvc.perform(get(java.net.URI.create("/graph%69ql?path=@attacker.example/graphql")).header("Authorization", ""))
			.andExpect(status().isTemporaryRedirect())
			.andExpect(header().string("Location", "/graphiql?path=/graphql"));
		this.mvc.perform(get("/graphiql").param("path", "/graphql").header("Authorization", ""))
			.andExpect(status().isOk());
	}

	/**
	 * A demo key opens a service in demo mode only (a tester's demo ADMIN key, printed in the log of a demo start,
	 * read a person's name after a restart with demo mode off), and without GraphiQL no page hands out the ANALYST key.
	 */
	@Test
	void outsideDemoModeNoDemoKeyLetsAnyoneIn() throws Exception {
		var analyst = this.demoKeys.secret(Role.ANALYST);
		var off = org.mockito.Mockito.mock(org.kvali.demo.DemoMode.class);
		assertThat(new ApiKeyService(this.keyRows, this.organizations, off, event -> { }).caller(analyst)).isEmpty();
		assertThat(this.apiKeys.caller(analyst)).map(Caller::role).contains(Role.ANALYST);
		var own = this.apiKeys.create("at not demo", Role.ANALYST, List.of(), false, "test").secret();
		try {
			assertThat(new ApiKeyService(this.keyRows, this.organizations, off, event -> { }).caller(own)).isPresent();
		}
		finally {
			this.jdbc.update("DELETE FROM api_key WHERE name = 'at not demo'");
		}
		var on = org.mockito.Mockito.mock(org.kvali.demo.DemoMode.class);
		org.mockito.Mockito.when(on.on()).thenReturn(true);
		var page = new org.springframework.mock.web.MockHttpServletRequest("GET", "/graphiql");
		page.setServerName("localhost");
		page.setRemoteAddr("127.0.0.1");
		assertThat(new DemoGraphiQlCookie(on, this.demoKeys, true).shouldNotFilter(page)).isFalse();
		assertThat(new DemoGraphiQlCookie(on, this.demoKeys, false).shouldNotFilter(page)).isTrue();
	}

	/** An instance without its database is not ready (a tester's said so on /actuator/health alone). */
	@Test
	void readinessAsksTheDatabase() {
		assertThat(this.healthGroups.get("readiness").isMember("db")).isTrue();
		assertThat(this.healthGroups.get("liveness").isMember("db")).isFalse();
	}

	private static RequestPostProcessor fromElsewhere() {
		return request -> {
			request.setRemoteAddr("203.0.113.7");
			return request;
		};
	}

	/** A GraphQL request with the token, or as the tests' admin when it is null. */
	private ResultActions graphQl(String token, String body) throws Exception {
		var request = post("/graphql").contentType(MediaType.APPLICATION_JSON).content(body);
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.mvc.perform(request);
	}

}
