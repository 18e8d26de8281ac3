package org.kvali.indicator;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.access.ApiKeyService;
import org.kvali.access.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every role sees which organizations a value was reported for; only ADMIN sees the key or account that reported it,
 * whose name (a staff member's, an e-mail address from single sign-on) was shown to donors.
 */
@IntegrationTest
class ReportedForTest {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	ApiKeyService keys;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void indicator() {
		this.jdbc.update("""
				INSERT INTO indicator (code, programme_id, project_id, name, level, unit, direction, method, cumulative)
				SELECT 'TR-FOR', pj.programme_id, pj.id, 'Hearings', 'OUTCOME', 'NUMBER', 'HIGHER_IS_BETTER',
				       'REPORTED', false
				FROM project pj WHERE pj.code = 'LOCAL-BUDGET'""");
	}

	@AfterEach
	void clean() {
		this.jdbc.update("DELETE FROM indicator WHERE code IN ('TR-FOR', 'TR-PROG')");
		this.jdbc.update("DELETE FROM api_key WHERE name LIKE 'for %'");
	}

	/** A count's values for each gender or region of a period add up to no more than the period's whole. */
	@Test
	void partsOfACountStayWithinItsWhole() {
		var report = "mutation { reportIndicatorValue(input: {indicator: \"TR-FOR\", period: \"2024\", value: %s%s}) "
				+ "{ value } }";
		this.graphQl.document(report.formatted(4, "")).execute().path("reportIndicatorValue.value").entity(Double.class)
			.isEqualTo(4.0);
		this.graphQl.document(report.formatted(3, ", gender: FEMALE")).execute().errors().verify();
		this.graphQl.document(report.formatted(1, ", gender: MALE")).execute().errors().verify();
		this.graphQl.document(report.formatted(2, ", gender: MALE")).execute().errors()
			.expect(error -> error.getMessage().equals("input.value: The values for each gender of 2024 would add up "
					+ "to 5, more than the 4 reported for all of it"))
			.verify();
		this.graphQl.document(report.formatted(5, ", region: \"GE-KK\"")).execute().errors()
			.expect(error -> error.getMessage().equals("input.value: The values for each region of 2024 would add up "
					+ "to 5, more than the 4 reported for all of it"))
			.verify();
		this.graphQl.document(report.formatted("3.5", "")).execute().errors()
			.expect(error -> error.getMessage().equals("input.value: The values for each gender of 2024 would add up "
					+ "to 4, more than the 3.5 reported for all of it"))
			.verify();
		// a part replaced by a smaller one is taken; a whole withdrawn while its parts count is not (the IATI file
		// published 60 women and men of an actual of 45: a tester's), nor one corrected to 0 (a review's); parts that
		// add up to the whole are
		this.graphQl.document(report.formatted(2, ", gender: FEMALE")).execute().errors().verify();
		this.graphQl.document("mutation { withdrawIndicatorValue(input: {indicator: \"TR-FOR\", period: \"2024\"})"
				+ " { value } }").execute().errors()
			.expect(error -> error.getMessage().equals("input.period: The values for each gender of 2024 count, which"
					+ " this one is part of the whole of: withdraw them first"))
			.verify();
		this.graphQl.document(report.formatted(0, "")).execute().errors()
			.expect(error -> error.getMessage().equals("input.value: The values for each gender of 2024 would add up "
					+ "to 3, more than the 0 reported for all of it"))
			.verify();
		var in2023 = report.replace("2024", "2023");
		this.graphQl.document(in2023.formatted("0.3", "")).execute().errors().verify();
		this.graphQl.document(in2023.formatted("0.1", ", region: \"GE-KK\"")).execute().errors().verify();
		this.graphQl.document(in2023.formatted("0.2", ", region: \"GE-SJ\"")).execute().errors().verify();
		assertThat(this.jdbc.queryForList("""
				SELECT coalesce(dimension_value, 'ALL') || ' ' || value FROM indicator_value v JOIN indicator i
				ON i.id = v.indicator_id WHERE i.code = 'TR-FOR' ORDER BY v.id""", String.class))
			.containsExactly("ALL 4", "FEMALE 3", "MALE 1", "FEMALE 2", "ALL 0.3", "GE-KK 0.1", "GE-SJ 0.2");
	}

	/**
	 * A count's parts of the periods within a whole's period add up to no more than it: women by quarter beside a
	 * count of the year had never been compared with it, and 50 were shown beside an actual of 10 (a review's). The
	 * parts of a year beside counts of its quarters are compared once all four are reported, with their sum.
	 */
	@Test
	void partsOfACountByQuarterStayWithinTheYearsWhole() {
		var report = "mutation { reportIndicatorValue(input: {indicator: \"TR-FOR\", period: \"%s\", value: %s%s}) "
				+ "{ value } }";
		this.graphQl.document(report.formatted("2025", 10, "")).execute().errors().verify();
		this.graphQl.document(report.formatted("2025-Q1", 4, ", gender: FEMALE")).execute().errors().verify();
		this.graphQl.document(report.formatted("2025-Q2", 4, ", gender: FEMALE")).execute().errors().verify();
		this.graphQl.document(report.formatted("2025-Q3", 3, ", gender: FEMALE")).execute().errors()
			.expect(error -> error.getMessage().equals("input.value: The values for each gender of 2025 would add up "
					+ "to 11, more than the 10 reported for all of it"))
			.verify();
		this.graphQl.document(report.formatted("2025", 7, "")).execute().errors()
			.expect(error -> error.getMessage().equals("input.value: The values for each gender of 2025 would add up "
					+ "to 8, more than the 7 reported for all of it"))
			.verify();
		// the year's parts beside its quarters' counts, once all four are reported (the quarters so far are not the
		// year)
		this.graphQl.document(report.formatted("2024", 5, ", gender: FEMALE")).execute().errors().verify();
		for (var quarter : List.of("2024-Q1", "2024-Q2", "2024-Q3")) {
			this.graphQl.document(report.formatted(quarter, 1, "")).execute().errors().verify();
		}
		this.graphQl.document(report.formatted("2024-Q4", 1, "")).execute().errors()
			.expect(error -> error.getMessage().equals("input.value: The values for each gender of 2024 would add up "
					+ "to 5, more than the 4 its periods' values for all of it add up to"))
			.verify();
		this.graphQl.document(report.formatted("2024-Q4", 2, "")).execute().errors().verify();
		assertThat(this.jdbc.queryForList("""
				SELECT v.period_key || ' ' || coalesce(dimension_value, 'ALL') || ' ' || value FROM indicator_value v
				JOIN indicator i ON i.id = v.indicator_id WHERE i.code = 'TR-FOR' ORDER BY v.id""", String.class))
			.containsExactly("2025 ALL 10", "2025-Q1 FEMALE 4", "2025-Q2 FEMALE 4", "2024 FEMALE 5", "2024-Q1 ALL 1",
					"2024-Q2 ALL 1", "2024-Q3 ALL 1", "2024-Q4 ALL 2");
	}

	@Test
	void aValueIsReportedForThePartnersOrganizationsAndByAKeyOnlyAnAdminSees() {
		var partner = as(Role.PARTNER, List.of("CIF"));
		// language=GraphQL
		partner.document("""
				mutation { reportIndicatorValue(input: {indicator: "TR-FOR", period: "2024", value: 3}) {
				  reportedBy reportedFor { code } } }""")
			.execute()
			.path("reportIndicatorValue.reportedBy").valueIsNull()
			.path("reportIndicatorValue.reportedFor[*].code").entityList(String.class).containsExactly("CIF");
		// language=GraphQL
		var query = """
				{ indicator(code: "TR-FOR") { reportedValues { value reportedBy reportedFor { code } } }
				  demo: indicator(code: "OUTC-2") { reportedValues { reportedBy reportedFor { code } } } }""";
		var admin = this.graphQl.document(query).execute();
		admin.path("indicator.reportedValues[0].reportedBy").entity(String.class)
			.satisfies(name -> assertThat(name).startsWith("key:for PARTNER#"));
		admin.path("indicator.reportedValues[0].reportedFor[*].code").entityList(String.class).containsExactly("CIF");
		admin.path("demo.reportedValues[*].reportedBy").entityList(String.class)
			.containsExactly("SCCSF", "CIF", "CIF", "SCCSF", "CIF");
		var donor = as(Role.DONOR, List.of()).document(query).execute();
		donor.path("indicator.reportedValues[0].value").entity(Double.class).isEqualTo(3.0);
		donor.path("indicator.reportedValues[0].reportedBy").valueIsNull();
		donor.path("indicator.reportedValues[0].reportedFor[*].code").entityList(String.class).containsExactly("CIF");
		donor.path("demo.reportedValues[*].reportedFor[0].code").entityList(String.class)
			.containsExactly("SCCSF", "CIF", "CIF", "SCCSF", "CIF");
		donor.path("demo.reportedValues[*].reportedBy").entityList(Object.class)
			.satisfies(names -> assertThat(names).hasSize(5).containsOnlyNulls());
	}

	/**
	 * An indicator of the programme itself, of no project, is reported by the partners of its projects, as the demo's
	 * are; an organization partnering none of its projects is refused.
	 */
	@Test
	void aProgrammesOwnIndicatorIsReportedByThePartnersOfItsProjects() {
		this.jdbc.update("""
				INSERT INTO indicator (code, programme_id, name, level, unit, direction, method, cumulative)
				SELECT 'TR-PROG', id, 'Hearings', 'OUTCOME', 'NUMBER', 'HIGHER_IS_BETTER', 'REPORTED', false
				FROM programme WHERE code = 'EU-CSO-EQUAL'""");
		// language=GraphQL
		var report = """
				mutation { reportIndicatorValue(input: {indicator: "TR-PROG", period: "2024", value: 2}) {
				  value reportedFor { code } } }""";
		as(Role.PARTNER, List.of("SCCSF")).document(report)
			.execute()
			.path("reportIndicatorValue.value").entity(Double.class).isEqualTo(2.0)
			.path("reportIndicatorValue.reportedFor[*].code").entityList(String.class).containsExactly("SCCSF");
		// another partner does not replace it, nor withdraw it; it reports a period of its own, and an admin corrects any
		var cif = as(Role.PARTNER, List.of("CIF"));
		for (var value : List.of(5, 0)) {
			cif.document(report.replace("value: 2", "value: " + value))
				.execute()
				.errors()
				.expect(error -> "FORBIDDEN".equals(error.getExtensions().get("classification"))
						&& ("The value for 2024 was reported for SCCSF; a partner corrects only its own"
								+ " organizations' values: ask them, or an admin").equals(error.getMessage()))
				.verify();
		}
		// nor is it told to withdraw SCCSF's year to report a quarter of it (a tester's was, and then refused)
		cif.document(report.replace("\"2024\"", "\"2024-Q1\"")).execute().errors()
			.expect(error -> ("input.period: A value for 2024 is reported, which overlaps 2024-Q1 and would be counted"
					+ " with it: report either a year or its quarters (to move from one to the other, 2024 is withdrawn"
					+ " first (withdrawIndicatorValue), by SCCSF or an admin)").equals(error.getMessage()))
			.verify();
		cif.document(report.replace("2024", "2025").replace("value: 2", "value: 4"))
			.execute()
			.path("reportIndicatorValue.reportedFor[*].code").entityList(String.class).containsExactly("CIF");
		this.graphQl.document(report.replace("value: 2", "value: 3"))
			.execute()
			.path("reportIndicatorValue.value").entity(Double.class).isEqualTo(3.0);
		// nor does SCCSF replace the admin's value, which was reported for no organization
		as(Role.PARTNER, List.of("SCCSF")).document(report)
			.execute()
			.errors()
			.expect(error -> ("The value for 2024 was reported by an admin, for no organization; a"
					+ " partner corrects only its own organizations' values: ask an admin").equals(error.getMessage()))
			.verify();
		var outsider = this.jdbc.queryForObject("""
				SELECT code FROM organization o WHERE kind = 'CSO'
				  AND NOT EXISTS (SELECT 1 FROM project_partner pp WHERE pp.organization_id = o.id)
				  AND NOT EXISTS (SELECT 1 FROM project pj WHERE pj.lead_organization_id = o.id)
				ORDER BY code LIMIT 1""", String.class);
		as(Role.PARTNER, List.of(outsider)).document(report)
			.execute()
			.errors()
			.expect(error -> "FORBIDDEN".equals(error.getExtensions().get("classification"))
					&& ("Indicator TR-PROG is not an indicator of one of your organizations' projects, nor of their"
							+ " programmes").equals(error.getMessage()))
			.verify()
			.path("reportIndicatorValue").valueIsNull();
		assertThat(this.jdbc.queryForObject("""
				SELECT count(*) FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id WHERE i.code = 'TR-PROG'""",
				Integer.class)).isEqualTo(3);
	}

	private HttpGraphQlTester as(Role role, List<String> organizations) {
		var secret = this.keys.create("for " + role, role, organizations, false, "test").secret();
		return this.graphQl.mutate().header("Authorization", "Bearer " + secret).build();
	}

}
