package org.kvali;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Configured as README says, with the issuer's address and Kvali's client id: Kvali reads the issuer's OpenID
 * Connect discovery document, fetches its published keys and accepts its tokens for Kvali, carrying role and
 * organizations in their claims; tokens of another issuer, signed by another key, or made for another application
 * are refused. The issuer here is a small HTTP server on this machine publishing the test key pair of
 * {@link TestJwts}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		// introspection is switched on or off for the whole JVM: off here, the other tests would lose it
		properties = { "kvali.demo.enabled=false", "kvali.explorer.enabled=true", "kvali.embedded.clean=true",
				"kvali.embedded.data-dir=target/test-postgres-oidc", "kvali.report.index=sync" })
@Import(TestDatabaseConfiguration.class)
class OidcIssuerTest {

	private static final AtomicInteger DISCOVERIES = new AtomicInteger();

	private static final HttpServer ISSUER = issuer();

	private static final String ISSUER_URI = "http://localhost:" + ISSUER.getAddress().getPort();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void issuerUri(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER_URI);
		registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> "kvali");
	}

	@AfterAll
	static void stopIssuer() {
		ISSUER.stop(0);
	}

	@Test
	void tokensOfTheConfiguredIssuerAreCheckedAgainstTheKeysItPublishes() throws Exception {
		var analyst = TestJwts.token("ana", Map.of("iss", ISSUER_URI, "aud", List.of("kvali"), "kvali_role",
				"ANALYST"), Instant.now().plusSeconds(300));
		var answer = post(analyst, "{ participation { totals { participants } } }");
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).isEqualTo("{\"data\":{\"participation\":{\"totals\":{\"participants\":0}}}}");
		assertThat(DISCOVERIES.get()).isPositive();
		assertThat(post(analyst, "{ apiKeys { id } }").body())
			.contains("This needs the role ADMIN; the caller has ANALYST");

		var otherIssuer = TestJwts.token("eve", Map.of("iss", "http://localhost:1", "kvali_role", "ADMIN"),
				Instant.now().plusSeconds(300));
		var noIssuer = TestJwts.token("eve", Map.of("kvali_role", "ADMIN"), Instant.now().plusSeconds(300));
		var expired = TestJwts.token("ana", Map.of("iss", ISSUER_URI, "aud", List.of("kvali"), "kvali_role",
				"ANALYST"), Instant.now().minusSeconds(120));
		var forged = analyst.substring(0, analyst.lastIndexOf('.') + 1) + "AAAA";
		// the issuer's tokens for another application, or for none named
		var otherApplication = TestJwts.token("ana", Map.of("iss", ISSUER_URI, "aud", List.of("payroll"),
				"kvali_role", "ADMIN"), Instant.now().plusSeconds(300));
		var noAudience = TestJwts.token("ana", Map.of("iss", ISSUER_URI, "kvali_role", "ADMIN"),
				Instant.now().plusSeconds(300));
		for (var refused : List.of(otherIssuer, noIssuer, expired, forged, otherApplication, noAudience)) {
			var response = post(refused, "{ participation { totals { participants } } }");
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.body()).doesNotContain("\"data\"").contains("UNAUTHORIZED");
		}
	}

	private HttpResponse<String> post(String token, String query) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + query + "\"}"))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** The issuer: its discovery document and its key set. */
	private static HttpServer issuer() {
		try {
			var server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
			var uri = "http://localhost:" + server.getAddress().getPort();
			server.createContext("/.well-known/openid-configuration", exchange -> {
				DISCOVERIES.incrementAndGet();
				send(exchange, "{\"issuer\":\"" + uri + "\",\"jwks_uri\":\"" + uri + "/jwks\","
						+ "\"subject_types_supported\":[\"public\"],\"response_types_supported\":[\"code\"],"
						+ "\"id_token_signing_alg_values_supported\":[\"RS256\"]}");
			});
			server.createContext("/jwks", exchange -> send(exchange, TestJwts.jwkSet()));
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void send(HttpExchange exchange, String json) throws IOException {
		var body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, body.length);
		try (var out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

}
