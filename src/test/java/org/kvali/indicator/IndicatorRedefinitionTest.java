package org.kvali.indicator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an indicator counts is changed in place, its targets, baseline and reported values kept: a filter set up
 * wrong no longer means deleting the indicator and its history. A new definition is checked as a new indicator's is,
 * and refused whole.
 */
@IntegrationTest
class IndicatorRedefinitionTest {

	// language=GraphQL
	private static final String TRAINED = """
			mutation { createIndicator(input: {code: "TQ-TRAINED", programme: "EU-CSO-EQUAL", name: "Trained",
			    level: OUTPUT, unit: NUMBER, method: COMPUTED, measure: PARTICIPANTS, filter: {activityKinds: [TRAINING]},
			    baseline: 30}) { code }
			  setIndicatorTargets(code: "TQ-TRAINED", targets: [{period: "2024", value: 120}]) { code } }""";

	// language=GraphQL
	private static final String UPDATE = """
			mutation($input: UpdateIndicatorInput!) { updateIndicator(code: "TQ-TRAINED", input: $input) {
			  level unit cumulative project { code } baseline { value } targets { period { key } value }
			  actual a2024: actual(period: "2024") } }""";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void clean() {
		this.jdbc.update("DELETE FROM indicator WHERE code LIKE 'TQ-%'");
		this.jdbc.update("DELETE FROM project WHERE code = 'TQ-PRJ'");
		this.jdbc.update("DELETE FROM programme WHERE code = 'TQ-PROG'");
	}

	@Test
	void aNewFilterCountsAnewForEveryPeriodAndKeepsTheTargets() {
		this.graphQl.document(TRAINED).execute().path("setIndicatorTargets.code").entity(String.class)
			.isEqualTo("TQ-TRAINED");
		// the programme's women trained: 83 of 136, by the end of 2024 and within 2024 alone as many as the
		// participation query says
		// language=GraphQL
		var women = this.graphQl.document("""
				{ by2024: participation(filter: {programmes: ["EU-CSO-EQUAL"], activityKinds: [TRAINING],
				    genders: [FEMALE], to: "2024-12-31"}) { totals { participants } }
				  in2024: participation(filter: {programmes: ["EU-CSO-EQUAL"], activityKinds: [TRAINING],
				    genders: [FEMALE], from: "2024-01-01", to: "2024-12-31"}) { totals { participants } }
				  trained2024: participation(filter: {programmes: ["EU-CSO-EQUAL"], activityKinds: [TRAINING],
				    from: "2024-01-01", to: "2024-12-31"}) { totals { participants } } }""").execute();
		int by2024 = women.path("by2024.totals.participants").entity(Integer.class).get();
		int in2024 = women.path("in2024.totals.participants").entity(Integer.class).get();
		int trained2024 = women.path("trained2024.totals.participants").entity(Integer.class).get();
		assertThat(List.of(by2024, in2024, trained2024)).containsExactly(71, 57, 86);
		var response = this.graphQl.document(UPDATE)
			.variable("input", Map.of("filter", Map.of("activityKinds", List.of("TRAINING"),
					"genders", List.of("FEMALE")), "level", "OUTCOME"))
			.execute();
		response.path("updateIndicator.level").entity(String.class).isEqualTo("OUTCOME");
		response.path("updateIndicator.actual").entity(Double.class).isEqualTo(83.0);
		response.path("updateIndicator.a2024").entity(Double.class).isEqualTo((double) by2024);
		response.path("updateIndicator.targets[*].value").entityList(Double.class).containsExactly(120.0);
		response.path("updateIndicator.baseline.value").entity(Double.class).isEqualTo(30.0);

		// a target of 120 people by 2024 is no target within 2024, nor of 120 activities (a reviewer's: donors saw 9
		// activities against 120, off track)
		refused(UPDATE, Map.of("cumulative", false), "input.cumulative: The indicator's targets (2024) are counted"
				+ " from the programme's start; remove them first (setIndicatorTargets with an empty list), then set them"
				+ " anew in the new way of counting");
		refused(UPDATE, Map.of("measure", "ACTIVITIES"), "input.measure: The indicator's targets (2024) are of"
				+ " participants; remove them first (setIndicatorTargets with an empty list), then set them anew in the"
				+ " new measure", "input.measure: The indicator's baseline (30) is of participants: give a baseline in"
						+ " the new measure with it, or null for none");
		// both at once, each told
		refused(UPDATE, Map.of("measure", "ACTIVITIES", "cumulative", false, "baseline", 3), "input.measure: The"
				+ " indicator's targets (2024) are of participants; remove them first (setIndicatorTargets with an empty"
				+ " list), then set them anew in the new measure", "input.cumulative: The indicator's targets (2024) are"
						+ " counted from the programme's start; remove them first (setIndicatorTargets with an empty list),"
						+ " then set them anew in the new way of counting");

		// a share now: its targets are counts, and its baseline too
		refused(UPDATE, Map.of("unit", "PERCENT", "denominatorFilter",
				Map.of("activityKinds", List.of("TRAINING"))),
				"input.unit: The indicator's targets (2024) are in numbers; remove them first (setIndicatorTargets with"
						+ " an empty list), then set them anew in the new unit",
				"input.unit: The indicator's baseline (30) is in numbers: give a baseline in the new unit with it, or null"
						+ " for none");
		refused(UPDATE, Map.of("unit", "PERCENT"), "input.unit: The indicator's targets (2024) are in numbers;"
				+ " remove them first (setIndicatorTargets with an empty list), then set them anew in the new unit",
				"input.unit: The indicator's baseline (30) is in numbers: give a baseline in the new unit with it, or null"
						+ " for none",
				"input.denominatorFilter: A computed percent indicator needs a denominator");
		this.graphQl.document("mutation { setIndicatorTargets(code: \"TQ-TRAINED\", targets: []) { code } }").execute();
		refused(UPDATE, Map.of("unit", "PERCENT", "baseline", 150, "denominatorFilter",
				Map.of("activityKinds", List.of("TRAINING"))),
				"input.baseline: A percentage lies between 0 and 100");
		response = this.graphQl.document(UPDATE).variable("input", Map.of("unit", "PERCENT", "baseline", 50,
				"denominatorFilter", Map.of("activityKinds", List.of("TRAINING")))).execute();
		response.path("updateIndicator.unit").entity(String.class).isEqualTo("PERCENT");
		response.path("updateIndicator.actual").entity(Double.class).isEqualTo(100.0 * 83 / 136);
		// without targets, counted within each period
		this.graphQl.document(UPDATE).variable("input", Map.of("cumulative", false)).execute()
			.path("updateIndicator.cumulative").entity(Boolean.class).isEqualTo(false)
			.path("updateIndicator.a2024").entity(Double.class).isEqualTo(100.0 * in2024 / trained2024);
		response.path("updateIndicator.baseline.value").entity(Double.class).isEqualTo(50.0);

		// and a count again: the denominator goes with the percentage, said so
		refused(UPDATE, Map.of("unit", "NUMBER", "baseline", 20),
				"input.denominatorFilter: Only a percent indicator has a denominator");
		var input = new HashMap<String, Object>(Map.of("unit", "NUMBER", "baseline", 20));
		input.put("denominatorFilter", null);
		this.graphQl.document(UPDATE).variable("input", input).execute()
			.path("updateIndicator.actual").entity(Double.class).isEqualTo(83.0)
			.path("updateIndicator.unit").entity(String.class).isEqualTo("NUMBER");
		assertThat(this.jdbc.queryForObject("SELECT denominator_filter IS NULL FROM indicator WHERE code = 'TQ-TRAINED'",
				Boolean.class)).isTrue();
	}

	@Test
	void aProjectMakesItCountThatProjectAlone() {
		this.graphQl.document(TRAINED).execute();
		// language=GraphQL
		this.graphQl.document("""
				mutation { createProgramme(input: {code: "TQ-PROG", name: "Other", donors: ["EU"], publisher: "HEKS-EPER",
				    startDate: "2026-01-01", endDate: "2026-12-31"}) { code }
				  createProject(input: {code: "TQ-PRJ", programme: "TQ-PROG", name: "Other's"}) { code } }""")
			.execute().path("createProject.code").entity(String.class).isEqualTo("TQ-PRJ");
		// language=GraphQL
		var counts = this.graphQl.document("""
				{ budget: participation(filter: {projects: ["LOCAL-BUDGET"]}) { totals { participants } }
				  all: participation(filter: {programmes: ["EU-CSO-EQUAL"]}) { totals { participants } } }""").execute();
		int budget = counts.path("budget.totals.participants").entity(Integer.class).get();
		int all = counts.path("all.totals.participants").entity(Integer.class).get();
		assertThat(budget).isEqualTo(291);
		assertThat(all).isEqualTo(310);
		this.graphQl.document(UPDATE)
			.variable("input", Map.of("project", "LOCAL-BUDGET", "filter", Map.of("roles", List.of("PARTICIPANT"))))
			.execute()
			.path("updateIndicator.project.code").entity(String.class).isEqualTo("LOCAL-BUDGET")
			.path("updateIndicator.actual").entity(Double.class).isEqualTo((double) budget);

		// refused as createIndicator refuses them
		refused(UPDATE, Map.of("project", "TQ-PRJ"), "input.project: No project of this programme has this code");
		// in another case too: the stored spelling is another programme's, and no hint leads to it (a tester's)
		refused(UPDATE, Map.of("project", "tq-prj"), "input.project: No project of this programme has this code");
		refused(UPDATE, Map.of("project", "local-budget"),
				"input.project: No project has the code 'local-budget'; it is written LOCAL-BUDGET");
		refused(UPDATE, Map.of("filter", Map.of("projects", List.of("CSO-CAPACITY"))),
				"input.filter.projects: The indicator is project LOCAL-BUDGET's and counts that project alone; these"
						+ " projects leave nothing to count");
		var programmes = new HashMap<String, Object>(
				Map.of("filter", Map.of("projects", List.of("TQ-PRJ"))));
		programmes.put("project", null);
		refused(UPDATE, programmes, "input.filter.projects: The indicator is programme EU-CSO-EQUAL's and counts that"
				+ " programme alone; these projects are other programmes'");

		// a stored denominator left counting nothing in the project is told as the project's, and which to give anew
		// language=GraphQL
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "TQ-SHARE", programme: "EU-CSO-EQUAL", name: "Women",
				    level: OUTPUT, unit: PERCENT, method: COMPUTED, measure: PARTICIPANTS, filter: {genders: [FEMALE]},
				    denominatorFilter: {projects: ["CSO-CAPACITY"]}}) { code } }""").execute()
			.path("createIndicator.code").entity(String.class).isEqualTo("TQ-SHARE");
		this.graphQl.document("mutation { updateIndicator(code: \"TQ-SHARE\", input: {project: \"LOCAL-BUDGET\"}) {"
				+ " code } }").execute().errors()
			.expect(error -> error.getMessage().equals("input.project: The indicator is project LOCAL-BUDGET's and"
					+ " counts that project alone; these projects leave nothing to count (as its stored"
					+ " denominatorFilter.projects stands: give a new denominatorFilter with the project)"))
			.verify();
		var programmeWide = new HashMap<String, Object>();
		programmeWide.put("project", null);
		this.graphQl.document(UPDATE).variable("input", programmeWide).execute()
			.path("updateIndicator.project").valueIsNull()
			.path("updateIndicator.actual").entity(Double.class).isEqualTo((double) all);
	}

	@Test
	void whatCannotChangeIsRefusedAndNothingIsHalfStored() {
		this.graphQl.document(TRAINED).execute();
		var cleared = new HashMap<String, Object>();
		for (var field : new String[] { "level", "unit", "measure", "filter", "cumulative" }) {
			cleared.put(field, null);
		}
		refused(UPDATE, cleared, "input.level: May not be cleared; leave it out to keep it as it is",
				"input.unit: May not be cleared; leave it out to keep it as it is",
				"input.measure: May not be cleared; leave it out to keep it as it is",
				"input.filter: May not be cleared; leave it out to keep it as it is",
				"input.cumulative: May not be cleared; leave it out to keep it as it is");
		refused("mutation { updateIndicator(code: \"TQ-TRAINED\", input: {name: \"Renamed\", level: IMPACT,"
				+ " filter: {regions: [\"GE-XX\"]}}) { code } }", null,
				"input.filter.regions: No region has the code 'GE-XX'");
		assertThat(this.jdbc.queryForMap("""
				SELECT name, level, filter -> 'activityKinds' = '["TRAINING"]' AS trainings,
				       jsonb_typeof(filter -> 'regions') IS DISTINCT FROM 'array' AS all_regions
				FROM indicator WHERE code = 'TQ-TRAINED'"""))
			.containsEntry("name", "Trained").containsEntry("level", "OUTPUT").containsEntry("trainings", true)
			.containsEntry("all_regions", true);

		// a reported indicator stays one, and its values keep the unit they were reported in
		refused("mutation { updateIndicator(code: \"OUT-1.3\", input: {measure: PARTICIPANTS,"
				+ " filter: {activityKinds: [TRAINING]}}) { code } }", null,
				"input.measure: Indicator OUT-1.3 is reported by partners and takes no measure or filters; its method is"
						+ " not changed: define a computed indicator for it");
		refused("mutation { updateIndicator(code: \"OUT-1.3\", input: {unit: PERCENT}) { code } }", null,
				"input.unit: The indicator's targets (2024, 2025) are in numbers; remove them first (setIndicatorTargets"
						+ " with an empty list), then set them anew in the new unit",
				"input.unit: 3 values were reported for the indicator in numbers, the partners' record, which a new unit"
						+ " would misread: define another indicator for the new unit");
		this.graphQl.document("{ indicator(code: \"OUT-1.3\") { unit method } }").execute()
			.path("indicator.unit").entity(String.class).isEqualTo("NUMBER")
			.path("indicator.method").entity(String.class).isEqualTo("REPORTED");
	}

	private void refused(String document, Object input, String... messages) {
		var request = this.graphQl.document(document);
		if (input != null) {
			request = request.variable("input", input);
		}
		var errors = new ArrayList<String>();
		request.execute().errors().satisfy(list -> list.forEach(error -> {
			assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
			errors.add(error.getMessage());
		}));
		assertThat(errors).containsExactlyInAnyOrder(messages);
	}

}
