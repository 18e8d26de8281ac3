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

			assertThat(ForumAttendance.add(this.jdbc, "P0002")).isEqualTo(1);
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
				assertThat(ForumAttendance.remove(this.jdbc, "P0002")).isEqualTo(1);
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
