package org.kvali.access;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.OtherInstance;
import org.kvali.TestCallers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A page of an allowed origin may call the service from a browser: its preflight is answered without a key, and the
 * answer names the origin; another origin's preflight is refused, and with no origins allowed nothing changes.
 */
@IntegrationTest
class CrossOriginTest {

	private static final String DASHBOARD = "https://dashboard.example.org";

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	JdbcConnectionDetails database;

	@Test
	void anAllowedOriginsPageMayCallTheService() throws Exception {
		try (var other = OtherInstance.start(this.database, "off", "kvali.cors.origins=" + DASHBOARD)) {
			int port = OtherInstance.port(other);
			var preflight = preflight(port, DASHBOARD);
			assertThat(preflight.statusCode()).isEqualTo(200);
			assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(DASHBOARD);
			assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET,POST");
			assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
				.hasValue("authorization, content-type");
			assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
			// with the headers tracing adds, which a dashboard's requests carry
			var traced = preflight(port, DASHBOARD, "authorization, content-type, sentry-trace, baggage, traceparent, "
					+ "x-request-id");
			assertThat(traced.statusCode()).isEqualTo(200);
			assertThat(traced.headers().firstValue("Access-Control-Allow-Headers"))
				.hasValue("authorization, content-type, sentry-trace, baggage, traceparent, x-request-id");
			// not any header: the browser is told of those allowed alone, and refuses the request
			assertThat(preflight(port, DASHBOARD, "authorization, x-anything").headers()
				.firstValue("Access-Control-Allow-Headers")).hasValue("authorization");

			var asked = this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
				.header("Origin", DASHBOARD)
				.header("Content-Type", "application/json")
				.header("Authorization", "Bearer " + TestCallers.ADMIN_KEY)
				.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ programmes { code } }\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(asked.statusCode()).isEqualTo(200);
			assertThat(asked.headers().firstValue("Access-Control-Allow-Origin")).hasValue(DASHBOARD);
			assertThat(asked.body()).contains("\"EU-CSO-EQUAL\"");

			var elsewhere = preflight(port, "https://elsewhere.example.org");
			assertThat(elsewhere.statusCode()).isEqualTo(403);
			assertThat(elsewhere.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

			// a request with an Origin not listed, as the service's own page behind a proxy sends, is answered without
			// the headers (a browser keeps another origin's page from reading it): Spring's own check refused it
			var own = this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
				.header("Origin", "https://kvali.example.org")
				.header("Content-Type", "application/json")
				.header("Authorization", "Bearer " + TestCallers.ADMIN_KEY)
				.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ programmes { code } }\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(own.statusCode()).isEqualTo(200);
			assertThat(own.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
			assertThat(own.body()).contains("\"EU-CSO-EQUAL\"");
		}
	}

	@Test
	void withoutOriginsAPreflightNeedsAKeyAsAnyRequest() throws Exception {
		try (var other = OtherInstance.start(this.database, "off")) {
			var preflight = preflight(OtherInstance.port(other), DASHBOARD);
			assertThat(preflight.statusCode()).isEqualTo(401);
			assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		}
	}

	@Test
	void anOriginWithAPathStopsTheStart() {
		assertThat(new CrossOrigins(List.of("https://*.example.org", "http://localhost:3000", "*")).origins()).hasSize(3);
		assertThatThrownBy(() -> new CrossOrigins(List.of("https://*example.org")))
			.hasMessageStartingWith("kvali.cors.origins (KVALI_CORS_ORIGINS) holds 'https://*example.org', which is no origin");
		assertThatThrownBy(() -> new CrossOrigins(List.of(DASHBOARD + "/app")))
			.hasMessage("kvali.cors.origins (KVALI_CORS_ORIGINS) holds 'https://dashboard.example.org/app', which is no "
					+ "origin: give scheme and host, and the port if not the usual, such as https://dashboard.example.org,"
					+ " with no path");
	}

	private HttpResponse<String> preflight(int port, String origin) throws Exception {
		return preflight(port, origin, "authorization, content-type");
	}

	private HttpResponse<String> preflight(int port, String origin, String headers) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
			.header("Origin", origin)
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", headers)
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
