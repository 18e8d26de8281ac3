package org.kvali.activity;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kvali.Callers;
import org.kvali.IntegrationTest;
import org.kvali.access.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ActivityQueriesTest {

	// language=GraphQL
	private static final String PAGE = """
			query($first: Int, $after: String, $filter: ActivityFilter) {
			  activities(first: $first, after: $after, filter: $filter) {
			    totalCount
			    pageInfo { hasNextPage endCursor }
			    edges { node { code startDate } }
			  }
			}""";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	Callers callers;

	@Test
	void theBakurianiTraining() {
		// language=GraphQL
		var response = this.graphQl.document("""
				{ activity(code: "TRN-2024-BAKURIANI") {
				    title titleKa kind startDate endDate venueName topics
				    venue { code region { code } } organizer { code } project { code programme { code } } } }
				""").execute();
		response.path("activity.kind").entity(String.class).isEqualTo("TRAINING");
		response.path("activity.startDate").entity(String.class).isEqualTo("2024-07-18");
		response.path("activity.endDate").entity(String.class).isEqualTo("2024-07-22");
		response.path("activity.venueName").entity(String.class).isEqualTo("Bakuriani");
		response.path("activity.venue.code").entity(String.class).isEqualTo("GE-SJ-BORJOMI");
		response.path("activity.venue.region.code").entity(String.class).isEqualTo("GE-SJ");
		response.path("activity.organizer.code").entity(String.class).isEqualTo("HEKS-EPER");
		response.path("activity.project.programme.code").entity(String.class).isEqualTo("EU-CSO-EQUAL");
		response.path("activity.topics").entityList(String.class).hasSize(4);
		response.path("activity.titleKa").entity(String.class).satisfies(title -> assertThat(title).startsWith("თანასწორობა"));
	}

	@Test
	void filtersCombineWithAnd() {
		assertTotal(Map.of(), 101);
		assertTotal(Map.of("activityKinds", List.of("TRAINING")), 7);
		assertTotal(Map.of("activityKinds", List.of("TRAINING", "CONFERENCE")), 8);
		assertTotal(Map.of("activityKinds", List.of()), 0);
		assertTotal(Map.of("venueRegions", List.of("GE-KK")), 52);
		assertTotal(Map.of("venueMunicipalities", List.of("GE-SJ-BORJOMI")), 8);
		assertTotal(Map.of("activityKinds", List.of("TRAINING"), "from", "2024-01-01", "to", "2024-12-31"), 3);
		assertTotal(Map.of("project", "CSO-CAPACITY"), 47);
		assertTotal(Map.of("programme", "EU-CSO-EQUAL"), 101);
		// a partner's own activities, by its organization running them (a tester's read all 101 to find CIF's 32)
		assertTotal(Map.of("organizers", List.of("CIF")), 32);
		assertTotal(Map.of("organizers", List.of("CIF", "SCCSF")), 59);
		assertTotal(Map.of("organizers", List.of("CIF"), "activityKinds", List.of("TRAINING")), 3);
		assertTotal(Map.of("organizers", List.of()), 0);
	}

	/** A partner lists its own activities, each run by its organization, and is not told which codes are taken. */
	@Test
	void aPartnersOwnActivities() {
		var cif = this.callers.as(Role.PARTNER, "CIF");
		try {
			var organizers = cif.document("""
					{ activities(first: 100, filter: {organizers: ["CIF"]}) { totalCount
					    edges { node { organizer { code } } } } }""").execute();
			organizers.path("activities.totalCount").entity(Integer.class).isEqualTo(32);
			organizers.path("activities.edges[*].node.organizer.code").entityList(String.class).hasSize(32)
				.satisfies(codes -> assertThat(codes).containsOnly("CIF"));
			// to a partner or donor, a code no organization has, or one written in another case, selects none: an
			// error would tell which codes are organizations' (a small one's among them) and how they are written
			for (var caller : List.of(cif, this.callers.as(Role.DONOR))) {
				for (var code : List.of("NOPE", "cif")) {
					var none = caller.document(PAGE).variable("filter", Map.of("organizers", List.of(code))).execute();
					none.errors().verify();
					none.path("activities.totalCount").entity(Integer.class).isEqualTo(0);
				}
			}
		}
		finally {
			this.callers.deleteKeys();
		}
	}

	@Test
	void pagesFollowStartDateThenCode() {
		var first = this.graphQl.document(PAGE).variable("first", 3)
			.variable("filter", Map.of("activityKinds", List.of("TRAINING"))).execute();
		first.path("activities.edges[*].node.code").entityList(String.class).containsExactly("TRN-2023-SJ",
				"TRN-2023-KK", "TRN-2024-SJ");
		var after = first.path("activities.pageInfo.endCursor").entity(String.class).get();
		var second = this.graphQl.document(PAGE).variable("first", 3).variable("after", after)
			.variable("filter", Map.of("activityKinds", List.of("TRAINING"))).execute();
		second.path("activities.edges[*].node.code").entityList(String.class).containsExactly("TRN-2024-BAKURIANI",
				"TRN-2024-KK", "TRN-2025-KK");
		second.path("activities.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
	}

	@Test
	void badArguments() {
		this.graphQl.document(PAGE).variable("filter", Map.of("from", "2024-02-30")).execute().errors()
			.expect(error -> "ValidationError".equals(error.getErrorType().toString()) && error.getMessage()
				.equals("Variable 'filter' has an invalid value: '2024-02-30' is not a day the calendar has"))
			.verify();
		// named as the participation filter names a venue's (its regions are people's homes: a review's)
		this.graphQl.document(PAGE).variable("filter", Map.of("venueMunicipalities", List.of("GE-KK-NOWHERE")))
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST
					&& error.getMessage().equals("No municipality has the code 'GE-KK-NOWHERE'")
					&& "filter.venueMunicipalities".equals(error.getExtensions().get("argument")))
			.verify();
		this.graphQl.document(PAGE).variable("filter", Map.of("organizers", List.of("CIF", "cif-x", "sccsf")))
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST
					&& error.getMessage().equals("No organization has the code 'cif-x'; nor has 1 other of"
							+ " filter.organizers: 'sccsf' (it is written SCCSF)")
					&& "filter.organizers".equals(error.getExtensions().get("argument")))
			.verify();
		// every unknown code, each with what it is, as the participation filter tells them (the first alone was
		// told, and a place of the other level was not told where it goes: a tester's)
		this.graphQl.document(PAGE)
			.variable("filter", Map.of("venueRegions", List.of("GE-XX", "ge-sj", "GE-SJ-BORJOMI", "GE-XX")))
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("No region has the code 'GE-XX'; nor have 2 others of"
					+ " filter.venueRegions: 'ge-sj' (it is written GE-SJ), 'GE-SJ-BORJOMI' (Borjomi (GE-SJ-BORJOMI) is"
					+ " a municipality: give it in filter.venueMunicipalities)"))
			.verify();
		this.graphQl.document(PAGE).variable("filter", Map.of("venueMunicipalities", List.of("GE-SJ"))).execute()
			.errors()
			.expect(error -> error.getMessage().equals("No municipality has the code 'GE-SJ'; Samtskhe-Javakheti"
					+ " (GE-SJ) is a region: give it in filter.venueRegions"))
			.verify();
		this.graphQl.document(PAGE).variable("filter", Map.of("organizers", List.of("sccsf"))).execute().errors()
			.expect(error -> error.getMessage().equals("No organization has the code 'sccsf'; it is written SCCSF"))
			.verify();
		// spaces or a character that does not show around a code are told, inside one named (a tester's 'CIF' and a
		// zero-width space read as CIF, not found)
		var spaced = "; it has spaces or invisible characters around it: write 'SCCSF'";
		this.graphQl.document(PAGE).variable("filter", Map.of("organizers", List.of("SCCSF "))).execute().errors()
			.expect(error -> error.getMessage().equals("No organization has the code 'SCCSF '" + spaced))
			.verify();
		this.graphQl.document("{ organization(code: \"SCCSF\u200b\") { code } }").execute().errors()
			.expect(error -> error.getMessage().equals("No organization has the code 'SCCSF\u200b'" + spaced))
			.verify();
		this.graphQl.document("{ programme(code: \"EU-CSO-EQUAL \") { code } }").execute().errors()
			.expect(error -> error.getMessage().equals("No programme has the code 'EU-CSO-EQUAL '; it has spaces or"
					+ " invisible characters around it: write 'EU-CSO-EQUAL'"))
			.verify();
		this.graphQl.document("{ activity(code: \"NO\u200bPE\") { code } }").execute().errors()
			.expect(error -> error.getMessage().equals("No activity has the code 'NO\u200bPE'; the value holds U+200B"
					+ " (ZERO WIDTH SPACE) at character 3, which does not show"))
			.verify();
		// an unknown project in the filter is a bad argument too, as every filter's unknown codes are
		this.graphQl.document(PAGE).variable("filter", Map.of("project", "NOPE")).execute().errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST
					&& error.getMessage().equals("No project has the code 'NOPE'")
					&& "filter.project".equals(error.getExtensions().get("argument")))
			.verify();
		// a cursor of the organizations list holds one key, not the two of this list
		var organizationCursor = this.graphQl.document("{ organizations(first: 1) { pageInfo { endCursor } } }")
			.execute().path("organizations.pageInfo.endCursor").entity(String.class).get();
		this.graphQl.document(PAGE).variable("after", organizationCursor).execute().errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST && error.getMessage().contains("not a cursor"))
			.verify();
		// one made by hand of a day PostgreSQL has not: it was an internal error
		var forged = java.util.Base64.getUrlEncoder().encodeToString("k1\u001f+10000000-01-01\u001fX".getBytes());
		this.graphQl.document(PAGE).variable("after", forged).execute().errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST
					&& error.getMessage().equals("'" + forged + "' is not a cursor of this list"))
			.verify();
		this.graphQl.document("{ activity(code: \"NOPE\") { code } }").execute().errors()
			.expect(error -> error.getErrorType() == ErrorType.NOT_FOUND
					&& error.getMessage().equals("No activity has the code 'NOPE'"))
			.verify();
		// a code in another case is named as stored, as a sheet names it (a tester's got a plain NOT_FOUND)
		var another = "No activity has the code 'trn-2024-bakuriani'; it is written TRN-2024-BAKURIANI";
		this.graphQl.document("{ activity(code: \"trn-2024-bakuriani\") { code } }").execute().errors()
			.expect(error -> error.getErrorType() == ErrorType.NOT_FOUND && error.getMessage().equals(another))
			.verify();
		this.graphQl.document("mutation { updateActivity(code: \"trn-2024-bakuriani\", input: {}) { code } }")
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.NOT_FOUND && error.getMessage().equals(another))
			.verify();
	}

	private void assertTotal(Map<String, Object> filter, int expected) {
		this.graphQl.document(PAGE).variable("filter", filter).execute()
			.path("activities.totalCount").entity(Integer.class).isEqualTo(expected);
	}

}
