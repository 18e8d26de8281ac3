package org.kvali.report;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.OtherInstance;
import org.kvali.TestCallers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
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
		try (var other = OtherInstance.start(this.database, "sync")) {
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

	private static int participations(ConfigurableApplicationContext instance) throws Exception {
		int port = OtherInstance.port(instance);
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
