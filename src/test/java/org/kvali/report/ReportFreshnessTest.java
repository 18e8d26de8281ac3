package org.kvali.report;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** A committed change shows in the very next report, whether the in-memory index has caught up or not. */
@IntegrationTest
class ReportFreshnessTest {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReportIndex index;

	@Test
	void theNextReportAfterACommitCountsIt() throws Exception {
		// tests before this one may have changed data; start from an index that holds it
		participations();
		awaitIndex();
		assertThat(participations()).isEqualTo(1503);
		// P0001 lives in Bolnisi and did not go to the forum in Tbilisi
		var added = """
				INSERT INTO participation (activity_id, participant_id, role)
				SELECT a.id, p.id, 'PARTICIPANT' FROM activity a, participant p
				WHERE a.code = 'CNF-2025-TBILISI' AND p.ref = 'P0001'
				  AND NOT EXISTS (SELECT 1 FROM participation x WHERE x.activity_id = a.id AND x.participant_id = p.id)""";
		assertThat(this.jdbc.update(added)).isEqualTo(1);
		try {
			assertThat(participations()).isEqualTo(1504);
			awaitIndex();
			assertThat(participations()).isEqualTo(1504);
		}
		finally {
			this.jdbc.update("""
					DELETE FROM participation WHERE participant_id = (SELECT id FROM participant WHERE ref = 'P0001')
					AND activity_id = (SELECT id FROM activity WHERE code = 'CNF-2025-TBILISI')""");
		}
		assertThat(participations()).isEqualTo(1503);
		awaitIndex();
		assertThat(participations()).isEqualTo(1503);
	}

	private int participations() {
		return this.graphQl.document("{ participation { totals { participations } } }")
			.execute()
			.path("participation.totals.participations")
			.entity(Integer.class)
			.get();
	}

	private void awaitIndex() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (this.index.current().isEmpty()) {
			assertThat(System.nanoTime()).as("index rebuilt within 20 s").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

}
