package org.kvali.report;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the report service's answers weigh in the index's cache: a breakdown its groups, totals one, and either half
 * a group for each code its filter lists, so that questions of long lists of codes cannot fill the heap unweighed.
 */
@IntegrationTest
class AnswerWeightsTest {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	ReportIndex index;

	@Test
	void aBreakdownWeighsItsGroupsAndItsFiltersCodes() {
		// four codes of the demo's projects and programmes, two of them twice, so that the question is new
		var filter = "{programmes: [\"EU-CSO-EQUAL\", \"EU-CSO-EQUAL\"], projects: [\"CSO-CAPACITY\", \"LOCAL-BUDGET\","
				+ " \"CSO-CAPACITY\", \"LOCAL-BUDGET\"]}";
		for (int attempt = 0; ; attempt++) {
			var before = this.index.current().orElseThrow();
			long[] kept = before.answers.kept();
			var groups = this.graphQl.document("{ participation(filter: " + filter + ") { breakdown(by: [MUNICIPALITY,"
					+ " GENDER]) { participants } } }")
				.execute()
				.path("participation.breakdown")
				.entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {
				})
				.get();
			var totals = this.graphQl.document("{ participation(filter: " + filter.replace("EU-CSO-EQUAL\", \"EU",
					"EU") + ") { totals { participants } } }")
				.execute()
				.path("participation.totals.participants")
				.entity(Integer.class)
				.get();
			// the index a change elsewhere may have replaced meanwhile: asked again
			if (this.index.current().orElseThrow() != before && attempt < 3) {
				filter = filter.replace("]}", ", \"LOCAL-BUDGET\"]}");
				continue;
			}
			assertThat(groups).hasSizeGreaterThan(4);
			assertThat(totals).isPositive();
			int codes = filter.split("\"").length / 2;
			assertThat(before.answers.kept()).containsExactly(kept[0] + 2,
					kept[1] + groups.size() + codes / 2 + 1 + (codes - 1) / 2);
			return;
		}
	}

}
