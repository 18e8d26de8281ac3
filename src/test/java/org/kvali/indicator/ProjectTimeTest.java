package org.kvali.indicator;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.TestClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project's indicator is judged in its project's time: its year's target is due by the project's end, and the time
 * before the project begins is none of its own (an indicator of a project that had ended stayed ON_TRACK for half a
 * year, while the IATI file published its period closed: a tester's).
 */
@IntegrationTest
class ProjectTimeTest {

	/** The opening of a mutation making the programme of two calendar years the tests' projects are of. */
	// language=GraphQL
	private static final String PROGRAMME = """
			mutation { createProgramme(input: {code: "PT-PROG", name: "Two years", donors: ["EU"],
			    publisher: "HEKS-EPER", startDate: "2025-01-01", endDate: "2026-12-31"}) { code }
			""";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestClock clock;

	@AfterEach
	void clean() {
		this.jdbc.update("DELETE FROM indicator WHERE code IN ('PT-PEOPLE', 'PT-HEARD')");
		this.jdbc.update("DELETE FROM project WHERE code IN ('PT-SPRING', 'PT-SUMMER')");
		this.jdbc.update("DELETE FROM programme WHERE code = 'PT-PROG'");
	}

	@Test
	void aProjectsIndicatorHasTheProjectsTimeAlone() {
		// language=GraphQL
		this.graphQl.document(PROGRAMME + """
				  createProject(input: {code: "PT-SPRING", programme: "PT-PROG", name: "A spring",
				    startDate: "2025-04-01", endDate: "2025-06-30"}) { code }
				  createIndicator(input: {code: "PT-PEOPLE", programme: "PT-PROG", project: "PT-SPRING",
				    name: "People", level: OUTPUT, unit: NUMBER, method: COMPUTED, measure: PARTICIPANTS,
				    cumulative: false, filter: {}}) { code }
				  setIndicatorTargets(code: "PT-PEOPLE", targets: [{period: "2025", value: 10}]) { code } }""")
			.execute()
			.path("setIndicatorTargets.code").entity(String.class).isEqualTo("PT-PEOPLE");
		// language=GraphQL
		this.graphQl.document("""
				{ indicator(code: "PT-PEOPLE") { actual(period: "2025") before: status(asOf: "2025-03-15")
				    first: status(asOf: "2025-04-01") last: status(asOf: "2025-06-30") after: status(asOf: "2025-07-01")
				    current(asOf: "2025-07-01") { period { key } target actual status } } }""")
			.execute()
			.path("indicator").entity(Map.class).isEqualTo(Map.of("actual", 0.0,
					// the year's first quarter is no time of the project's
					"before", "NOT_STARTED",
					// its first day is a 91st of its time, not a quarter of the year: none reached is not behind
					"first", "ON_TRACK",
					"last", "OFF_TRACK",
					// nothing more is counted after the project's end: the target was not reached
					"after", "NOT_ACHIEVED",
					"current", Map.of("period", Map.of("key", "2025"), "target", 10.0, "actual", 0.0,
							"status", "NOT_ACHIEVED")));
		// a quarter before the project has no actual, as one after it has none (it was 0), and none is reported
		// language=GraphQL
		this.graphQl.document("""
				{ indicator(code: "PT-PEOPLE") { before: actual(period: "2025-Q1") during: actual(period: "2025-Q2")
				    after: actual(period: "2025-Q3") } }""")
			.execute()
			.path("indicator.before").valueIsNull()
			.path("indicator.during").entity(Double.class).isEqualTo(0.0)
			.path("indicator.after").valueIsNull();
		// before the project begins, nothing of its year is reported, as before its programme
		this.clock.stopAt(Instant.parse("2025-03-01T08:00:00Z"));
		// language=GraphQL
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "PT-HEARD", programme: "PT-PROG", project: "PT-SPRING",
				    name: "Hearings", level: OUTPUT, unit: NUMBER, method: REPORTED, cumulative: false}) { code }
				  reportIndicatorValue(input: {indicator: "PT-HEARD", period: "2025", value: 1}) { value } }""")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.period: The project has not begun (it starts on "
					+ "2025-04-01): a value is reported for a period under way or past"))
			.verify();
	}

	/**
	 * A value reported for the quarter a project ends in counts from the project's end, not the quarter's: its
	 * verdict, NOT_ACHIEVED the day after the project ended, turned ACHIEVED a month later (a tester's).
	 */
	@Test
	void aValueOfTheQuarterAProjectEndsInCountsFromItsEnd() {
		// language=GraphQL
		this.graphQl.document(PROGRAMME + """
				  createProject(input: {code: "PT-SUMMER", programme: "PT-PROG", name: "A summer",
				    startDate: "2025-07-01", endDate: "2025-08-31"}) { code }
				  createIndicator(input: {code: "PT-HEARD", programme: "PT-PROG", project: "PT-SUMMER",
				    name: "Hearings", level: OUTCOME, unit: NUMBER, method: REPORTED, cumulative: false}) { code }
				  setIndicatorTargets(code: "PT-HEARD", targets: [{period: "2025", value: 100}]) { code }
				  reportIndicatorValue(input: {indicator: "PT-HEARD", period: "2025-Q3", value: 60}) { value } }""")
			.execute()
			.path("reportIndicatorValue.value").entity(Double.class).isEqualTo(60.0);
		// a value of the year after the project, stored before its dates were held, counts in no window of it (it
		// counted in every one from before the project's end: a review's)
		this.jdbc.update("""
				INSERT INTO indicator_value (indicator_id, period_key, period_start, period_end, value, reported_by)
				SELECT id, '2026', DATE '2026-01-01', DATE '2026-12-31', 100, 'legacy' FROM indicator
				WHERE code = 'PT-HEARD'""");
		// language=GraphQL
		this.graphQl.document("""
				{ indicator(code: "PT-HEARD") { last: current(asOf: "2025-08-31") { actual status }
				    after: current(asOf: "2025-09-01") { actual status }
				    later: current(asOf: "2025-10-01") { actual status }
				    series { period { key } target actual status } } }""")
			.execute()
			.path("indicator").entity(Map.class).satisfies(indicator -> assertThat(indicator).containsAllEntriesOf(
					Map.of("last", Map.of("actual", 60.0, "status", "AT_RISK"),
							"after", Map.of("actual", 60.0, "status", "NOT_ACHIEVED"),
							"later", Map.of("actual", 60.0, "status", "NOT_ACHIEVED"))))
			.path("indicator.series[0]").entity(Map.class).isEqualTo(Map.of("period", Map.of("key", "2025"),
					"target", 100.0, "actual", 60.0, "status", "NOT_ACHIEVED"));
	}

}
