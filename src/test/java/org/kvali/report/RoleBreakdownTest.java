package org.kvali.report;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kvali.Callers;
import org.kvali.IntegrationTest;
import org.kvali.access.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Participation grouped by the role at the activity: the demo's 1,503 participations of 310 people reached, and
 * beside them 2 facilitators and 2 organizers at 39 activities each, 2 trainers at 7 and a speaker at 1.
 */
@IntegrationTest
class RoleBreakdownTest {

	private static final String EVERY_ROLE =
			"(filter: {roles: [PARTICIPANT, TRAINER, FACILITATOR, SPEAKER, ORGANIZER]%s})";

	// language=GraphQL
	private static final String BY_ROLE = """
			{ participation%s { breakdown(by: [ROLE]) { role participants participations activities } } }""";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	Callers callers;

	@AfterEach
	void clean() {
		this.callers.deleteKeys();
	}

	@Test
	void whoRanTheActivitiesBesideWhoWasReached() {
		assertThat(groups(this.graphQl, BY_ROLE.formatted(EVERY_ROLE.formatted("")))).containsExactly(
				group("FACILITATOR", 2, 39, 39), group("ORGANIZER", 2, 39, 39), group("PARTICIPANT", 310, 1503, 101),
				group("SPEAKER", 1, 1, 1), group("TRAINER", 2, 8, 7));
		// one person in two roles: the groups' 317 people are 316
		// language=GraphQL
		var totals = this.graphQl.document("{ participation" + EVERY_ROLE.formatted("")
				+ " { totals { participants participations } } }").execute();
		totals.path("participation.totals.participants").entity(Integer.class).isEqualTo(316);
		totals.path("participation.totals.participations").entity(Integer.class).isEqualTo(1590);
		// without roles, those reached alone
		assertThat(groups(this.graphQl, BY_ROLE.formatted(""))).containsExactly(group("PARTICIPANT", 310, 1503, 101));
		// sorted by role, last first
		// language=GraphQL
		var sorted = this.graphQl.document("{ participation" + EVERY_ROLE.formatted("")
				+ " { breakdown(by: [ROLE, GENDER], orderBy: [{by: ROLE, direction: DESC}], first: 3) { role } } }")
			.execute()
			.path("participation.breakdown[*].role")
			.entityList(String.class)
			.get();
		assertThat(sorted).containsExactly("TRAINER", "TRAINER", "SPEAKER");
	}

	/** To a donor the few trainers, facilitators, organizers and the speaker are withheld; a partner sees its own. */
	@Test
	void fewPeopleInARoleAreWithheldAsAnySmallGroup() {
		var donor = this.callers.as(Role.DONOR);
		assertThat(groups(donor, BY_ROLE.formatted(EVERY_ROLE.formatted(""))))
			.containsExactly(group("PARTICIPANT", 310, 1503, 101));
		// language=GraphQL
		donor.document("{ participation" + EVERY_ROLE.formatted("") + " { withheld(by: [ROLE]) } }")
			.execute()
			.path("participation.withheld")
			.entity(Boolean.class)
			.isEqualTo(true);
		// by role and gender: the 4 women and 3 men in other roles, 1 each, withheld, and with them the women and the
		// men reached, which the totals by gender less the groups shown would tell of them
		// language=GraphQL
		var byGender = "{ participation" + EVERY_ROLE.formatted("")
				+ " { breakdown(by: [ROLE, GENDER]) { role gender participants } } }";
		assertThat(groups(this.graphQl, byGender)).hasSize(11);
		assertThat(groups(donor, byGender)).containsExactly(
				Map.of("role", "PARTICIPANT", "gender", "OTHER", "participants", 11),
				Map.of("role", "PARTICIPANT", "gender", "UNDISCLOSED", "participants", 11));
		var cif = this.callers.as(Role.PARTNER, "CIF");
		assertThat(groups(cif, BY_ROLE.formatted(EVERY_ROLE.formatted(", organizers: [\"CIF\"]")))).containsExactly(
				group("FACILITATOR", 2, 21, 21), group("PARTICIPANT", 175, 517, 32), group("TRAINER", 1, 3, 3));
	}

	private static Map<String, Object> group(String role, int participants, int participations, int activities) {
		return Map.of("role", role, "participants", participants, "participations", participations, "activities",
				activities);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> groups(HttpGraphQlTester tester, String query) {
		return (List<Map<String, Object>>) (List<?>) tester.document(query).execute().path("participation.breakdown")
			.entityList(Map.class).get();
	}

}
