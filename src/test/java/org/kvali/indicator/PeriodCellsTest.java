package org.kvali.indicator;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kvali.Callers;
import org.kvali.IntegrationTest;
import org.kvali.access.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A donor sees an indicator's value of one period as its group in its parent's breakdown by such periods, and no
 * more through splits, statuses or the IATI file: participations of people with a disability, on the demo data
 * (2023 20, 2024 21, 2025 25; 2025's quarters 2, 8, 9, 6, of which a donor is shown the third: the people of the
 * second and third beside the year's told 1 who came in neither).
 */
@IntegrationTest
class PeriodCellsTest {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	Callers callers;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	HttpGraphQlTester donor;

	HttpGraphQlTester analyst;

	@BeforeEach
	void indicators() {
		this.donor = this.callers.as(Role.DONOR);
		this.analyst = this.callers.as(Role.ANALYST);
		define("PC-DIS", "{disability: true}");
	}

	@AfterEach
	void clean() {
		this.jdbc.update("DELETE FROM indicator WHERE code LIKE 'PC-%'");
		this.callers.deleteKeys();
	}

	/**
	 * A withheld period is not split: its groups added up to it (a tester's one-group split by YEAR of a withheld
	 * quarter told its 32), and by quarter or month a donor asks one year at a time, as each year's are shown.
	 */
	@Test
	void aWithheldPeriodIsNotSplitAndQuartersAreSplitAYearAtATime() {
		var split = """
				{ indicator(code: "PC-DIS") { q1: disaggregate(by: [PROJECT], period: "2025-Q1") { value }
				    q3: disaggregate(by: [QUARTER], period: "2025-Q3") { value } } }""";
		var donor = this.donor.document(split).execute();
		donor.path("indicator.q1").entityList(Object.class).hasSize(0);
		donor.path("indicator.q3[*].value").entityList(Double.class).containsExactly(9.0);
		this.analyst.document(split).execute().path("indicator.q1[*].value").entityList(Double.class).containsExactly(2.0);
		// a quarter by YEAR gave its count under the year's name (a tester's: 2024 at 157 of 260), and a month by
		// QUARTER the month's under the quarter's: refused, to every caller
		for (var asked : List.of(List.of("YEAR", "2025-Q3", "2025"), List.of("QUARTER", "2025-07", "2025-Q3"))) {
			this.analyst.document("{ indicator(code: \"PC-DIS\") { disaggregate(by: [" + asked.get(0) + "], period: \""
					+ asked.get(1) + "\") { value } } }").execute().errors()
				.expect(error -> "by".equals(error.getExtensions().get("argument")) && error.getMessage().equals(
						"A split of " + asked.get(1) + " by " + asked.get(0) + " would give its count under the name of"
								+ " the longer period it lies in: split it by periods no longer than it, or ask for that"
								+ " period (period: \"" + asked.get(2) + "\")"))
				.verify();
		}
		var toDate = "{ indicator(code: \"PC-DIS\") { disaggregate(by: [QUARTER]) { value } } }";
		this.donor.document(toDate).execute().errors()
			.expect(error -> error.getMessage().equals("Split by QUARTER or MONTH one year at a time (period: \"2025\"):"
					+ " each year's quarters and months are shown as that year's breakdown shows them")
					&& error.getErrorType().toString().equals("BAD_REQUEST"))
			.verify();
		this.analyst.document(toDate).execute().path("indicator.disaggregate[*].value").entityList(Double.class)
			.containsExactly(7.0, 3.0, 5.0, 5.0, 7.0, 3.0, 10.0, 1.0, 2.0, 8.0, 9.0, 6.0);
		// with another dimension, no group of a withheld quarter (its groups by gender added up to it; a reviewer's)
		var byGender = """
				{ indicator(code: "PC-DIS") { disaggregate(by: [QUARTER, GENDER], period: "2025") {
				    group { period { key } } } } }""";
		this.donor.document(byGender).execute().path("indicator.disaggregate[*].group.period.key")
			.entityList(String.class)
			.satisfies(quarters -> assertThat(quarters).doesNotContain("2025-Q1", "2025-Q4"));
		this.analyst.document(byGender).execute().path("indicator.disaggregate[*].group.period.key")
			.entityList(String.class)
			.satisfies(quarters -> assertThat(quarters).contains("2025-Q1", "2025-Q4"));
		// a cumulative indicator's values are no period's own: split by quarter to date as before, every quarter from
		// the programme's start (2023) weighed in one line against its 16 people: of the quarters' 6, 3, 5, 4; 6, 2, 8,
		// 1; 2, 7, 7, 6 people, the five under 5 are withheld (12 people, so none more); and each year's quarters
		// against the year's 13, 13 and 15 people, which a split by year tells: 2023's 6 and 5 shown told 2 more, so
		// its 5 too; 2024's 2 and 1 are 3, so its 6 too; 2025's 2 alone, so its 6, and then 7 and 7 of 15 told 1
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "PC-CUM", programme: "EU-CSO-EQUAL", name: "Few", level: OUTPUT,
				    unit: NUMBER, method: COMPUTED, measure: PARTICIPATIONS, cumulative: true,
				    filter: {disability: true}}) { code } }""").execute();
		var cumulative = this.donor.document("{ indicator(code: \"PC-CUM\") { disaggregate(by: [QUARTER],"
				+ " period: \"2025\") { group { period { key } } value } } }").execute();
		cumulative.path("indicator.disaggregate[*].group.period.key").entityList(String.class)
			.containsExactly("2023-Q1", "2024-Q3", "2025-Q3");
		cumulative.path("indicator.disaggregate[*].value").entityList(Double.class)
			.containsExactly(7.0, 10.0, 9.0);
		// and by a longer period, refused as another's (its last group named 2025 held January to September)
		this.analyst.document("{ indicator(code: \"PC-CUM\") { disaggregate(by: [YEAR], period: \"2025-Q3\") {"
				+ " value } } }").execute().errors()
			.expect(error -> "by".equals(error.getExtensions().get("argument"))
					&& error.getMessage().startsWith("A split of 2025-Q3 by YEAR would give its count under the name"))
			.verify();
	}

	/**
	 * The quarters of a year withheld are withheld too: shown, they added up to the year, and the total minus it told
	 * the other (a reviewer's). Counted from 2023-11-01, 2023 has 3, so 2024 is withheld beside it; and 2025 too, as
	 * its 15 people beside the 16 of all years told the one who came in 2023 or 2024 alone.
	 */
	@Test
	void theQuartersOfAWithheldYearAreWithheld() {
		define("PC-LATE", "{disability: true, from: \"2023-11-01\"}");
		var query = """
				{ indicator(code: "PC-LATE") { y23: actual(period: "2023") y24: actual(period: "2024")
				    y25: actual(period: "2025") q3: actual(period: "2024-Q3") m: actual(period: "2024-08") } }""";
		var analyst = this.analyst.document(query).execute();
		analyst.path("indicator.y23").entity(Double.class).isEqualTo(3.0);
		analyst.path("indicator.y24").entity(Double.class).isEqualTo(21.0);
		analyst.path("indicator.q3").entity(Double.class).isEqualTo(10.0);
		// 2023's 3 is withheld, and 2024, the next smallest, beside it: its quarters and months with it
		var donor = this.donor.document(query).execute();
		donor.path("indicator.y23").valueIsNull();
		donor.path("indicator.y24").valueIsNull();
		donor.path("indicator.y25").valueIsNull();
		analyst.path("indicator.y25").entity(Double.class).isEqualTo(25.0);
		donor.path("indicator.q3").valueIsNull();
		donor.path("indicator.m").valueIsNull();
		// nor split by year and gender: 2025's women and men beside the total told 2024 (a reviewer's)
		var byGender = "{ indicator(code: \"PC-LATE\") { disaggregate(by: [YEAR, GENDER]) { group { period { key } } } } }";
		this.donor.document(byGender).execute().path("indicator.disaggregate[*].group.period.key")
			.entityList(String.class)
			.satisfies(years -> assertThat(years).isEmpty());
		this.analyst.document(byGender).execute().path("indicator.disaggregate[*].group.period.key")
			.entityList(String.class)
			.satisfies(years -> assertThat(years).contains("2023", "2024", "2025"));
		// a status judging the withheld year, on a day part-way or on its last day or later, is withheld with it
		this.graphQl.document("mutation { setIndicatorTargets(code: \"PC-LATE\", targets: [{period: \"2024\","
				+ " value: 30}]) { code } }").execute().path("setIndicatorTargets.code").entity(String.class)
			.isEqualTo("PC-LATE");
		var statuses = """
				{ indicator(code: "PC-LATE") { running: status(asOf: "2024-06-30") last: status(asOf: "2024-12-31")
				    after: status(asOf: "2025-03-01") } }""";
		var donorStatuses = this.donor.document(statuses).execute();
		donorStatuses.path("indicator.running").valueIsNull();
		donorStatuses.path("indicator.last").valueIsNull();
		donorStatuses.path("indicator.after").valueIsNull();
		var analystStatuses = this.analyst.document(statuses).execute();
		analystStatuses.path("indicator.running").entity(String.class).isEqualTo("AT_RISK");
		analystStatuses.path("indicator.last").entity(String.class).isEqualTo("AT_RISK");
		analystStatuses.path("indicator.after").entity(String.class).isEqualTo("NOT_ACHIEVED");
	}

	/**
	 * A value part-way through its period, to a day before today, is withheld from a donor: to 31 March 2024 it was
	 * the first quarter's 7, withheld beside the second's 3 and the fourth's 1 (a tester's, by {@code current(asOf:)}
	 * beside {@code actual(period:)}); the year to its last day is the year's 21, shown.
	 */
	@Test
	void aValuePartWayToAnEarlierDayIsWithheldBesideItsQuarters() {
		this.graphQl.document("mutation { setIndicatorTargets(code: \"PC-DIS\", targets: [{period: \"2024\","
				+ " value: 24}]) { code } }").execute().path("setIndicatorTargets.code").entity(String.class)
			.isEqualTo("PC-DIS");
		var query = """
				{ indicator(code: "PC-DIS") { q1: actual(period: "2024-Q1") q3: actual(period: "2024-Q3")
				    march: current(asOf: "2024-03-31") { actual progress status }
				    year: current(asOf: "2024-12-31") { actual status } } }""";
		var analyst = this.analyst.document(query).execute();
		analyst.path("indicator.q1").entity(Double.class).isEqualTo(7.0);
		analyst.path("indicator.march.actual").entity(Double.class).isEqualTo(7.0);
		analyst.path("indicator.march.status").entity(String.class).isEqualTo("ON_TRACK");
		analyst.path("indicator.year.actual").entity(Double.class).isEqualTo(21.0);
		var donor = this.donor.document(query).execute();
		donor.path("indicator.q1").valueIsNull();
		donor.path("indicator.q3").entity(Double.class).isEqualTo(10.0);
		donor.path("indicator.march.actual").valueIsNull();
		donor.path("indicator.march.progress").valueIsNull();
		donor.path("indicator.march.status").valueIsNull();
		donor.path("indicator.year.actual").entity(Double.class).isEqualTo(21.0);
		donor.path("indicator.year.status").entity(String.class).isEqualTo("ON_TRACK");
	}

	/**
	 * The IATI file shows a donor's actuals: its women and men, counted as indicators of the same code, had their
	 * quarters decided by the women's breakdown, and the fourth quarter of 2025, withheld from the donor, was in the
	 * file (a tester's).
	 */
	@Test
	void theIatiFileShowsThePeriodsADonorIsShown() throws Exception {
		this.graphQl.document("""
				mutation { setIndicatorTargets(code: "PC-DIS", targets: [{period: "2025-Q1", value: 5},
				    {period: "2025-Q2", value: 5}, {period: "2025-Q3", value: 5}, {period: "2025-Q4", value: 5}]) { code } }""")
			.execute();
		var file = this.mvc.perform(get("/iati/activities.xml").param("programme", "EU-CSO-EQUAL"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		var result = file.substring(file.indexOf("code=\"PC-DIS\""));
		result = result.substring(0, result.indexOf("</result>"));
		var actuals = new ArrayList<String>();
		var period = Pattern.compile("<period>(.*?)</period>", Pattern.DOTALL).matcher(result);
		while (period.find()) {
			var actual = Pattern.compile("<actual value=\"([^\"]*)\"").matcher(period.group(1));
			actuals.add(actual.find() ? actual.group(1) : null);
		}
		assertThat(actuals).containsExactly(null, null, "9", null);
	}

	private void define(String code, String filter) {
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "%s", programme: "EU-CSO-EQUAL", name: "Few", level: OUTPUT,
				    unit: NUMBER, method: COMPUTED, measure: PARTICIPATIONS, cumulative: false, filter: %s}) { code } }"""
			.formatted(code, filter)).execute().path("createIndicator.code").entity(String.class).isEqualTo(code);
	}

}
