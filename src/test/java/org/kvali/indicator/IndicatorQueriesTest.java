package org.kvali.indicator;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kvali.Callers;
import org.kvali.IntegrationTest;
import org.kvali.StatementCounter;
import org.kvali.access.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The demo logframe's computed indicators, each checked against the participation query that says the same. */
@IntegrationTest
class IndicatorQueriesTest {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	StatementCounter statements;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Autowired
	org.kvali.report.ReportService reports;

	@Autowired
	org.kvali.TestClock clock;

	@Autowired
	Callers callers;

	@AfterEach
	void clean() {
		this.callers.deleteKeys();
	}

	@Test
	void trainedRepresentativesAgreeWithTheParticipationQuery() {
		// language=GraphQL
		var response = this.graphQl.document("""
				{ indicator(code: "OUT-1.1") { actual a2024: actual(period: "2024") progress(period: "2024")
				    december: actual(period: "2024-12") decemberProgress: progress(period: "2024-12")
				    series { period { key } target actual } }
				  all: participation(filter: {programmes: ["EU-CSO-EQUAL"], activityKinds: [TRAINING]}) { totals { participants } }
				  upTo2024: participation(filter: {programmes: ["EU-CSO-EQUAL"], activityKinds: [TRAINING], to: "2024-12-31"}) {
				    totals { participants } } }""").execute();
		int all = response.path("all.totals.participants").entity(Integer.class).get();
		int upTo2024 = response.path("upTo2024.totals.participants").entity(Integer.class).get();
		assertThat(all).isEqualTo(136);
		assertThat(upTo2024).isEqualTo(114);
		response.path("indicator.actual").entity(Double.class).isEqualTo((double) all);
		response.path("indicator.a2024").entity(Double.class).isEqualTo((double) upTo2024);
		response.path("indicator.progress").entity(Double.class).isEqualTo(upTo2024 / 120.0);
		// a month has no target, the last of a year either, whose actual of a cumulative indicator is the year's (it
		// had the year's progress: a tester's)
		response.path("indicator.december").entity(Double.class).isEqualTo((double) upTo2024);
		response.path("indicator.decemberProgress").valueIsNull();
		response.path("indicator.series[*].period.key").entityList(String.class).containsExactly("2023", "2024", "2025");
		response.path("indicator.series[*].target").entityList(Double.class).containsExactly(40.0, 120.0, 145.0);
		response.path("indicator.series[*].actual").entityList(Double.class).containsExactly(41.0, 114.0, 136.0);
	}

	/**
	 * What a computed indicator counts is told to those who see every figure, so that they can ask the figures again
	 * (an analyst could only guess OUT-1.1's filter); to others, whose figures are suppressed, its measure alone.
	 */
	@Test
	void anIndicatorsFilterIsToldToThoseWhoSeeEveryFigure() {
		// language=GraphQL
		var definition = """
				{ indicator(code: "OUT-1.2") { description measure cumulative
				    filter { programmes activityKinds genders regions roles from }
				    denominatorFilter { programmes activityKinds genders } } }""";
		var analyst = this.callers.as(Role.ANALYST)
			.document(definition)
			.execute();
		analyst.path("indicator.description").entity(String.class)
			.isEqualTo("Women among the people trained, as a percentage of everyone trained since the programme's start.");
		analyst.path("indicator.measure").entity(String.class).isEqualTo("PARTICIPANTS");
		analyst.path("indicator.filter.programmes").entityList(String.class).containsExactly("EU-CSO-EQUAL");
		analyst.path("indicator.filter.activityKinds").entityList(String.class).containsExactly("TRAINING");
		analyst.path("indicator.filter.genders").entityList(String.class).containsExactly("FEMALE");
		analyst.path("indicator.filter.regions").valueIsNull();
		analyst.path("indicator.filter.roles").valueIsNull();
		analyst.path("indicator.denominatorFilter.genders").valueIsNull();
		analyst.path("indicator.denominatorFilter.activityKinds").entityList(String.class).containsExactly("TRAINING");
		var donor = this.callers.as(Role.DONOR)
			.document(definition)
			.execute();
		donor.path("indicator.measure").entity(String.class).isEqualTo("PARTICIPANTS");
		donor.path("indicator.filter").valueIsNull();
		donor.path("indicator.denominatorFilter").valueIsNull();
		// a reported indicator counts nothing: no measure, no filter
		this.graphQl.document("{ indicator(code: \"OUT-1.3\") { measure filter { programmes } } }")
			.execute()
			.path("indicator.measure").valueIsNull()
			.path("indicator.filter").valueIsNull();
	}

	@Test
	void theShareOfWomenIsNumeratorOverDenominator() {
		// language=GraphQL
		var response = this.graphQl.document("""
				{ indicator(code: "OUT-1.2") { unit actual progress(period: "2025") baseline { value date } }
				  women: participation(filter: {programmes: ["EU-CSO-EQUAL"], activityKinds: [TRAINING], genders: [FEMALE]}) {
				    totals { participants } } }""").execute();
		int women = response.path("women.totals.participants").entity(Integer.class).get();
		assertThat(women).isEqualTo(83);
		response.path("indicator.actual").entity(Double.class).isEqualTo(100.0 * 83 / 136);
		response.path("indicator.progress").entity(Double.class)
			.satisfies(progress -> assertThat(progress).isCloseTo((100.0 * 83 / 136 - 50) / 15, within(1e-12)));
		response.path("indicator.baseline.date").entity(String.class).isEqualTo("2023-01-01");
	}

	@Test
	void statusesOfTheProgrammeInAFixedNumberOfStatements() throws InterruptedException {
		// language=GraphQL
		var overview = """
				{ indicators(programme: "EU-CSO-EQUAL") { code level actual status(asOf: "2025-06-30") mid: status(asOf: "2024-07-01")
				    ended: status(asOf: "2026-01-15") progress(period: "2025") } }""";
		awaitIndex();
		this.statements.reset();
		var response = this.graphQl.document(overview).execute();
		// the programme checked, the indicators, their targets, the reported values, one freshness check for all
		// computed values at once
		assertThat(this.statements.count()).isEqualTo(5);
		response.path("indicators[*].code").entityList(String.class).containsExactly("OUTC-1", "OUTC-2", "OUT-1.1",
				"OUT-1.2", "OUT-1.3", "OUT-2.1");
		// the README's example, halfway through the programme's last year
		response.path("indicators[*].status").entityList(String.class).containsExactly("ON_TRACK", "AT_RISK",
				"ON_TRACK", "AT_RISK", "AT_RISK", "OFF_TRACK");
		// once the programme has ended, every target of its last year is judged: none was reached
		response.path("indicators[*].ended").entityList(String.class).containsExactly("NOT_ACHIEVED", "NOT_ACHIEVED",
				"NOT_ACHIEVED", "NOT_ACHIEVED", "NOT_ACHIEVED", "NOT_ACHIEVED");
		// the README's example
		response.path("indicators[*].actual").entityList(Double.class).containsExactly(38.0, 11.0, 136.0,
				100.0 * 83 / 136, 8.0, 53.0);
		// mid-2024 the annual reported values of 2024 are not in yet: OUTC-2 is judged on 2023's, and OUT-1.3, with
		// none before, is not known (it was OFF_TRACK, judged on nothing)
		response.path("indicators[*].mid").entityList(String.class).containsExactly("ACHIEVED", "OFF_TRACK",
				"AT_RISK", "AT_RISK", null, "ON_TRACK");
	}

	/** A reported indicator's value reads no index: no data version, and no wait for the index after a change. */
	@Test
	void aReportedValueReadsNoIndex() throws InterruptedException {
		awaitIndex();
		this.statements.reset();
		this.graphQl.document("{ indicator(code: \"OUTC-2\") { method actual } }").execute()
			.path("indicator.method").entity(String.class).isEqualTo("REPORTED")
			.path("indicator.actual").entity(Double.class).isEqualTo(11.0);
		// the indicator, its targets, its reported values
		assertThat(this.statements.count()).isEqualTo(3);
	}

	/**
	 * The point `status` judges, with its target, the actual counted to the day and progress, all of one period: an
	 * indicator not cumulative had only its actual to date, every period together, beside the status (53 beside
	 * 2025's target of 24, OFF_TRACK: a review's).
	 */
	@Test
	void theCurrentPointIsTheOneStatusJudges() {
		// language=GraphQL
		var document = """
				{ indicator(code: "OUT-2.1") { actual status(asOf: "2025-06-30")
				    series { period { key } target actual progress }
				    current(asOf: "2025-06-30") { period { key } target actual progress status }
				    ended: current(asOf: "2026-01-15") { period { key } actual status }
				    before: current(asOf: "2022-12-31") { period { key } status } } }""";
		var response = this.graphQl.document(document).execute();
		response.path("indicator.actual").entity(Double.class).isEqualTo(53.0);
		response.path("indicator.current").entity(Object.class).isEqualTo(Map.of("period", Map.of("key", "2025"),
				"target", 24.0, "actual", 5.0, "progress", 5.0 / 24, "status", "OFF_TRACK"));
		response.path("indicator.status").entity(String.class).isEqualTo("OFF_TRACK");
		// once 2025 has ended, its point: the year's actual, as the series has it, and the verdict
		response.path("indicator.ended").entity(Object.class).isEqualTo(Map.of("period", Map.of("key", "2025"),
				"actual", 19.0, "status", "NOT_ACHIEVED"));
		response.path("indicator.series[2]").entity(Object.class).isEqualTo(Map.of("period", Map.of("key", "2025"),
				"target", 24.0, "actual", 19.0, "progress", 19.0 / 24));
		// before the programme, the first target's, not started
		response.path("indicator.before").entity(Object.class).isEqualTo(Map.of("period", Map.of("key", "2023"),
				"status", "NOT_STARTED"));
	}

	/**
	 * A cumulative indicator counts from the start towards each target in turn: between two milestones the next one
	 * is judged, not the last one reached (2023-Q4's target of 10, reached, was ACHIEVED all 2024 and 2025 long: a
	 * tester's). Before the first, the first; after the last, the last.
	 */
	@Test
	void aCumulativeIndicatorIsJudgedAgainstItsNextMilestone() {
		try {
			this.graphQl.document("""
					mutation { createIndicator(input: {code: "TQ-MILESTONES", programme: "EU-CSO-EQUAL",
					    name: "Reached", level: OUTPUT, unit: NUMBER, method: COMPUTED, measure: PARTICIPANTS,
					    cumulative: true, filter: {activityKinds: [TRAINING]}}) { code }
					  setIndicatorTargets(code: "TQ-MILESTONES", targets: [{period: "2023-Q4", value: 10},
					    {period: "2025-Q4", value: 400}]) { code } }""").execute().errors().verify();
			var points = this.graphQl.document("""
					{ indicator(code: "TQ-MILESTONES") {
					    first: current(asOf: "2023-06-30") { period { key } target }
					    between: current(asOf: "2024-03-01") { period { key } target status }
					    status(asOf: "2024-03-01")
					    after: current(asOf: "2026-01-15") { period { key } target } } }""").execute();
			points.path("indicator.first").entity(Object.class).isEqualTo(Map.of("period", Map.of("key", "2023-Q4"),
					"target", 10.0));
			points.path("indicator.between.period.key").entity(String.class).isEqualTo("2025-Q4");
			points.path("indicator.between.target").entity(Double.class).isEqualTo(400.0);
			var status = points.path("indicator.status").entity(String.class).get();
			points.path("indicator.between.status").entity(String.class).isEqualTo(status);
			assertThat(status).isNotEqualTo("ACHIEVED");
			points.path("indicator.after").entity(Object.class).isEqualTo(Map.of("period", Map.of("key", "2025-Q4"),
					"target", 400.0));
		}
		finally {
			this.jdbc.update("DELETE FROM indicator WHERE code = 'TQ-MILESTONES'");
		}
	}

	/**
	 * A partner sees values over other organizations' activities suppressed, which is decided on the data the values
	 * are counted from: no statement more for any of them than for an admin, however many are small (37 where 18
	 * are the rule, before).
	 */
	@Test
	void aPartnersStatusesInTheSameNumberOfStatements() throws InterruptedException {
		// language=GraphQL
		var overview = """
				{ indicators(programme: "EU-CSO-EQUAL") { code actual early: actual(period: "2023") status(asOf: "2023-03-31")
				    series { actual } disaggregate(by: [GENDER], period: "2023") { value } } }""";
		var asPartner = this.callers.as(Role.PARTNER, "CIF");
		awaitIndex();
		this.statements.reset();
		var admin = this.graphQl.document(overview).execute();
		int adminStatements = this.statements.count();
		awaitIndex();
		this.statements.reset();
		var response = asPartner.document(overview).execute();
		// one more: the partner's key is looked up (the tests' admin key is the bootstrap key)
		assertThat(this.statements.count()).as("statements for a partner").isEqualTo(adminStatements + 1);
		admin.path("indicators[*].early").entityList(Double.class).containsExactly(36.0, 3.0, 41.0, 100.0 * 22 / 41,
				null, 14.0);
		response.path("indicators[*].early").entityList(Double.class).containsExactly(36.0, 3.0, 41.0, 100.0 * 22 / 41,
				null, 14.0);
		admin.path("indicators[2].disaggregate[*].value").entityList(Double.class).containsExactly(22.0, 17.0, 2.0);
		// 2 people of other genders in 2023, at trainings CIF does not run: withheld, and 17 men with them
		response.path("indicators[2].disaggregate[*].value").entityList(Double.class).containsExactly(22.0);
	}

	/**
	 * Other tests change data and restore it; the index catches up in the background, and its reads are statements
	 * too. It is awaited until it stays current for 200 ms: a test before this one restored its data in steps, and a
	 * catch-up of the last step was counted with the overview's statements (7 where 5 are the rule, once in CI).
	 */
	private void awaitIndex() throws InterruptedException {
		long deadline = System.nanoTime() + 20_000_000_000L;
		for (int steady = 0; steady < 4; steady = this.reports.indexIsCurrent() ? steady + 1 : 0) {
			assertThat(System.nanoTime()).as("index rebuilt within 20 s").isLessThan(deadline);
			this.graphQl.document("{ participation { totals { participants } } }").execute();
			Thread.sleep(50);
		}
	}

	@Test
	void aReportedValueCorrectsItsPeriodAndKeepsTheHistory() {
		try {
			// language=GraphQL
			this.graphQl.document("""
					mutation { reportIndicatorValue(input: {indicator: "OUT-1.3", period: "2025", value: 6,
					    comment: "test correction", evidenceUrl: "https://example.org/plans"}) {
					  period { key } value current reportedBy } }""")
				.execute()
				.path("reportIndicatorValue.current").entity(Boolean.class).isEqualTo(true)
				.path("reportIndicatorValue.reportedBy").entity(String.class).isEqualTo("bootstrap-admin");
			// language=GraphQL
			var indicator = this.graphQl.document("""
					{ indicator(code: "OUT-1.3") { actual a2025: actual(period: "2025") progress(period: "2025")
					    reportedValues { period { key } value current } } }""").execute();
			indicator.path("indicator.actual").entity(Double.class).isEqualTo(11.0);
			indicator.path("indicator.progress").entity(Double.class).isEqualTo(1.1);
			indicator.path("indicator.reportedValues[*].value").entityList(Double.class).containsExactly(6.0, 3.0, 5.0, 4.0);
			indicator.path("indicator.reportedValues[*].current").entityList(Boolean.class)
				.containsExactly(true, false, true, false);
			// a quarter of a year reported whole would be counted with it: refused, and nothing stored
			// language=GraphQL
			this.graphQl.document("""
					mutation { reportIndicatorValue(input: {indicator: "OUT-1.3", period: "2025-Q4", value: 2,
					    comment: "test correction"}) { value } }""")
				.execute()
				.errors()
				.expect(error -> error.getMessage().equals("input.period: A value for 2025 is reported, which overlaps "
						+ "2025-Q4 and would be counted with it: report either a year or its quarters (to move from one "
						+ "to the other, 2025 is withdrawn first (withdrawIndicatorValue))"))
				.verify();
			// cumulative: 2024's 5 and 2025's 6, no quarter added
			// language=GraphQL
			this.graphQl.document("{ indicator(code: \"OUT-1.3\") { a2025: actual(period: \"2025\") } }")
				.execute()
				.path("indicator.a2025").entity(Double.class).isEqualTo(11.0);
			// withdrawn, the year leaves room for its quarters: 2024's 5 and 2025's fourth quarter's 2
			this.graphQl.document("mutation { withdrawIndicatorValue(input: {indicator: \"OUT-1.3\", period: \"2025\","
					+ " comment: \"test correction\"}) { withdrawn } }")
				.execute()
				.path("withdrawIndicatorValue.withdrawn").entity(Boolean.class).isEqualTo(true);
			this.graphQl.document("mutation { reportIndicatorValue(input: {indicator: \"OUT-1.3\", period: \"2025-Q4\","
					+ " value: 2, comment: \"test correction\"}) { current } }")
				.execute()
				.path("reportIndicatorValue.current").entity(Boolean.class).isEqualTo(true);
			// language=GraphQL
			this.graphQl.document("{ indicator(code: \"OUT-1.3\") { q: actual(period: \"2025\") } }")
				.execute()
				.path("indicator.q").entity(Double.class).isEqualTo(7.0);
		}
		finally {
			this.jdbc.update("DELETE FROM indicator_value WHERE comment = 'test correction'");
		}
	}

	/**
	 * An activity after the programme's end is no result of it: the actual to date stays the last target's, and a
	 * period after the end has no value (a tester's: 5 trained in 2026 made the actual 151 against a 2025 target of
	 * 145, while the status judged 141).
	 */
	@Test
	void anActivityAfterTheProgrammeEndedCountsForNoIndicator() {
		// in Tbilisi 15 June 2026: after the activity below, and after the programme's end
		this.clock.stopAt(java.time.Instant.parse("2026-06-15T08:00:00Z"));
		var query = """
				{ indicator(code: "OUT-1.1") { actual a25: actual(period: "2025") a26: actual(period: "2026") status }
				  participation(filter: {programmes: ["EU-CSO-EQUAL"], activityKinds: [TRAINING]}) {
				    totals { participants } } }""";
		var before = this.graphQl.document(query).execute();
		double actual = before.path("indicator.actual").entity(Double.class).get();
		int participants = before.path("participation.totals.participants").entity(Integer.class).get();
		this.jdbc.update("""
				INSERT INTO activity (code, project_id, kind, title, start_date, end_date)
				SELECT 'IQ-AFTER', id, 'TRAINING', 'After the end', DATE '2026-03-01', DATE '2026-03-01'
				FROM project WHERE code = 'CSO-CAPACITY'""");
		this.jdbc.update("""
				INSERT INTO participant (ref, gender, organization_id)
				SELECT 'IQ-AFTER-' || n, 'FEMALE', (SELECT id FROM organization WHERE code = 'CIF')
				FROM generate_series(1, 5) n""");
		this.jdbc.update("""
				INSERT INTO participation (activity_id, participant_id)
				SELECT a.id, p.id FROM activity a, participant p WHERE a.code = 'IQ-AFTER' AND p.ref LIKE 'IQ-AFTER-%'""");
		try {
			var after = this.graphQl.document(query).execute();
			after.path("participation.totals.participants").entity(Integer.class).isEqualTo(participants + 5);
			after.path("indicator.actual").entity(Double.class).isEqualTo(actual);
			after.path("indicator.a25").entity(Double.class).isEqualTo(actual);
			after.path("indicator.a26").valueIsNull();
			after.path("indicator.status").entity(String.class)
				.isEqualTo(before.path("indicator.status").entity(String.class).get());
		}
		finally {
			this.jdbc.update("DELETE FROM participation WHERE activity_id = (SELECT id FROM activity WHERE code = 'IQ-AFTER')");
			this.jdbc.update("DELETE FROM participant WHERE ref LIKE 'IQ-AFTER-%'");
			this.jdbc.update("DELETE FROM activity WHERE code = 'IQ-AFTER'");
		}
	}

	/** Before a period begins, a share without a denominator yet has not started, as every other indicator. */
	@Test
	void beforeTheProgrammeEveryIndicatorHasNotStarted() {
		// language=GraphQL
		this.graphQl.document("{ indicators(programme: \"EU-CSO-EQUAL\") { code status(asOf: \"2022-06-01\") } }")
			.execute()
			.path("indicators[*].status").entityList(String.class)
			.satisfies(statuses -> org.assertj.core.api.Assertions.assertThat(statuses).isNotEmpty()
				.containsOnly("NOT_STARTED"));
	}

	@Test
	void disaggregatedValuesAgreeWithTheBreakdowns() {
		// language=GraphQL
		var response = this.graphQl.document("""
				{ count: indicator(code: "OUT-1.1") { disaggregate(by: [GENDER]) { group { gender } value } }
				  share: indicator(code: "OUT-1.2") { disaggregate(by: [REGION]) { group { region { code } } value } }
				  reported: indicator(code: "OUT-1.3") { disaggregate(by: [GENDER]) { value } }
				  trained: participation(filter: {programmes: ["EU-CSO-EQUAL"], activityKinds: [TRAINING]}) {
				    byGender: breakdown(by: [GENDER]) { gender participants }
				    byRegion: breakdown(by: [REGION]) { participants } }
				  women: participation(filter: {programmes: ["EU-CSO-EQUAL"], activityKinds: [TRAINING], genders: [FEMALE]}) {
				    byRegion: breakdown(by: [REGION]) { participants } } }""").execute();
		var genders = response.path("trained.byGender[*].gender").entityList(String.class).get();
		response.path("count.disaggregate[*].group.gender").entityList(String.class).isEqualTo(genders);
		var byGender = response.path("trained.byGender[*].participants").entityList(Double.class).get();
		response.path("count.disaggregate[*].value").entityList(Double.class).isEqualTo(byGender);
		var all = response.path("trained.byRegion[*].participants").entityList(Double.class).get();
		var women = response.path("women.byRegion[*].participants").entityList(Double.class).get();
		assertThat(women).hasSameSizeAs(all);
		var shares = response.path("share.disaggregate[*].value").entityList(Double.class).get();
		for (int i = 0; i < all.size(); i++) {
			assertThat(shares.get(i)).isCloseTo(100 * women.get(i) / all.get(i), within(1e-9));
		}
		response.path("reported.disaggregate").entityList(Object.class).hasSize(0);
	}

	/**
	 * A share counts in its numerator only what its denominator counts: women trainees over the trainees of Kvemo
	 * Kartli are the women of Kvemo Kartli among them, whole and split (the women of both regions made 118 %).
	 */
	@Test
	void aSharesNumeratorCountsWithinItsDenominator() {
		try {
			// language=GraphQL
			var share = this.graphQl.document("""
					mutation { createIndicator(input: {code: "TQ-SHARE", programme: "EU-CSO-EQUAL", name: "Women trained",
					    level: OUTPUT, unit: PERCENT, method: COMPUTED, measure: PARTICIPANTS,
					    filter: {activityKinds: [TRAINING], genders: [FEMALE]},
					    denominatorFilter: {activityKinds: [TRAINING], regions: ["GE-KK"]}}) {
					    actual disaggregate(by: [REGION]) { group { region { code } participants } value } } }""")
				.execute();
			// language=GraphQL
			var counted = this.graphQl.document("""
					{ women: participation(filter: {programmes: ["EU-CSO-EQUAL"], activityKinds: [TRAINING],
					    genders: [FEMALE], regions: ["GE-KK"]}) { totals { participants } }
					  trained: participation(filter: {programmes: ["EU-CSO-EQUAL"], activityKinds: [TRAINING],
					    regions: ["GE-KK"]}) { totals { participants } } }""").execute();
			counted.path("women.totals.participants").entity(Integer.class).isEqualTo(38);
			counted.path("trained.totals.participants").entity(Integer.class).isEqualTo(70);
			share.path("createIndicator.actual").entity(Double.class).isEqualTo(100.0 * 38 / 70);
			share.path("createIndicator.disaggregate[*].group.region.code").entityList(String.class)
				.containsExactly("GE-KK");
			share.path("createIndicator.disaggregate[0].group.participants").entity(Integer.class).isEqualTo(38);
			share.path("createIndicator.disaggregate[0].value").entity(Double.class).isEqualTo(100.0 * 38 / 70);
		}
		finally {
			this.jdbc.update("DELETE FROM indicator WHERE code = 'TQ-SHARE'");
		}
	}

	/**
	 * The share of women among trainees, split by gender: every gender of the trainees is a group, the men at 0 %
	 * rather than left out, which would make the split look better than it is.
	 */
	@Test
	void aShareSplitShowsTheGroupsOfItsWholeAtZeroToo() {
		// language=GraphQL
		var response = this.graphQl.document("""
				{ share: indicator(code: "OUT-1.2") { disaggregate(by: [GENDER]) { group { gender participants } value } }
				  trained: participation(filter: {programmes: ["EU-CSO-EQUAL"], activityKinds: [TRAINING]}) {
				    breakdown(by: [GENDER]) { gender } } }""").execute();
		var genders = response.path("trained.breakdown[*].gender").entityList(String.class).get();
		assertThat(genders).contains("FEMALE", "MALE");
		response.path("share.disaggregate[*].group.gender").entityList(String.class).isEqualTo(genders);
		var values = response.path("share.disaggregate[*].value").entityList(Double.class).get();
		for (int i = 0; i < genders.size(); i++) {
			assertThat(values.get(i)).as(genders.get(i)).isEqualTo(genders.get(i).equals("FEMALE") ? 100.0 : 0.0);
		}
		response.path("share.disaggregate[1].group.participants").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void reportedValuesOfOneGroupSplitTheIndicatorButDoNotAddToItsTotal() {
		try {
			// language=GraphQL
			this.graphQl.document("""
					mutation { reportIndicatorValue(input: {indicator: "OUT-1.3", period: "2025", value: 2, gender: FEMALE,
					    comment: "test split"}) { gender region { code } current } }""")
				.execute()
				.path("reportIndicatorValue.gender").entity(String.class).isEqualTo("FEMALE")
				.path("reportIndicatorValue.region").valueIsNull();
			// language=GraphQL
			var response = this.graphQl.document("""
					{ byRegion: indicator(code: "OUTC-2") { actual disaggregate(by: [REGION]) { group { region { code } } value } }
					  byGender: indicator(code: "OUT-1.3") { actual disaggregate(by: [GENDER], period: "2025") { group { gender } value } } }""")
				.execute();
			response.path("byRegion.actual").entity(Double.class).isEqualTo(11.0);
			response.path("byRegion.disaggregate[*].group.region.code").entityList(String.class).containsExactly("GE-KK", "GE-SJ");
			response.path("byRegion.disaggregate[*].value").entityList(Double.class).containsExactly(3.0, 1.0);
			response.path("byGender.actual").entity(Double.class).isEqualTo(8.0);
			response.path("byGender.disaggregate[*].group.gender").entityList(String.class).containsExactly("FEMALE");
			response.path("byGender.disaggregate[*].value").entityList(Double.class).containsExactly(2.0);
		}
		finally {
			this.jdbc.update("DELETE FROM indicator_value WHERE comment = 'test split'");
		}
		// language=GraphQL
		this.graphQl.document("{ indicator(code: \"OUTC-2\") { disaggregate(by: [AGE_BAND]) { value } } }").execute().errors()
			.expect(error -> error.getMessage().equals("A reported indicator is split by GENDER or by REGION alone"))
			.verify();
		// language=GraphQL
		this.graphQl.document("{ indicator(code: \"OUT-1.1\") { disaggregate(by: [COLOR]) { value } } }").execute().errors()
			.expect(error -> error.getErrorType() == graphql.ErrorType.ValidationError && error.getMessage().contains("COLOR"))
			.verify();
		// language=GraphQL
		this.graphQl.document("""
				mutation { reportIndicatorValue(input: {indicator: "OUT-1.3", period: "2025", value: 1, gender: MALE,
				    region: "GE-QQ"}) { value } }""").execute().errors()
			.expect(error -> error.getMessage().equals("input.region: A value is for one gender or one region, not both"))
			.expect(error -> error.getMessage().equals("input.region: No region has the code 'GE-QQ'"))
			.verify();
		// a region in another case is named as stored, and no sum of parts is told for a region that is none (2025's
		// whole is 4, and this 5 was said to exceed it)
		// language=GraphQL
		this.graphQl.document("""
				mutation { reportIndicatorValue(input: {indicator: "OUTC-2", period: "2025", value: 5,
				    region: "ge-kk"}) { value } }""").execute().errors()
			.satisfy(errors -> assertThat(errors).extracting(ResponseError::getMessage)
				.containsExactly("input.region: No region has the code 'ge-kk'; it is written GE-KK"));
	}

	@Test
	void reportedValuesAreChecked() {
		var stored = "SELECT count(*) || ' ' || coalesce(sum(value), 0) FROM indicator_value";
		var before = this.jdbc.queryForObject(stored, String.class);
		// language=GraphQL
		this.graphQl.document("""
				mutation { reportIndicatorValue(input: {indicator: "OUT-1.2", period: "2030", value: -1,
				    evidenceUrl: "ftp://x"}) { value } }""")
			.execute()
			.errors()
			.expect(error -> "input.indicator".equals(error.getExtensions().get("argument"))
					&& error.getMessage().equals("input.indicator: The indicator is computed from participation; only"
							+ " reported indicators take values"))
			.expect(error -> error.getMessage().equals("input.period: The period lies outside the programme (2023-01-01 to 2025-12-31)"))
			.expect(error -> error.getMessage().equals("input.value: A percentage lies between 0 and 100"))
			.expect(error -> error.getMessage().equals("input.evidenceUrl: An http:// or https:// link is expected"))
			.verify();
		// a link too long is told so, as any field too long is
		this.graphQl.document("mutation($url: String) { reportIndicatorValue(input: {indicator: \"OUT-1.3\","
				+ " period: \"2025\", value: 1, evidenceUrl: $url}) { value } }")
			.variable("url", "https://example.org/" + "a".repeat(1990))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).extracting(ResponseError::getMessage)
				.containsExactly("input.evidenceUrl: At most 2000 characters; this is 2010"));
		// a value whose sums no JSON number could carry: refused, and the database refuses it too
		// language=GraphQL
		this.graphQl.document("""
				mutation { reportIndicatorValue(input: {indicator: "OUT-1.3", period: "2025", value: 1e308}) { value } }""")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.value: A value is at most 1,000,000,000,000"))
			.verify();
		assertThatThrownBy(() -> this.jdbc.update("""
				UPDATE indicator_value SET value = 1e13 WHERE id = (SELECT min(id) FROM indicator_value)"""))
			.hasMessageContaining("indicator_value_at_most");
		// language=GraphQL
		this.graphQl.document("mutation { reportIndicatorValue(input: {indicator: \"OUT-1.3\", period: \"2024-07\", value: 1}) { value } }")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.period: A period is a year (2024) or a quarter (2024-Q3) of 1900 to 2100"))
			.verify();
		// one in another case, or with spaces around it, is told how it is written (a tester's)
		for (var period : List.of("2025-q1", " 2025-Q1")) {
			this.graphQl.document("mutation($p: String!) { reportIndicatorValue(input: {indicator: \"OUT-1.3\","
					+ " period: $p, value: 1}) { value } }")
				.variable("p", period)
				.execute()
				.errors()
				.expect(error -> error.getMessage().equals("input.period: A period is a year (2024) or a quarter"
						+ " (2024-Q3) of 1900 to 2100; it is written 2025-Q1"))
				.verify();
		}
		// a month is no period a value is reported for, in any case (a review's)
		this.graphQl.document("mutation { reportIndicatorValue(input: {indicator: \"OUT-1.3\", period: \" 2025-07\","
				+ " value: 1}) { value } }")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.period: A period is a year (2024) or a quarter (2024-Q3)"
					+ " of 1900 to 2100"))
			.verify();
		// nothing of the refused was stored
		assertThat(this.jdbc.queryForObject(stored, String.class)).isEqualTo(before);
	}

	@Test
	void badArguments() {
		this.graphQl.document("{ indicator(code: \"OUT-1.1\") { actual(period: \"2024-Q5\") } }").execute().errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST
					&& error.getMessage().equals("A period is a year (2024), a quarter (2024-Q3) or a month (2024-07) of 1900 to 2100"))
			.verify();
		this.graphQl.document("{ indicator(code: \"OUT-1.1\") { actual(period: \"2024-q3 \") } }").execute().errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST && error.getMessage().equals("A period is a"
					+ " year (2024), a quarter (2024-Q3) or a month (2024-07) of 1900 to 2100; it is written 2024-Q3"))
			.verify();
		// the years a date may have, as in the Date scalar: year 0 gave an actual of 0
		this.graphQl.document("{ indicator(code: \"OUT-2.1\") { actual(period: \"0000\") } }").execute().errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST && error.getMessage()
				.equals("A period is a year (2024), a quarter (2024-Q3) or a month (2024-07) of 1900 to 2100"))
			.verify();
		// a period ended before the programme (2023 to 2025) began has no actual or progress, as one to come
		this.graphQl.document("""
				{ indicator(code: "OUT-2.1") { a: actual(period: "2019") p: progress(period: "2019")
				  q: actual(period: "2022-Q4") first: actual(period: "2023-Q1") } }""")
			.execute()
			.path("indicator.a").valueIsNull()
			.path("indicator.p").valueIsNull()
			.path("indicator.q").valueIsNull()
			// the programme's first quarter has its 4 meetings and campaigns of the local-budgeting project
			.path("indicator.first").entity(Double.class).isEqualTo(4.0);
		this.graphQl.document("{ indicator(code: \"NOPE\") { code } }").execute().errors()
			.expect(error -> error.getErrorType() == ErrorType.NOT_FOUND)
			.verify();
		this.graphQl.document("{ indicators(programme: \"NOPE\") { code } }").execute().errors()
			.expect(error -> error.getErrorType() == ErrorType.NOT_FOUND)
			.verify();
		// a code written in another case is named as stored
		this.graphQl.document("{ indicator(code: \"out-1.1\") { code } indicators(programme: \"eu-cso-equal\") { code } }")
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.NOT_FOUND
					&& error.getMessage().equals("No indicator has the code 'out-1.1'; it is written OUT-1.1"))
			.expect(error -> error.getErrorType() == ErrorType.NOT_FOUND
					&& error.getMessage().equals("No programme has the code 'eu-cso-equal'; it is written EU-CSO-EQUAL"))
			.verify();
		// and so by the mutations that name an indicator or an organization (nothing is changed)
		this.graphQl.document("""
				mutation { t: setIndicatorTargets(code: "out-1.1", targets: [{period: "2025", value: 1}]) { code }
				  u: updateIndicator(code: "out-1.1", input: {name: "x"}) { code }
				  r: reportIndicatorValue(input: {indicator: "outc-2", period: "2025", value: 5}) { value }
				  o: updateOrganization(code: "cif", input: {name: "x"}) { code } }""")
			.execute()
			.errors()
			.expect(error -> error.getPath().equals("t") && error.getErrorType() == ErrorType.NOT_FOUND
					&& error.getMessage().equals("No indicator has the code 'out-1.1'; it is written OUT-1.1"))
			.expect(error -> error.getPath().equals("u")
					&& error.getMessage().equals("No indicator has the code 'out-1.1'; it is written OUT-1.1"))
			.expect(error -> error.getPath().equals("r")
					&& error.getMessage().equals("No indicator has the code 'outc-2'; it is written OUTC-2"))
			.expect(error -> error.getPath().equals("o")
					&& error.getMessage().equals("No organization has the code 'cif'; it is written CIF"))
			.verify();
		this.graphQl.document("{ indicator(code: \"OUT-1.1\") { name targets { value } } organization(code: \"CIF\") { name } }")
			.execute()
			.path("indicator.name").entity(String.class).satisfies(name -> assertThat(name).isNotEqualTo("x"))
			.path("indicator.targets[*].value").entityList(Double.class).containsExactly(40.0, 120.0, 145.0)
			.path("organization.name").entity(String.class).satisfies(name -> assertThat(name).isNotEqualTo("x"));
		// a project of another programme has none of its indicators: said, not an empty list
		this.jdbc.update("INSERT INTO programme (code, name) VALUES ('TQ-PROG', 'Other programme')");
		this.jdbc.update("INSERT INTO project (code, programme_id, name) SELECT 'TQ-PRJ', id, 'Other' FROM programme "
				+ "WHERE code = 'TQ-PROG'");
		try {
			this.graphQl.document("{ indicators(programme: \"EU-CSO-EQUAL\", project: \"TQ-PRJ\") { code } }")
				.execute()
				.errors()
				.expect(error -> error.getErrorType() == ErrorType.NOT_FOUND
						&& error.getMessage().equals("No project of programme EU-CSO-EQUAL has the code 'TQ-PRJ'"))
				.verify();
		}
		finally {
			this.jdbc.update("DELETE FROM project WHERE code = 'TQ-PRJ'");
			this.jdbc.update("DELETE FROM programme WHERE code = 'TQ-PROG'");
		}
		// what is to come is not counted: a status on a day after today cannot be told
		var today = LocalDate.now(this.clock);
		this.graphQl.document("query($day: Date) { indicator(code: \"OUT-1.1\") { status(asOf: $day) } }")
			.variable("day", today.plusDays(1).toString())
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST && error.getMessage().equals("The day is after "
					+ "today (" + today + "): what is to come is not counted yet, so no status can be told for it"))
			.verify();
	}

}
