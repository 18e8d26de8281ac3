package org.kvali.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kvali.Callers;
import org.kvali.IntegrationTest;
import org.kvali.OtherInstance;
import org.kvali.TestCallers;
import org.kvali.access.Role;
import org.kvali.access.TestCallerContext;
import org.kvali.report.ReportService;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which organizations a list names, for each caller, decided from the report index's counts and, on a second
 * instance with the index off, in SQL: the same lists (at 10 million participations SQL took 5 to 8 s for a
 * programme's organizations).
 */
@IntegrationTest
class OrganizationListPathsTest {

	// language=GraphQL
	private static final String LIST = """
			query ($filter: OrganizationFilter) {
			  organizations(first: 100, filter: $filter) { totalCount edges { node { code } } } }""";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	Callers callers;

	@Autowired
	OrganizationService organizations;

	@Autowired
	ReportService reports;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JdbcConnectionDetails database;

	@Autowired
	JsonMapper json;

	@AfterEach
	void clean() {
		this.callers.deleteKeys();
	}

	@Test
	void everyListIsTheSameFromTheIndexAndFromSql() throws Exception {
		var callers = Map.of("admin", TestCallers.ADMIN_KEY, "analyst", this.callers.secret(Role.ANALYST), "donor",
				this.callers.secret(Role.DONOR), "CIF", this.callers.secret(Role.PARTNER, "CIF"), "SCCSF",
				this.callers.secret(Role.PARTNER, "SCCSF"));
		var filters = new ArrayList<Map<String, Object>>();
		filters.add(Map.of());
		this.jdbc.queryForList("SELECT code FROM programme ORDER BY code", String.class)
			.forEach(code -> filters.add(Map.of("programme", code)));
		this.jdbc.queryForList("SELECT code FROM project ORDER BY code", String.class)
			.forEach(code -> filters.add(Map.of("project", code)));
		filters.add(Map.of("programme", "EU-CSO-EQUAL", "kinds", List.of("CSO", "ACTIVIST_GROUP")));
		try (var sqlOnly = OtherInstance.start(this.database, "off")) {
			assertThat(sqlOnly.getBean(ReportService.class).indexIsCurrent()).as("the other instance has no index")
				.isFalse();
			assertThat(this.reports.indexIsCurrent()).as("this instance has its index").isTrue();
			for (var caller : callers.entrySet()) {
				for (var filter : filters) {
					var variables = Map.<String, Object>of("filter", filter);
					var fast = fast(caller.getValue(), filter);
					assertThat(OtherInstance.ask(sqlOnly, this.json, caller.getValue(), LIST, "organizations", variables))
						.as("%s's organizations of %s", caller.getKey(), filter)
						.isEqualTo(fast);
				}
			}
		}
	}

	/**
	 * The lists above came from the index's counts: each condition of a donor's and a partner's lists that asks who
	 * is represented was answered by it, not left to SQL.
	 */
	@Test
	void theIndexCountsWhoIsRepresented() {
		assertThat(this.reports.indexIsCurrent()).isTrue();
		var programme = new OrganizationFilter(null, null, "EU-CSO-EQUAL", null, null);
		var project = new OrganizationFilter(null, null, null, "CSO-CAPACITY", null);
		var donor = TestCallerContext.as(Role.DONOR, Set.of(), "lists donor", () -> List.of(
				this.organizations.scope(OrganizationFilter.ALL).counted(), this.organizations.scope(programme).counted(),
				this.organizations.scope(project).counted()));
		// the demo's only programme: as many represented in it as anywhere, in one of its projects some of them (the
		// lists these make are compared with SQL's above)
		assertThat(donor.get(0).anywhere()).isNotEmpty();
		assertThat(donor.get(1).programme()).containsExactlyInAnyOrder(donor.get(0).anywhere());
		assertThat(donor.get(2).project()).isNotEmpty().isSubsetOf(donor.get(1).programme());
		long cif = this.jdbc.queryForObject("SELECT id FROM organization WHERE code = 'CIF'", Long.class);
		var partner = TestCallerContext.as(Role.PARTNER, Set.of(cif), "lists partner",
				() -> this.organizations.scope(programme).counted());
		// a partner's: those a donor sees, and those represented at CIF's own activities by one person
		assertThat(partner.programme()).contains(donor.get(1).programme()).hasSizeGreaterThan(donor.get(1)
			.programme().length);
		assertThat(partner.own()).isNotEmpty().isSubsetOf(partner.programme());
	}

	/** The list from this instance, asked as the key's caller, checked to hold no errors. */
	private Object fast(String key, Map<String, Object> filter) {
		var response = this.graphQl.mutate().header("Authorization", "Bearer " + key).build().document(LIST)
			.variable("filter", filter)
			.execute();
		response.errors().verify();
		return response.path("organizations").entity(Object.class).get();
	}

}
