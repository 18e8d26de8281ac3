package org.kvali.graphql;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;

import javax.sql.DataSource;

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

	/** Written out: a change of the message is one a client sees. */
	private static final String MESSAGE = "The database cannot be reached or gave no connection in time. Try again"
			+ " shortly; a change this request asked for may not have been stored, so check before sending it again";

	private static final String UNAVAILABLE = "{\"errors\":[{\"message\":\"" + MESSAGE
			+ "\",\"extensions\":{\"classification\":\"UNAVAILABLE\"}}]}";

	private static final Pattern DATABASE_PORT = Pattern.compile("//[^/:]+:(\\d+)/");

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	JdbcConnectionDetails database;

	@Autowired
	DataSource dataSource;

	@Test
	void aServiceWithoutItsDatabaseSaysSoAndRecovers() throws Exception {
		try (var link = new DatabaseLink(databasePort());
				var other = OtherInstance.start(through(link), this.database, "off",
						"spring.datasource.hikari.connection-timeout=1000",
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
			assertThat(field.body()).isEqualTo("{\"errors\":[{\"message\":\"" + MESSAGE
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

	/**
	 * A statement sent just as the database falls silent fails once its connection has waited the driver's time-out
	 * for an answer (60 s; 2 s here), and the request is answered 503 like any other without its database: without
	 * the time-out it waited for the operating system's, a quarter of an hour.
	 */
	@Test
	void aStatementInFlightAsTheDatabaseFallsSilentFails() throws Exception {
		try (var connection = this.dataSource.getConnection()) {
			assertThat(connection.getNetworkTimeout()).isEqualTo(60_000);
		}
		try (var link = new DatabaseLink(databasePort());
				// the URL's setting overrides the configured one
				var other = OtherInstance.start(through(link) + (through(link).contains("?") ? "&" : "?")
						+ "socketTimeout=2", this.database, "off", "spring.datasource.hikari.maximum-pool-size=2",
						"kvali.import.concurrent=1", "spring.datasource.hikari.validation-timeout=250")) {
			int service = OtherInstance.port(other);
			assertThat(post(service, TestCallers.ADMIN_KEY, TOTALS).statusCode()).isEqualTo(200);
			// the connection used a moment ago is handed out without a check (the other, idle, fails its check in the
			// silence and is dropped): the data version's statement is sent into the silence
			link.silence();
			long sent = System.nanoTime();
			var silent = this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + service + "/graphql"))
				.header("Content-Type", "application/json")
				.header("Authorization", "Bearer " + TestCallers.ADMIN_KEY)
				.timeout(Duration.ofSeconds(30))
				.POST(HttpRequest.BodyPublishers.ofString(TOTALS))
				.build(), HttpResponse.BodyHandlers.ofString());
			double waited = (System.nanoTime() - sent) / 1e9;
			assertThat(silent.statusCode()).isEqualTo(503);
			assertThat(silent.body()).isEqualTo(UNAVAILABLE);
			assertThat(waited).as("seconds until answered").isBetween(2.0, 10.0);
			link.restore();
			assertThat(readyWithin(service, 20)).isTrue();
		}
	}

	private int databasePort() {
		var port = DATABASE_PORT.matcher(this.database.getJdbcUrl());
		assertThat(port.find()).as(this.database.getJdbcUrl()).isTrue();
		return Integer.parseInt(port.group(1));
	}

	/** The tests' database URL, through the link. */
	private String through(DatabaseLink link) {
		return DATABASE_PORT.matcher(this.database.getJdbcUrl()).replaceFirst("//localhost:" + link.port() + "/");
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
