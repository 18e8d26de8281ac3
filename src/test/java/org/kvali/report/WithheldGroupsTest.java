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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A breakdown tells a caller who sees small cells suppressed whether it left groups out, so that a chart can say so
 * (a dashboard's developer could not tell Samtskhe-Javakheti withheld from a region with no one). On the demo data:
 * 180 participants from Kvemo Kartli, 128 from Samtskhe-Javakheti and 2 of no known region.
 */
@IntegrationTest
class WithheldGroupsTest {

	private static final String BY_REGION = """
			{ participation%s { breakdown(by: [REGION]) { region { code } participants } withheld(by: [REGION]) } }""";

	@Autowired
	Callers callers;

	@AfterEach
	void clean() {
		this.callers.deleteKeys();
	}

	@Test
	void aDonorIsToldThatGroupsAreLeftOutAndAnAnalystThatNoneAre() {
		// the 2 of no known region withheld, and Samtskhe-Javakheti beside them, as the total less Kvemo Kartli
		// would tell them
		assertThat(regions(Role.DONOR, "")).containsExactly("GE-KK 180", "true");
		assertThat(regions(Role.ANALYST, "")).containsExactly("GE-KK 180", "GE-SJ 128", "null 2", "false");
		assertThat(regions(Role.ADMIN, "")).containsExactly("GE-KK 180", "GE-SJ 128", "null 2", "false");
		// nothing withheld: both projects are large
		assertThat(ask(Role.DONOR, "{ participation { withheld(by: [PROJECT]) } }", "participation.withheld"))
			.isEqualTo(false);
	}

	@Test
	void aBreakdownOfAWithheldTotalIsWithheldWhetherItHoldsFewPeopleOrNone() {
		// the 4 people of other gender from Kvemo Kartli in 2024
		var few = "(filter: {regions: [\"GE-KK\"], genders: [OTHER], from: \"2024-01-01\", to: \"2024-12-31\"})";
		assertThat(regions(Role.ANALYST, few)).containsExactly("GE-KK 4", "false");
		assertThat(regions(Role.DONOR, few)).containsExactly("true");
		assertThat(regions(Role.DONOR, "(filter: {activities: []})")).containsExactly("true");
		assertThat(regions(Role.DONOR, "(filter: {from: \"2099-01-01\"})")).containsExactly("true");
		// an analyst is told the groups, and that nothing is left out
		assertThat(regions(Role.ANALYST, "(filter: {activities: []})")).containsExactly("false");
	}

	@Test
	void itsArgumentsAreCheckedAsTheBreakdownsAre() {
		var response = this.callers.as(Role.DONOR)
			.document("{ participation { totals { participants } withheld(by: [YEAR], yearStart: 13) } }")
			.execute();
		response.errors()
			.expect(error -> error.getMessage()
				.equals("yearStart is the month years begin in, 1 (January) to 12 (December), not 13"))
			.verify();
		// the rest of the answer stands (a wrong argument emptied the whole participation: a tester's)
		response.path("participation.withheld").valueIsNull();
		response.path("participation.totals.participants").entity(Integer.class).isEqualTo(310);
	}

	/** Each region shown as its code and participants, then whether groups were withheld. */
	@SuppressWarnings("unchecked")
	private List<String> regions(Role role, String filter) {
		var answer = (Map<String, Object>) ask(role, BY_REGION.formatted(filter), "participation");
		var lines = new ArrayList<String>();
		for (var group : (List<Map<String, Object>>) answer.get("breakdown")) {
			var region = (Map<String, Object>) group.get("region");
			lines.add((region == null ? null : region.get("code")) + " " + group.get("participants"));
		}
		lines.add(String.valueOf(answer.get("withheld")));
		return lines;
	}

	private Object ask(Role role, String document, String path) {
		return this.callers.as(role).document(document).execute().path(path).entity(Object.class).get();
	}

}
