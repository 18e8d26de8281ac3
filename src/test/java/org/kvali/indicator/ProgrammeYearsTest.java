package org.kvali.indicator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kvali.Callers;
import org.kvali.IntegrationTest;
import org.kvali.TestClock;
import org.kvali.access.Role;
import org.kvali.report.Dimension;
import org.kvali.report.Period;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A programme whose years run from September to August, as its contract's do, has its targets, figures, series and
 * splits by those years and their quarters. Its activities: 15 October 2024 (people 1 to 12), 10 March 2025 (7 to 20),
 * 15 June 2025 (1 and 2), 1 October 2025 (1 to 3) and 5 October 2026 (21 to 30): 20 people in its first year, 3 in
 * its second, 10 in its third; the clock stopped after its end.
 */
@IntegrationTest
class ProgrammeYearsTest {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	Callers callers;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void programme() {
		this.clock.stopAt(Instant.parse("2027-09-15T08:00:00Z"));
		this.graphQl.document("""
				mutation { createProgramme(input: {code: "PY", name: "Years from September", startDate: "2024-09-01",
				    endDate: "2027-08-31", yearStart: 9, donors: ["EU"], publisher: "HEKS-EPER"}) { yearStart } }""")
			.execute()
			.path("createProgramme.yearStart")
			.entity(Integer.class)
			.isEqualTo(9);
		this.graphQl.document("""
				mutation { createProject(input: {code: "PY-PRJ", programme: "PY", name: "Trainings"}) { code } }""")
			.execute()
			.path("createProject.code")
			.entity(String.class)
			.isEqualTo("PY-PRJ");
		this.jdbc.update("""
				INSERT INTO activity (code, project_id, kind, title, start_date, end_date)
				SELECT a.code, p.id, 'TRAINING', 'Training', a.day, a.day FROM project p,
				(VALUES ('PY-A1', DATE '2024-10-15'), ('PY-A2', DATE '2025-03-10'), ('PY-A3', DATE '2025-10-01'),
				        ('PY-A4', DATE '2026-10-05'), ('PY-A5', DATE '2025-06-15')) a(code, day)
				WHERE p.code = 'PY-PRJ'""");
		this.jdbc.update("""
				INSERT INTO participation (activity_id, participant_id, role)
				SELECT a.id, p.id, 'PARTICIPANT'
				FROM (SELECT id, row_number() OVER (ORDER BY ref) AS n FROM participant) p
				JOIN activity a ON a.code = 'PY-A1' AND p.n BETWEEN 1 AND 12 OR a.code = 'PY-A2' AND p.n BETWEEN 7 AND 20
				                OR a.code = 'PY-A3' AND p.n BETWEEN 1 AND 3 OR a.code = 'PY-A4' AND p.n BETWEEN 21 AND 30
				                OR a.code = 'PY-A5' AND p.n BETWEEN 1 AND 2""");
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "PY-REACH", programme: "PY", name: "People trained",
				    level: OUTPUT, unit: NUMBER, method: COMPUTED, measure: PARTICIPANTS, cumulative: false,
				    filter: {}}) { code } }""")
			.execute()
			.path("createIndicator.code")
			.entity(String.class)
			.isEqualTo("PY-REACH");
		this.graphQl.document("""
				mutation { setIndicatorTargets(code: "PY-REACH", targets: [{period: "2024-09/2025-08", value: 15},
				    {period: "2025-09/2026-08", value: 10}]) { targets { period { key start end } value } } }""")
			.execute()
			.path("setIndicatorTargets.targets[*].period.key")
			.entityList(String.class)
			.containsExactly("2024-09/2025-08", "2025-09/2026-08");
	}

	@AfterEach
	void clean() {
		this.callers.deleteKeys();
		this.jdbc.update("DELETE FROM indicator WHERE code IN ('PY-REACH', 'PY-SURVEY', 'PY-CUM', 'PY-PART', 'PY-SEX')");
		this.jdbc.update("DELETE FROM participation WHERE activity_id IN (SELECT id FROM activity WHERE code LIKE 'PY-A%')");
		this.jdbc.update("DELETE FROM activity WHERE code LIKE 'PY-A%'");
		this.jdbc.update("DELETE FROM project WHERE code = 'PY-PRJ'");
		this.jdbc.update("DELETE FROM indicator WHERE code IN ('PY-CAL-I', 'PY-OCT-I', 'PY-FAR-I', 'PY-P2-I', 'PY-MOVE',"
				+ " 'PY-PC-I', 'PY-PC-N')");
		this.jdbc.update("DELETE FROM project WHERE code = 'PY-P2'");
		this.jdbc.update("DELETE FROM programme WHERE code IN ('PY', 'PY-CAL', 'PY-OCT', 'PY-X', 'PY-FAR', 'PY-PC')");
	}

	@Test
	void figuresSeriesAndSplitsAreOfTheProgrammesYearsAndQuarters() {
		var analyst = this.callers.as(Role.ANALYST).document("""
				{ indicator(code: "PY-REACH") {
				    first: actual(period: "2024-09/2025-08") second: actual(period: "2025-09/2026-08")
				    autumn: actual(period: "2024-09/2024-11") spring: actual(period: "2025-03/2025-05")
				    march: actual(period: "2025-03") toDate: actual
				    progress(period: "2024-09/2025-08")
				    reached: status(asOf: "2025-06-30") ending: status(asOf: "2026-08-31")
				    short: status(asOf: "2026-09-01")
				    years: series { period { key start end } target actual status }
				    quarters: series(granularity: QUARTER) { period { key } target actual }
				    byQuarter: disaggregate(by: [QUARTER], period: "2024-09/2025-08") { group { period { key } } value }
				    byYear: disaggregate(by: [YEAR]) { group { period { key } } value } } }""").execute();
		analyst.path("indicator.first").entity(Double.class).isEqualTo(20.0);
		analyst.path("indicator.second").entity(Double.class).isEqualTo(3.0);
		analyst.path("indicator.autumn").entity(Double.class).isEqualTo(12.0);
		analyst.path("indicator.spring").entity(Double.class).isEqualTo(14.0);
		analyst.path("indicator.march").entity(Double.class).isEqualTo(14.0);
		analyst.path("indicator.toDate").entity(Double.class).isEqualTo(30.0);
		analyst.path("indicator.progress").entity(Double.class).isEqualTo(20.0 / 15);
		analyst.path("indicator.reached").entity(String.class).isEqualTo("ACHIEVED");
		analyst.path("indicator.short").entity(String.class).isEqualTo("NOT_ACHIEVED");
		analyst.path("indicator.ending").entity(String.class).isEqualTo("OFF_TRACK");
		analyst.path("indicator.years[*].period.key").entityList(String.class)
			.containsExactly("2024-09/2025-08", "2025-09/2026-08", "2026-09/2027-08");
		analyst.path("indicator.years[1].period.start").entity(String.class).isEqualTo("2025-09-01");
		analyst.path("indicator.years[1].period.end").entity(String.class).isEqualTo("2026-08-31");
		analyst.path("indicator.years[*].target").entityList(Double.class).containsExactly(15.0, 10.0, null);
		analyst.path("indicator.years[*].actual").entityList(Double.class).containsExactly(20.0, 3.0, 10.0);
		// each year judged by its own target once it ended (status on the day after judges the next year's)
		analyst.path("indicator.years[*].status").entityList(String.class)
			.containsExactly("ACHIEVED", "NOT_ACHIEVED", null);
		analyst.path("indicator.quarters[*].period.key").entityList(String.class).containsExactly("2024-09/2024-11",
				"2024-12/2025-02", "2025-03/2025-05", "2025-06/2025-08", "2025-09/2025-11", "2025-12/2026-02",
				"2026-03/2026-05", "2026-06/2026-08", "2026-09/2026-11", "2026-12/2027-02", "2027-03/2027-05",
				"2027-06/2027-08");
		analyst.path("indicator.quarters[*].actual").entityList(Double.class).containsExactly(12.0, 0.0, 14.0, 2.0,
				3.0, 0.0, 0.0, 0.0, 10.0, 0.0, 0.0, 0.0);
		analyst.path("indicator.byQuarter[*].group.period.key").entityList(String.class)
			.containsExactly("2024-09/2024-11", "2025-03/2025-05", "2025-06/2025-08");
		analyst.path("indicator.byQuarter[*].value").entityList(Double.class).containsExactly(12.0, 14.0, 2.0);
		analyst.path("indicator.byYear[*].group.period.key").entityList(String.class)
			.containsExactly("2024-09/2025-08", "2025-09/2026-08", "2026-09/2027-08");
		analyst.path("indicator.byYear[*].value").entityList(Double.class).containsExactly(20.0, 3.0, 10.0);
	}

	/**
	 * A breakdown of the programme's participation by years takes its years unless told otherwise (a tester's years
	 * from April were given as calendar years), named by the programme or by a project of it alone.
	 */
	@Test
	void aBreakdownOfTheProgrammeTakesItsYears() {
		var years = "[2024-09/2025-08 20, 2025-09/2026-08 3, 2026-09/2027-08 10]";
		assertThat(yearsOf("programmes: [\"PY\"]", "")).hasToString(years);
		assertThat(yearsOf("projects: [\"PY-PRJ\"]", "")).hasToString(years);
		assertThat(yearsOf("programmes: [\"PY\"]", ", yearStart: null")).hasToString(years);
		// asked for calendar years, or over more than one programme, calendar years
		assertThat(yearsOf("programmes: [\"PY\"]", ", yearStart: 1")).hasToString("[2024 12, 2025 17, 2026 10]");
		assertThat(yearsOf("programmes: [\"PY\"], to: \"2024-12-31\"", "")).hasToString("[2024-09/2025-08 12]");
		assertThat(yearsOf("programmes: [\"PY\", \"EU-CSO-EQUAL\"], activities: [\"PY-A1\"]", ""))
			.hasToString("[2024 12]");
	}

	/** Each year of the breakdown by YEAR over the filter, as its key and participants. */
	private List<String> yearsOf(String filter, String arguments) {
		return this.callers.as(Role.ANALYST).document("{ participation(filter: {" + filter + "}) { breakdown(by: [YEAR]"
				+ arguments + ") { period { key } participants } } }")
			.execute()
			.path("participation.breakdown")
			.entityList(Map.class)
			.get()
			.stream()
			.map(group -> ((Map<?, ?>) group.get("period")).get("key") + " " + group.get("participants"))
			.toList();
	}

	/**
	 * A donor's small year is withheld as a calendar year is, with the next smallest beside it (the whole to date
	 * less the others told it), and their quarters and months with them; in the year shown, a small quarter is
	 * withheld with the next smallest beside it.
	 */
	@Test
	void aDonorIsNotToldASmallYearNorItsQuarters() {
		var donor = this.callers.as(Role.DONOR).document("""
				{ indicator(code: "PY-REACH") { first: actual(period: "2024-09/2025-08")
				    second: actual(period: "2025-09/2026-08") third: actual(period: "2026-09/2027-08")
				    autumn: actual(period: "2025-09/2025-11") q1: actual(period: "2024-09/2024-11")
				    q3: actual(period: "2025-03/2025-05") q4: actual(period: "2025-06/2025-08")
				    october: actual(period: "2025-10") byYear: disaggregate(by: [YEAR]) { group { period { key } } value }
				    series { actual status } whole: status(asOf: "2026-08-31") } }""")
			.execute();
		donor.path("indicator.first").entity(Double.class).isEqualTo(20.0);
		donor.path("indicator.second").valueIsNull();
		donor.path("indicator.third").valueIsNull();
		donor.path("indicator.q1").valueIsNull();
		donor.path("indicator.q3").entity(Double.class).isEqualTo(14.0);
		donor.path("indicator.q4").valueIsNull();
		donor.path("indicator.autumn").valueIsNull();
		donor.path("indicator.october").valueIsNull();
		donor.path("indicator.byYear[*].group.period.key").entityList(String.class).containsExactly("2024-09/2025-08");
		donor.path("indicator.byYear[*].value").entityList(Double.class).containsExactly(20.0);
		donor.path("indicator.series[*].actual").entityList(Double.class).containsExactly(20.0, null, null);
		// and not judged where withheld
		donor.path("indicator.series[*].status").entityList(String.class).containsExactly("ACHIEVED", null, null);
		// the withheld year judged whole on its last day
		donor.path("indicator.whole").valueIsNull();
		// the year it suggests is the programme's last, today being past its end (it named the one holding 2025's end)
		this.callers.as(Role.DONOR)
			.document("{ indicator(code: \"PY-REACH\") { disaggregate(by: [QUARTER]) { value } } }")
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST && error.getMessage().equals("Split by"
					+ " QUARTER or MONTH one year at a time (period: \"2026-09/2027-08\"): each year's quarters and"
					+ " months are shown as that year's breakdown shows them"))
			.verify();
	}

	/** The IATI file's result periods are the programme's years, with their targets and the actuals a donor sees. */
	@Test
	void theIatiFilesPeriodsAreTheProgrammesYears() throws Exception {
		var file = this.mvc.perform(get("/iati/activities.xml").param("programme", "PY"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var periods = Pattern.compile("<period-start iso-date=\"([^\"]*)\"/>\\s*<period-end iso-date=\"([^\"]*)\"/>"
				+ "\\s*<target value=\"([^\"]*)\"/>(?:\\s*<actual value=\"([^\"]*)\"/>)?").matcher(file);
		var found = new ArrayList<String>();
		while (periods.find()) {
			found.add(periods.group(1) + " " + periods.group(2) + " " + periods.group(3) + " " + periods.group(4));
		}
		// the second year's 3 withheld, as from a donor, and no other period
		assertThat(found).containsExactly("2024-09-01 2025-08-31 15 20", "2025-09-01 2026-08-31 10 null");
		assertThat(file.split("<period>", -1)).hasSize(3);
	}

	/**
	 * A reported indicator's women and men, as a donor reads them in its split by gender, are the file's actuals by
	 * sex, where both were reported (the file gave the whole alone: a tester's).
	 */
	@Test
	void theIatiFileSplitsAReportedIndicatorBySexAsReported() throws Exception {
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "PY-SEX", programme: "PY", name: "Hearings attended",
				    level: OUTCOME, unit: NUMBER, method: REPORTED, cumulative: false}) { code } }""")
			.execute()
			.errors()
			.verify();
		for (var value : List.of("\"2025-06/2025-08\", value: 40", "\"2025-06/2025-08\", value: 25, gender: FEMALE",
				"\"2025-06/2025-08\", value: 15, gender: MALE", "\"2025-09/2025-11\", value: 9",
				"\"2025-09/2025-11\", value: 5, gender: FEMALE")) {
			this.graphQl.document("mutation { reportIndicatorValue(input: {indicator: \"PY-SEX\", period: " + value
					+ "}) { value } }").execute().errors().verify();
		}
		var file = this.mvc.perform(get("/iati/activities.xml").param("programme", "PY"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var result = file.substring(file.indexOf("code=\"PY-SEX\""));
		result = result.substring(0, result.indexOf("</result>")).replaceAll(">\\s+<", "><");
		// the summer's women and men; the autumn's whole alone, its men not reported
		assertThat(result).contains("<period-start iso-date=\"2025-06-01\"/><period-end iso-date=\"2025-08-31\"/>"
				+ "<actual value=\"40\"/><actual value=\"25\"><dimension name=\"sex\" value=\"female\"/></actual>"
				+ "<actual value=\"15\"><dimension name=\"sex\" value=\"male\"/></actual></period>");
		assertThat(result).contains("<period-start iso-date=\"2025-09-01\"/><period-end iso-date=\"2025-11-30\"/>"
				+ "<actual value=\"9\"/></period>");
	}

	/**
	 * A cumulative indicator's year with quarterly targets is judged against its fourth quarter's, to which both
	 * count: it took its first quarter's (a tester's: 34 women against 25, 136 %, where 40 made 85 %).
	 */
	@Test
	void aCumulativeYearOfQuarterlyTargetsTakesItsFourthQuartersTarget() {
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "PY-CUM", programme: "PY", name: "People trained to date",
				    level: OUTPUT, unit: NUMBER, method: COMPUTED, measure: PARTICIPANTS, cumulative: true,
				    filter: {}}) { code } }""").execute().errors().verify();
		this.graphQl.document("""
				mutation { setIndicatorTargets(code: "PY-CUM", targets: [{period: "2025-09/2025-11", value: 22},
				    {period: "2025-12/2026-02", value: 23}, {period: "2026-03/2026-05", value: 24},
				    {period: "2026-06/2026-08", value: 25}]) { code } }""").execute().errors().verify();
		var cumulative = this.graphQl.document("""
				{ indicator(code: "PY-CUM") { progress(period: "2025-09/2026-08") third: progress(period: "2026-09/2027-08")
				    series { target actual } quarters: series(granularity: QUARTER) { target } } }""").execute();
		cumulative.path("indicator.progress").entity(Double.class).isEqualTo(20.0 / 25);
		cumulative.path("indicator.third").valueIsNull();
		cumulative.path("indicator.series[*].target").entityList(Double.class).containsExactly(null, 25.0, null);
		cumulative.path("indicator.series[*].actual").entityList(Double.class).containsExactly(20.0, 20.0, 30.0);
		cumulative.path("indicator.quarters[*].target").entityList(Double.class).containsExactly(null, null, null, null,
				22.0, 23.0, 24.0, 25.0, null, null, null, null);
	}

	/** Values are reported for its years and quarters, and a year's actual adds up its quarters'. */
	@Test
	void valuesAreReportedForItsYearsAndQuarters() {
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "PY-SURVEY", programme: "PY", name: "Hearings held",
				    level: OUTCOME, unit: NUMBER, method: REPORTED, cumulative: false}) { code } }""")
			.execute()
			.errors()
			.verify();
		for (var value : List.of("\"2024-09/2025-08\", value: 4", "\"2025-09/2025-11\", value: 2",
				"\"2026-03/2026-05\", value: 3")) {
			this.graphQl.document("mutation { reportIndicatorValue(input: {indicator: \"PY-SURVEY\", period: "
					+ value + "}) { period { key } } }").execute().errors().verify();
		}
		expect("mutation { reportIndicatorValue(input: {indicator: \"PY-SURVEY\", period: \"2025-Q4\", value: 1}) {"
				+ " value } }", "input.period: A period is one of the programme's years, from September"
						+ " (2024-09/2025-08) or a quarter of them (2024-09/2024-11) of 1900 to 2100");
		var survey = this.graphQl.document("""
				{ indicator(code: "PY-SURVEY") { series { period { key } actual } autumn: actual(period: "2025-09/2025-11")
				    reportedValues { period { key } value } } }""").execute();
		survey.path("indicator.series[*].period.key").entityList(String.class)
			.containsExactly("2024-09/2025-08", "2025-09/2026-08", "2026-09/2027-08");
		survey.path("indicator.series[*].actual").entityList(Double.class).containsExactly(4.0, 5.0, null);
		survey.path("indicator.autumn").entity(Double.class).isEqualTo(2.0);
		survey.path("indicator.reportedValues[*].period.key").entityList(String.class)
			.satisfies(keys -> assertThat(keys).containsExactlyInAnyOrder("2024-09/2025-08", "2025-09/2025-11",
					"2026-03/2026-05"));
		// years from March would cut the year reported and the targets of years from September; quarters from
		// September and March are both quarters of years from March
		expect("mutation { updateProgramme(code: \"PY\", input: {yearStart: 3}) { yearStart } }",
				"input.yearStart: Indicator PY-REACH has a target for 2024-09/2025-08, which would not be one of its"
						+ " years or quarters",
				"input.yearStart: Indicator PY-REACH has a target for 2025-09/2026-08, which would not be one of its"
						+ " years or quarters",
				"input.yearStart: Indicator PY-SURVEY has a value reported for 2024-09/2025-08, which would not be one"
						+ " of its years or quarters");
		// a negative value is told so, and only so
		expect("mutation { reportIndicatorValue(input: {indicator: \"PY-SURVEY\", period: \"2026-06/2026-08\","
				+ " value: -1}) { value } }", "input.value: A value is 0 or more");
		// a withdrawal holds neither the years nor the dates
		this.graphQl.document("mutation { withdrawIndicatorValue(input: {indicator: \"PY-SURVEY\", period: "
				+ "\"2024-09/2025-08\"}) { withdrawn } }").execute().errors().verify();
		expect("mutation { updateProgramme(code: \"PY\", input: {yearStart: 3}) { yearStart } }",
				"input.yearStart: Indicator PY-REACH has a target for 2024-09/2025-08, which would not be one of its"
						+ " years or quarters",
				"input.yearStart: Indicator PY-REACH has a target for 2025-09/2026-08, which would not be one of its"
						+ " years or quarters");
		this.graphQl.document("mutation { updateProgramme(code: \"PY\", input: {endDate: \"2027-05-31\"}) { endDate } }")
			.execute()
			.path("updateProgramme.endDate")
			.entity(String.class)
			.isEqualTo("2027-05-31");
	}

	/**
	 * A month is withheld from a donor where its quarter's months are: shown as the year's months alone, October's 12
	 * beside the quarter's 14 told November's 2, which the year's months withheld. Participations of four activities
	 * of its own: October 2024 12, November 2, March 2025 6, June 2; the quarters from June (2) and March (6) are
	 * withheld, the one from September (14) shown.
	 */
	@Test
	void aMonthIsWithheldWhereItsQuartersMonthsAre() {
		this.jdbc.update("""
				INSERT INTO activity (code, project_id, kind, title, start_date, end_date)
				SELECT a.code, p.id, 'MEETING', 'Meeting', a.day, a.day FROM project p,
				(VALUES ('PY-A6', DATE '2024-10-10', 12), ('PY-A7', DATE '2024-11-10', 2), ('PY-A8', DATE '2025-03-10', 6),
				        ('PY-A9', DATE '2025-06-10', 2)) a(code, day, people)
				WHERE p.code = 'PY-PRJ'""");
		this.jdbc.update("""
				INSERT INTO participation (activity_id, participant_id, role)
				SELECT a.id, p.id, 'PARTICIPANT'
				FROM (SELECT id, row_number() OVER (ORDER BY ref) AS n FROM participant) p
				JOIN activity a ON p.n <= CASE a.code WHEN 'PY-A6' THEN 12 WHEN 'PY-A8' THEN 6 ELSE 2 END
				WHERE a.code IN ('PY-A6', 'PY-A7', 'PY-A8', 'PY-A9')""");
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "PY-PART", programme: "PY", name: "Meeting places taken",
				    level: OUTPUT, unit: NUMBER, method: COMPUTED, measure: PARTICIPATIONS, cumulative: false,
				    filter: {activities: ["PY-A6", "PY-A7", "PY-A8", "PY-A9"]}}) { code } }""").execute().errors().verify();
		var months = """
				{ indicator(code: "PY-PART") { autumn: actual(period: "2024-09/2024-11") october: actual(period: "2024-10")
				    november: actual(period: "2024-11") march: actual(period: "2025-03") } }""";
		var analyst = this.callers.as(Role.ANALYST).document(months).execute();
		analyst.path("indicator.autumn").entity(Double.class).isEqualTo(14.0);
		analyst.path("indicator.october").entity(Double.class).isEqualTo(12.0);
		analyst.path("indicator.november").entity(Double.class).isEqualTo(2.0);
		analyst.path("indicator.march").entity(Double.class).isEqualTo(6.0);
		var donor = this.callers.as(Role.DONOR).document(months).execute();
		donor.path("indicator.autumn").entity(Double.class).isEqualTo(14.0);
		donor.path("indicator.october").valueIsNull();
		donor.path("indicator.november").valueIsNull();
		donor.path("indicator.march").valueIsNull();
	}

	@Test
	void periodsNotOfTheProgrammesYearsAreRefused() {
		expect("{ indicator(code: \"PY-REACH\") { actual(period: \"2025\") } }", "A period is one of the programme's"
				+ " years, from September (2024-09/2025-08), a quarter of them (2024-09/2024-11) or a month (2024-07)"
				+ " of 1900 to 2100");
		expect("mutation { setIndicatorTargets(code: \"PY-REACH\", targets: [{period: \"2025-Q1\", value: 5}]) {"
				+ " code } }", "targets[0].period: A period is one of the programme's years, from September (2024-09/2025-08) or a"
				+ " quarter of them (2024-09/2024-11) of 1900 to 2100");
		// by their months, but beginning in another month than the programme's
		expect("{ indicator(code: \"PY-REACH\") { actual(period: \"2024-10/2025-09\") } }", "A period is one of the"
				+ " programme's years, from September (2024-09/2025-08), a quarter of them (2024-09/2024-11) or a month"
				+ " (2024-07) of 1900 to 2100");
		expect("mutation { setIndicatorTargets(code: \"PY-REACH\", targets: [{period: \"2024-09/2024-11\", value: 1},"
				+ " {period: \"2024-10/2025-09\", value: 5}]) { code } }", "targets[1].period: A period is one of the"
				+ " programme's years, from September (2024-09/2025-08) or a quarter of them (2024-09/2024-11) of 1900"
				+ " to 2100");
		assertThat(targets()).as("the targets kept").containsExactly("2024-09/2025-08", "2025-09/2026-08");
		// a calendar programme takes none of them
		expect("mutation { setIndicatorTargets(code: \"OUT-1.1\", targets: [{period: \"2024-09/2025-08\", value: 5}])"
				+ " { code } }", "targets[0].period: A period is a year (2024) or a quarter (2024-Q3) of 1900 to 2100");
	}

	/**
	 * A project's indicator takes periods within the project's dates (overlapping them), and the project's dates may
	 * not move past them: one wholly outside was taken and left out of the IATI file, which gives the project's
	 * activity within its dates (a tester's).
	 */
	@Test
	void aProjectsIndicatorsPeriodsLieWithinTheProjectsDates() {
		this.graphQl.document("""
				mutation { createProject(input: {code: "PY-P2", programme: "PY", name: "Hearings", startDate: "2025-01-10",
				    endDate: "2026-06-30"}) { code }
				  createIndicator(input: {code: "PY-P2-I", programme: "PY", project: "PY-P2", name: "Hearings held",
				    level: OUTPUT, unit: NUMBER, method: REPORTED, cumulative: false}) { code } }""")
			.execute()
			.errors()
			.verify();
		expect("mutation { setIndicatorTargets(code: \"PY-P2-I\", targets: [{period: \"2026-09/2026-11\", value: 1}])"
				+ " { code } }", "targets[0].period: The period lies outside the project (2025-01-10 to 2026-06-30)");
		expect("mutation { reportIndicatorValue(input: {indicator: \"PY-P2-I\", period: \"2024-09/2024-11\", value: 1})"
				+ " { value } }", "input.period: The period lies outside the project (2025-01-10 to 2026-06-30)");
		// overlapping: the first year, begun before the project, and the quarter it ends in
		this.graphQl.document("mutation { setIndicatorTargets(code: \"PY-P2-I\", targets: [{period: \"2024-09/2025-08\","
				+ " value: 4}, {period: \"2026-06/2026-08\", value: 2}]) { code } }").execute().errors().verify();
		expect("mutation { updateProject(code: \"PY-P2\", input: {startDate: \"2025-09-01\"}) { code } }",
				"input.startDate: Indicator PY-P2-I has a target for 2024-09/2025-08, which would lie outside it");
		assertThat(this.jdbc.queryForObject("SELECT start_date FROM project WHERE code = 'PY-P2'", LocalDate.class))
			.isEqualTo(LocalDate.of(2025, 1, 10));
		// a 0 is a value as any other (it had been taken outside, as a withdrawal)
		expect("mutation { reportIndicatorValue(input: {indicator: \"PY-P2-I\", period: \"2024-09/2024-11\", value: 0})"
				+ " { value } }", "input.period: The period lies outside the project (2025-01-10 to 2026-06-30)");
		// nor does an indicator move into the project with a target outside it
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "PY-MOVE", programme: "PY", name: "Moved", level: OUTPUT,
				    unit: NUMBER, method: REPORTED, cumulative: false}) { code }
				  setIndicatorTargets(code: "PY-MOVE", targets: [{period: "2024-09/2024-11", value: 1}]) { code } }""")
			.execute()
			.errors()
			.verify();
		expect("mutation { updateIndicator(code: \"PY-MOVE\", input: {project: \"PY-P2\"}) { code } }",
				"input.project: Indicator PY-MOVE has a target for 2024-09/2024-11, which would lie outside project PY-P2"
						+ " (2025-01-10 to 2026-06-30)");
		assertThat(this.jdbc.queryForObject("SELECT project_id FROM indicator WHERE code = 'PY-MOVE'", Long.class))
			.isNull();
	}

	/**
	 * A 0 is a value, a share's and a count's alike, and holds the programme's dates as any other does (dates moved
	 * past a share's 0 had left it uncounted without a word: a review's); withdrawn, it holds none, and the count's
	 * actual of it alone is none. Beside a period it overlaps it is refused, as any value is.
	 */
	@Test
	void aZeroHoldsTheDatesAsAnyValue() {
		this.graphQl.document("""
				mutation { createProgramme(input: {code: "PY-PC", name: "Shares", startDate: "2024-09-01",
				    endDate: "2026-12-31", yearStart: 9}) { code }
				  createIndicator(input: {code: "PY-PC-I", programme: "PY-PC", name: "Satisfied", level: OUTCOME,
				    unit: PERCENT, method: REPORTED, cumulative: false}) { code }
				  n: createIndicator(input: {code: "PY-PC-N", programme: "PY-PC", name: "Hearings", level: OUTPUT,
				    unit: NUMBER, method: REPORTED, cumulative: false}) { code }
				  a: reportIndicatorValue(input: {indicator: "PY-PC-I", period: "2024-09/2025-08", value: 60}) { value }
				  b: reportIndicatorValue(input: {indicator: "PY-PC-I", period: "2026-09/2026-11", value: 0}) { value }
				  c: reportIndicatorValue(input: {indicator: "PY-PC-N", period: "2026-09/2026-11", value: 0}) {
				    value } }""")
			.execute()
			.errors()
			.verify();
		var actuals = "{ i: indicator(code: \"PY-PC-I\") { actual } n: indicator(code: \"PY-PC-N\") { actual } }";
		this.graphQl.document(actuals).execute().path("i.actual").entity(Double.class).isEqualTo(0.0)
			.path("n.actual").entity(Double.class).isEqualTo(0.0);
		var cut = "mutation { updateProgramme(code: \"PY-PC\", input: {endDate: \"2026-08-31\"}) { endDate } }";
		expect(cut, "input.endDate: Indicator PY-PC-I has a value reported for 2026-09/2026-11, which would lie outside"
				+ " it", "input.endDate: Indicator PY-PC-N has a value reported for 2026-09/2026-11, which would lie"
						+ " outside it");
		this.graphQl.document(actuals).execute().path("i.actual").entity(Double.class).isEqualTo(0.0);
		this.graphQl.document("""
				mutation { i: withdrawIndicatorValue(input: {indicator: "PY-PC-I", period: "2026-09/2026-11"}) {
				    withdrawn }
				  n: withdrawIndicatorValue(input: {indicator: "PY-PC-N", period: "2026-09/2026-11"}) {
				    withdrawn } }""")
			.execute()
			.path("i.withdrawn").entity(Boolean.class).isEqualTo(true)
			.path("n.withdrawn").entity(Boolean.class).isEqualTo(true);
		this.graphQl.document(cut).execute().path("updateProgramme.endDate").entity(String.class)
			.isEqualTo("2026-08-31");
		this.graphQl.document(actuals).execute().path("i.actual").entity(Double.class).isEqualTo(60.0)
			.path("n.actual").valueIsNull();
		// a share's 0 for a quarter beside its year's value is refused, as any value (it had been taken, counted for
		// nothing and held nothing)
		this.graphQl.document("mutation { reportIndicatorValue(input: {indicator: \"PY-PC-I\", period: "
				+ "\"2025-09/2026-08\", value: 40}) { value } }").execute().errors().verify();
		expect("mutation { reportIndicatorValue(input: {indicator: \"PY-PC-I\", period: \"2026-03/2026-05\", "
				+ "value: 0}) { value } }", "input.period: A value for 2025-09/2026-08 is reported, which overlaps "
						+ "2026-03/2026-05 and would be counted with it: report either a year or its quarters (to move "
						+ "from one to the other, 2025-09/2026-08 is withdrawn first (withdrawIndicatorValue))");
		this.graphQl.document(actuals).execute().path("i.actual").entity(Double.class).isEqualTo(40.0);
	}

	/** Each year's and quarter's key, for each month years may begin in, is one the database takes. */
	@Test
	void everyKeyOfEveryMonthIsOneTheDatabaseTakes() {
		var keys = new ArrayList<String>();
		for (int month = 1; month <= 12; month++) {
			keys.add(Period.of(Dimension.YEAR, LocalDate.of(2030, month, 1)).key());
			keys.add(Period.of(Dimension.QUARTER, LocalDate.of(2030, month, 1)).key());
		}
		// unique keys: each year or quarter beginning in a month once
		assertThat(keys).doesNotHaveDuplicates().hasSize(24);
		for (var key : keys) {
			this.jdbc.update("""
					INSERT INTO indicator_target (indicator_id, period_key, period_start, period_end, value)
					SELECT id, ?, DATE '2025-01-01', DATE '2025-12-31', 1 FROM indicator WHERE code = 'PY-REACH'""", key);
		}
		assertThat(targets()).hasSize(26);
	}

	/**
	 * A programme's month is a month: refused out of range on creation and change, nothing stored; one created
	 * without it has the calendar's years. Its series begins at the year or quarter holding its start.
	 */
	@Test
	void aMonthOutOfRangeIsRefusedAndSeriesBeginAtTheStart() {
		expect("mutation { createProgramme(input: {code: \"PY-X\", name: \"X\", yearStart: 13}) { code } }",
				"input.yearStart: A month is 1 (January) to 12 (December)");
		expect("mutation { createProgramme(input: {code: \"PY-X\", name: \"X\", yearStart: 0}) { code } }",
				"input.yearStart: A month is 1 (January) to 12 (December)");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM programme WHERE code = 'PY-X'", Integer.class))
			.isZero();
		expect("mutation { updateProgramme(code: \"PY\", input: {name: \"Renamed\", yearStart: 0}) { code } }",
				"input.yearStart: A month is 1 (January) to 12 (December)");
		assertThat(this.jdbc.queryForObject("SELECT name FROM programme WHERE code = 'PY'", String.class))
			.isEqualTo("Years from September");
		for (var programme : List.of("code: \"PY-CAL\", startDate: \"2024-07-15\", endDate: \"2025-12-31\"",
				"code: \"PY-OCT\", startDate: \"2024-10-15\", endDate: \"2025-12-31\", yearStart: 9",
				"code: \"PY-FAR\", startDate: \"2100-03-01\", endDate: \"2100-12-31\", yearStart: 9")) {
			this.graphQl.document("mutation { createProgramme(input: {" + programme + ", name: \"Mid-year start\"})"
					+ " { code } }").execute().errors().verify();
		}
		// its last year reaches into 2101, as its series says: a target may be set for it
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "PY-FAR-I", programme: "PY-FAR", name: "Far", level: OUTPUT,
				    unit: NUMBER, method: COMPUTED, measure: PARTICIPANTS, cumulative: false, filter: {}}) { code } }""")
			.execute()
			.errors()
			.verify();
		this.graphQl.document("mutation { setIndicatorTargets(code: \"PY-FAR-I\", targets: [{period: \"2100-09/2101-08\","
				+ " value: 5}]) { code } }").execute().errors().verify();
		this.graphQl.document("{ indicator(code: \"PY-FAR-I\") { series { period { key } target } } }")
			.execute()
			.path("indicator.series[*].period.key")
			.entityList(String.class)
			.containsExactly("2099-09/2100-08", "2100-09/2101-08");
		this.graphQl.document("{ programme(code: \"PY-CAL\") { yearStart } }").execute()
			.path("programme.yearStart").entity(Integer.class).isEqualTo(1);
		for (var code : List.of("PY-CAL", "PY-OCT")) {
			this.graphQl.document("""
					mutation { createIndicator(input: {code: "%s-I", programme: "%s", name: "Reach", level: OUTPUT,
					    unit: NUMBER, method: COMPUTED, measure: PARTICIPANTS, cumulative: false, filter: {}}) { code } }"""
				.formatted(code, code)).execute().errors().verify();
		}
		var series = this.graphQl.document("""
				{ calendar: indicator(code: "PY-CAL-I") { years: series { period { key } } quarters: series(granularity: QUARTER) { period { key } } }
				  october: indicator(code: "PY-OCT-I") { years: series { period { key } } quarters: series(granularity: QUARTER) { period { key } } } }""")
			.execute();
		series.path("calendar.years[*].period.key").entityList(String.class).containsExactly("2024", "2025");
		series.path("calendar.quarters[*].period.key").entityList(String.class).containsExactly("2024-Q3", "2024-Q4",
				"2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4");
		series.path("october.years[*].period.key").entityList(String.class).containsExactly("2024-09/2025-08",
				"2025-09/2026-08");
		series.path("october.quarters[*].period.key").entityList(String.class).containsExactly("2024-09/2024-11",
				"2024-12/2025-02", "2025-03/2025-05", "2025-06/2025-08", "2025-09/2025-11", "2025-12/2026-02");
	}

	/** Its years moved to begin in January would leave its targets of none of them: refused, naming each. */
	@Test
	void yearsMovedFromUnderTargetsAreRefusedAndMonthsOutOfRange() {
		expect("mutation { updateProgramme(code: \"PY\", input: {yearStart: 1}) { yearStart } }",
				"input.yearStart: Indicator PY-REACH has a target for 2024-09/2025-08, which would not be one of its"
						+ " years or quarters",
				"input.yearStart: Indicator PY-REACH has a target for 2025-09/2026-08, which would not be one of its"
						+ " years or quarters");
		expect("mutation { updateProgramme(code: \"PY\", input: {yearStart: 13}) { yearStart } }",
				"input.yearStart: A month is 1 (January) to 12 (December)");
		expect("mutation { updateProgramme(code: \"PY\", input: {yearStart: null}) { yearStart } }",
				"input.yearStart: May not be cleared; leave it out to keep it as it is");
		assertThat(this.jdbc.queryForObject("SELECT year_start FROM programme WHERE code = 'PY'", Integer.class))
			.isEqualTo(9);
		// targets gone, the years move; a quarter from December stays one of its quarters
		this.graphQl.document("mutation { setIndicatorTargets(code: \"PY-REACH\", targets: [{period:"
				+ " \"2024-12/2025-02\", value: 5}]) { code } }").execute().errors().verify();
		this.graphQl.document("mutation { updateProgramme(code: \"PY\", input: {yearStart: 3}) { yearStart } }")
			.execute()
			.path("updateProgramme.yearStart")
			.entity(Integer.class)
			.isEqualTo(3);
		assertThat(targets()).containsExactly("2024-12/2025-02");
	}

	private List<String> targets() {
		return this.jdbc.queryForList("""
				SELECT period_key FROM indicator_target t JOIN indicator i ON i.id = t.indicator_id
				WHERE i.code = 'PY-REACH' ORDER BY period_start""", String.class);
	}

	/** Each error of the document, BAD_REQUEST, in this order. */
	private void expect(String document, String... messages) {
		this.graphQl.document(document)
			.execute()
			.errors()
			.satisfy(errors -> {
				assertThat(errors).extracting(error -> error.getMessage()).containsExactly(messages);
				assertThat(errors).allMatch(error -> error.getErrorType() == ErrorType.BAD_REQUEST);
			});
	}

}
