package org.kvali.activity;

import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.StatementCounter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class BatchLoadingTest {

	// language=GraphQL
	private static final String EVERYTHING = """
			query($first: Int) {
			  activities(first: $first) {
			    totalCount
			    edges { node {
			      code title kind startDate endDate venueName topics
			      venue { code name region { code name municipalities { code } } }
			      organizer { code name municipality { code } region { code } }
			      project { code lead { code } partners { role organization { code } }
			                programme { code donors { code } projects { code } } }
			    } }
			  }
			}""";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	StatementCounter statements;

	@Test
	void aPageOfFiftyCostsTheSameStatementsAsAPageOfFive() {
		int five = statementsFor(5);
		int fifty = statementsFor(50);
		// page + count, then one per nested field: venue, venue region, its municipalities, organizer, its
		// municipality and region, project, lead, partners, partner organizations, programme, donors (2), projects
		assertThat(five).isEqualTo(16);
		assertThat(fifty).isEqualTo(five);
	}

	private int statementsFor(int first) {
		this.statements.reset();
		this.graphQl.document(EVERYTHING).variable("first", first).execute()
			.path("activities.edges").entityList(Object.class).hasSize(first);
		return this.statements.count();
	}

}
