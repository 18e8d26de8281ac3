package org.kvali;

import java.io.ByteArrayInputStream;
import java.net.NetworkInterface;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kvali.access.ApiKeyService;
import org.kvali.access.Role;
import org.kvali.access.ServiceScope;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over a real server ({@link TimeoutServerTest}): a GraphQL request that runs past the request timeout ends with an
 * error and no data, and a key is looked up on the server's own thread.
 */
@TimeoutServerTest
class RequestTimeoutTest {

	@LocalServerPort
	int port;

	@Autowired
	ApiKeyService keys;

	@Autowired
	JdbcTemplate jdbc;

	/** Over a real connection, on a server thread: the key is looked up in the service's own scope. */
	@Test
	void anApiKeyIsLookedUpOnAServerThread() throws Exception {
		var secret = ServiceScope.call(() -> this.keys.create("timeout analyst", Role.ANALYST, List.of(), false, "test"))
			.secret();
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + secret)
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ regions { code } }\"}"))
			.build();
		assertThat(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
			.isEqualTo(200);
	}

	/**
	 * A body over 1 MB is refused with 413 before the document is looked at: by its length, and sent in chunks, as it
	 * passes the limit. A body under it is read as ever.
	 */
	@Test
	void aBodyOverTheLimitIsRefused() throws Exception {
		var large = ("{\"query\":\"{ regions { code } }\",\"variables\":{\"x\":\"" + "a".repeat(1_100_000) + "\"}}")
			.getBytes(StandardCharsets.UTF_8);
		var chunked = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large));
		var sized = HttpRequest.BodyPublishers.ofByteArray(large);
		for (var sent : List.of(Map.entry("/graphql", sized), Map.entry("/graphql", chunked), Map.entry("/%67raphql", sized),
				Map.entry("/%67raphql", chunked))) {
			var body = sent.getValue();
			var request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + sent.getKey()))
				.header("Content-Type", "application/json")
				.header("Authorization", "Bearer " + TestCallers.ADMIN_KEY)
				.POST(body)
				.build();
			var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
			assertThat(response.body()).startsWith("{\"errors\":[{")
				.contains("\"message\":\"The request body is larger than 1048576 bytes; a GraphQL request is far smaller\"",
						"\"extensions\":{\"classification\":\"BAD_REQUEST\"}");
		}
	}

	/**
	 * The audit log keeps the client's address a trusted proxy gives in X-Forwarded-For, and ignores the header of
	 * any other sender (who could write any address into the log).
	 */
	@Test
	void theAuditLogKeepsTheAddressATrustedProxyForwards() throws Exception {
		var analyst = ServiceScope.call(() -> this.keys.create("forwarded analyst", Role.ANALYST, List.of(), false,
				"test")).secret();
		assertThat(refusedSheet("localhost", analyst, "203.0.113.7")).isEqualTo("203.0.113.7");
		assertThat(refusedSheet("localhost", analyst, null)).isEqualTo("127.0.0.1");
		// from this machine's address on its network, which is no proxy trusted here
		var other = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
			.flatMap(NetworkInterface::inetAddresses)
			.filter(address -> address instanceof java.net.Inet4Address && !address.isLoopbackAddress())
			.map(java.net.InetAddress::getHostAddress)
			.findFirst();
		org.junit.jupiter.api.Assumptions.assumeTrue(other.isPresent(), "the machine has an address besides loopback");
		assertThat(refusedSheet(other.get(), analyst, "203.0.113.7")).isEqualTo(other.get());
	}

	/** An ANALYST's sheet, refused and audited: the source the audit log records of it. */
	private String refusedSheet(String host, String key, String forwarded) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + this.port + "/imports/attendance"))
			.header("Content-Type", "text/csv")
			.header("Authorization", "Bearer " + key)
			.POST(HttpRequest.BodyPublishers.ofString("activity_code\n"));
		if (forwarded != null) {
			request.header("X-Forwarded-For", forwarded);
		}
		// the audit log is read in the service's own scope, as row-level security has it
		long before = ServiceScope.call(() -> this.jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_event",
				Long.class));
		var response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(403);
		return ServiceScope.call(() -> this.jdbc.queryForObject("SELECT source FROM audit_event WHERE id > ?"
				+ " AND action = 'refused import'", String.class, before));
	}

	@Test
	void aRequestPastTheTimeoutEndsWithAnErrorAndNoData() throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + TestCallers.ADMIN_KEY)
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ participation { breakdown(by: [ACTIVITY, GENDER, "
					+ "AGE_BAND]) { activity { code title project { code } } gender ageBand participants } } }\"}"))
			.build();
		var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("The request ran longer than 1 ms and was stopped; ask for less at once")
			.doesNotContain("\"participants\":", "Exception", "at org.");
	}

}
