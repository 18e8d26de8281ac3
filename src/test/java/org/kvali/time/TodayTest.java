package org.kvali.time;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.TestClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Today is the day in Georgia, where the programmes run (the service's zone unless kvali.time-zone says otherwise),
 * not in UTC, four hours behind: from midnight in Tbilisi an activity of the day counts, a quarter has begun, and an
 * IATI file is dated in Georgian time.
 */
@IntegrationTest
class TodayTest {

	/** 15 March 2026, 01:30 in Tbilisi; still the 14th in UTC. */
	private static final Instant AFTER_MIDNIGHT = Instant.parse("2026-03-14T21:30:00Z");

	/** 14 March 2026, 23:30 in Tbilisi. */
	private static final Instant BEFORE_MIDNIGHT = Instant.parse("2026-03-14T19:30:00Z");

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestClock clock;

	@Autowired
	Today today;

	/** A programme of 2026 with one woman at a training of 15 March, and a computed and a reported indicator. */
	@BeforeEach
	void programme() {
		this.jdbc.update("""
				INSERT INTO programme (code, name, start_date, end_date)
				VALUES ('TZ-PROG', 'Zone', DATE '2026-01-01', DATE '2026-12-31')""");
		this.jdbc.update("""
				INSERT INTO project (code, programme_id, name, start_date, end_date)
				SELECT 'TZ-PRJ', id, 'Zone', start_date, end_date FROM programme WHERE code = 'TZ-PROG'""");
		training("TZ-A", LocalDate.of(2026, 3, 15), "TZ-P", "FEMALE");
		// language=GraphQL
		this.graphQl.document("""
				mutation { reach: createIndicator(input: {code: "TZ-REACH", programme: "TZ-PROG", name: "Reached",
				    level: OUTPUT, unit: NUMBER, method: COMPUTED, measure: PARTICIPANTS, filter: {projects: ["TZ-PRJ"]},
				    cumulative: false}) { code }
				  reported: createIndicator(input: {code: "TZ-REP", programme: "TZ-PROG", name: "Reported", level: OUTCOME,
				    unit: NUMBER, method: REPORTED, cumulative: false}) { code } }""")
			.execute()
			.path("reported.code").entity(String.class).isEqualTo("TZ-REP");
	}

	@AfterEach
	void clean() {
		this.jdbc.update("DELETE FROM indicator WHERE code LIKE 'TZ-%'");
		this.jdbc.update("DELETE FROM participation WHERE activity_id IN (SELECT id FROM activity WHERE code LIKE 'TZ-%')");
		this.jdbc.update("DELETE FROM participant WHERE ref LIKE 'TZ-%'");
		this.jdbc.update("DELETE FROM activity WHERE code LIKE 'TZ-%'");
		this.jdbc.update("DELETE FROM project WHERE code = 'TZ-PRJ'");
		this.jdbc.update("DELETE FROM programme WHERE code = 'TZ-PROG'");
	}

	@Test
	void theServicesDayIsGeorgias() {
		this.clock.stopAt(AFTER_MIDNIGHT);
		assertThat(this.today.date()).isEqualTo(LocalDate.of(2026, 3, 15));
		this.clock.stopAt(BEFORE_MIDNIGHT);
		assertThat(this.today.date()).isEqualTo(LocalDate.of(2026, 3, 14));
	}

	@Test
	void anActivityOfTodayCountsFromMidnightInTbilisi() {
		this.clock.stopAt(BEFORE_MIDNIGHT);
		assertThat(reached()).isEqualTo(0.0);
		this.clock.stopAt(AFTER_MIDNIGHT);
		assertThat(reached()).isEqualTo(1.0);
	}

	@Test
	void aQuarterBeginsAtMidnightInTbilisi() {
		// 31 March, 23:30 in Tbilisi: the second quarter has not begun
		this.clock.stopAt(Instant.parse("2026-03-31T19:30:00Z"));
		report().errors()
			.expect(error -> error.getMessage().equals("input.period: The period has not begun (it starts on "
					+ "2026-04-01): a value is reported for a period under way or past"))
			.verify();
		// 1 April, 00:30 in Tbilisi (still 31 March in UTC): it has
		this.clock.stopAt(Instant.parse("2026-03-31T20:30:00Z"));
		report().path("reportIndicatorValue.value").entity(Double.class).isEqualTo(5.0);
	}

	/**
	 * A programme that starts within a quarter has reached nothing of it before its first day: no actual, no value
	 * reported, not started; from its first day in Tbilisi, it has.
	 */
	@Test
	void aPeriodBeginsNoEarlierThanItsProgramme() {
		this.jdbc.update("UPDATE programme SET start_date = DATE '2026-03-15' WHERE code = 'TZ-PROG'");
		// an activity of the project held before the programme began, which none of its periods counts
		training("TZ-EARLY", LocalDate.of(2026, 3, 10), "TZ-EARLY-P", "MALE");
		this.clock.stopAt(BEFORE_MIDNIGHT);
		// language=GraphQL
		var before = this.graphQl.document("""
				{ reach: indicator(code: "TZ-REACH") { actual q1: actual(period: "2026-Q1") }
				  reported: indicator(code: "TZ-REP") { actual } }""").execute();
		before.path("reach.actual").valueIsNull();
		before.path("reach.q1").valueIsNull();
		before.path("reported.actual").valueIsNull();
		// language=GraphQL
		this.graphQl.document("mutation { reportIndicatorValue(input: {indicator: \"TZ-REP\", period: \"2026-Q1\", "
				+ "value: 3}) { value } }")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.period: The programme has not begun (it starts on "
					+ "2026-03-15): a value is reported for a period under way or past"))
			.verify();
		this.clock.stopAt(AFTER_MIDNIGHT);
		// language=GraphQL
		this.graphQl.document("mutation { reportIndicatorValue(input: {indicator: \"TZ-REP\", period: \"2026-Q1\", "
				+ "value: 3}) { value } }")
			.execute()
			.path("reportIndicatorValue.value").entity(Double.class).isEqualTo(3.0);
		// language=GraphQL
		var after = this.graphQl.document("""
				{ reach: indicator(code: "TZ-REACH") { actual q1: actual(period: "2026-Q1") }
				  reported: indicator(code: "TZ-REP") { actual } }""").execute();
		after.path("reach.actual").entity(Double.class).isEqualTo(1.0);
		after.path("reach.q1").entity(Double.class).isEqualTo(1.0);
		after.path("reported.actual").entity(Double.class).isEqualTo(3.0);
	}

	/**
	 * An IATI file's times are the instant in UTC (a validator dropping Tbilisi's +04:00 read them as four hours
	 * ahead); its day, which judges the activities' status, is Georgia's.
	 */
	@Test
	void anIatiFilesTimeIsTheInstantInUtc() throws Exception {
		this.clock.stopAt(AFTER_MIDNIGHT);
		var demo = this.mvc.perform(get("/iati/activities.xml").param("programme", "EU-CSO-EQUAL"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(demo).contains("generated-datetime=\"2026-03-14T21:30:00Z\"");
	}

	/** A one-day training of the project on {@code day}, with one person taking part. */
	private void training(String code, LocalDate day, String person, String gender) {
		this.jdbc.update("""
				INSERT INTO activity (code, project_id, kind, title, start_date, end_date)
				SELECT ?, id, 'TRAINING', 'Training', ?, ? FROM project WHERE code = 'TZ-PRJ'""", code, day, day);
		this.jdbc.update("INSERT INTO participant (ref, gender) VALUES (?, ?)", person, gender);
		this.jdbc.update("""
				INSERT INTO participation (activity_id, participant_id)
				SELECT a.id, p.id FROM activity a, participant p WHERE a.code = ? AND p.ref = ?""", code, person);
	}

	private Double reached() {
		// language=GraphQL
		return this.graphQl.document("{ indicator(code: \"TZ-REACH\") { actual } }")
			.execute()
			.path("indicator.actual")
			.entity(Double.class)
			.get();
	}

	private HttpGraphQlTester.Response report() {
		// language=GraphQL
		return this.graphQl.document("mutation { reportIndicatorValue(input: {indicator: \"TZ-REP\", "
				+ "period: \"2026-Q2\", value: 5}) { value } }").execute();
	}

}
