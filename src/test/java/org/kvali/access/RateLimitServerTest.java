package org.kvali.access;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kvali.TestCallers;
import org.kvali.TestDatabaseConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate per caller on a real server, as a key is looked up: 3 together at most here, then 429; another key has
 * its own; the health probe is never counted; and a request answered is no longer running.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "kvali.demo.enabled=false", "kvali.embedded.clean=true",
				"kvali.embedded.data-dir=target/test-postgres-rate", "kvali.report.index=off",
				"kvali.bootstrap-admin-key=" + TestCallers.ADMIN_KEY, "kvali.rate-limit.requests-per-minute=6",
				"kvali.rate-limit.burst=3" })
@Import(TestDatabaseConfiguration.class)
class RateLimitServerTest {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	ApiKeyService keys;

	@Autowired
	SecurityFilterChain chain;

	@Test
	void aKeyPastItsRateIsRefusedAndOthersAreNot() throws Exception {
		for (int n = 0; n < 3; n++) {
			assertThat(ask(TestCallers.ADMIN_KEY).statusCode()).as("request %d", n).isEqualTo(200);
		}
		var refused = ask(TestCallers.ADMIN_KEY);
		assertThat(refused.statusCode()).isEqualTo(429);
		// one a minute comes back every 10 s
		assertThat(refused.headers().firstValue("Retry-After").map(Long::valueOf).orElseThrow()).isBetween(1L, 10L);
		assertThat(refused.body()).contains("Too many requests from this caller: at most 6 a minute, 3 together");
		var other = ServiceScope.call(() -> this.keys.create("rate analyst", Role.ANALYST, List.of(), false, "test"))
			.secret();
		assertThat(ask(other).statusCode()).isEqualTo(200);
		for (int n = 0; n < 10; n++) {
			var health = this.http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(health.statusCode()).isEqualTo(200);
		}
		// answered, none of the admin's requests is running any more (these are answered before the request's own
		// thread returns; one answered on another thread ends with it: CallerRateLimitTest)
		var limit = (CallerRateLimit) this.chain.getFilters()
			.stream()
			.filter(CallerRateLimit.class::isInstance)
			.findFirst()
			.orElseThrow();
		// the container ends an async request just after its answer is sent: waited for, 5 s at most
		for (long end = System.nanoTime() + 5_000_000_000L; limit.running("bootstrap-admin") > 0
				&& System.nanoTime() < end;) {
			Thread.sleep(10);
		}
		assertThat(limit.running("bootstrap-admin")).isZero();
	}

	private HttpResponse<String> ask(String key) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(base() + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + key)
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ regions { code } }\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
