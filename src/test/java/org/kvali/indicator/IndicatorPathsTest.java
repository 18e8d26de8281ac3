package org.kvali.indicator;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.OtherInstance;
import org.kvali.TestCallers;
import org.kvali.access.ApiKeyService;
import org.kvali.access.Role;
import org.kvali.report.ReportService;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every indicator of the demo logframes, asked the same questions of this instance, which answers from its in-memory
 * index, and of a second instance on the same database with the index off, which answers in SQL: the same answers,
 * for an administrator, a donor (whose small values are withheld) and a partner.
 */
@IntegrationTest
class IndicatorPathsTest {

	// language=GraphQL
	private static final String ALL = """
			{ indicators { code method actual a2024: actual(period: "2024") progress(period: "2025")
			    status(asOf: "2025-06-30") mid: status(asOf: "2024-07-01") series(granularity: QUARTER) { period { key } target actual }
			    byGender: disaggregate(by: [GENDER]) { group { gender participants participations suppressed } value } } }""";

	// language=GraphQL
	private static final String COMPUTED = """
			query ($code: ID!) { indicator(code: $code) {
			    byRegionAge: disaggregate(by: [REGION, AGE_BAND], period: "2024") {
			      group { region { code } ageBand participants suppressed } value }
			    byKind: disaggregate(by: [ORGANIZATION_KIND, DISABILITY]) { group { organizationKind disability participants } value }
			    byAgeGroup: disaggregate(by: [AGE_GROUP, GENDER], ageGroupStarts: [15, 25, 30]) {
			      group { ageGroup { from to } gender participants } value } } }""";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	ApiKeyService keys;

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
		this.jdbc.update("DELETE FROM api_key WHERE name LIKE 'paths %'");
	}

	@Test
	@SuppressWarnings("unchecked")
	void eachIndicatorIsTheSameFromTheIndexAndFromSql() throws Exception {
		var callers = Map.of("admin", TestCallers.ADMIN_KEY, "donor", key(Role.DONOR, List.of()), "partner",
				key(Role.PARTNER, List.of("CIF")));
		try (var sqlOnly = OtherInstance.start(this.database, "off")) {
			assertThat(sqlOnly.getBean(ReportService.class).indexIsCurrent()).as("the other instance has no index")
				.isFalse();
			int computed = 0;
			for (var caller : callers.entrySet()) {
				var fast = fast(caller.getValue(), ALL, "indicators", null);
				assertThat(sql(sqlOnly, caller.getValue(), ALL, "indicators", null))
					.as("indicators for %s", caller.getKey())
					.isEqualTo(fast);
				var indicators = (List<Map<String, Object>>) fast;
				for (var indicator : indicators) {
					if ("COMPUTED".equals(indicator.get("method"))) {
						computed++;
						var variables = Map.<String, Object>of("code", indicator.get("code"));
						assertThat(sql(sqlOnly, caller.getValue(), COMPUTED, "indicator", variables))
							.as("%s for %s", indicator.get("code"), caller.getKey())
							.isEqualTo(fast(caller.getValue(), COMPUTED, "indicator", variables));
					}
				}
			}
			// the demo logframes' computed indicators, seen by all three callers
			assertThat(computed).isEqualTo(3 * computedInDemo());
		}
	}

	private int computedInDemo() {
		Integer count = this.jdbc.queryForObject("SELECT count(*) FROM indicator WHERE method = 'COMPUTED'",
				Integer.class);
		assertThat(count).isPositive();
		return count;
	}

	private long dataVersion() {
		return this.jdbc.queryForObject("SELECT version FROM data_version", Long.class);
	}

	private String key(Role role, List<String> organizations) {
		return this.keys.create("paths " + role, role, organizations, false, "test").secret();
	}

	/**
	 * The answer's field {@code root} from this instance, checked to hold no errors, and to come from the index: the
	 * index holds the data before and after (indicators are read in a transaction, which does not wait for an index
	 * that is behind but answers in SQL).
	 */
	private Object fast(String key, String document, String root, Map<String, Object> variables) {
		assertThat(this.reports.indexIsCurrent()).as("the index holds the data before the request").isTrue();
		long version = dataVersion();
		var request = this.graphQl.mutate().header("Authorization", "Bearer " + key).build().document(document);
		if (variables != null) {
			variables.forEach(request::variable);
		}
		var response = request.execute();
		response.errors().verify();
		assertThat(dataVersion()).as("no change while the request ran").isEqualTo(version);
		return response.path(root).entity(Object.class).get();
	}

	/** The answer's field {@code root} from the other instance, checked to hold no errors. */
	private Object sql(ConfigurableApplicationContext instance, String key, String document, String root,
			Map<String, Object> variables) throws Exception {
		return OtherInstance.ask(instance, this.json, key, document, root, variables);
	}

}
