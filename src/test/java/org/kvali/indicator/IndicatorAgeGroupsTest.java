package org.kvali.indicator;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * An indicator split by a donor's own age brackets (AGE_GROUP with {@code ageGroupStarts}), on the demo data: the
 * people trained by groups of ages at each training, and the share of young people (15 to 29) among them, against
 * the base tables; what a donor is shown and refused.
 */
@IntegrationTest
class IndicatorAgeGroupsTest {

	private static final String AGE = "(extract(YEAR FROM a.start_date)::int - pt.birth_year)";

	private static final String BRACKETS = "ageGroupStarts: [15, 25, 30]";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	Callers callers;

	@Autowired
	JdbcTemplate jdbc;

	HttpGraphQlTester donor;

	@BeforeEach
	void indicators() {
		this.donor = this.callers.as(Role.DONOR);
		// language=GraphQL
		this.graphQl.document("""
				mutation { a: createIndicator(input: {code: "IA-SHARE", programme: "EU-CSO-EQUAL",
				    name: "Share of young people among the trained", level: OUTPUT, unit: PERCENT, method: COMPUTED,
				    measure: PARTICIPANTS, filter: {activityKinds: [TRAINING], ages: {from: 15, to: 29}},
				    denominatorFilter: {activityKinds: [TRAINING]}}) { code }
				  b: createIndicator(input: {code: "IA-YEAR", programme: "EU-CSO-EQUAL", name: "Young people trained",
				    level: OUTPUT, unit: NUMBER, method: COMPUTED, measure: PARTICIPANTS, cumulative: false,
				    filter: {activityKinds: [TRAINING], ages: {from: 15, to: 29}}}) { code } }""")
			.execute()
			.path("a.code")
			.entity(String.class)
			.isEqualTo("IA-SHARE");
	}

	@AfterEach
	void clean() {
		this.jdbc.update("DELETE FROM indicator WHERE code LIKE 'IA-%'");
		this.callers.deleteKeys();
	}

	/**
	 * OUT-1.1, the people trained, split by 0 to 14, 15 to 24, 25 to 29 and 30 and over: each group counts the people
	 * of its ages at each training, the unknown last. A donor is not shown the one of 0 to 14, nor the smallest other
	 * beside it (the 9 of unknown age), so that the whole less the others does not tell it.
	 */
	@Test
	void aCountIsSplitByTheGroupsOfAgesAtEachActivity() {
		var expected = List.of("0-14 " + trained(AGE + " < 15"), "15-24 " + trained(AGE + " BETWEEN 15 AND 24"),
				"25-29 " + trained(AGE + " BETWEEN 25 AND 29"), "30-null " + trained(AGE + " >= 30"),
				"unknown " + trained("pt.birth_year IS NULL"));
		assertThat(expected).containsExactly("0-14 1", "15-24 32", "25-29 16", "30-null 80", "unknown 9");
		assertThat(groups(this.graphQl, "OUT-1.1", BRACKETS)).containsExactly("0-14 1 1.0", "15-24 32 32.0",
				"25-29 16 16.0", "30-null 80 80.0", "unknown 9 9.0");
		assertThat(groups(this.donor, "OUT-1.1", BRACKETS)).containsExactly("15-24 32 32.0", "25-29 16 16.0",
				"30-null 80 80.0");
		// the same groups as the participation breakdown over the indicator's filter
		assertThat(this.graphQl.document("{ participation(filter: {programmes: [\"EU-CSO-EQUAL\"], activityKinds:"
				+ " [TRAINING]}) { breakdown(by: [AGE_GROUP], " + BRACKETS + ") { participants } } }")
			.execute()
			.path("participation.breakdown[*].participants")
			.entityList(Integer.class)
			.get()).containsExactly(1, 32, 16, 80, 9);
	}

	/**
	 * The share of young people among the trained: its groups of 15 to 24 and 25 to 29 are all of them, and those of
	 * other ages none by the share's definition, shown at 0 % to a donor too (left out, each would take another along).
	 * Groups whose whole less its people would count 1 to 4 ages alone (25 to 31: the 30 and 31-year-olds) are refused
	 * to a donor, naming the starts, and answered to an analyst.
	 */
	@Test
	void aShareIsSplitByGroupsOfAgesAndNoneByDefinitionIsShownAtZero() {
		assertThat(trained(AGE + " BETWEEN 25 AND 31")).isEqualTo(21);
		assertThat(groups(this.graphQl, "IA-SHARE", BRACKETS)).containsExactly("0-14 0 0.0", "15-24 32 100.0",
				"25-29 16 100.0", "30-null 0 0.0", "unknown 0 0.0");
		// the 1 of 0 to 14 withheld from the whole's breakdown takes the 9 of unknown age along
		assertThat(groups(this.donor, "IA-SHARE", BRACKETS)).containsExactly("15-24 32 100.0", "25-29 16 100.0",
				"30-null 0 0.0");
		assertThat(groups(this.graphQl, "IA-SHARE", "ageGroupStarts: [15, 25, 32]")).contains("25-31 16 76.19");
		expectError(this.donor, "IA-SHARE", "ageGroupStarts: [15, 25, 32]", "ageGroupStarts", "A group of ages 25 to"
				+ " 31 would tell, as its whole less its people, the denominator's people of 2 ages alone; groups shown to"
				+ " you span 5 such ages or none: begin them where the numerator's ages begin or end, or 5 ages from"
				+ " there, or leave AGE_GROUP out where the denominator's ages beyond the numerator's are fewer than 5");
		// as a breakdown is refused groups of 1 to 4 of the ages its filter selects
		expectError(this.donor, "IA-SHARE", "ageGroupStarts: [15, 17]", "ageGroupStarts", "A group of ages 15 to 16"
				+ " would count the ages 15 to 16 of those the filter selects alone; groups shown to you span 5 ages at"
				+ " least: begin them 5 ages apart or more (the first at 5 or after), within the ages the filter"
				+ " selects");
	}

	/**
	 * OUT-1.2, the share of women among the trained (83 of 136, so 53 others), by groups from 11, 17, 29 and 40. A
	 * donor is not shown 11 to 16 (2 women of 3) nor the unknown ages (5 of 9, 4 others), whose others add up to 5;
	 * but people aged 28 and 29, or 39 and 40, at two trainings are in two groups shown, whose others add up to 50,
	 * so the 53 less those told 3. The smallest whole shown, 29 to 39's 30, is left out with them: 53 less the
	 * others of 17 to 28 (16) and 40 and over (23) tells 14.
	 */
	@Test
	void aSharesGroupsLeftOutAreWeighedAgainstItsWholeWherePeopleAreInSeveralGroups() {
		var starts = "ageGroupStarts: [11, 17, 29, 40]";
		assertThat(groups(this.graphQl, "OUT-1.2", starts)).containsExactly("11-16 2 66.66", "17-28 26 61.9",
				"29-39 19 63.33", "40-null 31 57.4", "unknown 5 55.55");
		assertThat(groups(this.donor, "OUT-1.2", starts)).containsExactly("17-28 26 61.9", "40-null 31 57.4");
	}

	/**
	 * A year of an indicator that is not cumulative, split by groups of ages, shows a donor the groups its line of
	 * years by the same groups shows: 2024's 20 and 10 (2023's 5 and 4 and 2025's 8 and 2 are withheld there).
	 */
	@Test
	void aPeriodsGroupsOfAgesAreThoseItsLineOfPeriodsShows() {
		assertThat(groups(this.graphQl, "IA-YEAR", "ageGroupStarts: [15, 25], period: \"2023\"")).containsExactly(
				"15-24 5 5.0", "25-null 4 4.0");
		var line = this.donor.document("{ indicator(code: \"IA-YEAR\") { disaggregate(by: [YEAR, AGE_GROUP],"
				+ " ageGroupStarts: [15, 25]) { group { period { key } participants } } } }")
			.execute()
			.path("indicator.disaggregate")
			.entityList(Map.class)
			.get();
		assertThat(line).extracting(group -> group.get("group").toString())
			.containsExactly("{period={key=2024}, participants=20}", "{period={key=2024}, participants=10}");
		assertThat(groups(this.donor, "IA-YEAR", "ageGroupStarts: [15, 25], period: \"2024\"")).containsExactly(
				"15-24 20 20.0", "25-null 10 10.0");
		assertThat(groups(this.donor, "IA-YEAR", "ageGroupStarts: [15, 25], period: \"2023\"")).isEmpty();
	}

	@Test
	void startsThatMakeNoGroupsAndReportedIndicatorsAreRefusedNamingTheArgument() {
		expectError(this.graphQl, "OUT-1.1", "", "ageGroupStarts", "AGE_GROUP groups ages where `ageGroupStarts`"
				+ " begins them, and it is not given: [15, 25, 30] makes the groups 0 to 14, 15 to 24, 25 to 29 and 30"
				+ " and over");
		expectError(this.graphQl, "OUT-1.1", "ageGroupStarts: [25, 15]", "ageGroupStarts",
				"ageGroupStarts ascend, each after the one before: 15 follows 25");
		this.graphQl.document("{ indicator(code: \"OUT-1.1\") { disaggregate(by: [GENDER], ageGroupStarts: [15]) {"
				+ " value } } }")
			.execute()
			.errors()
			.expect(error -> "ageGroupStarts".equals(error.getExtensions().get("argument"))
					&& error.getMessage().equals("ageGroupStarts begins the groups of AGE_GROUP, which `by` does not hold"))
			.verify();
		expectError(this.graphQl, "OUTC-2", "ageGroupStarts: [15]", "by",
				"A reported indicator is split by GENDER or by REGION alone");
	}

	/** The people at the demo programme's trainings to date of these ages, counted once each. */
	private int trained(String ages) {
		return this.jdbc.queryForObject("""
				SELECT count(DISTINCT pn.participant_id) FROM participation pn
				JOIN activity a ON a.id = pn.activity_id JOIN project pj ON pj.id = a.project_id
				JOIN programme pg ON pg.id = pj.programme_id JOIN participant pt ON pt.id = pn.participant_id
				WHERE pg.code = 'EU-CSO-EQUAL' AND a.kind = 'TRAINING' AND pn.role = 'PARTICIPANT'
				  AND a.start_date <= current_date AND\s""" + ages, Integer.class);
	}

	/** Each group of the split by AGE_GROUP as "from-to participants value", the value to two decimals at most. */
	private static List<String> groups(HttpGraphQlTester tester, String code, String arguments) {
		return tester.document("{ indicator(code: \"" + code + "\") { disaggregate(by: [AGE_GROUP], " + arguments
				+ ") { group { ageGroup { from to } participants } value } } }")
			.execute()
			.path("indicator.disaggregate")
			.entityList(Map.class)
			.get()
			.stream()
			.map(split -> {
				var group = (Map<?, ?>) split.get("group");
				var ages = group.get("ageGroup") instanceof Map<?, ?> range ? range.get("from") + "-" + range.get("to")
						: "unknown";
				var value = Math.floor((Double) split.get("value") * 100) / 100;
				return ages + " " + group.get("participants") + " " + value;
			})
			.toList();
	}

	private static void expectError(HttpGraphQlTester tester, String code, String arguments, String argument,
			String message) {
		tester.document("{ indicator(code: \"" + code + "\") { disaggregate(by: [AGE_GROUP]"
				+ (arguments.isEmpty() ? "" : ", " + arguments) + ") { value } } }")
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST
					&& argument.equals(error.getExtensions().get("argument")) && error.getMessage().equals(message))
			.verify();
	}

}
