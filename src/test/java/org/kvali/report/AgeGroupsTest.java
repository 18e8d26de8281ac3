package org.kvali.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kvali.Callers;
import org.kvali.IntegrationTest;
import org.kvali.access.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A breakdown by groups of ages the question gives (a donor's brackets of 15 to 24 and 25 to 29, which the age bands
 * cannot count), checked against the base tables on the demo data; the fast path's agreement with the SQL path is
 * {@link FastPathDifferentialTest}'s.
 */
@IntegrationTest
class AgeGroupsTest {

	private static final String AGE = "(extract(YEAR FROM a.start_date)::int - pt.birth_year)";

	private static final String PARTICIPANTS = "pn.role = 'PARTICIPANT'";

	private static final String FIVE_AGES = "groups shown to you span 5 ages at least: begin them 5 ages apart or"
			+ " more (the first at 5 or after)";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	Callers callers;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void clean() {
		this.callers.deleteKeys();
	}

	@Test
	void eachPersonIsCountedInTheGroupOfTheirAgeAtEachActivity() {
		var oracle = new ParticipationOracle(this.jdbc);
		var expected = new ArrayList<String>();
		for (var group : List.of(List.of("0", "14"), List.of("15", "24"), List.of("25", "29"), List.of("30", "null"))) {
			var where = AGE + " >= " + group.get(0) + (group.get(1).equals("null") ? "" : " AND " + AGE + " <= "
					+ group.get(1)) + " AND " + PARTICIPANTS;
			expected.add(group.get(0) + "-" + group.get(1) + " " + measures(oracle.totals(where)));
		}
		expected.add("unknown " + measures(oracle.totals("pt.birth_year IS NULL AND " + PARTICIPANTS)));
		// the demo data has people in every group but the youngest: the groups are no split of everyone into one
		assertThat(expected).filteredOn(group -> !group.endsWith(" 0|0")).hasSizeGreaterThanOrEqualTo(4);
		var groups = groups(this.graphQl, "{}", "by: [AGE_GROUP], ageGroupStarts: [15, 25, 30]");
		assertThat(groups).isEqualTo(expected.stream().filter(group -> !group.endsWith(" 0|0")).toList());
		// no starts: one group of every known age, and the unknown
		assertThat(groups(this.graphQl, "{}", "by: [AGE_GROUP], ageGroupStarts: []")).containsExactly(
				"0-null " + measures(oracle.totals("pt.birth_year IS NOT NULL AND " + PARTICIPANTS)),
				"unknown " + measures(oracle.totals("pt.birth_year IS NULL AND " + PARTICIPANTS)));
		// beside a range of the filter, the groups hold its ages: 15 to 29 in 15 to 19 and 20 and over
		assertThat(groups(this.graphQl, "{ages: {from: 15, to: 29}}", "by: [AGE_GROUP], ageGroupStarts: [20]"))
			.containsExactly("0-19 " + measures(oracle.totals(AGE + " BETWEEN 15 AND 19 AND " + PARTICIPANTS)),
					"20-null " + measures(oracle.totals(AGE + " BETWEEN 20 AND 29 AND " + PARTICIPANTS)));
	}

	@Test
	void groupsAreOrderedYoungestFirstOrLastAndTheUnknownLastEitherWay() {
		var ascending = groups(this.graphQl, "{}", "by: [AGE_GROUP], ageGroupStarts: [18, 30]");
		var descending = groups(this.graphQl, "{}",
				"by: [AGE_GROUP], ageGroupStarts: [18, 30], orderBy: [{by: AGE_GROUP, direction: DESC}]");
		assertThat(ascending).extracting(group -> group.split(" ")[0]).containsExactly("0-17", "18-29", "30-null",
				"unknown");
		assertThat(descending).extracting(group -> group.split(" ")[0]).containsExactly("30-null", "18-29", "0-17",
				"unknown");
		// the bands' starts make the bands' groups
		var bands = this.graphQl.document("{ participation { breakdown(by: [AGE_BAND]) { participations participants"
				+ " } } }").execute().path("participation.breakdown").entityList(Map.class).get();
		assertThat(groups(this.graphQl, "{}", "by: [AGE_GROUP], ageGroupStarts: [18, 30, 45, 60]"))
			.extracting(group -> group.split(" ")[1])
			.isEqualTo(bands.stream().map(band -> band.get("participations") + "|" + band.get("participants")).toList());
	}

	@Test
	void startsThatMakeNoGroupsAreRefusedNamingTheArgument() {
		expectError(Role.ADMIN, "breakdown(by: [AGE_GROUP]) { participants }", "ageGroupStarts",
				"AGE_GROUP groups ages where `ageGroupStarts` begins them, and it is not given: [15, 25, 30] makes the"
						+ " groups 0 to 14, 15 to 24, 25 to 29 and 30 and over");
		expectError(Role.ADMIN, "breakdown(by: [GENDER], ageGroupStarts: [15]) { participants }", "ageGroupStarts",
				"ageGroupStarts begins the groups of AGE_GROUP, which `by` does not hold");
		expectError(Role.ANALYST, "withheld(by: [AGE_GROUP, AGE_BAND], ageGroupStarts: [15])", "by",
				"Group by AGE_GROUP or by AGE_BAND, not both: groups that begin at the bands' starts (18, 30, 45, 60)"
						+ " and others split the bands");
		expectError(Role.ADMIN, "breakdown(by: [AGE_GROUP], ageGroupStarts: [25, 15]) { participants }",
				"ageGroupStarts", "ageGroupStarts ascend, each after the one before: 15 follows 25");
		expectError(Role.ADMIN, "breakdown(by: [AGE_GROUP], ageGroupStarts: [15, 15]) { participants }",
				"ageGroupStarts", "ageGroupStarts ascend, each after the one before: 15 follows 15");
		expectError(Role.ADMIN, "breakdown(by: [AGE_GROUP], ageGroupStarts: [0, 15]) { participants }",
				"ageGroupStarts", "A group of ages after the first begins at 1 to 150; 0 is none");
		expectError(Role.ADMIN, "breakdown(by: [AGE_GROUP], ageGroupStarts: [151]) { participants }",
				"ageGroupStarts", "A group of ages after the first begins at 1 to 150; 151 is none");
		var many = new StringBuilder();
		for (int start = 5; start <= 105; start += 5) {
			many.append(many.isEmpty() ? "" : ", ").append(start);
		}
		expectError(Role.ADMIN, "breakdown(by: [AGE_GROUP], ageGroupStarts: [" + many + "]) { participants }",
				"ageGroupStarts", "ageGroupStarts holds 20 starts at most; 21 were given");
	}

	@Test
	void aDonorsGroupsSpanFiveOfTheAgesItsFilterSelectsEach() {
		// 15 and 16 alone would tell those two birth years; so would 27 to 29 of a filter of 15 to 29
		expectError(Role.DONOR, "breakdown(by: [AGE_GROUP], ageGroupStarts: [15, 17]) { participants }",
				"ageGroupStarts", "A group of ages 15 to 16 would count the ages 15 to 16 alone; " + FIVE_AGES);
		expectError(Role.DONOR, "withheld(by: [AGE_GROUP], ageGroupStarts: [3])", "ageGroupStarts",
				"A group of ages 0 to 2 would count the ages 0 to 2 alone; " + FIVE_AGES);
		expectError(Role.PARTNER, "{ages: {from: 15, to: 29}}", "breakdown(by: [GENDER, AGE_GROUP],"
				+ " ageGroupStarts: [20, 27]) { participants }", "ageGroupStarts", "A group of ages 27 and over would"
						+ " count the ages 27 to 29 of those the filter selects alone; " + FIVE_AGES
						+ ", within the ages the filter selects");
		expectError(Role.DONOR, "{ageBands: [UNDER_18]}", "breakdown(by: [AGE_GROUP], ageGroupStarts: [15])"
				+ " { participants }", "ageGroupStarts", "A group of ages 15 and over would count the ages 15 to 17"
						+ " of those the filter selects alone; " + FIVE_AGES + ", within the ages the filter selects");
		// groups the filter leaves empty, or meets in 5 ages, are counted, and those of fewer than 5 people withheld
		var admin = groups(this.graphQl, "{ages: {from: 15, to: 29}}", "by: [AGE_GROUP], ageGroupStarts: [10, 15, 25]");
		var donor = groups(caller(Role.DONOR), "{ages: {from: 15, to: 29}}",
				"by: [AGE_GROUP], ageGroupStarts: [10, 15, 25]");
		assertThat(admin).extracting(group -> group.split(" ")[0]).containsExactly("15-24", "25-null");
		assertThat(donor).isEqualTo(admin.stream()
			.filter(group -> Integer.parseInt(group.split("[ |]")[2]) >= 5)
			.toList()).isNotEmpty();
		// a tester's two activities of 2024 and 2025: 22 people, 18 of 25 and over, the others in groups of 2, 2 and 1
		// (one of them 19 at one and 20 at the other): the totals less the one group shown told 4 people
		var twoYears = "{activities: [\"CMP-2024-BORJOMI\", \"WS-2025-BORJOMI\"]}";
		assertThat(groups(this.graphQl, twoYears, "by: [AGE_GROUP], ageGroupStarts: [20, 25]"))
			.containsExactly("0-19 3|2", "20-24 3|2", "25-null 25|18", "unknown 2|1");
		assertThat(participants(this.graphQl, twoYears)).isEqualTo(22);
		assertThat(groups(caller(Role.DONOR), twoYears, "by: [AGE_GROUP], ageGroupStarts: [20, 25]")).isEmpty();
		// nor a line of two dimensions against the breakdown by one beside it (a tester's): 6 people with a
		// disability aged 25 to 39, in cells of years of 4, 4 and 5, the 5 shown told 1 who came in other years alone
		var disabled = "{disability: true}";
		var byYear = "by: [AGE_GROUP, YEAR], ageGroupStarts: [25, 40]";
		assertThat(groups(this.graphQl, disabled, "by: [AGE_GROUP], ageGroupStarts: [25, 40]")).contains("25-39 21|6");
		assertThat(cells(this.graphQl, disabled, byYear)).contains("25-39 2023 4", "25-39 2024 4", "25-39 2025 5");
		assertThat(cells(caller(Role.DONOR), disabled, byYear)).noneMatch(cell -> cell.startsWith("25-39 "))
			.isNotEmpty();
		// a donor is not told how many activities groups of people came to
		caller(Role.DONOR)
			.document("{ participation { breakdown(by: [AGE_GROUP], ageGroupStarts: [25]) { activities } } }")
			.execute()
			.path("participation.breakdown[*].activities")
			.entityList(Object.class)
			.satisfies(activities -> assertThat(activities).isNotEmpty().containsOnlyNulls());
	}

	/** Each group as "from-to participations|participants", or "unknown ...". */
	private static List<String> groups(HttpGraphQlTester tester, String filter, String arguments) {
		return tester.document("{ participation(filter: " + filter + ") { breakdown(" + arguments
				+ ") { ageGroup { from to } participations participants } } }")
			.execute()
			.path("participation.breakdown")
			.entityList(Map.class)
			.get()
			.stream()
			.map(group -> (group.get("ageGroup") instanceof Map<?, ?> ages ? ages.get("from") + "-" + ages.get("to")
					: "unknown") + " " + group.get("participations") + "|" + group.get("participants"))
			.toList();
	}

	private static int participants(HttpGraphQlTester tester, String filter) {
		return tester.document("{ participation(filter: " + filter + ") { totals { participants } } }")
			.execute()
			.path("participation.totals.participants")
			.entity(Integer.class)
			.get();
	}

	/** Each cell of a breakdown by groups of ages and years as "from-to year participants". */
	private static List<String> cells(HttpGraphQlTester tester, String filter, String arguments) {
		return tester.document("{ participation(filter: " + filter + ") { breakdown(" + arguments
				+ ") { ageGroup { from to } period { key } participants } } }")
			.execute()
			.path("participation.breakdown")
			.entityList(Map.class)
			.get()
			.stream()
			.map(group -> (group.get("ageGroup") instanceof Map<?, ?> ages ? ages.get("from") + "-" + ages.get("to")
					: "unknown") + " " + ((Map<?, ?>) group.get("period")).get("key") + " " + group.get("participants"))
			.toList();
	}

	/** "participations|participants" of an oracle's totals. */
	private static String measures(String totals) {
		var parts = totals.split("\\|");
		return parts[0] + "|" + parts[1];
	}

	private void expectError(Role role, String field, String argument, String message) {
		expectError(role, "{}", field, argument, message);
	}

	private void expectError(Role role, String filter, String field, String argument, String message) {
		caller(role).document("{ participation(filter: " + filter + ") { " + field + " } }")
			.execute()
			.errors()
			.expect(error -> argument.equals(error.getExtensions().get("argument")) && error.getMessage().equals(message))
			.verify();
	}

	/** A caller in the role; a PARTNER acts for CIF. */
	private HttpGraphQlTester caller(Role role) {
		return role == Role.PARTNER ? this.callers.as(role, "CIF") : this.callers.as(role);
	}

}
