package org.kvali.demo;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo data keeps the rules the service keeps: its budget hearings were run by municipalities with no part in
 * their project, so that the project's partners, sent back unchanged, were refused 13 times.
 */
@IntegrationTest
class DemoDataTest {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	JdbcTemplate jdbc;

	/**
	 * The planner knows the demo's tables as loaded, not as the empty ones autovacuum has not come round to yet: each
	 * was analyzed by hand (autovacuum's analyses are its last_autoanalyze; their row counts move as other tests of
	 * the same context write, so they are not compared).
	 */
	@Test
	void theDemoDataIsAnalyzedOnceLoaded() {
		assertThat(this.jdbc.queryForList("""
				SELECT relname FROM pg_stat_user_tables
				WHERE schemaname = current_schema()
				  AND relname IN ('organization', 'participant', 'activity', 'participation', 'geo_unit')
				  AND last_analyze IS NOT NULL ORDER BY relname""", String.class))
			.containsExactly("activity", "geo_unit", "organization", "participant", "participation");
	}

	@Test
	void everyActivitysOrganizerHasAPartInItsProject() {
		assertThat(this.jdbc.queryForObject("""
				SELECT count(*) FROM activity a JOIN project p ON p.id = a.project_id
				WHERE a.organizer_id IS NOT NULL AND a.organizer_id <> p.lead_organization_id
				  AND NOT EXISTS (SELECT 1 FROM project_partner pp
				                  WHERE pp.project_id = p.id AND pp.organization_id = a.organizer_id)""", Integer.class))
			.isZero();
		// language=GraphQL
		var partners = this.graphQl.document("""
				{ project(code: "LOCAL-BUDGET") { partners { organization { code } role } } }""").execute()
			.path("project.partners[*]").entityList(Map.class).get();
		assertThat(partners).hasSize(15).contains(Map.of("organization", Map.of("code", "MUN-MARNEULI"), "role",
				"ASSOCIATE"), Map.of("organization", Map.of("code", "CIF"), "role", "REGIONAL_PARTNER"));
		var sent = partners.stream()
			.map(partner -> Map.of("organization", ((Map<?, ?>) partner.get("organization")).get("code"), "role",
					partner.get("role")))
			.toList();
		this.graphQl.document("mutation($partners: [ProjectPartnerInput!]) { updateProject(code: \"LOCAL-BUDGET\","
				+ " input: {partners: $partners}) { partners { role } } }")
			.variable("partners", sent)
			.execute()
			.path("updateProject.partners[*].role").entityList(String.class).hasSize(15);
	}

}
