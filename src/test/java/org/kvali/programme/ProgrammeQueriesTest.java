package org.kvali.programme;

import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

@IntegrationTest
class ProgrammeQueriesTest {

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void theSeedProgrammeIsFundedByTheEuWithTwoProjects() {
		// language=GraphQL
		var response = this.graphQl.document("""
				{ programmes { code name startDate endDate donors { code kind } projects { code } } }
				""").execute();
		response.path("programmes[*].code").entityList(String.class).containsExactly("EU-CSO-EQUAL");
		response.path("programmes[0].name")
			.entity(String.class)
			.isEqualTo("Strengthening civil society for equal and full participation in social, economic and political life");
		response.path("programmes[0].startDate").entity(String.class).isEqualTo("2023-01-01");
		response.path("programmes[0].endDate").entity(String.class).isEqualTo("2025-12-31");
		response.path("programmes[0].donors[*].code").entityList(String.class).containsExactly("EU");
		response.path("programmes[0].donors[0].kind").entity(String.class).isEqualTo("DONOR");
		response.path("programmes[0].projects[*].code").entityList(String.class).containsExactly("CSO-CAPACITY",
				"LOCAL-BUDGET");
	}

	@Test
	void aProjectIsLedByHeksEperWithTheTwoRegionalPartners() {
		// language=GraphQL
		var response = this.graphQl.document("""
				{ project(code: "CSO-CAPACITY") {
				    name programme { code } lead { code kind }
				    partners { role organization { code name region { code } } } } }
				""").execute();
		response.path("project.programme.code").entity(String.class).isEqualTo("EU-CSO-EQUAL");
		response.path("project.lead.code").entity(String.class).isEqualTo("HEKS-EPER");
		response.path("project.lead.kind").entity(String.class).isEqualTo("IMPLEMENTER");
		response.path("project.partners[*].organization.code").entityList(String.class).containsExactly("CIF",
				"SCCSF");
		response.path("project.partners[*].role").entityList(String.class).containsExactly("REGIONAL_PARTNER",
				"REGIONAL_PARTNER");
		response.path("project.partners[*].organization.region.code").entityList(String.class).containsExactly(
				"GE-KK", "GE-SJ");
	}

	@Test
	void projectsOfAProgramme() {
		// language=GraphQL
		this.graphQl.document("{ projects(programme: \"EU-CSO-EQUAL\") { code } }")
			.execute()
			.path("projects[*].code")
			.entityList(String.class)
			.containsExactly("CSO-CAPACITY", "LOCAL-BUDGET");
	}

	@Test
	void unknownCodesAreNotFound() {
		// language=GraphQL
		this.graphQl.document("{ project(code: \"NOPE\") { name } }")
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.NOT_FOUND
					&& error.getMessage().equals("No project has the code 'NOPE'"))
			.verify();
		// language=GraphQL
		this.graphQl.document("{ projects(programme: \"NOPE\") { code } }")
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.NOT_FOUND
					&& error.getMessage().equals("No programme has the code 'NOPE'"))
			.verify();
		// language=GraphQL
		this.graphQl.document("{ programme(code: \"NOPE\") { name } }")
			.execute()
			.errors()
			.expect(error -> error.getErrorType() == ErrorType.NOT_FOUND)
			.verify();
	}

}
