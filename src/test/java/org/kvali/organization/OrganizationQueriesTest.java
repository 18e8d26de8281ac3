package org.kvali.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class OrganizationQueriesTest {

	// language=GraphQL
	private static final String PAGE = """
			query($first: Int, $after: String, $filter: OrganizationFilter) {
			  organizations(first: $first, after: $after, filter: $filter) {
			    totalCount
			    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
			    edges { cursor node { code } }
			  }
			}""";

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void organizationByCode() {
		// language=GraphQL
		var response = this.graphQl.document("""
				{ organization(code: "CSO-MARNEULI-1") { name kind municipality { name } region { code } } }
				""").execute();
		response.path("organization.name").entity(String.class).isEqualTo("Marneuli Women's Association");
		response.path("organization.kind").entity(String.class).isEqualTo("CSO");
		response.path("organization.municipality.name").entity(String.class).isEqualTo("Marneuli");
		response.path("organization.region.code").entity(String.class).isEqualTo("GE-KK");
	}

	@Test
	void anOrganizationWithoutMunicipalityTakesItsRecordedRegion() {
		// language=GraphQL
		var response = this.graphQl.document("{ organization(code: \"SCCSF\") { municipality { code } region { code } } }")
			.execute();
		response.path("organization.municipality").valueIsNull();
		response.path("organization.region.code").entity(String.class).isEqualTo("GE-SJ");
	}

	@Test
	void pagingThroughAllOrganizationsVisitsEachOnceInCodeOrder() {
		List<String> seen = new ArrayList<>();
		String after = null;
		int pages = 0;
		boolean more = true;
		while (more) {
			var response = this.graphQl.document(PAGE).variable("first", 20).variable("after", after).execute();
			response.path("organizations.totalCount").entity(Integer.class).isEqualTo(57);
			seen.addAll(response.path("organizations.edges[*].node.code").entityList(String.class).get());
			more = response.path("organizations.pageInfo.hasNextPage").entity(Boolean.class).get();
			response.path("organizations.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(after != null);
			after = response.path("organizations.pageInfo.endCursor").entity(String.class).get();
			pages++;
		}
		assertThat(pages).isEqualTo(3);
		assertThat(seen).hasSize(57).doesNotHaveDuplicates().isSorted();
		assertThat(seen.subList(0, 4)).containsExactly("AG-ADIGENI", "AG-AKHALKALAKI", "AG-AKHALTSIKHE", "AG-ASPINDZA");
	}

	@Test
	void pageEdges() {
		var empty = this.graphQl.document(PAGE).variable("first", 0).execute();
		empty.path("organizations.edges").entityList(Object.class).hasSize(0);
		empty.path("organizations.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		empty.path("organizations.pageInfo.endCursor").valueIsNull();

		var exact = this.graphQl.document(PAGE).variable("first", 2).variable("filter", Map.of("kinds", List.of("PARTNER"))).execute();
		exact.path("organizations.edges[*].node.code").entityList(String.class).containsExactly("CIF", "SCCSF");
		exact.path("organizations.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);

		var last = exact.path("organizations.pageInfo.endCursor").entity(String.class).get();
		var beyond = this.graphQl.document(PAGE).variable("first", 2).variable("after", last)
			.variable("filter", Map.of("kinds", List.of("PARTNER"))).execute();
		beyond.path("organizations.edges").entityList(Object.class).hasSize(0);
		beyond.path("organizations.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);

		this.graphQl.document(PAGE).variable("first", 100).execute().path("organizations.edges").entityList(Object.class).hasSize(57);
	}

	@Test
	void filters() {
		assertCodes(Map.of("regions", List.of("GE-SJ")), 25);
		assertCodes(Map.of("kinds", List.of("ACTIVIST_GROUP", "DONOR")), 14);
		assertCodes(Map.of("kinds", List.of()), 0);
		assertCodes(Map.of("nameContains", "youth initiative"), 13);
		assertCodes(Map.of("nameContains", "100%"), 0);
		// case ignored in every script: Georgian capitals (Mtavruli) find the name written in Mkhedruli
		assertCodes(Map.of("nameContains", "ᲘᲜᲢᲔᲒᲠᲐᲪᲘᲘᲡ"), 1);
		assertCodes(Map.of("nameContains", "ინტეგრაციის"), 1);
		assertCodes(Map.of("regions", List.of("GE-KK"), "kinds", List.of("MUNICIPALITY")), 7);
		// the programme: its donor, lead, partners, organizers and every organization represented at its activities
		assertCodes(Map.of("programme", "EU-CSO-EQUAL", "kinds", List.of("DONOR", "IMPLEMENTER", "PARTNER")), 4);
		assertCodes(Map.of("project", "LOCAL-BUDGET", "kinds", List.of("DONOR")), 0);
		assertCodes(Map.of("project", "LOCAL-BUDGET", "kinds", List.of("MUNICIPALITY")), 13);
	}

	private void assertCodes(Object filter, int expected) {
		this.graphQl.document(PAGE)
			.variable("first", 100)
			.variable("filter", filter)
			.execute()
			.path("organizations.totalCount")
			.entity(Integer.class)
			.isEqualTo(expected)
			.path("organizations.edges")
			.entityList(Object.class)
			.hasSize(expected);
	}

	@Test
	void badArgumentsAreTypedErrors() {
		this.graphQl.document(PAGE).variable("first", -1).execute().errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST
					&& error.getMessage().equals("first must be between 0 and 100"))
			.verify();
		this.graphQl.document(PAGE).variable("first", 101).execute().errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST
					&& error.getMessage().equals("first must be between 0 and 100"))
			.verify();
		this.graphQl.document(PAGE).variable("after", "not-a-cursor").execute().errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST
					&& error.getMessage().equals("'not-a-cursor' is not a cursor of this list")
					&& "after".equals(error.getExtensions().get("argument")))
			.verify();
		this.graphQl.document(PAGE).variable("filter", Map.of("regions", List.of("GE-KK", "GE-ZZ"))).execute().errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST
					&& error.getMessage().equals("No region has the code 'GE-ZZ'")
					&& "filter.regions".equals(error.getExtensions().get("argument")))
			.verify();
		// a municipality, with the region it lies in, as the filter has no field of municipalities (a tester's)
		this.graphQl.document(PAGE).variable("filter", Map.of("regions", List.of("GE-KK-MARNEULI"))).execute()
			.errors()
			.expect(error -> error.getMessage().equals("No region has the code 'GE-KK-MARNEULI'; Marneuli"
					+ " (GE-KK-MARNEULI) is a municipality of the region Kvemo Kartli (GE-KK): give a region"))
			.verify();
		this.graphQl.document(PAGE).variable("filter", Map.of("project", "NOPE")).execute().errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST
					&& error.getMessage().equals("No project has the code 'NOPE'"))
			.verify();
		this.graphQl.document(PAGE).variable("filter", Map.of("kinds", List.of("BANK"))).execute().errors()
			.expect(error -> error.getErrorType() == graphql.ErrorType.ValidationError
					&& error.getMessage().contains("'BANK'"))
			.verify();
	}

}
