package org.kvali.report;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One participation the demo data lacks, added and removed again by tests of freshness: a person of the demo at the
 * forum in Tbilisi, which P0001 (from Bolnisi), P0002 and P0004 did not attend; and the count they watch.
 */
final class ForumAttendance {

	private ForumAttendance() {
	}

	/** Adds the person's participation at the forum; how many rows were added (1). */
	static int add(JdbcTemplate jdbc, String ref) {
		return jdbc.update("""
				INSERT INTO participation (activity_id, participant_id, role)
				SELECT a.id, p.id, 'PARTICIPANT' FROM activity a, participant p
				WHERE a.code = 'CNF-2025-TBILISI' AND p.ref = ?
				  AND NOT EXISTS (SELECT 1 FROM participation x WHERE x.activity_id = a.id AND x.participant_id = p.id)""",
				ref);
	}

	/** All participations, as a report over GraphQL counts them. */
	static int participations(HttpGraphQlTester graphQl) {
		return graphQl.document("{ participation { totals { participations } } }")
			.execute()
			.path("participation.totals.participations")
			.entity(Integer.class)
			.get();
	}

	/** Removes it again; how many rows were removed. */
	static int remove(JdbcTemplate jdbc, String ref) {
		return jdbc.update("""
				DELETE FROM participation WHERE participant_id = (SELECT id FROM participant WHERE ref = ?)
				AND activity_id = (SELECT id FROM activity WHERE code = 'CNF-2025-TBILISI')""", ref);
	}

}
