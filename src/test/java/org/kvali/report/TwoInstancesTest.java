package org.kvali.report;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.KvaliApplication;
import org.kvali.TestCallers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the service against one database, as behind a load balancer: a change committed through one is in
 * the other's very next answer, and the other's in-memory index holds it within a second without being asked.
 */
@IntegrationTest
class TwoInstancesTest {

	private static final String ADDED = """
			INSERT INTO participation (activity_id, participant_id, role)
			SELECT a.id, p.id, 'PARTICIPANT' FROM activity a, participant p
			WHERE a.code = 'CNF-2025-TBILISI' AND p.ref = 'P0002'
			  AND NOT EXISTS (SELECT 1 FROM participation x WHERE x.activity_id = a.id AND x.participant_id = p.id)""";

	private static final String REMOVED = """
			DELETE FROM participation WHERE participant_id = (SELECT id FROM participant WHERE ref = 'P0002')
			AND activity_id = (SELECT id FROM activity WHERE code = 'CNF-2025-TBILISI')""";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JdbcConnectionDetails database;

	@Test
	void aChangeThroughOneInstanceReachesTheOther() throws Exception {
		try (var other = otherInstance()) {
			var otherIndex = other.getBean(ReportIndex.class);
			int before = participations(other);
			long versionBefore = otherIndex.builtVersion();
			assertThat(versionBefore).as("the other instance's index is built").isPositive();

			assertThat(this.jdbc.update(ADDED)).isEqualTo(1);
			try {
				long committed = System.nanoTime();
				long version = this.jdbc.queryForObject("SELECT version FROM data_version", Long.class);
				// the other instance is not asked anything: the announcement alone brings its index up to date
				while (otherIndex.builtVersion() < version && System.nanoTime() - committed < 5_000_000_000L) {
					Thread.sleep(10);
				}
				double seconds = (System.nanoTime() - committed) / 1e9;
				assertThat(otherIndex.builtVersion()).isEqualTo(version);
				assertThat(seconds).as("seconds until the other instance's index held the change").isLessThan(1.0);
				assertThat(participations(other)).isEqualTo(before + 1);
			}
			finally {
				assertThat(this.jdbc.update(REMOVED)).isEqualTo(1);
			}
			// and the next answer after the removal, whether or not the index has caught up yet
			assertThat(participations(other)).isEqualTo(before);
		}
	}

	/** A second service on the same database, as a configured one (not its own embedded server). */
	private ConfigurableApplicationContext otherInstance() {
		return new SpringApplicationBuilder(KvaliApplication.class)
			.properties("spring.datasource.url=" + this.database.getJdbcUrl(),
					"spring.datasource.username=" + this.database.getUsername(),
					"spring.datasource.password=" + this.database.getPassword(), "server.port=0",
					"kvali.demo.enabled=false", "kvali.report.index=sync",
					// introspection is switched on or off for the whole JVM: off here, the other tests would lose it
					"kvali.explorer.enabled=true", "kvali.bootstrap-admin-key=" + TestCallers.ADMIN_KEY)
			.run();
	}

	private static int participations(ConfigurableApplicationContext instance) throws Exception {
		int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + TestCallers.ADMIN_KEY)
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ participation { totals { participations } } }\"}"))
			.build();
		var body = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
		var matcher = java.util.regex.Pattern.compile("\"participations\":(\\d+)").matcher(body);
		assertThat(matcher.find()).as(body).isTrue();
		return Integer.parseInt(matcher.group(1));
	}

}
