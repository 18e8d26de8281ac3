package org.kvali;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A GraphQL request that runs past the request timeout ends with an error and no data. The timeout is set to 1 ms
 * here so that any request passes it; the service's own is 30 s ({@code kvali.graphql.request-timeout}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "kvali.graphql.request-timeout=1ms", "kvali.demo.enabled=true", "kvali.embedded.clean=true",
				"kvali.embedded.data-dir=target/test-postgres-timeout", "kvali.report.index=off",
				"kvali.bootstrap-admin-key=" + TestCallers.ADMIN_KEY })
@Import(TestDatabaseConfiguration.class)
class RequestTimeoutTest {

	@LocalServerPort
	int port;

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
