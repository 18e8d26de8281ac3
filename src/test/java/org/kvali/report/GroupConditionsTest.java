package org.kvali.report;

import java.util.ArrayList;
import java.util.HashMap;
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
 * A breakdown's `having`: the groups kept by their measures ("which organizations sent people to more than three
 * activities?"), before `first`; to a donor, of the groups shown, what is withheld weighed as without it.
 */
@IntegrationTest
class GroupConditionsTest {

	// language=GraphQL
	private static final String MORE_THAN_THREE = """
			{ participation { breakdown(by: [ORGANIZATION], having: {activities: {atLeast: 4}}%s,
			    orderBy: [{by: ACTIVITIES, direction: DESC}]) {
			    organization { code } activities participants participations } } }""";

	// language=GraphQL
	private static final String BY_REGION_AND_GENDER = """
			{ participation { breakdown(by: [REGION, GENDER]%s) {
			    region { code } gender participants participations } } }""";

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

	/**
	 * The domain's question, answered as the tables count it: the participant role's records, by the organization
	 * represented; those representing none are a group of their own, as in any breakdown by organization.
	 */
	@Test
	void organizationsThatSentPeopleToMoreThanThreeActivities() {
		var expected = this.jdbc.query("""
				SELECT o.code, count(DISTINCT p.activity_id) AS activities,
				       count(DISTINCT p.participant_id) AS participants, count(*) AS participations
				FROM participation p LEFT JOIN organization o ON o.id = p.organization_id
				WHERE p.role = 'PARTICIPANT'
				GROUP BY o.code HAVING count(DISTINCT p.activity_id) > 3
				ORDER BY activities DESC, o.code COLLATE "C" NULLS LAST""",
				(rs, row) -> group(rs.getString("code"), rs.getInt("activities"), rs.getInt("participants"),
						rs.getInt("participations")));
		var kept = groups(this.graphQl, MORE_THAN_THREE.formatted(""));
		assertThat(kept).isEqualTo(expected).hasSizeBetween(4, 60);
		assertThat(kept.subList(0, 3)).isEqualTo(List.of(group(null, 70, 29, 130),
				group("CSO-AKHALTSIKHE-1", 25, 18, 83), group("CSO-RUSTAVI-1", 25, 20, 71)));
		// no organization sent people to 4: the bound is kept, those of 5 kept by atLeast 5 and not by 6
		assertThat(kept.get(kept.size() - 1).get("activities")).isEqualTo(5);
		assertThat(groups(this.graphQl, MORE_THAN_THREE.replace("atLeast: 4", "atLeast: 5").formatted("")))
			.isEqualTo(kept);
		assertThat(groups(this.graphQl, MORE_THAN_THREE.replace("atLeast: 4", "atLeast: 6").formatted("")))
			.isEqualTo(kept.stream().filter(group -> (Integer) group.get("activities") > 5).toList())
			.hasSizeLessThan(kept.size());
		// first counts the groups kept, in their order
		assertThat(groups(this.graphQl, MORE_THAN_THREE.formatted(", first: 2"))).isEqualTo(kept.subList(0, 2));
		// the same groups whatever distinct counts the client reads: activities counted for the condition alone
		var codes = this.graphQl.document(MORE_THAN_THREE.formatted("")
			.replace("activities participants participations", "")).execute()
			.path("participation.breakdown[*].organization").entityList(Object.class).get();
		assertThat(codes).isEqualTo(kept.stream().map(group -> group.get("organization")).toList());
	}

	private static Map<String, Object> group(String organization, int activities, int participants,
			int participations) {
		var group = new HashMap<String, Object>();
		group.put("organization", organization == null ? null : Map.of("code", organization));
		group.put("activities", activities);
		group.put("participants", participants);
		group.put("participations", participations);
		return group;
	}

	/** Both ends of a range held, every range given held at once; no range, or an empty one, keeps every group. */
	@Test
	void everyRangeGivenHolds() {
		// language=GraphQL
		var municipalities = """
				{ participation { breakdown(by: [MUNICIPALITY]%s) {
				    municipality { code } participants participations } } }""";
		var all = groups(this.graphQl, municipalities.formatted(""));
		var between = groups(this.graphQl, municipalities
			.formatted(", having: {participants: {atLeast: 15, atMost: 35}, participations: {atMost: 125}}"));
		assertThat(between).isEqualTo(all.stream().filter(group -> participants(group) >= 15
				&& participants(group) <= 35 && (Integer) group.get("participations") <= 125).toList());
		assertThat(between).extracting(group -> (Object) ((Map<?, ?>) group.get("municipality")).get("code"))
			.containsExactly("GE-KK-GARDABANI", "GE-KK-TETRITSKARO", "GE-SJ-BORJOMI", "GE-SJ-NINOTSMINDA");
		assertThat(all).hasSize(14);
		for (var none : List.of(", having: {}", ", having: {participants: {}}", ", having: null",
				", having: {participants: {atLeast: 0}, activities: null}")) {
			assertThat(groups(this.graphQl, municipalities.formatted(none))).as(none).isEqualTo(all);
		}
		assertThat(groups(this.graphQl, municipalities.formatted(", having: {participants: {atMost: 0}}")))
			.isEmpty();
	}

	/**
	 * To a donor the ranges keep some of the groups shown: the groups withheld are those withheld without them (a
	 * range of small counts keeps none, since none is shown), and a range over a count withheld is refused.
	 */
	@Test
	void aDonorsRangesKeepSomeOfTheGroupsShown() {
		var donor = this.callers.as(Role.DONOR);
		var shown = groups(donor, BY_REGION_AND_GENDER.formatted(""));
		assertThat(groups(this.graphQl, BY_REGION_AND_GENDER.formatted(""))).hasSizeGreaterThan(shown.size());
		var large = groups(donor, BY_REGION_AND_GENDER.formatted(", having: {participants: {atLeast: 70}}"));
		assertThat(large).isEqualTo(shown.stream().filter(group -> participants(group) >= 70).toList())
			.isNotEmpty()
			.hasSizeLessThan(shown.size());
		// the groups of 9 and 7 (not told, as others beside them are withheld) stay withheld from a question of ten at
		// most: weighed among those ten alone, they were told
		assertThat(groups(donor, BY_REGION_AND_GENDER.formatted(", having: {participants: {atMost: 10}}"))).isEmpty();
		assertThat(groups(this.graphQl, BY_REGION_AND_GENDER.formatted(", having: {participants: {atMost: 9}}")))
			.extracting(GroupConditionsTest::participants)
			.containsExactly(4, 9, 7, 2, 1, 1);
		// first counts the groups shown and kept, in their order: the men of GE-KK (65 people, 289 participations)
		// first by size, kept by 289 and not by 290
		var sorted = ", orderBy: [{by: PARTICIPANTS}], having: {participations: {atLeast: %d}}, first: 1";
		assertThat(groups(donor, BY_REGION_AND_GENDER.formatted(sorted.formatted(289))))
			.extracting(GroupConditionsTest::participants)
			.containsExactly(65);
		assertThat(groups(donor, BY_REGION_AND_GENDER.formatted(sorted.formatted(290))))
			.extracting(GroupConditionsTest::participants)
			.containsExactly(102);
		// a range of no bound is none, over a count withheld too
		assertThat(groups(donor, BY_REGION_AND_GENDER.formatted(", having: {activities: {}, participants: {}}")))
			.isEqualTo(shown);
		expectError(donor, BY_REGION_AND_GENDER.formatted(", having: {activities: {atLeast: 4}}"), "having.activities",
				"Cannot keep groups by activities: distinct activities are withheld from you where a question selects"
						+ " or groups people by what they are (gender, age, disability, home region or municipality,"
						+ " organization or its kind)");
		// over activities alone (projects) a donor is told activities, and may keep groups by them
		// language=GraphQL
		var projects = """
				{ participation { breakdown(by: [PROJECT]%s) { project { code } activities participants } } }""";
		var all = groups(donor, projects.formatted(""));
		assertThat(groups(donor, projects.formatted(", having: {activities: {atLeast: 50}}")))
			.isEqualTo(all.stream().filter(group -> (Integer) group.get("activities") >= 50).toList())
			.isNotEmpty()
			.hasSizeLessThan(all.size());
	}

	@Test
	void rangesHoldingNoCountAreRefusedNamingThem() {
		expectError(this.graphQl, BY_REGION_AND_GENDER.formatted(", having: {participants: {atLeast: -1}}"),
				"having.participants.atLeast", "having.participants.atLeast must be 0 or more, not -1");
		expectError(this.graphQl, BY_REGION_AND_GENDER.formatted(", having: {participations: {atMost: -3}}"),
				"having.participations.atMost", "having.participations.atMost must be 0 or more, not -3");
		expectError(this.graphQl, MORE_THAN_THREE.formatted("").replace("atLeast: 4", "atLeast: 5, atMost: 3"),
				"having.activities", "having.activities holds no count: atLeast 5 is more than atMost 3");
		expectError(this.callers.as(Role.DONOR), BY_REGION_AND_GENDER.formatted(", having: {organizations: {atLeast: 9,"
				+ " atMost: 2}}"), "having.organizations",
				"having.organizations holds no count: atLeast 9 is more than atMost 2");
	}

	private static int participants(Map<String, Object> group) {
		return (Integer) group.get("participants");
	}

	private static void expectError(HttpGraphQlTester tester, String query, String argument, String message) {
		tester.document(query)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getMessage()).isEqualTo(message);
				assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
				assertThat(error.getExtensions()).containsEntry("argument", argument);
			}));
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> groups(HttpGraphQlTester tester, String query) {
		return new ArrayList<>((List<Map<String, Object>>) (List<?>) tester.document(query).execute()
			.path("participation.breakdown").entityList(Map.class).get());
	}

}
