package org.kvali.report;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kvali.Callers;
import org.kvali.IntegrationTest;
import org.kvali.access.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Participation and indicators of a range of ages (a monitoring officer's young people of 15 to 29, which the age
 * bands under 18 and 18 to 29 could not count), checked against the base tables on the demo data.
 */
@IntegrationTest
class AgeRangesTest {

	private static final String AGE = "(extract(YEAR FROM a.start_date)::int - pt.birth_year)";

	private static final String PARTICIPANTS = "pn.role = 'PARTICIPANT'";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	Callers callers;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void clean() {
		this.jdbc.update("DELETE FROM indicator WHERE code LIKE 'TA-%'");
		this.callers.deleteKeys();
	}

	@Test
	void aRangeCountsThePeopleOfItsAgesAtEachActivity() {
		var oracle = new ParticipationOracle(this.jdbc);
		assertTotals("{ages: {from: 15, to: 29}}", AGE + " BETWEEN 15 AND 29 AND " + PARTICIPANTS, oracle);
		assertTotals("{ages: {from: 60}}", AGE + " >= 60 AND " + PARTICIPANTS, oracle);
		assertTotals("{ages: {to: 17}}", AGE + " <= 17 AND " + PARTICIPANTS, oracle);
		assertTotals("{ages: {from: 29, to: 29}}", AGE + " = 29 AND " + PARTICIPANTS, oracle);
		// neither end: everyone whose age is known
		assertTotals("{ages: {}}", "pt.birth_year IS NOT NULL AND " + PARTICIPANTS, oracle);
		// with bands, those in both; with the unknown band, no one
		assertTotals("{ageBands: [AGE_18_29, AGE_45_59], ages: {from: 25, to: 50}}",
				"(" + AGE + " BETWEEN 25 AND 29 OR " + AGE + " BETWEEN 45 AND 50) AND " + PARTICIPANTS, oracle);
		assertTotals("{ageBands: [UNKNOWN], ages: {from: 15}}", "false", oracle);
		assertTotals("{genders: [FEMALE], regions: [\"GE-KK\"], ages: {from: 15, to: 29}}", "pt.gender = 'FEMALE' AND "
				+ ParticipationOracle.KEYS.get(Dimension.REGION) + " = 'GE-KK' AND " + AGE + " BETWEEN 15 AND 29 AND "
				+ PARTICIPANTS, oracle);
		// the demo data has people of such ages, and of others: the range is no filter of everyone or no one
		assertThat(oracle.totals(AGE + " BETWEEN 15 AND 29 AND " + PARTICIPANTS))
			.isNotEqualTo(oracle.totals(PARTICIPANTS))
			.doesNotStartWith("0|");
	}

	@Test
	void aBreakdownByAgeBandOfARangeHoldsTheBandsItMeets() {
		var oracle = new ParticipationOracle(this.jdbc);
		var expected = oracle.groups(List.of(Dimension.AGE_BAND), AGE + " BETWEEN 15 AND 29 AND " + PARTICIPANTS)
			.stream()
			.map(group -> group.substring(0, group.indexOf('|', group.indexOf('|') + 1)))
			.sorted()
			.toList();
		assertThat(expected).extracting(group -> group.substring(0, group.indexOf('|')))
			.containsExactly("AGE_18_29", "UNDER_18");
		var groups = this.graphQl.document("{ participation(filter: {ages: {from: 15, to: 29}}) {"
				+ " breakdown(by: [AGE_BAND]) { ageBand participations } } }")
			.execute()
			.path("participation.breakdown")
			.entityList(Map.class)
			.get()
			.stream()
			.map(group -> group.get("ageBand") + "|" + group.get("participations"))
			.sorted()
			.toList();
		assertThat(groups).isEqualTo(expected);
	}

	@Test
	void aRangeOutOfOrderOrOfNoAgeIsRefusedNamingIt() {
		expectError(Role.ADMIN, "{ages: {from: 30, to: 29}}", "The range of ages ends at 29, before it begins at 30");
		expectError(Role.ADMIN, "{ages: {from: -1}}", "An age is 0 to 150 years; -1 is none");
		expectError(Role.ANALYST, "{ages: {to: 151}}", "An age is 0 to 150 years; 151 is none");
		// beside an unknown code, both told
		caller(Role.ADMIN).document("{ participation(filter: {regions: [\"GE-QQ\"], ages: {from: 9, to: 1}}) {"
				+ " totals { participants } } }")
			.execute()
			.errors()
			.expect(error -> "filter.ages".equals(error.getExtensions().get("argument"))
					&& error.getMessage().equals("The range of ages ends at 1, before it begins at 9")
					&& "{from: 9, to: 1}".equals(error.getExtensions().get("value")))
			.expect(error -> error.getMessage().equals("No region has the code 'GE-QQ'"))
			.verify();
	}

	@Test
	void aDonorOrPartnerAsksForFiveAgesAtLeastAndAnAdminForAny() {
		var oracle = new ParticipationOracle(this.jdbc);
		var fewAges = "A range selects 5 ages at least, so that no answer counts people of one or two birth years;"
				+ " this one selects ";
		expectError(Role.DONOR, "{ages: {from: 29, to: 30}}", fewAges + "2");
		expectError(Role.PARTNER, "{ages: {from: 148, to: 150}}", fewAges + "3");
		// over the activities its organizations run, a partner sees a range of any ages, as their groups by band
		var own = "a.organizer_id = (SELECT id FROM organization WHERE code = 'CIF') AND ";
		assertThat(participants(Role.PARTNER, "{organizers: [\"CIF\"], ages: {from: 16, to: 16}}"))
			.isEqualTo(Integer.valueOf(oracle.totals(own + AGE + " = 16 AND " + PARTICIPANTS).split("\\|")[1]))
			.isPositive();
		// an open end is no few ages, whoever is that old
		caller(Role.PARTNER).document("{ participation(filter: {ages: {from: 148}}) { totals { suppressed } } }")
			.execute()
			.path("participation.totals.suppressed")
			.entity(Boolean.class)
			.isEqualTo(true);
		// within the bands named beside it: 27 to 29 of 18 to 29
		expectError(Role.DONOR, "{ageBands: [AGE_18_29], ages: {from: 27, to: 40}}", "A range selects 5 ages at least"
				+ " within the age bands named beside it, so that no answer counts people of one or two birth years;"
				+ " this one selects 3");
		var five = oracle.totals(AGE + " BETWEEN 25 AND 29 AND " + PARTICIPANTS).split("\\|")[1];
		assertThat(participants(Role.DONOR, "{ages: {from: 25, to: 29}}")).isEqualTo(Integer.valueOf(five));
		// a range selects people by what they are: the activities they came to are not counted to a donor
		caller(Role.DONOR).document("{ participation(filter: {ages: {from: 15, to: 29}}) { totals { activities } } }")
			.execute()
			.path("participation.totals.activities")
			.valueIsNull();
		assertThat(participants(Role.ADMIN, "{ages: {from: 29, to: 29}}"))
			.isEqualTo(Integer.valueOf(oracle.totals(AGE + " = 29 AND " + PARTICIPANTS).split("\\|")[1]));
	}

	@Test
	void aDonorsGroupsByAgeBandSpanFiveAgesOfTheRangeEach() {
		var byBand = "A group of %s would count the ages %s of the range %s alone; groups shown to you span 5 ages at"
				+ " least: leave AGE_BAND out, or split a range that meets each band in 5 ages or none";
		// ages 14 to 18 by band told the 18-year-olds (a tester's); 15 to 29 by gender and band, those of 15 to 17
		expectByError(Role.DONOR, "{ages: {from: 14, to: 18}}", "breakdown(by: [AGE_BAND]) { participants }",
				byBand.formatted("UNDER_18", "14 to 17", "14 to 18"));
		expectByError(Role.PARTNER, "{ages: {from: 15, to: 29}}",
				"breakdown(by: [GENDER, AGE_BAND]) { participants }", byBand.formatted("UNDER_18", "15 to 17", "15 to 29"));
		expectByError(Role.DONOR, "{ages: {from: 20, to: 61}}", "withheld(by: [AGE_BAND])",
				byBand.formatted("AGE_60_PLUS", "60 to 61", "20 to 61"));
		// a band named beside the range, or one it meets in 5 ages, is grouped
		var oracle = new ParticipationOracle(this.jdbc);
		assertThat(bands(Role.DONOR, "{ageBands: [AGE_18_29], ages: {from: 15, to: 29}}"))
			.containsExactly("AGE_18_29 " + oracle.totals(AGE + " BETWEEN 18 AND 29 AND " + PARTICIPANTS).split("\\|")[1]);
		assertThat(bands(Role.DONOR, "{ages: {from: 13, to: 29}}")).extracting(band -> band.split(" ")[0])
			.containsExactly("UNDER_18", "AGE_18_29");
		// an analyst is told any
		assertThat(bands(Role.ANALYST, "{ages: {from: 14, to: 18}}")).containsExactly(
				"UNDER_18 " + oracle.totals(AGE + " BETWEEN 14 AND 17 AND " + PARTICIPANTS).split("\\|")[1],
				"AGE_18_29 " + oracle.totals(AGE + " = 18 AND " + PARTICIPANTS).split("\\|")[1]);
	}

	@Test
	void anIndicatorCountsYoungPeopleOfFifteenToTwentyNine() {
		// language=GraphQL
		var created = this.graphQl.document("""
				mutation { createIndicator(input: {code: "TA-YOUTH", programme: "EU-CSO-EQUAL",
				    name: "Young people aged 15 to 29 trained", level: OUTPUT, unit: NUMBER, method: COMPUTED,
				    measure: PARTICIPANTS, cumulative: true, filter: {activityKinds: [TRAINING], ages: {from: 15, to: 29}}})
				  { filter { ages { from to } ageBands } actual } }""").execute();
		created.path("createIndicator.filter.ages.from").entity(Integer.class).isEqualTo(15);
		created.path("createIndicator.filter.ages.to").entity(Integer.class).isEqualTo(29);
		created.path("createIndicator.filter.ageBands").valueIsNull();
		int expected = this.jdbc.queryForObject("""
				SELECT count(DISTINCT pn.participant_id) FROM participation pn
				JOIN activity a ON a.id = pn.activity_id JOIN project pj ON pj.id = a.project_id
				JOIN programme pg ON pg.id = pj.programme_id JOIN participant pt ON pt.id = pn.participant_id
				WHERE pg.code = 'EU-CSO-EQUAL' AND a.kind = 'TRAINING' AND pn.role = 'PARTICIPANT'
				  AND a.start_date <= current_date AND %s BETWEEN 15 AND 29""".formatted(AGE), Integer.class);
		assertThat(expected).isPositive();
		created.path("createIndicator.actual").entity(Double.class).isEqualTo((double) expected);
		assertThat(this.jdbc.queryForObject("SELECT CAST(filter AS jsonb) -> 'ages' FROM indicator WHERE code = 'TA-YOUTH'",
				String.class)).isEqualTo("{\"to\": 29, \"from\": 15}");
		// a donor splits it by gender, not by band: its UNDER_18 would be of 15 to 17 alone
		// of its women, men and two of other genders, the 1 and 1 withheld, and the men beside them, which the total
		// less the women would tell
		var byGender = this.jdbc.queryForList("""
				SELECT pt.gender || ' ' || count(DISTINCT pn.participant_id) FROM participation pn
				JOIN activity a ON a.id = pn.activity_id JOIN project pj ON pj.id = a.project_id
				JOIN programme pg ON pg.id = pj.programme_id JOIN participant pt ON pt.id = pn.participant_id
				WHERE pg.code = 'EU-CSO-EQUAL' AND a.kind = 'TRAINING' AND pn.role = 'PARTICIPANT'
				  AND a.start_date <= current_date AND %s BETWEEN 15 AND 29
				GROUP BY pt.gender ORDER BY pt.gender""".formatted(AGE), String.class);
		assertThat(byGender).containsExactly("FEMALE 30", "MALE 15", "OTHER 1", "UNDISCLOSED 1");
		var donor = caller(Role.DONOR);
		var split = donor.document("{ indicator(code: \"TA-YOUTH\") { disaggregate(by: [GENDER]) { group { gender }"
				+ " value } } }").execute();
		split.path("indicator.disaggregate[*].group.gender").entityList(String.class).containsExactly("FEMALE");
		split.path("indicator.disaggregate[*].value").entityList(Double.class).containsExactly(30.0);
		donor.document("{ indicator(code: \"TA-YOUTH\") { disaggregate(by: [AGE_BAND]) { value } } }")
			.execute()
			.errors()
			.expect(error -> "by".equals(error.getExtensions().get("argument"))
					&& error.getMessage().startsWith("A group of UNDER_18 would count the ages 15 to 17 of the range"))
			.verify();
		// donors read indicators: one of fewer than 5 ages is refused whoever defines it, within the bands beside it
		// and within a share's denominator too
		var fewAges = "A range selects 5 ages at least%s, so that no answer counts people of one or two birth years;"
				+ " this one selects %d";
		var share = "a share's people and the rest of its denominator's are of 5 ages at least each, so that no answer"
				+ " counts people of one or two birth years";
		for (var refused : List.of(
				List.of("filter: {ages: {from: 29, to: 29}}", "input.filter.ages: " + fewAges.formatted("", 1)),
				List.of("filter: {ageBands: [UNDER_18], ages: {from: 30}}", "input.filter.ages: "
						+ fewAges.formatted(" within the age bands named beside it", 0)),
				List.of("unit: PERCENT, filter: {ages: {from: 15, to: 29}}, denominatorFilter: {ages: {from: 27, to: 40}}",
						"input.filter.ages: Counted within the denominator's ages, the filter selects 3 ages: " + share),
				// the rest of a share is of 1 to 4 ages: 18 and over of 17 and over told the 17-year-olds (a tester's)
				List.of("unit: PERCENT, filter: {ages: {from: 18}}, denominatorFilter: {ages: {from: 17}}",
						"input.denominatorFilter.ages: The denominator's people the filter leaves out are of 1 age alone,"
								+ " which the share would tell as its rest: " + share),
				List.of("unit: PERCENT, filter: {ageBands: [UNDER_18]}, denominatorFilter: {ages: {from: 13, to: 18}}",
						"input.denominatorFilter.ages: The denominator's people the filter leaves out are of 1 age"
								+ " alone, which the share would tell as its rest: " + share))) {
			var definition = refused.get(0).startsWith("unit") ? refused.get(0) : "unit: NUMBER, " + refused.get(0);
			this.graphQl.document("mutation { createIndicator(input: {code: \"TA-FEW\", programme: \"EU-CSO-EQUAL\","
					+ " name: \"Few\", level: OUTPUT, method: COMPUTED, measure: PARTICIPANTS, " + definition
					+ "}) { code } }")
				.execute()
				.errors()
				.expect(error -> refused.get(1).startsWith(error.getExtensions().get("argument") + ": ")
						&& error.getMessage().equals(refused.get(1)))
				.verify();
		}
		// two open ends of the same side are joined (they failed with an internal error: a tester's): of the people of
		// a known age, those 18 or older at some activity
		var adults = this.jdbc.queryForObject("""
				SELECT ARRAY[count(DISTINCT pn.participant_id) FILTER (WHERE %s >= 18),
				             count(DISTINCT pn.participant_id) FILTER (WHERE pt.birth_year IS NOT NULL)]
				FROM participation pn JOIN activity a ON a.id = pn.activity_id
				JOIN participant pt ON pt.id = pn.participant_id
				WHERE %s AND a.start_date <= current_date""".formatted(AGE, PARTICIPANTS),
				(row, n) -> List.of((Long[]) row.getArray(1).getArray()));
		assertThat(adults).containsExactly(283L, 292L);
		this.graphQl.document("mutation { createIndicator(input: {code: \"TA-OPEN\", programme: \"EU-CSO-EQUAL\","
				+ " name: \"Adults among those of known age\", level: OUTPUT, method: COMPUTED, measure: PARTICIPANTS,"
				+ " unit: PERCENT, filter: {ages: {from: 18}}, denominatorFilter: {ages: {}}}) { actual } }")
			.execute()
			.path("createIndicator.actual")
			.entity(Double.class)
			.isEqualTo(100.0 * 283 / 292);
		// 20 and over of everyone, split by band, would tell the 18 and 19-year-olds as AGE_18_29's whole less its
		// people (a review's): refused to a donor, told an admin
		this.graphQl.document("mutation { createIndicator(input: {code: \"TA-TWENTY\", programme: \"EU-CSO-EQUAL\","
				+ " name: \"Share of 20 and over\", level: OUTPUT, method: COMPUTED, measure: PARTICIPANTS,"
				+ " unit: PERCENT, filter: {ages: {from: 20}}, denominatorFilter: {}}) { code } }").execute()
			.path("createIndicator.code")
			.hasValue();
		donor.document("{ indicator(code: \"TA-TWENTY\") { disaggregate(by: [GENDER, AGE_BAND]) { value } } }")
			.execute()
			.errors()
			.expect(error -> "by".equals(error.getExtensions().get("argument")) && error.getMessage()
				.equals("A group of AGE_18_29 would tell, as its whole less its people, the denominator's people of 2"
						+ " ages alone; groups shown to you span 5 ages at least: leave AGE_BAND out"))
			.verify();
		assertThat(donor.document("{ indicator(code: \"TA-TWENTY\") { disaggregate(by: [GENDER]) { value } } }")
			.execute().path("indicator.disaggregate").entityList(Object.class).get()).isNotEmpty();
		assertThat(this.graphQl.document("{ indicator(code: \"TA-TWENTY\") { disaggregate(by: [AGE_BAND]) {"
				+ " group { ageBand } } } }").execute().path("indicator.disaggregate[*].group.ageBand")
			.entityList(String.class).get()).contains("AGE_18_29", "AGE_30_44");
		// a share whose filter and denominator hold no age in common is 0 % always: refused
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "TA-SHARE", programme: "EU-CSO-EQUAL", name: "Share",
				    level: OUTPUT, unit: PERCENT, method: COMPUTED, measure: PARTICIPANTS,
				    filter: {ages: {from: 15, to: 29}}, denominatorFilter: {ages: {from: 30}}}) { code } }""")
			.execute()
			.errors()
			.expect(error -> "input.filter.ages".equals(error.getExtensions().get("argument"))
					&& error.getMessage().startsWith("input.filter.ages: The filter and the denominator select no"
							+ " participation in common (by ages)"))
			.verify();
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "TA-BAD", programme: "EU-CSO-EQUAL", name: "Bad",
				    level: OUTPUT, unit: NUMBER, method: COMPUTED, measure: PARTICIPANTS,
				    filter: {ages: {from: 29, to: 15}}}) { code } }""")
			.execute()
			.errors()
			.expect(error -> "input.filter.ages".equals(error.getExtensions().get("argument"))
					&& error.getMessage().equals("input.filter.ages: The range of ages ends at 15, before it begins at 29"))
			.verify();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM indicator WHERE code IN ('TA-SHARE', 'TA-BAD', 'TA-FEW')",
				Integer.class)).isZero();
	}

	private void assertTotals(String filter, String where, ParticipationOracle oracle) {
		var totals = this.graphQl.document("{ participation(filter: " + filter
				+ ") { totals { participations participants activities organizations } } }")
			.execute()
			.path("participation.totals")
			.entity(Measures.class)
			.get();
		assertThat(totals.participations() + "|" + totals.participants() + "|" + totals.activities() + "|"
				+ totals.organizations()).as("totals for %s", filter).isEqualTo(oracle.totals(where));
	}

	private Integer participants(Role role, String filter) {
		return caller(role).document("{ participation(filter: " + filter + ") { totals { participants } } }")
			.execute()
			.path("participation.totals.participants")
			.entity(Integer.class)
			.get();
	}

	/** Each group of the breakdown by age band as the role sees it: its band and participants. */
	private List<String> bands(Role role, String filter) {
		return caller(role).document("{ participation(filter: " + filter
				+ ") { breakdown(by: [AGE_BAND]) { ageBand participants } } }")
			.execute()
			.path("participation.breakdown")
			.entityList(Map.class)
			.get()
			.stream()
			.map(group -> group.get("ageBand") + " " + group.get("participants"))
			.toList();
	}

	/** The field of participation refused naming `by`, the totals beside it answered. */
	private void expectByError(Role role, String filter, String field, String message) {
		var response = caller(role).document("{ participation(filter: " + filter + ") { totals { participations } "
				+ field + " } }").execute();
		response.errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST
					&& "by".equals(error.getExtensions().get("argument")) && error.getMessage().equals(message))
			.verify();
		response.path("participation.totals.participations").entity(Integer.class).satisfies(total ->
				assertThat(total).isPositive());
	}

	private void expectError(Role role, String filter, String message) {
		caller(role).document("{ participation(filter: " + filter + ") { totals { participants } } }")
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST
					&& "filter.ages".equals(error.getExtensions().get("argument")) && error.getMessage().equals(message))
			.verify();
	}

	/** A caller in the role; a PARTNER acts for CIF. */
	private HttpGraphQlTester caller(Role role) {
		return role == Role.PARTNER ? this.callers.as(role, "CIF") : this.callers.as(role);
	}

}
