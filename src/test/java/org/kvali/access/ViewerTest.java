package org.kvali.access;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.TestCallers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** A caller learns who it acts as: its role, a partner's organizations and the projects it may load sheets into. */
@IntegrationTest
class ViewerTest {

	private static final String VIEWER = "{ viewer { name role organizations { code } projects { code } } }";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	ApiKeyService keys;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void clean() {
		this.jdbc.update("DELETE FROM api_key WHERE name LIKE 'viewer %'");
	}

	@Test
	void aCallerLearnsWhoItActsAs() {
		var partner = this.keys.create("viewer partner", Role.PARTNER, List.of("SCCSF", "CIF"), false, "test");
		assertThat(viewer(partner.secret())).isEqualTo(Map.of("name", "key:viewer partner#" + partner.key().id(),
				"role", "PARTNER",
				"organizations", List.of(Map.of("code", "CIF"), Map.of("code", "SCCSF")),
				"projects", List.of(Map.of("code", "CSO-CAPACITY"), Map.of("code", "LOCAL-BUDGET"))));
		var donor = this.keys.create("viewer donor", Role.DONOR, List.of(), false, "test");
		assertThat(viewer(donor.secret())).isEqualTo(Map.of("name", "key:viewer donor#" + donor.key().id(),
				"role", "DONOR", "organizations", List.of(), "projects", List.of()));
		// every project for an admin, as the projects query lists them
		var projects = this.graphQl.mutate().header("Authorization", "Bearer " + TestCallers.ADMIN_KEY).build()
			.document("{ projects { code } }").execute().path("projects").entity(Object.class).get();
		assertThat(viewer(TestCallers.ADMIN_KEY)).containsEntry("role", "ADMIN")
			.containsEntry("organizations", List.of())
			.containsEntry("projects", projects);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> viewer(String key) {
		return (Map<String, Object>) this.graphQl.mutate().header("Authorization", "Bearer " + key).build()
			.document(VIEWER).execute().path("viewer").entity(Map.class).get();
	}

}
