package org.kvali.graphql;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.kvali.DatabaseLink;
import org.kvali.IntegrationTest;
import org.kvali.OtherInstance;
import org.kvali.TestCallers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service whose database goes away answers 503 with a GraphQL-shaped error where it reads the database before
 * GraphQL runs (a key's look-up, the data version), an error of that kind at a field otherwise, and readiness DOWN,
 * within seconds also when the database is silent rather than gone; once it is back the service answers as before.
 */
@IntegrationTest
class DatabaseOutageTest {

	private static final String TOTALS = "{\"query\":\"{ participation { totals { participations } } }\"}";

	private static final String UNAVAILABLE = "{\"errors\":[{\"message\":\"" + DatabaseUnavailable.MESSAGE
			+ "\",\"extensions\":{\"classification\":\"UNAVAILABLE\"}}]}";

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	JdbcConnectionDetails database;

	@Test
	void aServiceWithoutItsDatabaseSaysSoAndRecovers() throws Exception {
		var url = database.getJdbcUrl();
		var port = Pattern.compile("//[^/:]+:(\\d+)/").matcher(url);
		assertThat(port.find()).as(url).isTrue();
		try (var link = new DatabaseLink(Integer.parseInt(port.group(1)));
				var other = OtherInstance.start(url.replace(port.group(0), "//localhost:" + link.port() + "/"),
						this.database, "off", "spring.datasource.hikari.connection-timeout=1000",
						"spring.datasource.hikari.validation-timeout=250")) {
			int service = OtherInstance.port(other);
			var answered = post(service, TestCallers.ADMIN_KEY, TOTALS);
			assertThat(answered.statusCode()).isEqualTo(200);
			assertThat(answered.body()).matches("\\{\"data\":\\{\"participation\":\\{\"totals\":\\{\"participations\""
					+ ":\\d+}}}}");
			assertThat(get(service, "/actuator/health/readiness").statusCode()).isEqualTo(200);

			link.cut();
			// a stored key is looked up in the database before anything else
			var keyed = post(service, "kvali_" + "0".repeat(40), TOTALS);
			assertThat(keyed.statusCode()).isEqualTo(503);
			assertThat(keyed.headers().firstValue("Retry-After")).hasValue("5");
			assertThat(keyed.body()).isEqualTo(UNAVAILABLE);
			// the bootstrap key needs no look-up: the data version that labels a kept answer is read first, for one
			// kept before and for one not yet asked (read as the operation starts, answered on the async dispatch)
			var versioned = post(service, TestCallers.ADMIN_KEY, TOTALS);
			assertThat(versioned.statusCode()).isEqualTo(503);
			assertThat(versioned.body()).isEqualTo(UNAVAILABLE);
			var unasked = post(service, TestCallers.ADMIN_KEY,
					"{\"query\":\"{ participation { breakdown(by: [GENDER]) { gender participants } } }\"}");
			assertThat(unasked.statusCode()).isEqualTo(503);
			assertThat(unasked.headers().firstValue("Retry-After")).hasValue("5");
			assertThat(unasked.body()).isEqualTo(UNAVAILABLE);
			// a document never kept reads the database first in its field, which fails alone
			var field = post(service, TestCallers.ADMIN_KEY, "{\"query\":\"{ programmes { code } }\"}");
			assertThat(field.statusCode()).isEqualTo(200);
			assertThat(field.body()).isEqualTo("{\"errors\":[{\"message\":\"" + DatabaseUnavailable.MESSAGE
					+ "\",\"locations\":[{\"line\":1,\"column\":3}],\"path\":[\"programmes\"],"
					+ "\"extensions\":{\"classification\":\"UNAVAILABLE\"}}],\"data\":{\"programmes\":null}}");
			var readiness = get(service, "/actuator/health/readiness");
			assertThat(readiness.statusCode()).isEqualTo(503);
			assertThat(readiness.body()).contains("\"status\":\"DOWN\"");
			// the probe is open: a key sent with it is not looked up, and liveness stays UP
			var liveness = this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + service
					+ "/actuator/health/liveness")).header("Authorization", "Bearer kvali_" + "0".repeat(40)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(liveness.statusCode()).isEqualTo(200);
			assertThat(liveness.body()).isEqualTo("{\"status\":\"UP\"}");

			link.restore();
			// the pool opens connections again, waiting a little longer after each failed attempt
			long restored = System.nanoTime();
			var again = post(service, TestCallers.ADMIN_KEY, TOTALS);
			while (again.statusCode() == 503 && System.nanoTime() - restored < 15_000_000_000L) {
				Thread.sleep(200);
				again = post(service, TestCallers.ADMIN_KEY, TOTALS);
			}
			assertThat(again.body()).isEqualTo(answered.body());
			assertThat(post(service, "kvali_" + "0".repeat(40), TOTALS).statusCode()).isEqualTo(401);

			// a database that is silent, not gone: readiness says DOWN within seconds, not when the wait ends, and so
			// does each probe after it (while the check still waits, or a new one)
			link.silence();
			for (int probe = 0; probe < 2; probe++) {
				long probed = System.nanoTime();
				var silent = get(service, "/actuator/health/readiness");
				assertThat(silent.statusCode()).isEqualTo(503);
				assertThat(silent.body()).contains("\"status\":\"DOWN\"");
				assertThat((System.nanoTime() - probed) / 1e9).as("seconds until a probe was answered").isLessThan(6.0);
			}
			link.restore();
			assertThat(readyWithin(service, 20)).isTrue();
		}
	}

	private boolean readyWithin(int port, int seconds) throws Exception {
		long start = System.nanoTime();
		while (System.nanoTime() - start < seconds * 1_000_000_000L) {
			if (get(port, "/actuator/health/readiness").statusCode() == 200) {
				return true;
			}
			Thread.sleep(200);
		}
		return false;
	}

	private HttpResponse<String> post(int port, String key, String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + key)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
