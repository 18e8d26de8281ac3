package org.kvali.indicator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kvali.Callers;
import org.kvali.IntegrationTest;
import org.kvali.OtherInstance;
import org.kvali.TestCallers;
import org.kvali.access.Role;
import org.kvali.report.ReportService;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseDataSource;
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
			    byOrganizer: disaggregate(by: [ORGANIZER, YEAR]) {
			      group { organizer { code } period { key } participants } value }
			    byRole: disaggregate(by: [ROLE, GENDER]) { group { role gender participants } value }
			    byAgeGroup: disaggregate(by: [AGE_GROUP, GENDER], ageGroupStarts: [15, 25, 30]) {
			      group { ageGroup { from to } gender participants } value } } }""";

	// language=GraphQL
	private static final String JULY_SET_UP = """
			mutation {
			  p: createProgramme(input: {code: "IP-JULY", name: "Years from July", donors: ["EU"],
			      publisher: "HEKS-EPER", startDate: "2023-07-01", endDate: "2026-06-30", yearStart: 7}) { code }
			  a: createProject(input: {code: "IP-JULY-A", programme: "IP-JULY", name: "A", lead: "HEKS-EPER",
			      partners: [{organization: "CIF", role: REGIONAL_PARTNER}]}) { code }
			  spring: createActivity(input: {code: "IP-ACT-1", project: "IP-JULY-A", kind: TRAINING, title: "Spring",
			      startDate: "2024-03-12", endDate: "2024-03-13", organizer: "CIF"}) { code }
			  autumn: createActivity(input: {code: "IP-ACT-2", project: "IP-JULY-A", kind: WORKSHOP, title: "Autumn",
			      startDate: "2024-09-20", endDate: "2024-09-20", organizer: "HEKS-EPER"}) { code }
			  summer: createActivity(input: {code: "IP-ACT-3", project: "IP-JULY-A", kind: TRAINING, title: "Summer",
			      startDate: "2025-07-02", endDate: "2025-07-03", organizer: "CIF"}) { code }
			}""";

	/** Indicators filtering by what the demo's do not: ages, home regions, roles, organizers, disability. */
	// language=GraphQL
	private static final String JULY_INDICATORS = """
			mutation {
			  age: createIndicator(input: {code: "IP-AGE", programme: "IP-JULY", name: "Young people of Kvemo Kartli",
			      level: OUTPUT, unit: NUMBER, method: COMPUTED, measure: PARTICIPANTS,
			      filter: {ages: {from: 18, to: 35}, regions: ["GE-KK"], roles: [PARTICIPANT]}}) { code }
			  run: createIndicator(input: {code: "IP-RUN", programme: "IP-JULY", name: "Activities CIF ran",
			      level: OUTPUT, unit: NUMBER, method: COMPUTED, measure: ACTIVITIES, cumulative: false,
			      filter: {organizers: ["CIF"]}}) { code }
			  share: createIndicator(input: {code: "IP-SHARE", programme: "IP-JULY", name: "Women among the trained",
			      level: OUTPUT, unit: PERCENT, method: COMPUTED, measure: PARTICIPANTS,
			      filter: {genders: [FEMALE], disability: false},
			      denominatorFilter: {activityKinds: [TRAINING]}}) { code }
			  orgs: createIndicator(input: {code: "IP-ORGS", programme: "IP-JULY", name: "Organizations at workshops",
			      level: OUTCOME, unit: NUMBER, method: COMPUTED, measure: ORGANIZATIONS, cumulative: false,
			      filter: {activityKinds: [WORKSHOP], roles: [PARTICIPANT, SPEAKER]}}) { code }
			  targets: setIndicatorTargets(code: "IP-AGE", targets: [{period: "2023-07/2024-06", value: 10},
			      {period: "2024-07/2025-06", value: 20}, {period: "2025-07/2025-09", value: 25}]) { code }
			}""";

	/** What a dashboard asks of an indicator of a programme whose years begin in July. */
	// language=GraphQL
	private static final String JULY = """
			query ($code: ID!) { indicator(code: $code) {
			    actual year: actual(period: "2024-07/2025-06") quarter: actual(period: "2024-01/2024-03")
			    month: actual(period: "2024-09") progress(period: "2024-07/2025-06") status(asOf: "2025-06-30")
			    quarters: series(granularity: QUARTER) { period { key } target actual }
			    years: series(granularity: YEAR) { period { key } target actual }
			    byRegionAge: disaggregate(by: [REGION, AGE_BAND], period: "2024-07/2025-06") {
			      group { region { code } ageBand participants suppressed } value }
			    byGender: disaggregate(by: [GENDER, DISABILITY]) {
			      group { gender disability participants participations suppressed } value }
			    byAgeGroup: disaggregate(by: [AGE_GROUP], ageGroupStarts: [25, 30]) {
			      group { ageGroup { from to } participants } value } } }""";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	@LiquibaseDataSource
	DataSource ownerDataSource;

	@Autowired
	Callers callers;

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
	@SuppressWarnings("unchecked")
	void eachIndicatorIsTheSameFromTheIndexAndFromSql() throws Exception {
		var callers = Map.of("admin", TestCallers.ADMIN_KEY, "donor", this.callers.secret(Role.DONOR), "partner",
				this.callers.secret(Role.PARTNER, "CIF"));
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

	/**
	 * A programme whose years begin in July, with activities either side of its years' turn, and computed indicators
	 * filtering by ages, home regions, roles, organizers and disability, one a share: the same from the index and from
	 * SQL for each caller, by years and quarters of its own and by groups. Every demo programme's years begin in
	 * January, and no demo indicator filters so.
	 */
	@Test
	void indicatorsOfAProgrammeWhoseYearsBeginInJulyAreTheSameFromTheIndexAndFromSql() throws Exception {
		var admin = this.graphQl.mutate().header("Authorization", "Bearer " + TestCallers.ADMIN_KEY).build();
		try {
			admin.document(JULY_SET_UP).execute().path("summer.code").entity(String.class).isEqualTo("IP-ACT-3");
			// demo people: every third of the first 90 at the spring training, some as trainers; the first 45 at the
			// autumn workshop (as speakers every fifth); the last 60 at the summer training
			new JdbcTemplate(this.ownerDataSource).update("""
					INSERT INTO participation (activity_id, participant_id, organization_id, role)
					SELECT a.id, p.id, p.organization_id,
					       CASE WHEN a.code = 'IP-ACT-1' AND p.n % 12 = 0 THEN 'TRAINER'
					            WHEN a.code = 'IP-ACT-2' AND p.n % 5 = 0 THEN 'SPEAKER' ELSE 'PARTICIPANT' END
					FROM activity a, (SELECT id, organization_id, row_number() OVER (ORDER BY ref) AS n,
					                         count(*) OVER () AS people FROM participant) p
					WHERE a.code = 'IP-ACT-1' AND p.n <= 90 AND p.n % 3 = 0 OR a.code = 'IP-ACT-2' AND p.n <= 45
					   OR a.code = 'IP-ACT-3' AND p.n > p.people - 60""");
			admin.document(JULY_INDICATORS).execute().path("targets.code").entity(String.class).isEqualTo("IP-AGE");
			var callers = Map.of("admin", TestCallers.ADMIN_KEY, "donor", this.callers.secret(Role.DONOR), "partner",
					this.callers.secret(Role.PARTNER, "CIF"));
			try (var sqlOnly = OtherInstance.start(this.database, "off")) {
				var told = new ArrayList<Object>();
				var run = new HashMap<Object, Object>();
				for (var caller : callers.entrySet()) {
					for (var code : List.of("IP-AGE", "IP-RUN", "IP-SHARE", "IP-ORGS")) {
						var variables = Map.<String, Object>of("code", code);
						var fast = fast(caller.getValue(), JULY, "indicator", variables);
						assertThat(sql(sqlOnly, caller.getValue(), JULY, "indicator", variables))
							.as("%s for %s", code, caller.getKey())
							.isEqualTo(fast);
						if ("partner".equals(caller.getKey()) && List.of("IP-AGE", "IP-ORGS").contains(code)) {
							// most of the autumn workshop's young people of Kvemo Kartli, and of those of its
							// organizations, were at CIF's spring training too: weighed by the people never at CIF's
							// activities, fewer than 5, they are withheld from CIF
							assertThat(((Map<?, ?>) fast).get("year")).as("%s for CIF", code).isNull();
						}
						else {
							told.add(((Map<?, ?>) fast).get("year"));
						}
						if ("admin".equals(caller.getKey()) && "IP-RUN".equals(code)) {
							run.putAll((Map<?, ?>) fast);
						}
					}
				}
				// figures, not nulls: the indicators count what the activities hold
				assertThat(told).as("each indicator's year from July 2024").hasSize(10).doesNotContainNull();
				// CIF ran the spring training of 2024 and the summer one of 2025, either side of the year from July
				// 2024, within each of which it counts (a year of the calendar would count 2024's)
				assertThat(run).containsEntry("year", 0.0).containsEntry("quarter", 1.0).containsEntry("month", 0.0);
				assertThat(run.get("years")).hasToString("[{period={key=2023-07/2024-06}, target=null, actual=1.0},"
						+ " {period={key=2024-07/2025-06}, target=null, actual=0.0},"
						+ " {period={key=2025-07/2026-06}, target=null, actual=1.0}]");
			}
		}
		finally {
			this.jdbc.update("DELETE FROM indicator WHERE code LIKE 'IP-%'");
			new JdbcTemplate(this.ownerDataSource).update("""
					DELETE FROM participation USING activity a WHERE a.id = activity_id AND a.code LIKE 'IP-ACT-%'""");
			this.jdbc.update("DELETE FROM activity WHERE code LIKE 'IP-ACT-%'");
			this.jdbc.update("DELETE FROM project WHERE code = 'IP-JULY-A'");
			this.jdbc.update("DELETE FROM programme WHERE code = 'IP-JULY'");
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
