package org.kvali.indicator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kvali.Callers;
import org.kvali.IntegrationTest;
import org.kvali.TestClock;
import org.kvali.access.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * A reported number may be a level at a time, not a count of what each period added: municipalities with a
 * functioning youth council, reported as 3 for the programme's first year, then 4 and 5 for two quarters of its
 * second, are 5 in the second year and to date, not 9 and 12 (a tester's). The programme runs from April 2025 to March
 * 2027 in years from April; the clock stops on 15 November 2026, in the third quarter of its second year.
 */
@IntegrationTest
class ReportedLevelsTest {

	private static final String FIRST = "2025-04/2026-03";

	private static final String SECOND = "2026-04/2027-03";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	Callers callers;

	@BeforeEach
	void programme() {
		this.clock.stopAt(Instant.parse("2026-11-15T08:00:00Z"));
		this.jdbc.update("""
				INSERT INTO programme (code, name, start_date, end_date, year_start)
				VALUES ('LV-PROG', 'Youth councils', DATE '2025-04-01', DATE '2027-03-31', 4)""");
	}

	@AfterEach
	void clean() {
		this.jdbc.update("DELETE FROM indicator WHERE code LIKE 'LV-%'");
		this.jdbc.update("DELETE FROM project_partner WHERE project_id IN (SELECT id FROM project WHERE code = 'LV-PRJ')");
		this.jdbc.update("DELETE FROM project WHERE code = 'LV-PRJ'");
		this.jdbc.update("DELETE FROM programme WHERE code = 'LV-PROG'");
		this.callers.deleteKeys();
	}

	@Test
	void aLevelsPeriodTakesTheLatestValueReportedWithinIt() {
		define("LV-COUNCILS", "cumulative: false, aggregation: LATEST");
		define("LV-SUM", "cumulative: false");
		for (var code : new String[] { "LV-COUNCILS", "LV-SUM" }) {
			targets(code, "{period: \"" + FIRST + "\", value: 3}, {period: \"" + SECOND + "\", value: 7}");
			report(code, FIRST, 3, null);
			report(code, "2026-Q2", 4, null);
			report(code, "2026-Q3", 5, null);
			report(code, "2026-Q2", 1, "GE-KK");
			report(code, "2026-Q3", 2, "GE-KK");
			report(code, "2026-Q3", 3, "GE-SJ");
		}
		var levels = figures("LV-COUNCILS");
		assertThat(levels).containsEntry("aggregation", "LATEST")
			.containsEntry("first", 3.0)
			.containsEntry("second", 5.0)
			.containsEntry("quarter", 4.0)
			.containsEntry("toDate", 5.0)
			.containsEntry("status", "ON_TRACK");
		assertThat((Double) levels.get("progress")).isCloseTo(4.0 / 6, offset(1e-9));
		// the first year judged ended, the second under way
		assertThat(levels.get("series")).hasToString("[{period={key=" + FIRST + "}, target=3.0, actual=3.0, "
				+ "status=ACHIEVED}, {period={key=" + SECOND + "}, target=7.0, actual=5.0, status=ON_TRACK}]");
		assertThat(levels.get("regions")).hasToString("[{group={region={code=GE-KK}}, value=2.0}, "
				+ "{group={region={code=GE-SJ}}, value=3.0}]");
		// the same values added up, as a number's always were and still are by default
		var sums = figures("LV-SUM");
		assertThat(sums).containsEntry("aggregation", "SUM")
			.containsEntry("first", 3.0)
			.containsEntry("second", 9.0)
			.containsEntry("toDate", 12.0)
			.containsEntry("status", "ACHIEVED");
		assertThat(sums.get("regions")).hasToString("[{group={region={code=GE-KK}}, value=3.0}, "
				+ "{group={region={code=GE-SJ}}, value=3.0}]");
	}

	@Test
	void aLevelReachedBeforeItsPeriodEndsIsNotYetAchievedAndACumulativeOneCarriesOn() {
		define("LV-COUNCILS", "cumulative: false, aggregation: LATEST");
		targets("LV-COUNCILS", "{period: \"" + SECOND + "\", value: 7}");
		report("LV-COUNCILS", "2026-Q3", 8, null);
		// a level may fall again before the year ends: on track, as a share is, not achieved
		assertThat(figures("LV-COUNCILS")).containsEntry("second", 8.0).containsEntry("status", "ON_TRACK");
		// cumulative: the latest value from the programme's start, so a year without values of its own keeps the last
		define("LV-CUM", "cumulative: true, aggregation: LATEST");
		report("LV-CUM", FIRST, 3, null);
		assertThat(figures("LV-CUM")).containsEntry("first", 3.0).containsEntry("second", 3.0)
			.containsEntry("toDate", 3.0);
		report("LV-CUM", "2026-Q2", 4, null);
		assertThat(figures("LV-CUM")).containsEntry("second", 4.0).containsEntry("quarter", 4.0);
	}

	@Test
	void aYearOfQuarterlyTargetsTakesTheTargetOfTheQuarterItEndsWith() {
		define("LV-COUNCILS", "cumulative: false, aggregation: LATEST");
		targets("LV-COUNCILS", "{period: \"2026-Q2\", value: 4}, {period: \"2026-Q3\", value: 5}, "
				+ "{period: \"2026-Q4\", value: 6}, {period: \"2027-Q1\", value: 10}");
		report("LV-COUNCILS", "2026-Q3", 5, null);
		// the second year ends with the first quarter of 2027, whose target is 10; progress from the baseline of 1
		var figures = figures("LV-COUNCILS");
		assertThat(figures).containsEntry("second", 5.0);
		assertThat((Double) figures.get("progress")).isCloseTo(4.0 / 9, offset(1e-9));
		var series = this.graphQl.document("""
				{ indicator(code: "LV-COUNCILS") { series(granularity: YEAR) { target status } } }""")
			.execute()
			.path("indicator.series[*]")
			.entityList(Object.class)
			.get();
		// judged by the year's time, 228 of its 365 days: 4 of 9 is behind 0.9 of that, not 0.6 (by its last quarter's,
		// it had not started: a review's)
		assertThat(series).hasToString("[{target=null, status=null}, {target=10.0, status=AT_RISK}]");
	}

	@Test
	void anAggregationIsOfAReportedNumberAndIsChangedOnceItsTargetsAreRestated() {
		refused("""
				mutation { createIndicator(input: {code: "LV-BAD", programme: "LV-PROG", name: "Bad", level: OUTPUT,
				    unit: NUMBER, method: COMPUTED, measure: PARTICIPANTS, filter: {}, aggregation: LATEST}) { code } }""",
				"input.aggregation: A computed indicator counts participation over each period; aggregation is how the "
						+ "values partners report are combined: leave it out");
		refused("""
				mutation { createIndicator(input: {code: "LV-BAD", programme: "LV-PROG", name: "Bad", level: OUTCOME,
				    unit: PERCENT, method: REPORTED, aggregation: SUM}) { code } }""",
				"input.aggregation: Percentages are not added up: a percent indicator's value for a period is the latest "
						+ "reported within it (LATEST)");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM indicator WHERE code = 'LV-BAD'", Integer.class))
			.isZero();
		define("LV-SUM", "cumulative: false");
		targets("LV-SUM", "{period: \"" + SECOND + "\", value: 7}");
		report("LV-SUM", "2026-Q2", 4, null);
		report("LV-SUM", "2026-Q3", 5, null);
		assertThat(figures("LV-SUM")).containsEntry("second", 9.0);
		refused("mutation { updateIndicator(code: \"LV-SUM\", input: {aggregation: LATEST}) { code } }",
				"input.aggregation: The indicator's targets (" + SECOND + ") are sums of the values reported within a "
						+ "period; remove them first (setIndicatorTargets with an empty list), then set them anew in the "
						+ "new way of counting");
		refused("mutation { updateIndicator(code: \"LV-SUM\", input: {aggregation: null}) { code } }",
				"input.aggregation: May not be cleared; leave it out to keep it as it is");
		assertThat(figures("LV-SUM")).containsEntry("aggregation", "SUM").containsEntry("second", 9.0);
		targets("LV-SUM", "");
		// the values reported stay, read the new way
		this.graphQl.document("mutation { updateIndicator(code: \"LV-SUM\", input: {aggregation: LATEST}) { code } }")
			.execute()
			.path("updateIndicator.code")
			.entity(String.class)
			.isEqualTo("LV-SUM");
		assertThat(figures("LV-SUM")).containsEntry("aggregation", "LATEST").containsEntry("second", 5.0);
		// a change of unit takes the new unit's way: a percentage's latest value, a number's sum
		define("LV-UNIT", "cumulative: false, aggregation: LATEST");
		assertThat(unit("LV-UNIT", "PERCENT")).isEqualTo("LATEST");
		assertThat(unit("LV-UNIT", "NUMBER")).isEqualTo("SUM");
		assertThat(this.jdbc.queryForObject("SELECT latest_value FROM indicator WHERE code = 'LV-UNIT'", Boolean.class))
			.isFalse();
		// nor does a computed indicator have one
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "LV-REACH", programme: "LV-PROG", name: "Reached",
				    level: OUTPUT, unit: NUMBER, method: COMPUTED, measure: PARTICIPANTS, filter: {}}) { aggregation } }""")
			.execute()
			.path("createIndicator.aggregation")
			.valueIsNull();
	}

	/**
	 * Levels becoming sums: parts reported as levels are added up from then on, and stay within their wholes as
	 * parts reported under SUM do. A region's 8 in two quarters of a year counted 10 came to 16 once added up, and the
	 * change was taken without a word (a review's).
	 */
	@Test
	void levelsBecomeSumsOnlyWhileThePartsAddedUpStayWithinTheirWholes() {
		define("LV-COUNCILS", "cumulative: false, aggregation: LATEST");
		report("LV-COUNCILS", SECOND, 10, null);
		report("LV-COUNCILS", "2026-Q2", 8, "GE-KK");
		report("LV-COUNCILS", "2026-Q3", 8, "GE-KK");
		refused("mutation { updateIndicator(code: \"LV-COUNCILS\", input: {aggregation: SUM}) { code } }",
				"input.aggregation: Added up, the values reported would not stay within their wholes: the values for "
						+ "each region of " + SECOND + " would add up to 16, more than the 10 reported for all of it. "
						+ "Correct or withdraw them first (reportIndicatorValue, withdrawIndicatorValue)");
		assertThat(figures("LV-COUNCILS")).containsEntry("aggregation", "LATEST").containsEntry("second", 10.0);
		report("LV-COUNCILS", "2026-Q3", 2, "GE-KK");
		this.graphQl.document("mutation { updateIndicator(code: \"LV-COUNCILS\", input: {aggregation: SUM}) { code } }")
			.execute()
			.path("updateIndicator.code")
			.entity(String.class)
			.isEqualTo("LV-COUNCILS");
		assertThat(figures("LV-COUNCILS")).containsEntry("aggregation", "SUM").containsEntry("second", 10.0)
			.containsEntry("regions", List.of(Map.of("group", Map.of("region", Map.of("code", "GE-KK")), "value",
					10.0)));
	}

	/**
	 * A value reported by mistake is withdrawn: its period then counts for nothing, as if never reported, where a 0
	 * would be a level of 0 and the latest (a level reported for the fourth quarter instead of the third was read as
	 * 0 once its quarter was reported as 0: a review's); a percentage's too. One with nothing to withdraw is refused.
	 */
	@Test
	void aValueReportedByMistakeIsWithdrawnAndCountsForNothing() {
		define("LV-COUNCILS", "cumulative: false, aggregation: LATEST");
		report("LV-COUNCILS", "2026-Q2", 4, null);
		report("LV-COUNCILS", "2026-Q3", 5, null);
		assertThat(figures("LV-COUNCILS")).containsEntry("second", 5.0);
		this.graphQl.document("""
				mutation { withdrawIndicatorValue(input: {indicator: "LV-COUNCILS", period: "2026-Q3",
				    comment: "meant for the second quarter"}) { period { key } value withdrawn current } }""")
			.execute()
			.path("withdrawIndicatorValue")
			.entity(Map.class)
			.isEqualTo(Map.of("period", Map.of("key", "2026-Q3"), "value", 0.0, "withdrawn", true, "current", true));
		assertThat(figures("LV-COUNCILS")).containsEntry("second", 4.0).containsEntry("toDate", 4.0);
		assertThat(this.graphQl.document("""
				{ indicator(code: "LV-COUNCILS") { q3: actual(period: "2026-Q3")
				    reportedValues { period { key } value withdrawn current } } }""")
			.execute()
			.path("indicator")
			.entity(Map.class)
			.get()).hasToString("{q3=null, reportedValues=[{period={key=2026-Q3}, value=0.0, withdrawn=true, "
					+ "current=true}, {period={key=2026-Q3}, value=5.0, withdrawn=false, current=false}, "
					+ "{period={key=2026-Q2}, value=4.0, withdrawn=false, current=true}]}");
		// nothing counts for the quarter now, nor for one never reported, nor for a region without a value
		for (var asked : new String[] { "period: \"2026-Q3\"", "period: \"2025-Q3\"",
				"period: \"2026-Q2\", region: \"GE-KK\"" }) {
			refused("mutation { withdrawIndicatorValue(input: {indicator: \"LV-COUNCILS\", " + asked + "}) { value } }",
					"input.period: No value " + (asked.contains("GE-KK") ? "for GE-KK " : "") + "of "
							+ asked.replaceAll(".*\"(20[0-9-Q]+)\".*", "$1") + " counts now, so there is none to "
							+ "withdraw");
		}
		// reported again, it counts again; a 0 reported is a level of 0
		report("LV-COUNCILS", "2026-Q3", 6, null);
		assertThat(figures("LV-COUNCILS")).containsEntry("second", 6.0);
		report("LV-COUNCILS", "2026-Q3", 0, null);
		assertThat(figures("LV-COUNCILS")).containsEntry("second", 0.0);
		// a percentage's last quarter withdrawn leaves the one before
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "LV-SHARE", programme: "LV-PROG", name: "Share", level: OUTCOME,
				    unit: PERCENT, method: REPORTED, cumulative: false}) { aggregation } }""")
			.execute()
			.path("createIndicator.aggregation")
			.entity(String.class)
			.isEqualTo("LATEST");
		report("LV-SHARE", "2026-Q2", 20, null);
		report("LV-SHARE", "2026-Q3", 30, null);
		this.graphQl.document("""
				mutation { withdrawIndicatorValue(input: {indicator: "LV-SHARE", period: "2026-Q3"}) { withdrawn } }""")
			.execute()
			.path("withdrawIndicatorValue.withdrawn")
			.entity(Boolean.class)
			.isEqualTo(true);
		assertThat(figures("LV-SHARE")).containsEntry("second", 20.0);
	}

	/**
	 * A withdrawal is as if never reported: a 0 reported beside a withdrawn year is a level of 0, not a withdrawal too
	 * (a review's), and another partner of the programme may report the period its reporter withdrew (it was refused
	 * as theirs); a partner withdraws no other organization's value. A level's 0 is a value of a period begun, a
	 * count's 0 (which adds nothing) of any.
	 */
	@Test
	void aWithdrawalIsAsIfNeverReported() {
		define("LV-COUNCILS", "cumulative: false, aggregation: LATEST");
		report("LV-COUNCILS", SECOND, 5, null);
		withdraw(this.graphQl, "LV-COUNCILS", SECOND);
		report("LV-COUNCILS", "2026-Q2", 0, null);
		assertThat(figures("LV-COUNCILS")).containsEntry("second", 0.0).containsEntry("quarter", 0.0);
		// partners of the programme's project: CIF reports, SCCSF may not withdraw it, CIF may; then SCCSF reports
		this.jdbc.update("""
				INSERT INTO project (code, programme_id, name, lead_organization_id)
				SELECT 'LV-PRJ', p.id, 'Councils', o.id FROM programme p, organization o
				WHERE p.code = 'LV-PROG' AND o.code = 'CIF'""");
		this.jdbc.update("""
				INSERT INTO project_partner (project_id, organization_id, role)
				SELECT p.id, o.id, 'IMPLEMENTING_PARTNER' FROM project p, organization o
				WHERE p.code = 'LV-PRJ' AND o.code = 'SCCSF'""");
		var cif = this.callers.as(Role.PARTNER, "CIF");
		var sccsf = this.callers.as(Role.PARTNER, "SCCSF");
		cif.document("mutation { reportIndicatorValue(input: {indicator: \"LV-COUNCILS\", period: \"2026-Q3\", value: 3})"
				+ " { value } }").execute().path("reportIndicatorValue.value").entity(Double.class).isEqualTo(3.0);
		sccsf.document("mutation { withdrawIndicatorValue(input: {indicator: \"LV-COUNCILS\", period: \"2026-Q3\"}) "
				+ "{ value } }")
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.FORBIDDEN
					&& error.getMessage().startsWith("The value for 2026-Q3 was reported for CIF"))
			.verify();
		withdraw(cif, "LV-COUNCILS", "2026-Q3");
		sccsf.document("mutation { reportIndicatorValue(input: {indicator: \"LV-COUNCILS\", period: \"2026-Q3\", "
				+ "value: 4}) { value } }").execute().path("reportIndicatorValue.value").entity(Double.class).isEqualTo(4.0);
		assertThat(figures("LV-COUNCILS")).containsEntry("second", 4.0);
		// a 0 is of a period begun, a level's and a count's alike (a count's had been taken for any period)
		define("LV-SUM", "cumulative: false");
		for (var code : List.of("LV-COUNCILS", "LV-SUM")) {
			refused("mutation { reportIndicatorValue(input: {indicator: \"" + code + "\", period: \"2027-Q1\", "
					+ "value: 0}) { value } }", "input.period: The period has not begun (it starts on 2027-01-01): a "
							+ "value is reported for a period under way or past");
		}
	}

	private void withdraw(HttpGraphQlTester tester, String code, String period) {
		tester.document("mutation { withdrawIndicatorValue(input: {indicator: \"" + code + "\", period: \"" + period
				+ "\"}) { withdrawn } }")
			.execute()
			.path("withdrawIndicatorValue.withdrawn")
			.entity(Boolean.class)
			.isEqualTo(true);
	}

	private void define(String code, String options) {
		this.graphQl.document("mutation { createIndicator(input: {code: \"" + code + "\", programme: \"LV-PROG\", "
				+ "name: \"Municipalities with a functioning youth council\", level: OUTCOME, unit: NUMBER, "
				+ "method: REPORTED, baseline: 1, " + options + "}) { code } }")
			.execute()
			.path("createIndicator.code")
			.entity(String.class)
			.isEqualTo(code);
	}

	private void targets(String code, String targets) {
		this.graphQl.document("mutation { setIndicatorTargets(code: \"" + code + "\", targets: [" + targets + "]) "
				+ "{ code } }")
			.execute()
			.path("setIndicatorTargets.code")
			.entity(String.class)
			.isEqualTo(code);
	}

	private void report(String code, String period, double value, String region) {
		this.graphQl.document("mutation { reportIndicatorValue(input: {indicator: \"" + code + "\", period: \"" + period
				+ "\", value: " + value + (region == null ? "" : ", region: \"" + region + "\"") + "}) { value } }")
			.execute()
			.path("reportIndicatorValue.value")
			.entity(Double.class)
			.isEqualTo(value);
	}

	private String unit(String code, String unit) {
		return this.graphQl.document("mutation { updateIndicator(code: \"" + code + "\", input: {unit: " + unit + ", baseline: 1}) "
				+ "{ aggregation } }")
			.execute()
			.path("updateIndicator.aggregation")
			.entity(String.class)
			.get();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> figures(String code) {
		return this.graphQl.document("""
				query($code: ID!) { indicator(code: $code) { aggregation
				  first: actual(period: "%s") second: actual(period: "%s") quarter: actual(period: "2026-Q2")
				  toDate: actual progress(period: "%s") status
				  series(granularity: YEAR) { period { key } target actual status }
				  regions: disaggregate(by: [REGION], period: "%s") { group { region { code } } value } } }"""
			.formatted(FIRST, SECOND, SECOND, SECOND))
			.variable("code", code)
			.execute()
			.path("indicator")
			.entity(Map.class)
			.get();
	}

	private void refused(String document, String message) {
		this.graphQl.document(document)
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals(message))
			.verify();
	}

}
