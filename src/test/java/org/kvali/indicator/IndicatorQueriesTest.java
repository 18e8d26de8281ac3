package org.kvali.indicator;

import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.StatementCounter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The demo logframe's computed indicators, each checked against the participation query that says the same. */
@IntegrationTest
class IndicatorQueriesTest {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	StatementCounter statements;

	@Autowired
	org.kvali.report.ReportService reports;

	@Test
	void trainedRepresentativesAgreeWithTheParticipationQuery() {
		// language=GraphQL
		var response = this.graphQl.document("""
				{ indicator(code: "OUT-1.1") { actual a2024: actual(period: "2024") progress(period: "2024")
				    series { period { key } target actual } }
				  all: participation(filter: {programmes: ["EU-CSO-EQUAL"], activityKinds: [TRAINING]}) { totals { participants } }
				  upTo2024: participation(filter: {programmes: ["EU-CSO-EQUAL"], activityKinds: [TRAINING], to: "2024-12-31"}) {
				    totals { participants } } }""").execute();
		int all = response.path("all.totals.participants").entity(Integer.class).get();
		int upTo2024 = response.path("upTo2024.totals.participants").entity(Integer.class).get();
		assertThat(all).isEqualTo(136);
		assertThat(upTo2024).isEqualTo(114);
		response.path("indicator.actual").entity(Double.class).isEqualTo((double) all);
		response.path("indicator.a2024").entity(Double.class).isEqualTo((double) upTo2024);
		response.path("indicator.progress").entity(Double.class).isEqualTo(upTo2024 / 120.0);
		response.path("indicator.series[*].period.key").entityList(String.class).containsExactly("2023", "2024", "2025");
		response.path("indicator.series[*].target").entityList(Double.class).containsExactly(40.0, 120.0, 145.0);
		response.path("indicator.series[*].actual").entityList(Double.class).containsExactly(41.0, 114.0, 136.0);
	}

	@Test
	void theShareOfWomenIsNumeratorOverDenominator() {
		// language=GraphQL
		var response = this.graphQl.document("""
				{ indicator(code: "OUT-1.2") { unit actual progress(period: "2025") baseline { value date } }
				  women: participation(filter: {programmes: ["EU-CSO-EQUAL"], activityKinds: [TRAINING], genders: [FEMALE]}) {
				    totals { participants } } }""").execute();
		int women = response.path("women.totals.participants").entity(Integer.class).get();
		assertThat(women).isEqualTo(83);
		response.path("indicator.actual").entity(Double.class).isEqualTo(100.0 * 83 / 136);
		response.path("indicator.progress").entity(Double.class)
			.satisfies(progress -> assertThat(progress).isCloseTo((100.0 * 83 / 136 - 50) / 15, within(1e-12)));
		response.path("indicator.baseline.date").entity(String.class).isEqualTo("2023-01-01");
	}

	@Test
	void statusesOfTheProgrammeInAFixedNumberOfStatements() throws InterruptedException {
		// language=GraphQL
		var overview = """
				{ indicators(programme: "EU-CSO-EQUAL") { code level actual status(asOf: "2026-01-15") mid: status(asOf: "2024-07-01")
				    progress(period: "2025") } }""";
		awaitIndex();
		this.statements.reset();
		var response = this.graphQl.document(overview).execute();
		// the programme checked, the indicators, their targets, one freshness check for every value at once
		assertThat(this.statements.count()).isEqualTo(4);
		response.path("indicators[*].code").entityList(String.class).containsExactly("OUTC-1", "OUT-1.1", "OUT-1.2",
				"OUT-2.1");
		response.path("indicators[*].status").entityList(String.class).containsExactly("ON_TRACK", "ON_TRACK",
				"AT_RISK", "AT_RISK");
		// the README's example
		response.path("indicators[*].actual").entityList(Double.class).containsExactly(38.0, 136.0, 100.0 * 83 / 136,
				53.0);
		response.path("indicators[*].mid").entityList(String.class).containsExactly("ACHIEVED", "AT_RISK",
				"AT_RISK", "ON_TRACK");
	}

	/** Other tests change data and restore it; the index catches up in the background. */
	private void awaitIndex() throws InterruptedException {
		long deadline = System.nanoTime() + 20_000_000_000L;
		this.graphQl.document("{ participation { totals { participants } } }").execute();
		while (!this.reports.indexIsCurrent()) {
			assertThat(System.nanoTime()).as("index rebuilt within 20 s").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	@Test
	void badArguments() {
		this.graphQl.document("{ indicator(code: \"OUT-1.1\") { actual(period: \"2024-Q5\") } }").execute().errors()
			.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST
					&& error.getMessage().equals("A period is a year (2024), a quarter (2024-Q3) or a month (2024-07)"))
			.verify();
		this.graphQl.document("{ indicator(code: \"NOPE\") { code } }").execute().errors()
			.expect(error -> error.getErrorType() == ErrorType.NOT_FOUND)
			.verify();
		this.graphQl.document("{ indicators(programme: \"NOPE\") { code } }").execute().errors()
			.expect(error -> error.getErrorType() == ErrorType.NOT_FOUND)
			.verify();
	}

}
