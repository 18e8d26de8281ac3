package org.kvali.indicator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.LockWaits;
import org.kvali.TestClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseDataSource;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Defining indicators and setting their targets, and refusing definitions that cannot be computed. */
@IntegrationTest
class IndicatorDefinitionTest {

	@Autowired
	TestClock clock;

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@LiquibaseDataSource
	DataSource owner;

	@AfterEach
	void clean() {
		this.jdbc.update("UPDATE indicator SET baseline_value = 50 WHERE code = 'OUT-1.2'");
		this.jdbc.update("DELETE FROM indicator WHERE code LIKE 'TI-%'");
		this.jdbc.update("DELETE FROM participation WHERE participant_id IN (SELECT id FROM participant WHERE ref LIKE 'TI-%')");
		this.jdbc.update("DELETE FROM participant WHERE ref LIKE 'TI-%'");
		this.jdbc.update("DELETE FROM activity WHERE code LIKE 'TI-ACT%'");
		this.jdbc.update("DELETE FROM project WHERE code = 'TI-PRJ'");
		this.jdbc.update("DELETE FROM programme WHERE code = 'TI-PROG'");
	}


	/**
	 * An indicator's code is one across programmes: a second programme's logframe numbering as the first's is told
	 * which programme holds the code, and a code to give instead (it was told of an indicator it could not find).
	 */
	@Test
	void aCodeOfAnotherProgrammesIndicatorIsToldAsItsHolders() {
		this.jdbc.update("INSERT INTO programme (code, name) VALUES ('TI-PROG', 'Second')");
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "out-1.1", programme: "TI-PROG", name: "Trained", level: OUTPUT,
				    unit: NUMBER, method: REPORTED}) { code } }""")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("An indicator with the code 'out-1.1' exists already (written"
					+ " OUT-1.1; codes that differ only in case are one code), in programme EU-CSO-EQUAL: an indicator's"
					+ " code is one across programmes; give this one another, such as TI-PROG-out-1.1"))
			.verify();
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "OUT-1.1", programme: "EU-CSO-EQUAL", name: "Trained",
				    level: OUTPUT, unit: NUMBER, method: REPORTED}) { code } }""")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("An indicator with the code 'OUT-1.1' exists already"
					+ " (codes that differ only in case are one code)"))
			.verify();
	}

	/**
	 * A baseline's date given alone waits for the writers' queue, and is held to the baseline stored when it writes:
	 * it checked the baseline a removal of it, uncommitted, still held, and then failed on the database's check as an
	 * internal error (a review's).
	 */
	@Test
	void aBaselinesDateIsCheckedAgainstTheBaselineAsItWrites() throws Exception {
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "TI-RACE", programme: "EU-CSO-EQUAL", name: "Hearings",
				    level: OUTPUT, unit: NUMBER, method: REPORTED, baseline: 2, baselineDate: "2023-01-01"}) { code } }""")
			.execute()
			.path("createIndicator.code").entity(String.class).isEqualTo("TI-RACE");
		var executor = Executors.newSingleThreadExecutor();
		try (var removal = this.owner.getConnection()) {
			removal.setAutoCommit(false);
			try (var statement = removal.createStatement()) {
				statement.execute("SELECT version FROM data_version WHERE id = 1 FOR UPDATE");
				statement.execute("UPDATE indicator SET baseline_value = NULL, baseline_date = NULL"
						+ " WHERE code = 'TI-RACE'");
			}
			var dated = executor.submit(() -> this.graphQl.document("""
					mutation { updateIndicator(code: "TI-RACE", input: {baselineDate: "2024-01-01"}) { code } }""")
				.execute()
				.errors()
				.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST && error.getMessage()
					.equals("input.baselineDate: A baseline's date goes with its value; give baseline too"))
				.verify());
			LockWaits.await(this.owner, 1);
			removal.commit();
			dated.get(30, TimeUnit.SECONDS);
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(this.jdbc.queryForMap("SELECT baseline_value, baseline_date FROM indicator WHERE code = 'TI-RACE'"))
			.containsEntry("baseline_value", null)
			.containsEntry("baseline_date", null);
	}

	/** A field given as null is cleared where it may be empty (it was kept without a word), refused where not. */
	@Test
	void anUpdateClearsWhatIsGivenAsNull() {
		// language=GraphQL
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "TI-CLEAR", programme: "EU-CSO-EQUAL", name: "Hearings",
				    nameKa: "მოსმენები", description: "Public hearings held", level: OUTPUT, unit: NUMBER, method: REPORTED,
				    cumulative: false, baseline: 2, baselineDate: "2023-01-01"}) { baseline { value } } }""")
			.execute()
			.path("createIndicator.baseline.value").entity(Double.class).isEqualTo(2.0);
		// language=GraphQL
		this.graphQl.document("""
				mutation { updateIndicator(code: "TI-CLEAR", input: {nameKa: null, description: null, baseline: null,
				    baselineDate: null}) { name nameKa description baseline { value } } }""")
			.execute()
			.path("updateIndicator.name").entity(String.class).isEqualTo("Hearings")
			.path("updateIndicator.nameKa").valueIsNull()
			.path("updateIndicator.description").valueIsNull()
			.path("updateIndicator.baseline").valueIsNull();
		// a baseline's date alone would be stored unseen, and shown with the next value given
		for (var mutation : List.of("updateIndicator(code: \"TI-CLEAR\", input: {baselineDate: \"2024-01-01\"})",
				"createIndicator(input: {code: \"TI-DATED\", programme: \"EU-CSO-EQUAL\", name: \"x\", level: OUTPUT,"
						+ " unit: NUMBER, method: REPORTED, baselineDate: \"2024-01-01\"})")) {
			this.graphQl.document("mutation { " + mutation + " { code } }")
				.execute()
				.errors()
				.expect(error -> error.getMessage()
					.equals("input.baselineDate: A baseline's date goes with its value; give baseline too"))
				.verify();
		}
		// language=GraphQL
		this.graphQl.document("""
				mutation { updateIndicator(code: "TI-CLEAR", input: {name: null, direction: null}) { code } }""")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.name: May not be cleared; leave it out to keep it as it is"))
			.expect(error -> error.getMessage()
				.equals("input.direction: May not be cleared; leave it out to keep it as it is"))
			.verify();
		// language=GraphQL
		this.graphQl.document("""
				mutation { updateIndicator(code: "TI-CLEAR", input: {name: " "}) { code } }""")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.name: May not be blank; leave it out to keep it as it is"))
			.verify();
		// nor does the database keep one (changeset 043), were a value cleared while a date is given
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.jdbc.update(
				"UPDATE indicator SET baseline_date = DATE '2024-01-01' WHERE code = 'TI-CLEAR'"))
			.isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class)
			.hasMessageContaining("indicator_baseline_dated");
		// a lower-is-better indicator's targets need its baseline: clearing it is held to them as changing it is
		// language=GraphQL
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "TI-FEWER2", programme: "EU-CSO-EQUAL", name: "Complaints",
				    level: OUTCOME, unit: NUMBER, method: REPORTED, direction: LOWER_IS_BETTER, baseline: 10}) { code }
				  setIndicatorTargets(code: "TI-FEWER2", targets: [{period: "2025", value: 5}]) { code } }""")
			.execute()
			.path("setIndicatorTargets.code").entity(String.class).isEqualTo("TI-FEWER2");
		// language=GraphQL
		this.graphQl.document("""
				mutation($baseline: Float) { updateIndicator(code: "TI-FEWER2", input: {baseline: $baseline}) {
				    baseline { value } } }""")
			.variable("baseline", null)
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.baseline: A lower-is-better indicator's targets lie at or"
					+ " below its baseline, and it has none yet; the target of 2025 is 5"))
			.verify();
		// a variable left out leaves the baseline as it is
		// language=GraphQL
		this.graphQl.document("""
				mutation($baseline: Float) { updateIndicator(code: "TI-FEWER2", input: {baseline: $baseline}) {
				    baseline { value } } }""")
			.execute()
			.path("updateIndicator.baseline.value").entity(Double.class).isEqualTo(10.0);
	}

	/**
	 * Reported values add up as the decimals they were reported as (0.1 and 0.2 make 0.3, not 0.30000000000000004, and
	 * reach a target of 0.3); reported percentages do not add up: a period's is that of its last period reported,
	 * one withdrawn aside. A 0 is a value: beside a period it overlaps it is refused, as any value is (it had been
	 * taken as a withdrawal, and a share's 0 so taken was counted nowhere: a review's).
	 */
	@Test
	void reportedValuesAddUpExactlyAndPercentagesTakeTheLastPeriod() {
		for (var unit : List.of("NUMBER", "PERCENT")) {
			this.graphQl.document("mutation { createIndicator(input: {code: \"TI-REP-" + unit + "\", programme: "
					+ "\"EU-CSO-EQUAL\", name: \"Reported\", level: OUTCOME, unit: " + unit + ", method: REPORTED, "
					+ "cumulative: false}) { code } }").execute().path("createIndicator.code").hasValue();
		}
		// in this order: 2025 reported whole, corrected to 0, withdrawn, then its first quarter
		var reports = List.of(List.of("TI-REP-NUMBER", "2024-Q1", "0.1"), List.of("TI-REP-NUMBER", "2024-Q2", "0.2"),
				List.of("TI-REP-PERCENT", "2024-Q2", "70"), List.of("TI-REP-PERCENT", "2024-Q1", "60"),
				List.of("TI-REP-PERCENT", "2025", "75"), List.of("TI-REP-PERCENT", "2025", "0"));
		reports.forEach(report -> this.graphQl
			.document("mutation { reportIndicatorValue(input: {indicator: \"" + report.get(0) + "\", period: \""
					+ report.get(1) + "\", value: " + report.get(2) + "}) { current } }")
			.execute()
			.path("reportIndicatorValue.current").entity(Boolean.class).isEqualTo(true));
		var quarter = "mutation { reportIndicatorValue(input: {indicator: \"TI-REP-PERCENT\", period: \"2025-Q1\", "
				+ "value: 80}) { current } }";
		this.graphQl.document(quarter).execute().errors().expect(error -> error.getMessage().startsWith(
				"input.period: A value for 2025 is reported, which overlaps 2025-Q1")).verify();
		withdraw("TI-REP-PERCENT", "2025");
		this.graphQl.document(quarter).execute().path("reportIndicatorValue.current").entity(Boolean.class)
			.isEqualTo(true);
		this.graphQl.document("mutation { setIndicatorTargets(code: \"TI-REP-NUMBER\", targets: [{period: \"2024\", "
				+ "value: 0.3}]) { code } }").execute().path("setIndicatorTargets.code").hasValue();
		// language=GraphQL
		var response = this.graphQl.document("""
				{ number: indicator(code: "TI-REP-NUMBER") { actual(period: "2024") progress(period: "2024")
				    status(asOf: "2025-01-31") }
				  percent: indicator(code: "TI-REP-PERCENT") { y2024: actual(period: "2024") y2025: actual(period: "2025")
				    all: actual } }""").execute();
		response.path("number.actual").entity(Double.class).isEqualTo(0.3);
		response.path("number.progress").entity(Double.class).isEqualTo(1.0);
		response.path("number.status").entity(String.class).isEqualTo("ACHIEVED");
		response.path("percent.y2024").entity(Double.class).isEqualTo(70.0);
		// the year's 0 withdrawn, though it ends last
		response.path("percent.y2025").entity(Double.class).isEqualTo(80.0);
		response.path("percent.all").entity(Double.class).isEqualTo(80.0);
		// 2024's quarters withdrawn for the year: they count for nothing, and alone have no value (a tester's 0 %)
		for (var code : List.of("TI-REP-NUMBER", "TI-REP-PERCENT")) {
			withdraw(code, "2024-Q1");
			withdraw(code, "2024-Q2");
			this.graphQl.document("mutation { reportIndicatorValue(input: {indicator: \"" + code + "\", period: "
					+ "\"2024\", value: 55}) { current } }").execute().path("reportIndicatorValue.current")
				.entity(Boolean.class).isEqualTo(true);
		}
		// language=GraphQL
		var withdrawn = this.graphQl.document("""
				{ number: indicator(code: "TI-REP-NUMBER") { y: actual(period: "2024") q1: actual(period: "2024-Q1") }
				  percent: indicator(code: "TI-REP-PERCENT") { y: actual(period: "2024") q1: actual(period: "2024-Q1")
				    q2: actual(period: "2024-Q2") series(granularity: QUARTER) { period { key } actual } } }""").execute();
		withdrawn.path("number.y").entity(Double.class).isEqualTo(55.0);
		withdrawn.path("number.q1").valueIsNull();
		withdrawn.path("percent.y").entity(Double.class).isEqualTo(55.0);
		withdrawn.path("percent.q1").valueIsNull();
		withdrawn.path("percent.q2").valueIsNull();
		// the year's value is no quarter's: each of 2024's quarters has none
		withdrawn.path("percent.series[?(@.period.key =~ /2024-Q./)].actual").entityList(Double.class)
			.containsExactly(null, null, null, null);
		// the year withdrawn too, to report quarters again: nothing is left, not 0 (a tester's)
		withdraw("TI-REP-NUMBER", "2024");
		this.graphQl.document("{ indicator(code: \"TI-REP-NUMBER\") { y: actual(period: \"2024\") "
				+ "q1: actual(period: \"2024-Q1\") } }")
			.execute()
			.path("indicator.y").valueIsNull()
			.path("indicator.q1").valueIsNull();
	}

	private void withdraw(String indicator, String period) {
		this.graphQl.document("mutation { withdrawIndicatorValue(input: {indicator: \"" + indicator + "\", period: \""
				+ period + "\"}) { withdrawn } }").execute().path("withdrawIndicatorValue.withdrawn")
			.entity(Boolean.class).isEqualTo(true);
	}

	/**
	 * A cumulative indicator's quarterly series carries a year's target at its fourth quarter, which counts to the
	 * year's end as the target does; one counting within each period does not (a quarter is no part of a year's
	 * target). The quarter's progress is against that target, as the series shows it (it was null: a tester's).
	 */
	@Test
	void aCumulativeQuarterlySeriesShowsTheYearsTargetAtItsEnd() {
		var series = this.graphQl.document("""
				{ cumulative: indicator(code: "OUT-1.1") { cumulative series(granularity: QUARTER) { period { key } target } }
				  within: indicator(code: "OUT-2.1") { cumulative targets { period { key } }
				    series(granularity: QUARTER) { target } } }""").execute();
		series.path("cumulative.cumulative").entity(Boolean.class).isEqualTo(true);
		series.path("cumulative.series[?(@.target != null)].period.key").entityList(String.class)
			.containsExactly("2023-Q4", "2024-Q4", "2025-Q4");
		series.path("cumulative.series[?(@.target != null)].target").entityList(Double.class)
			.containsExactly(40.0, 120.0, 145.0);
		series.path("within.cumulative").entity(Boolean.class).isEqualTo(false);
		series.path("within.targets").entityList(Object.class).hasSizeGreaterThan(0);
		series.path("within.series[?(@.target != null)]").entityList(Object.class).hasSize(0);
		var progress = this.graphQl.document("""
				{ indicator(code: "OUT-1.1") { q4: progress(period: "2024-Q4") y: progress(period: "2024")
				    q3: progress(period: "2024-Q3") } }""").execute();
		// 114 people trained by the end of 2024, from a baseline of 0 towards the year's 120
		progress.path("indicator.y").entity(Double.class).isEqualTo(0.95);
		progress.path("indicator.q4").entity(Double.class).isEqualTo(0.95);
		progress.path("indicator.q3").valueIsNull();
		this.graphQl.document("{ indicator(code: \"OUT-2.1\") { progress(period: \"2025-Q4\") } }").execute()
			.path("indicator.progress").valueIsNull();
	}

	/**
	 * A programme's computed indicator counts that programme alone, though its filter names none; without the people
	 * registered for an activity that has not begun, to date and in the activity's period alike (a period that has
	 * not begun has no actual).
	 */
	@Test
	void aProgrammesIndicatorCountsThatProgramme() {
		this.jdbc.update("INSERT INTO programme (code, name) VALUES ('TI-PROG', 'Second programme')");
		this.jdbc.update("""
				INSERT INTO project (code, programme_id, name) SELECT 'TI-PRJ', id, 'Second project' FROM programme
				WHERE code = 'TI-PROG'""");
		this.jdbc.update("""
				INSERT INTO activity (code, project_id, kind, title, start_date, end_date)
				SELECT 'TI-ACT', id, 'WORKSHOP', 'Workshop', DATE '2025-04-10', DATE '2025-04-10' FROM project
				WHERE code = 'TI-PRJ'""");
		// in Tbilisi 15 June 2026, a workshop planned for 5 July
		this.clock.stopAt(Instant.parse("2026-06-15T10:00:00Z"));
		var planned = LocalDate.of(2026, 7, 5);
		this.jdbc.update("""
				INSERT INTO activity (code, project_id, kind, title, start_date, end_date)
				SELECT 'TI-ACT-PLANNED', id, 'WORKSHOP', 'Planned workshop', ?, ? FROM project WHERE code = 'TI-PRJ'""",
				planned, planned);
		this.jdbc.update("INSERT INTO participant (ref, gender) VALUES ('TI-P1', 'FEMALE'), ('TI-P2', 'MALE'), "
				+ "('TI-P3', 'MALE')");
		this.jdbc.update("""
				INSERT INTO participation (activity_id, participant_id, role)
				SELECT a.id, p.id, 'PARTICIPANT' FROM activity a, participant p
				WHERE a.code = 'TI-ACT' AND p.ref IN ('TI-P1', 'TI-P2') OR a.code = 'TI-ACT-PLANNED' AND p.ref = 'TI-P3'""");
		for (var programme : List.of("EU-CSO-EQUAL", "TI-PROG")) {
			this.graphQl.document("mutation { createIndicator(input: {code: \"TI-ALL-" + programme + "\", programme: \""
					+ programme + "\", name: \"Everyone\", level: OUTPUT, unit: NUMBER, method: COMPUTED, "
					+ "measure: PARTICIPANTS, filter: {}}) { code } }").execute().path("createIndicator.code").hasValue();
		}
		// language=GraphQL
		var response = this.graphQl.document("""
				query($year: String!) { demo: indicator(code: "TI-ALL-EU-CSO-EQUAL") { actual }
				  second: indicator(code: "TI-ALL-TI-PROG") { actual plannedYear: actual(period: $year) }
				  programme: participation(filter: {programmes: ["EU-CSO-EQUAL"]}) { totals { participants } }
				  all: participation { totals { participants } } }""").variable("year", String.valueOf(planned.getYear()))
			.execute();
		int demo = response.path("programme.totals.participants").entity(Integer.class).get();
		response.path("all.totals.participants").entity(Integer.class).isEqualTo(demo + 3);
		response.path("demo.actual").entity(Double.class).isEqualTo((double) demo);
		response.path("second.actual").entity(Double.class).isEqualTo(2.0);
		response.path("second.plannedYear").entity(Double.class).isEqualTo(2.0);
		// a filter naming only other programmes would count nothing
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "TI-OTHER", programme: "TI-PROG", name: "x", level: OUTPUT,
				    unit: NUMBER, method: COMPUTED, measure: PARTICIPANTS, filter: {programmes: ["EU-CSO-EQUAL"]}}) { code } }""")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.filter.programmes: The indicator is programme TI-PROG's "
					+ "and counts that programme alone; these programmes leave nothing to count"))
			.verify();
		// nor do only other programmes' projects, in either filter; one of its own among them counts
		// language=GraphQL
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "TI-OTHER", programme: "TI-PROG", name: "x", level: OUTPUT,
				    unit: PERCENT, method: COMPUTED, measure: PARTICIPANTS, filter: {projects: ["CSO-CAPACITY"]},
				    denominatorFilter: {projects: ["CSO-CAPACITY", "LOCAL-BUDGET"]}}) { code } }""")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.filter.projects: The indicator is programme TI-PROG's "
					+ "and counts that programme alone; these projects are other programmes'"))
			.expect(error -> error.getMessage().equals("input.denominatorFilter.projects: The indicator is programme "
					+ "TI-PROG's and counts that programme alone; these projects are other programmes'"))
			.verify();
		// language=GraphQL
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "TI-OTHER", programme: "TI-PROG", name: "x", level: OUTPUT,
				    unit: NUMBER, method: COMPUTED, measure: PARTICIPANTS, filter: {projects: ["CSO-CAPACITY", "TI-PRJ"]}}) {
				    actual } }""")
			.execute()
			.path("createIndicator.actual").entity(Double.class).isEqualTo(2.0);
		// nor do only other programmes' activities; one of its own among them counts
		// language=GraphQL
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "TI-OTHER-ACT", programme: "TI-PROG", name: "x", level: OUTPUT,
				    unit: NUMBER, method: COMPUTED, measure: PARTICIPANTS, filter: {activities: ["TRN-2024-BAKURIANI"]}}) {
				    code } }""")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.filter.activities: The indicator counts programme TI-PROG's "
					+ "activities alone; these are none of them"))
			.verify();
		// language=GraphQL
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "TI-OTHER-ACT", programme: "TI-PROG", name: "x", level: OUTPUT,
				    unit: NUMBER, method: COMPUTED, measure: PARTICIPANTS,
				    filter: {activities: ["TRN-2024-BAKURIANI", "TI-ACT"]}}) { actual } }""")
			.execute()
			.path("createIndicator.actual").entity(Double.class).isEqualTo(2.0);
	}

	/**
	 * Filters that could never count anything are refused, naming what empties them, and nothing is stored: there is
	 * no deleting an indicator, and one at 0 for good would stay on the dashboards and in the IATI file.
	 */
	@Test
	void filtersThatCountNothingAreRefused() {
		// language=GraphQL
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "TI-NONE", programme: "EU-CSO-EQUAL", name: "x", level: OUTPUT,
				    unit: NUMBER, method: COMPUTED, measure: PARTICIPANTS, filter: {activities: [], roles: [],
				    from: "2020-01-01", to: "2021-01-01"}}) { code } }""")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.filter.activities: An empty list selects nothing, and the "
					+ "indicator would count nothing; leave it out to count every one"))
			.expect(error -> error.getMessage().equals("input.filter.roles: An empty list selects nothing, and the "
					+ "indicator would count nothing; leave it out to count every one"))
			.expect(error -> error.getMessage().equals("input.filter.to: The indicator counts programme EU-CSO-EQUAL's "
					+ "activities, which begin on 2023-01-01; this ends before them"))
			.verify();
		// a share counts within its denominator: with nothing in common it would be 0 % always
		var disjoint = Map.of("{genders: [FEMALE]}", "{genders: [MALE, OTHER]}",
				"{disability: true}", "{disability: false}", "{roles: [TRAINER]}", "{}",
				"{to: \"2023-06-30\"}", "{from: \"2024-01-01\"}");
		var named = Map.of("{genders: [FEMALE]}", "input.filter.genders: The filter and the denominator "
				+ "select no participation in common (by genders)", "{disability: true}", "input.filter.disability: "
				+ "The filter and the denominator select no participation in common (by disability)",
				"{roles: [TRAINER]}", "input.filter.roles: The filter and the denominator select no participation in "
						+ "common (by roles)", "{to: \"2023-06-30\"}", "input.filter: The filter and the denominator "
						+ "select no participation in common (their dates do not meet)");
		disjoint.forEach((filter, denominator) -> this.graphQl.document("mutation { createIndicator(input: {code: "
				+ "\"TI-NONE\", programme: \"EU-CSO-EQUAL\", name: \"x\", level: OUTPUT, unit: PERCENT, method: COMPUTED, "
				+ "measure: PARTICIPANTS, filter: " + filter + ", denominatorFilter: " + denominator + "}) { code } }")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals(named.get(filter) + ": the share counts within its denominator "
					+ "and would be 0 % always (a share of people or activities by what else they did, trained and then "
					+ "at a workshop, is not counted so: report it, method REPORTED)"))
			.verify());
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM indicator WHERE code LIKE 'TI-%'", Integer.class))
			.isZero();
	}

	@Test
	void aLowerIsBetterPercentIndicatorWithQuarterTargetsPerPeriod() {
		// language=GraphQL
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "TI-UNKNOWN-AGE", programme: "EU-CSO-EQUAL", project: "CSO-CAPACITY",
				    name: "Share of trainees whose age is not known", level: OUTPUT, unit: PERCENT, direction: LOWER_IS_BETTER,
				    method: COMPUTED, measure: PARTICIPANTS, cumulative: false, baseline: 10,
				    filter: {projects: ["CSO-CAPACITY"], activityKinds: [TRAINING], ageBands: [UNKNOWN]},
				    denominatorFilter: {projects: ["CSO-CAPACITY"], activityKinds: [TRAINING]}}) { code project { code } } }""")
			.execute()
			.path("createIndicator.project.code").entity(String.class).isEqualTo("CSO-CAPACITY");
		// language=GraphQL
		var response = this.graphQl.document("""
				mutation { setIndicatorTargets(code: "TI-UNKNOWN-AGE", targets: [{period: "2024-Q3", value: 0}]) {
				    targets { period { key start end } value } q3: actual(period: "2024-Q3") progress(period: "2024-Q3")
				    q2: progress(period: "2024-Q2") } }""").execute();
		response.path("setIndicatorTargets.targets[0].period.start").entity(String.class).isEqualTo("2024-07-01");
		response.path("setIndicatorTargets.targets[0].period.end").entity(String.class).isEqualTo("2024-09-30");
		response.path("setIndicatorTargets.q2").valueIsNull();
		double unknown = this.jdbc.queryForObject("""
				SELECT count(DISTINCT pt.id) FILTER (WHERE pt.birth_year IS NULL) * 100.0 / count(DISTINCT pt.id)
				FROM participation pn JOIN participant pt ON pt.id = pn.participant_id JOIN activity a ON a.id = pn.activity_id
				JOIN project pj ON pj.id = a.project_id
				WHERE pn.role = 'PARTICIPANT' AND a.kind = 'TRAINING' AND pj.code = 'CSO-CAPACITY'
				  AND a.start_date BETWEEN DATE '2024-07-01' AND DATE '2024-09-30'""", Double.class);
		response.path("setIndicatorTargets.q3").entity(Double.class).satisfies(actual ->
				org.assertj.core.api.Assertions.assertThat(actual).isCloseTo(unknown, org.assertj.core.api.Assertions.within(1e-9)));
		// lower is better, from 10 down to a target of 0
		response.path("setIndicatorTargets.progress").entity(Double.class).satisfies(progress ->
				org.assertj.core.api.Assertions.assertThat(progress).isCloseTo((10 - unknown) / 10, org.assertj.core.api.Assertions.within(1e-9)));
	}

	/**
	 * A share rises and falls as people are counted: over its year's target in the first quarter it is on track, not
	 * achieved, since the year can end under it, as this one does (it was ACHIEVED, then NOT_ACHIEVED: a tester's).
	 */
	@Test
	void aShareOverItsTargetEarlyIsAchievedOnlyAtItsPeriodsEnd() {
		this.graphQl.document("mutation { createIndicator(input: {code: \"TI-SHARE\", programme: \"EU-CSO-EQUAL\", "
				+ "name: \"Share of women trained\", level: OUTPUT, unit: PERCENT, method: COMPUTED, measure: PARTICIPANTS,"
				+ " filter: {genders: [FEMALE], activityKinds: [TRAINING]}, denominatorFilter: {activityKinds: [TRAINING]},"
				+ " baseline: 50, cumulative: true}) { code } }").execute().path("createIndicator.code").hasValue();
		this.graphQl.document("mutation { setIndicatorTargets(code: \"TI-SHARE\", targets: [{period: \"2025\", "
				+ "value: 62}]) { code } }").execute().path("setIndicatorTargets.code").hasValue();
		// language=GraphQL
		var response = this.graphQl.document("""
				{ indicator(code: "TI-SHARE") { q1: actual(period: "2025-Q1") year: actual(period: "2025")
				    early: status(asOf: "2025-03-31") last: status(asOf: "2025-12-31") ended: status(asOf: "2026-01-15") } }""")
			.execute();
		// from the programme's start: 71 women of 114 people trained by the end of March, 83 of 136 by the year's end
		response.path("indicator.q1").entity(Double.class).isEqualTo(71 * 100.0 / 114);
		response.path("indicator.year").entity(Double.class).isEqualTo(83 * 100.0 / 136);
		response.path("indicator.early").entity(String.class).isEqualTo("ON_TRACK");
		// on its last day, under its target but close, measured against the whole year
		response.path("indicator.last").entity(String.class).isEqualTo("ON_TRACK");
		response.path("indicator.ended").entity(String.class).isEqualTo("NOT_ACHIEVED");
	}

	/**
	 * A lower-is-better count has counted nothing before its period, which is already below its target: it has not
	 * started, not achieved, both counted from the programme's start (cumulative) and from its period's.
	 */
	@Test
	void aLowerIsBetterCountHasNotStartedBeforeItsPeriod() {
		for (var cumulative : List.of(true, false)) {
			this.graphQl.document("mutation { createIndicator(input: {code: \"TI-LOWER-" + cumulative + "\", programme: "
					+ "\"EU-CSO-EQUAL\", name: \"Fewer\", level: OUTPUT, unit: NUMBER, direction: LOWER_IS_BETTER, "
					+ "method: COMPUTED, measure: PARTICIPATIONS, filter: {regions: [\"GE-KK\"]}, baseline: 100, "
					+ "cumulative: " + cumulative + "}) { code } }").execute().path("createIndicator.code").hasValue();
			this.graphQl.document("mutation { setIndicatorTargets(code: \"TI-LOWER-" + cumulative + "\", targets: "
					+ "[{period: \"2023-Q3\", value: 20}]) { code } }").execute().path("setIndicatorTargets.code").hasValue();
		}
		// the programme starts on 2023-01-01, the quarter on 2023-07-01
		// language=GraphQL
		var response = this.graphQl.document("""
				{ cumulative: indicator(code: "TI-LOWER-true") { status(asOf: "2022-06-01") }
				  quarter: indicator(code: "TI-LOWER-false") { status(asOf: "2023-05-01") }
				  first: indicator(code: "TI-LOWER-false") { status(asOf: "2023-07-01") } }""")
			.execute();
		response.path("cumulative.status").entity(String.class).isEqualTo("NOT_STARTED");
		response.path("quarter.status").entity(String.class).isEqualTo("NOT_STARTED");
		// on its first day it has counted less than its target, which it can still pass: on track, not achieved
		response.path("first.status").entity(String.class).isEqualTo("ON_TRACK");
	}

	/**
	 * An indicator counting from 2025 has nothing in 2024: its split for 2024 is empty, not an error about dates the
	 * client never gave. Its own filter may not end before it starts, and its code is one in any case.
	 */
	@Test
	void anIndicatorsPeriodOutsideItsDatesIsEmpty() {
		// language=GraphQL
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "TI-FROM-2025", programme: "EU-CSO-EQUAL", name: "Reached from 2025",
				    level: OUTPUT, unit: NUMBER, method: COMPUTED, measure: PARTICIPANTS, filter: {from: "2025-01-01"}}) {
				    code } }""")
			.execute()
			.path("createIndicator.code").entity(String.class).isEqualTo("TI-FROM-2025");
		// language=GraphQL
		var split = this.graphQl.document("""
				{ indicator(code: "TI-FROM-2025") { y2024: disaggregate(by: [GENDER], period: "2024") { value }
				    y2025: disaggregate(by: [GENDER], period: "2025") { value } } }""").execute();
		split.path("indicator.y2024").entityList(Object.class).hasSize(0);
		split.path("indicator.y2025").entityList(Object.class).hasSizeGreaterThan(1);
		// language=GraphQL
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "TI-BACKWARDS", programme: "EU-CSO-EQUAL", name: "x", level: OUTPUT,
				    unit: NUMBER, method: COMPUTED, measure: PARTICIPANTS, filter: {from: "2025-01-01", to: "2024-01-01"}}) {
				    code } }""")
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST
					&& "input.filter.to".equals(error.getExtensions().get("argument"))
					&& error.getMessage().equals("input.filter.to: to (2024-01-01) is before from (2025-01-01): no day"
							+ " lies between them, so nothing is selected"))
			.verify();
		// language=GraphQL
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "ti-from-2025", programme: "EU-CSO-EQUAL", name: "x", level: OUTPUT,
				    unit: NUMBER, method: COMPUTED, measure: PARTICIPANTS, filter: {}}) { code } }""")
			.execute()
			.errors()
			.expect(error -> "CONFLICT".equals(error.getErrorType().toString()))
			.verify();
	}

	/** A project's computed indicator counts that project alone, whatever else its filter selects. */
	@Test
	void aProjectsIndicatorCountsThatProject() {
		// language=GraphQL
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "TI-BUDGET-WOMEN", programme: "EU-CSO-EQUAL", project: "LOCAL-BUDGET",
				    name: "Women reached by the budget project", level: OUTPUT, unit: NUMBER, method: COMPUTED,
				    measure: PARTICIPANTS, filter: {genders: [FEMALE]}}) { code } }""")
			.execute()
			.path("createIndicator.code").entity(String.class).isEqualTo("TI-BUDGET-WOMEN");
		// language=GraphQL
		var response = this.graphQl.document("""
				{ indicator(code: "TI-BUDGET-WOMEN") { actual }
				  project: participation(filter: {genders: [FEMALE], projects: ["LOCAL-BUDGET"]}) { totals { participants } }
				  all: participation(filter: {genders: [FEMALE]}) { totals { participants } } }""").execute();
		var project = response.path("project.totals.participants").entity(Integer.class).get();
		response.path("indicator.actual").entity(Double.class).isEqualTo(project.doubleValue());
		response.path("all.totals.participants").entity(Integer.class)
			.satisfies(all -> org.assertj.core.api.Assertions.assertThat(all).isGreaterThan(project));
		// a filter naming only other projects would count nothing
		// language=GraphQL
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "TI-ELSEWHERE", programme: "EU-CSO-EQUAL", project: "LOCAL-BUDGET",
				    name: "x", level: OUTPUT, unit: NUMBER, method: COMPUTED, measure: PARTICIPANTS,
				    filter: {projects: ["CSO-CAPACITY"]}}) { code } }""")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.filter.projects: The indicator is project LOCAL-BUDGET's "
					+ "and counts that project alone; these projects leave nothing to count"))
			.verify();
	}

	@Test
	void definitionsThatCannotBeComputedAreRefused() {
		// language=GraphQL
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "TI-BAD", programme: "EU-CSO-EQUAL", project: "cso-capacity",
				    name: "x", level: OUTPUT, unit: PERCENT, method: COMPUTED, filter: {genders: [FEMALE]}}) { code } }""")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.project: No project has the code 'cso-capacity'; it is"
					+ " written CSO-CAPACITY"))
			.expect(error -> error.getMessage().equals("input.measure: A computed indicator needs a measure"))
			.expect(error -> error.getMessage().equals("input.denominatorFilter: A computed percent indicator needs a denominator"))
			.verify();
		// language=GraphQL
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "TI-BAD", programme: "EU-CSO-EQUAL", name: "x", level: OUTPUT,
				    unit: NUMBER, method: COMPUTED, measure: PARTICIPANTS, filter: {regions: ["GE-QQ"],
				    venueMunicipalities: ["GE-SJ"]}}) { code } }""")
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST
					&& error.getMessage().equals("input.filter.regions: No region has the code 'GE-QQ'"))
			.expect(error -> error.getMessage().equals("input.filter.venueMunicipalities: No municipality has the code"
					+ " 'GE-SJ'; it is a region's: give it in input.filter.venueRegions"))
			.verify();
		// every field with unknown codes named at once, beside the definition's other problems (the first alone was)
		// language=GraphQL
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "TI-BAD", programme: "EU-CSO-EQUAL", name: " ", level: OUTPUT,
				    unit: NUMBER, method: COMPUTED, measure: PARTICIPANTS, filter: {regions: ["GE-XX"], activities: ["NOPE"],
				    municipalities: ["zzz", "yyy"]}}) { code } }""")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.name: Required; may not be blank"))
			.expect(error -> error.getMessage().equals("input.filter.regions: No region has the code 'GE-XX'"))
			.expect(error -> error.getMessage().equals("input.filter.municipalities: No municipality has the code "
					+ "'zzz'; nor has 1 other of input.filter.municipalities: 'yyy'"))
			.expect(error -> error.getMessage().equals("input.filter.activities: No activity has the code 'NOPE'"))
			.verify();
		// a denominator only for a percent; an unknown code named under the filter that holds it
		// language=GraphQL
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "TI-BAD", programme: "EU-CSO-EQUAL", name: "x", level: OUTPUT,
				    unit: NUMBER, method: COMPUTED, measure: PARTICIPANTS, filter: {genders: [FEMALE]},
				    denominatorFilter: {activityKinds: [TRAINING]}}) { code } }""")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.denominatorFilter: Only a percent indicator has a denominator"))
			.verify();
		// language=GraphQL
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "TI-BAD", programme: "EU-CSO-EQUAL", name: "x", level: OUTPUT,
				    unit: PERCENT, method: COMPUTED, measure: PARTICIPANTS, filter: {genders: [FEMALE]},
				    denominatorFilter: {projects: ["NOPE"]}}) { code } }""")
			.execute()
			.errors()
			.expect(error -> "input.denominatorFilter.projects".equals(error.getExtensions().get("argument"))
					&& error.getMessage().contains("No project has the code 'NOPE'"))
			.verify();
		// language=GraphQL
		this.graphQl.document("""
				mutation { setIndicatorTargets(code: "OUT-1.2", targets: [{period: "2025", value: 120},
				    {period: "2019", value: 50}, {period: "2025-Q5", value: 1}, {period: "2025-Q3", value: 60}]) {
				  code } }""")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("targets[3].period: The period overlaps 2025, which has a target "
					+ "in this list: give targets for years or for quarters, not both for one year"))
			.expect(error -> error.getMessage().equals("targets[0].value: A percentage lies between 0 and 100"))
			.expect(error -> error.getMessage().equals("targets[1].period: The period lies outside the programme (2023-01-01 to 2025-12-31)"))
			.expect(error -> error.getMessage().equals("targets[2].period: A period is a year (2024) or a quarter (2024-Q3) of 1900 to 2100"))
			.expect(error -> error.getMessage().equals("targets[2].value: A higher-is-better indicator's targets lie at "
					+ "or above its baseline (50)"))
			.verify();
		// one period twice in a list, whichever value was meant, is refused and the stored target kept
		// language=GraphQL
		this.graphQl.document("""
				mutation { setIndicatorTargets(code: "OUT-1.2", targets: [{period: "2025", value: 60},
				    {period: "2025", value: 70}]) { code } }""")
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST && error.getMessage()
				.equals("targets[1].period: The period has a target already in this list"))
			.verify();
		// a reported indicator is given its values: a measure to count is refused, and nothing stored
		// language=GraphQL
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "TI-REP-MEASURE", programme: "EU-CSO-EQUAL", name: "x",
				    level: OUTPUT, unit: NUMBER, method: REPORTED, measure: PARTICIPANTS}) { code } }""")
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST
					&& "input.measure".equals(error.getExtensions().get("argument"))
					&& error.getMessage().equals("input.measure: A reported indicator takes no measure or filters: it"
							+ " is given its values (reportIndicatorValue)"))
			.verify();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM indicator WHERE code = 'TI-REP-MEASURE'",
				Integer.class)).isZero();
		// language=GraphQL
		this.graphQl.document("""
				mutation { setIndicatorTargets(code: "OUT-1.3", targets: [{period: "2025", value: 2e12}]) { code } }""")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("targets[0].value: A target is at most 1,000,000,000,000"))
			.verify();
		// language=GraphQL
		this.graphQl.document("""
				mutation { updateIndicator(code: "OUT-1.3", input: {baseline: 1e13}) { code } }""")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.baseline: A baseline is at most 1,000,000,000,000"))
			.verify();
		// language=GraphQL
		this.graphQl.document("{ indicator(code: \"OUT-1.2\") { targets { period { key } value } } }")
			.execute()
			.path("indicator.targets[*].value").entityList(Double.class).containsExactly(65.0);
	}

	/**
	 * A baseline and targets that contradict the direction are refused, since progress runs from one to the other:
	 * OUT-1.2 (a share of women, higher is better, baseline 50, target 65 for 2025) would be ACHIEVED with a baseline
	 * of 70 though its share falls short, and OFF_TRACK with a target of 40 though it is exceeded.
	 */
	@Test
	void baselinesAndTargetsOnTheWrongSideAreRefused() {
		// language=GraphQL
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "TI-SHARE", programme: "EU-CSO-EQUAL", name: "x", level: OUTCOME,
				    unit: PERCENT, method: REPORTED, baseline: 250}) { code } }""")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("input.baseline: A percentage lies between 0 and 100"))
			.verify();
		var refused = Map.of(
				"updateIndicator(code: \"OUT-1.2\", input: {baseline: 70}) { code }",
				"input.baseline: A higher-is-better indicator's targets lie at or above its baseline (70); the target of "
						+ "2025 is 65",
				"updateIndicator(code: \"OUT-1.2\", input: {direction: LOWER_IS_BETTER}) { code }",
				"input.direction: A lower-is-better indicator's targets lie at or below its baseline (50); the target of "
						+ "2025 is 65",
				"setIndicatorTargets(code: \"OUT-1.2\", targets: [{period: \"2024\", value: 60}, {period: \"2025\", "
						+ "value: 40}]) { code }",
				"targets[1].value: A higher-is-better indicator's targets lie at or above its baseline (50)",
				// a count from the programme's start never falls (a tester's 2026 was achieved on its first day)
				"setIndicatorTargets(code: \"OUT-1.1\", targets: [{period: \"2025\", value: 140}, {period: \"2024\", "
						+ "value: 150}]) { code }",
				"targets[0].value: A cumulative indicator counts from the programme's start, so its count never falls:"
						+ " this target of 2025 is below 150, the target of 2024",
				// each against the highest before it, a year's after a quarter's too
				"setIndicatorTargets(code: \"OUT-1.1\", targets: [{period: \"2024\", value: 150}, {period: \"2025-Q1\", "
						+ "value: 120}]) { code }",
				"targets[1].value: A cumulative indicator counts from the programme's start, so its count never falls:"
						+ " this target of 2025-Q1 is below 150, the target of 2024");
		// a target equal to an earlier one is taken (an end target restated), as falling ones of an indicator not
		// cumulative
		// language=GraphQL
		var taken = this.graphQl.document("""
				mutation { a: createIndicator(input: {code: "TI-GROW", programme: "EU-CSO-EQUAL", name: "x", level: OUTPUT,
				    unit: NUMBER, method: REPORTED}) { code }
				  b: createIndicator(input: {code: "TI-YEARLY", programme: "EU-CSO-EQUAL", name: "x", level: OUTPUT,
				    unit: NUMBER, method: REPORTED, cumulative: false}) { code }
				  c: setIndicatorTargets(code: "TI-GROW", targets: [{period: "2024", value: 120}, {period: "2025", value: 120}]) {
				    targets { value } }
				  d: setIndicatorTargets(code: "TI-YEARLY", targets: [{period: "2024", value: 20}, {period: "2025", value: 10}]) {
				    targets { value } } }""").execute();
		taken.path("c.targets[*].value").entityList(Double.class).containsExactly(120.0, 120.0);
		taken.path("d.targets[*].value").entityList(Double.class).containsExactly(20.0, 10.0);
		refused.forEach((mutation, message) -> this.graphQl.document("mutation { " + mutation + " }")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals(message))
			.verify());
		// a lower-is-better indicator counts down from its baseline: without one, its targets are refused
		// language=GraphQL
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "TI-FEWER", programme: "EU-CSO-EQUAL", name: "x", level: OUTCOME,
				    unit: NUMBER, method: REPORTED, direction: LOWER_IS_BETTER}) { code } }""")
			.execute()
			.path("createIndicator.code").entity(String.class).isEqualTo("TI-FEWER");
		// language=GraphQL
		this.graphQl.document("""
				mutation { setIndicatorTargets(code: "TI-FEWER", targets: [{period: "2025", value: 5}]) { code } }""")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("targets[0].value: A lower-is-better indicator's targets lie at "
					+ "or below its baseline, and it has none yet"))
			.verify();
		// nothing was changed; a target equal to the baseline is no contradiction
		// language=GraphQL
		var after = this.graphQl.document("""
				mutation { updateIndicator(code: "TI-FEWER", input: {baseline: 8}) { code }
				    setIndicatorTargets(code: "TI-FEWER", targets: [{period: "2024", value: 8}, {period: "2025", value: 5}]) {
				        targets { value } }
				    out: updateIndicator(code: "OUT-1.2", input: {baseline: 65}) { direction baseline { value }
				        targets { value } } }""")
			.execute();
		after.path("setIndicatorTargets.targets[*].value").entityList(Double.class).containsExactly(8.0, 5.0);
		after.path("out.direction").entity(String.class).isEqualTo("HIGHER_IS_BETTER");
		after.path("out.targets[*].value").entityList(Double.class).containsExactly(65.0);
		after.path("out.baseline.value").entity(Double.class).isEqualTo(65.0);
		// an indicator stored before the rule, its target below its baseline, can still be renamed
		this.jdbc.update("UPDATE indicator SET baseline_value = 70 WHERE code = 'OUT-1.2'");
		var name = "Share of women among the trained CSO representatives";
		this.graphQl.document("mutation { updateIndicator(code: \"OUT-1.2\", input: {name: \"" + name + "\"}) { name } }")
			.execute()
			.path("updateIndicator.name").entity(String.class).isEqualTo(name);
	}

}
