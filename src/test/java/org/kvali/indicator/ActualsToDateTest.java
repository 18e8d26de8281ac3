package org.kvali.indicator;

import java.time.LocalDate;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.TestClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An actual is what was reached: participation at activities begun by today, and nothing for a period that has not
 * begun. Attendance loaded ahead of an activity (registrations) counted in its period's actual, and a value could be
 * reported for next year.
 */
@IntegrationTest
class ActualsToDateTest {

	/** 15 June 2026 in Tbilisi, where the test's clock stops. */
	private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

	private static final int YEAR = TODAY.getYear();

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestClock clock;

	/**
	 * A programme of this year and the next, with one woman at an activity of this January, one at an activity of
	 * tomorrow and one at an activity of next January.
	 */
	@BeforeEach
	void programme() {
		this.clock.stopAt(Instant.parse("2026-06-15T08:00:00Z"));
		this.jdbc.update("INSERT INTO programme (code, name, start_date, end_date) VALUES ('TA-PROG', 'Now', ?, ?)",
				LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR + 1, 12, 31));
		this.jdbc.update("""
				INSERT INTO project (code, programme_id, name, start_date, end_date)
				SELECT 'TA-PRJ', id, 'Now', start_date, end_date FROM programme WHERE code = 'TA-PROG'""");
		var starts = new LocalDate[] { LocalDate.of(YEAR, 1, 1), TODAY.plusDays(1), LocalDate.of(YEAR + 1, 1, 15) };
		for (int i = 0; i < starts.length; i++) {
			this.jdbc.update("""
					INSERT INTO activity (code, project_id, kind, title, start_date, end_date)
					SELECT ?, id, 'TRAINING', 'Training', ?, ? FROM project WHERE code = 'TA-PRJ'""", "TA-A" + i,
					starts[i], starts[i]);
			this.jdbc.update("INSERT INTO participant (ref, gender) VALUES (?, 'FEMALE')", "TA-P" + i);
			this.jdbc.update("""
					INSERT INTO participation (activity_id, participant_id)
					SELECT a.id, p.id FROM activity a, participant p WHERE a.code = ? AND p.ref = ?""", "TA-A" + i,
					"TA-P" + i);
		}
		// language=GraphQL
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "TA-REACH", programme: "TA-PROG", name: "Reached", level: OUTPUT,
				    unit: NUMBER, method: COMPUTED, measure: PARTICIPANTS, filter: {projects: ["TA-PRJ"]}, cumulative: false}) {
				  code } }""").execute().path("createIndicator.code").hasValue();
		// language=GraphQL
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "TA-REP", programme: "TA-PROG", name: "Reported", level: OUTCOME,
				    unit: NUMBER, method: REPORTED, cumulative: false}) { code } }""")
			.execute()
			.path("createIndicator.code").hasValue();
	}

	@AfterEach
	void clean() {
		this.jdbc.update("DELETE FROM indicator WHERE code LIKE 'TA-%'");
		this.jdbc.update("DELETE FROM participation WHERE activity_id IN (SELECT id FROM activity WHERE code LIKE 'TA-%')");
		this.jdbc.update("DELETE FROM participant WHERE ref LIKE 'TA-%'");
		this.jdbc.update("DELETE FROM activity WHERE code LIKE 'TA-%'");
		this.jdbc.update("DELETE FROM project WHERE code = 'TA-PRJ'");
		this.jdbc.update("DELETE FROM programme WHERE code = 'TA-PROG'");
	}

	@Test
	void aPeriodCountsActivitiesBegunByTodayAndOneNotBegunHasNoActual() {
		// language=GraphQL
		var response = this.graphQl.document("""
				query($year: String!, $next: String!) { indicator(code: "TA-REACH") {
				  year: actual(period: $year) next: actual(period: $next) toDate: actual
				  nextByGender: disaggregate(by: [GENDER], period: $next) { value }
				  series { period { key } actual } } }""")
			.variable("year", Integer.toString(YEAR))
			.variable("next", Integer.toString(YEAR + 1))
			.execute();
		response.path("indicator.year").entity(Double.class).isEqualTo(1.0);
		response.path("indicator.next").valueIsNull();
		response.path("indicator.toDate").entity(Double.class).isEqualTo(1.0);
		response.path("indicator.nextByGender").entityList(Object.class).hasSize(0);
		response.path("indicator.series[*].period.key").entityList(String.class)
			.containsExactly(Integer.toString(YEAR), Integer.toString(YEAR + 1));
		response.path("indicator.series[0].actual").entity(Double.class).isEqualTo(1.0);
		response.path("indicator.series[1].actual").valueIsNull();
	}

	@Test
	void aValueIsReportedForAPeriodUnderWayOrPast() {
		var next = Integer.toString(YEAR + 1);
		// language=GraphQL
		this.graphQl.document("mutation($period: String!) { reportIndicatorValue(input: {indicator: \"TA-REP\", "
				+ "period: $period, value: 5}) { value } }")
			.variable("period", next)
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.period: The period has not begun (it starts on " + next
					+ "-01-01): a value is reported for a period under way or past"))
			.verify();
		assertThat(this.jdbc.queryForObject("""
				SELECT count(*) FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id
				WHERE i.code = 'TA-REP'""", Integer.class)).isZero();
		// language=GraphQL
		this.graphQl.document("mutation($period: String!) { reportIndicatorValue(input: {indicator: \"TA-REP\", "
				+ "period: $period, value: 7}) { value } }")
			.variable("period", Integer.toString(YEAR))
			.execute()
			.path("reportIndicatorValue.value").entity(Double.class).isEqualTo(7.0);
		// a count's 0 is a value as any other: none reached in a period to come is not known either (it had been
		// taken for any period, as a withdrawal)
		// language=GraphQL
		this.graphQl.document("mutation($period: String!) { reportIndicatorValue(input: {indicator: \"TA-REP\", "
				+ "period: $period, value: 0}) { value } }")
			.variable("period", next)
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.period: The period has not begun (it starts on " + next
					+ "-01-01): a value is reported for a period under way or past"))
			.verify();
		// language=GraphQL
		this.graphQl.document("query($year: String!) { indicator(code: \"TA-REP\") { actual(period: $year) } }")
			.variable("year", Integer.toString(YEAR))
			.execute()
			.path("indicator.actual").entity(Double.class).isEqualTo(7.0);
	}

	/**
	 * A percentage takes the value of the period that ends last, of those begun: the 0 that withdrew next year's
	 * value (there was none) made the actual to date 0 %. A share's 0 is now a value, refused for a period not begun
	 * as any is, and a withdrawal of nothing is refused too.
	 */
	@Test
	void aWithdrawalOfAPeriodNotBegunIsNoPercentageToDate() {
		this.jdbc.update("UPDATE indicator SET unit = 'PERCENT' WHERE code = 'TA-REP'");
		var report = "mutation($period: String!, $value: Float!) { reportIndicatorValue(input: {indicator: \"TA-REP\", "
				+ "period: $period, value: $value}) { current } }";
		// language=GraphQL
		this.graphQl.document(report).variable("period", Integer.toString(YEAR)).variable("value", 40)
			.execute()
			.path("reportIndicatorValue.current").entity(Boolean.class).isEqualTo(true);
		var next = Integer.toString(YEAR + 1);
		this.graphQl.document(report).variable("period", next).variable("value", 0)
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.period: The period has not begun (it starts on " + next
					+ "-01-01): a value is reported for a period under way or past"))
			.verify();
		this.graphQl.document("mutation($period: String!) { withdrawIndicatorValue(input: {indicator: \"TA-REP\", "
				+ "period: $period}) { current } }").variable("period", next)
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.period: No value of " + next + " counts now, so there is "
					+ "none to withdraw"))
			.verify();
		// language=GraphQL
		this.graphQl.document("{ indicator(code: \"TA-REP\") { actual } }")
			.execute()
			.path("indicator.actual").entity(Double.class).isEqualTo(40.0);
	}

	/**
	 * A programme that ends within a target's period ends the target's time there too, as it ends the counting: on
	 * 15 June, with the programme ending 30 June, nearly all of the year's target time has passed (a reviewer's: the
	 * status judged a half-elapsed year against a count that could no longer grow after June).
	 */
	@Test
	void aTargetsTimeEndsWithTheProgramme() {
		this.jdbc.update("UPDATE activity SET start_date = ?, end_date = ? WHERE code = 'TA-A2'", TODAY.plusDays(2),
				TODAY.plusDays(2));
		this.jdbc.update("UPDATE project SET end_date = ? WHERE code = 'TA-PRJ'", LocalDate.of(YEAR, 6, 30));
		this.jdbc.update("UPDATE programme SET end_date = ? WHERE code = 'TA-PROG'", LocalDate.of(YEAR, 6, 30));
		// language=GraphQL
		this.graphQl.document("mutation($year: String!) { setIndicatorTargets(code: \"TA-REACH\", targets: "
				+ "[{period: $year, value: 4}]) { code } }")
			.variable("year", Integer.toString(YEAR))
			.execute()
			.path("setIndicatorTargets.code").hasValue();
		// 1 of 4 with 166 of 181 days gone: more than one person below 0.6 of the time (2.2); of the whole year's
		// 365, less than one below 0.9 of it (1.6), on track
		// language=GraphQL
		this.graphQl.document("{ indicator(code: \"TA-REACH\") { actual status } }")
			.execute()
			.path("indicator.status").entity(String.class).isEqualTo("OFF_TRACK");
	}

	/**
	 * A programme that ends within a year: the value reported for the year tells the programme's part of it, whole
	 * at the programme's end, and counts from then (a tester's: NOT_ACHIEVED from the programme's end to the last day
	 * of the year, then ACHIEVED with nothing changed).
	 */
	@Test
	void aYearsReportedValueCountsFromTheProgrammesEndWithinIt() {
		this.jdbc.update("UPDATE project SET end_date = ? WHERE code = 'TA-PRJ'", TODAY.minusDays(5));
		this.jdbc.update("UPDATE programme SET end_date = ? WHERE code = 'TA-PROG'", TODAY.minusDays(5));
		var year = Integer.toString(YEAR);
		// language=GraphQL
		this.graphQl.document("mutation($year: String!) { setIndicatorTargets(code: \"TA-REP\", targets: "
				+ "[{period: $year, value: 5}]) { code } }")
			.variable("year", year)
			.execute()
			.path("setIndicatorTargets.code").hasValue();
		// language=GraphQL
		this.graphQl.document("mutation($year: String!) { reportIndicatorValue(input: {indicator: \"TA-REP\", "
				+ "period: $year, value: 6}) { value } }")
			.variable("year", year)
			.execute()
			.path("reportIndicatorValue.value").entity(Double.class).isEqualTo(6.0);
		// language=GraphQL
		var response = this.graphQl.document("""
				query($year: String!, $end: Date!, $before: Date!) { indicator(code: "TA-REP") {
				  actual(period: $year) status ended: status(asOf: $end) before: status(asOf: $before) } }""")
			.variable("year", year)
			.variable("end", TODAY.minusDays(5).toString())
			.variable("before", TODAY.minusDays(6).toString())
			.execute();
		response.path("indicator.actual").entity(Double.class).isEqualTo(6.0);
		response.path("indicator.status").entity(String.class).isEqualTo("ACHIEVED");
		response.path("indicator.ended").entity(String.class).isEqualTo("ACHIEVED");
		// the day before, nothing reported counts yet: not known, rather than off track
		response.path("indicator.before").valueIsNull();
	}

	/**
	 * A series point is judged as status judges today (a review's): a period under way counts the reported values of
	 * periods that have ended, not one reported early for the quarter under way (whose year was ACHIEVED where status
	 * was OFF_TRACK); a quarter with its year's target is judged by the year's time (ON_TRACK by half of its quarter);
	 * a period to come has NOT_STARTED, a cumulative indicator's too (null).
	 */
	@Test
	void aSeriesPointIsJudgedAsStatusJudgesToday() {
		// language=GraphQL
		this.graphQl.document("""
				mutation {
				  t: setIndicatorTargets(code: "TA-REP", targets: [{period: "2026", value: 100}, {period: "2027",
				      value: 100}]) { code }
				  q1: reportIndicatorValue(input: {indicator: "TA-REP", period: "2026-Q1", value: 20}) { value }
				  q2: reportIndicatorValue(input: {indicator: "TA-REP", period: "2026-Q2", value: 60}) { value }
				  c: createIndicator(input: {code: "TA-CUM", programme: "TA-PROG", name: "Reached so far",
				      level: OUTPUT, unit: NUMBER, method: COMPUTED, measure: PARTICIPANTS,
				      filter: {projects: ["TA-PRJ"]}, cumulative: true}) { code }
				  ct: setIndicatorTargets(code: "TA-CUM", targets: [{period: "2026", value: 1},
				      {period: "2027", value: 3}]) { code }
				}""").execute().path("t.code").hasValue();
		// on 15 June (166 of 365 days) the year's 20 of 100 are under the at-risk line of 0.6 x 166/365 = 27
		// language=GraphQL
		var response = this.graphQl.document("""
				{ rep: indicator(code: "TA-REP") { status series { period { key } actual status } }
				  cum: indicator(code: "TA-CUM") { series { period { key } actual status } } }""").execute();
		response.path("rep.status").entity(String.class).isEqualTo("OFF_TRACK");
		response.path("rep.series[0].period.key").entity(String.class).isEqualTo("2026");
		response.path("rep.series[0].actual").entity(Double.class).isEqualTo(80.0);
		response.path("rep.series[0].status").entity(String.class).isEqualTo("OFF_TRACK");
		response.path("rep.series[1].status").entity(String.class).isEqualTo("NOT_STARTED");
		response.path("cum.series[0].status").entity(String.class).isEqualTo("ACHIEVED");
		response.path("cum.series[1].period.key").entity(String.class).isEqualTo("2027");
		response.path("cum.series[1].status").entity(String.class).isEqualTo("NOT_STARTED");
		// a level, in its year's fourth quarter: 15 November, 319 of 365 days, the latest value counted 6 of 10
		this.clock.stopAt(Instant.parse("2026-11-15T08:00:00Z"));
		// language=GraphQL
		this.graphQl.document("""
				mutation {
				  c: createIndicator(input: {code: "TA-LEVEL", programme: "TA-PROG", name: "Councils", level: OUTCOME,
				      unit: NUMBER, method: REPORTED, cumulative: false, aggregation: LATEST}) { code }
				  t: setIndicatorTargets(code: "TA-LEVEL", targets: [{period: "2026", value: 10}]) { code }
				  q3: reportIndicatorValue(input: {indicator: "TA-LEVEL", period: "2026-Q3", value: 6}) { value }
				  q4: reportIndicatorValue(input: {indicator: "TA-LEVEL", period: "2026-Q4", value: 6}) { value }
				}""").execute().path("q4.value").entity(Double.class).isEqualTo(6.0);
		// language=GraphQL
		response = this.graphQl.document("""
				{ indicator(code: "TA-LEVEL") {
				    status series(granularity: QUARTER) { period { key } target status } } }""")
			.execute();
		response.path("indicator.status").entity(String.class).isEqualTo("AT_RISK");
		response.path("indicator.series[3].period.key").entity(String.class).isEqualTo("2026-Q4");
		response.path("indicator.series[3].target").entity(Double.class).isEqualTo(10.0);
		response.path("indicator.series[3].status").entity(String.class).isEqualTo("AT_RISK");
		// a period that ended is judged by its own actual: a fourth quarter with nothing reported in it has no verdict,
		// though the year's target it carries was reached in the second
		// language=GraphQL
		this.graphQl.document("""
				mutation {
				  c: createIndicator(input: {code: "TA-LEVEL2", programme: "TA-PROG", name: "Councils", level: OUTCOME,
				      unit: NUMBER, method: REPORTED, cumulative: false, aggregation: LATEST}) { code }
				  t: setIndicatorTargets(code: "TA-LEVEL2", targets: [{period: "2026", value: 10}]) { code }
				  q2: reportIndicatorValue(input: {indicator: "TA-LEVEL2", period: "2026-Q2", value: 10}) { value }
				}""").execute().path("q2.value").entity(Double.class).isEqualTo(10.0);
		this.clock.stopAt(Instant.parse("2027-02-15T08:00:00Z"));
		// language=GraphQL
		response = this.graphQl.document("""
				{ indicator(code: "TA-LEVEL2") {
				    years: series { period { key } actual status }
				    quarters: series(granularity: QUARTER) { period { key } target actual status } } }""")
			.execute();
		response.path("indicator.years[0].actual").entity(Double.class).isEqualTo(10.0);
		response.path("indicator.years[0].status").entity(String.class).isEqualTo("ACHIEVED");
		response.path("indicator.quarters[3].period.key").entity(String.class).isEqualTo("2026-Q4");
		response.path("indicator.quarters[3].target").entity(Double.class).isEqualTo(10.0);
		response.path("indicator.quarters[3].actual").valueIsNull();
		response.path("indicator.quarters[3].status").valueIsNull();
	}

}
