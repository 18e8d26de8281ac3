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
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A breakdown's `offset`: the pages of a breakdown of more groups than one answer holds, each `first` groups after
 * the `offset` before it, in one total order; to a donor, pages of the groups shown.
 */
@IntegrationTest
class BreakdownPagesTest {

	// language=GraphQL
	private static final String BY_MUNICIPALITY_AND_GENDER = """
			{ participation { breakdown(by: [MUNICIPALITY, GENDER], orderBy: [{by: PARTICIPANTS, direction: DESC}]%s) {
			    municipality { code } gender participants participations } } }""";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	Callers callers;

	@AfterEach
	void clean() {
		this.callers.deleteKeys();
	}

	/** Pages of 7 in turn are the whole breakdown, none repeated where groups of equal size sort by their values. */
	@Test
	void pagesInTurnAreTheWholeBreakdown() {
		var whole = groups(this.graphQl, BY_MUNICIPALITY_AND_GENDER.formatted(""));
		assertThat(whole).hasSize(43);
		assertThat(pages(this.graphQl, 7)).isEqualTo(whole);
		// the ties a page may end in: groups of one size sorted by municipality, then gender
		assertThat(whole.stream().map(group -> group.get("participants")).distinct().count())
			.isLessThan(whole.size());
	}

	/** The domain's question, paged: `having` keeps the groups before the page is taken from them. */
	@Test
	void havingKeepsGroupsBeforeThePage() {
		// language=GraphQL
		var query = """
				{ participation { breakdown(by: [ORGANIZATION], having: {activities: {atLeast: 4}},
				    orderBy: [{by: ACTIVITIES, direction: DESC}], first: 2, offset: 1) {
				    organization { code } activities participants } } }""";
		assertThat(groups(this.graphQl, query)).containsExactly(
				Map.of("organization", Map.of("code", "CSO-AKHALTSIKHE-1"), "activities", 25, "participants", 18),
				Map.of("organization", Map.of("code", "CSO-RUSTAVI-1"), "activities", 25, "participants", 20));
	}

	/** A donor's pages are of the groups shown: those withheld are neither on a page nor counted by an offset. */
	@Test
	void aDonorsPagesAreOfTheGroupsShown() {
		var donor = this.callers.as(Role.DONOR);
		var shown = groups(donor, BY_MUNICIPALITY_AND_GENDER.formatted(""));
		assertThat(shown).hasSizeBetween(10, 42);
		assertThat(pages(donor, 4)).isEqualTo(shown);
	}

	@Test
	void anOffsetPastTheLastGroupIsAnEmptyPage() {
		assertThat(groups(this.graphQl, BY_MUNICIPALITY_AND_GENDER.formatted(", first: 5, offset: 43"))).isEmpty();
		// one field a group: a page after 100,000 groups weighs 200,010, within the document's complexity
		assertThat(groups(this.graphQl, """
				{ participation {
				    breakdown(by: [MUNICIPALITY, GENDER], first: 5, offset: 100000) { participants } } }"""))
			.isEmpty();
		assertThat(groups(this.graphQl, BY_MUNICIPALITY_AND_GENDER.formatted(", first: 5, offset: 41"))).hasSize(2);
	}

	@Test
	void anOffsetWithoutFirstOrOutOfRangeIsRefusedNamingIt() {
		expectError(BY_MUNICIPALITY_AND_GENDER.formatted(", offset: 7"),
				"offset skips groups before a page of them: give first too, the groups after it");
		expectError(BY_MUNICIPALITY_AND_GENDER.formatted(", first: 7, offset: -1"),
				"offset must be between 0 and 100000");
		// one field a group, so that the page's weight is within the document's complexity
		expectError("""
				{ participation {
				    breakdown(by: [MUNICIPALITY, GENDER], first: 7, offset: 100001) { participants } } }""",
				"offset must be between 0 and 100000");
		// past the most, whatever it weighs: it had been refused as too complex, told to lower first or offset
		expectError(BY_MUNICIPALITY_AND_GENDER.formatted(", first: 7, offset: 500000"),
				"offset must be between 0 and 100000");
		// an offset of 0 is none, with or without first
		assertThat(groups(this.graphQl, BY_MUNICIPALITY_AND_GENDER.formatted(", offset: 0")))
			.isEqualTo(groups(this.graphQl, BY_MUNICIPALITY_AND_GENDER.formatted("")));
	}

	/** A page is weighed as all the groups it counts, those before it too: a page of 1 after 100,000 had weighed 7. */
	@Test
	void aPageIsWeighedAsTheGroupsItCounts() {
		this.graphQl.document(BY_MUNICIPALITY_AND_GENDER.formatted(", first: 1, offset: 100000"))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> assertThat(error.getMessage())
				.startsWith("maximum query complexity exceeded: the document weighs more than the 500000 allowed")
				.endsWith("the largest list, participation.breakdown, is weighed at 100001 items: give it a smaller"
						+ " first or offset")));
	}

	/** Pages of {@code size} groups from offset 0 on, until one is short: their groups in turn. */
	private static List<Map<String, Object>> pages(HttpGraphQlTester tester, int size) {
		var all = new ArrayList<Map<String, Object>>();
		for (int offset = 0;; offset += size) {
			var page = groups(tester, BY_MUNICIPALITY_AND_GENDER.formatted(", first: %d, offset: %d".formatted(size,
					offset)));
			assertThat(page).hasSizeLessThanOrEqualTo(size);
			all.addAll(page);
			if (page.size() < size) {
				return all;
			}
		}
	}

	private void expectError(String query, String message) {
		this.graphQl.document(query)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getMessage()).isEqualTo(message);
				assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
				assertThat(error.getExtensions()).containsEntry("argument", "offset");
			}));
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> groups(HttpGraphQlTester tester, String query) {
		return new ArrayList<>((List<Map<String, Object>>) (List<?>) tester.document(query).execute()
			.path("participation.breakdown").entityList(Map.class).get());
	}

}
