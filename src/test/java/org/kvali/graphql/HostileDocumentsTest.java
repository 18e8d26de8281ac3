package org.kvali.graphql;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.kvali.IntegrationTest;
import org.kvali.StatementCounter;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Documents built to exhaust the server are refused with a clear error before any SQL runs (the tests' admin key is
 * the bootstrap key, which needs no database), and the server answers normally afterwards.
 */
@IntegrationTest
class HostileDocumentsTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	StatementCounter statements;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void stillHealthy() throws Exception {
		query("{ regions { code } }").andExpect(jsonPath("$.data.regions[0].code").value("GE-AB"));
	}

	@Test
	void aSelectionFiveHundredDeep() throws Exception {
		var deep = "{ programme(code: \"EU-CSO-EQUAL\") { " + "projects { programme { ".repeat(125) + "code"
				+ " } }".repeat(125) + " } }";
		refused(deep, "More than 500 deep 'grammar' rules have been entered");
	}

	@Test
	void aSelectionThirtyDeep() throws Exception {
		var deep = "{ programme(code: \"EU-CSO-EQUAL\") { " + "projects { programme { ".repeat(7) + "code"
				+ " } }".repeat(7) + " } }";
		refused(deep, "maximum query depth exceeded 16 > 12: the document nests fields 16 deep, and 12 is the most;"
				+ " ask for fewer levels, or in two requests");
		// a fragment spread near the top, then again deep down, is measured at both: at its first spread alone, the
		// second went unmeasured
		refused("{ a: municipalities { ...F } b: regions { municipalities { region { municipalities { region { "
				+ "municipalities { region { municipalities { ...F } } } } } } } } } fragment F on Municipality { region { "
				+ "municipalities { region { municipalities { code } } } } }", "maximum query depth exceeded 13 > 12");
	}

	/**
	 * GraphiQL fills its documentation pane by asking the schema 15 deep (a type reference nine wrappers deep): asked
	 * about the schema alone, a document is bounded by graphql-java instead (20 deep, each list of members once); one
	 * that asks for data too keeps the limit of 12.
	 */
	@Test
	void theExplorersQuestionAboutTheSchemaIsAnswered() throws Exception {
		var typeRef = "kind name " + "ofType { kind name ".repeat(9) + "}".repeat(9);
		var inputValue = "name description type { " + typeRef + " } defaultValue isDeprecated deprecationReason";
		var schema = "__schema { description queryType { name } mutationType { name } types { kind name description"
				+ " isOneOf fields(includeDeprecated: true) { name description args(includeDeprecated: true) { "
				+ inputValue + " } type { " + typeRef + " } isDeprecated deprecationReason }"
				+ " inputFields(includeDeprecated: true) { " + inputValue + " } interfaces { " + typeRef + " }"
				+ " enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }"
				+ " possibleTypes { " + typeRef + " } } directives { name locations args { " + inputValue + " } } }";
		var answer = query("{ " + schema + " }").andExpect(status().isOk())
			.andExpect(jsonPath("$.errors").doesNotExist())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var types = JSON.readTree(answer).at("/data/__schema/types");
		assertThat(types.valueStream().map(type -> type.get("name").asString()))
			.contains("ParticipationReport", "ParticipationFilter", "Dimension");
		refused("{ regions { code } " + schema + " }", "maximum query depth exceeded 15 > 12");
		// the same question in fragments, as explorers write it, weighs what it weighs written out, and passes
		query(graphql.introspection.IntrospectionQuery.INTROSPECTION_QUERY).andExpect(status().isOk())
			.andExpect(jsonPath("$.errors").doesNotExist())
			.andExpect(jsonPath("$.data.__schema.queryType.name").value("Query"));
		refused("{ __type(name: \"Query\") { " + "ofType { ".repeat(20) + "name" + " }".repeat(20) + " } }",
				"maximum query depth exceeded 22 > 20");
		refused("{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }",
				"This request is not asking for introspection in good faith");
	}

	/** Report documents may be answered from the response cache, which must not read anything before the limits. */
	@Test
	void aReportTooDeepOrTooBigRunsNoSqlEither() throws Exception {
		var deep = "{ participation { breakdown(by: [REGION]) { region { " + "municipalities { region { ".repeat(6)
				+ "code" + " } }".repeat(6) + " } } } }";
		refused(deep, "maximum query depth exceeded 16 > 12");
		refused("{ participation { breakdown(by: [ORGANIZATION], first: 10000) { region { municipalities { region { "
				+ "municipalities { code } } } } } } }", "maximum query complexity exceeded");
	}

	/**
	 * The geography lists weigh what they answer (71 municipalities, at most 12 in a region), not pages of 10: weighed
	 * so, a tester's question of 150 characters passed and answered 23 MB after 12 s.
	 */
	@Test
	void geographyListsWeighWhatTheyAnswer() throws Exception {
		refused("{ municipalities { region { municipalities { code region { municipalities { code region { "
				+ "municipalities { code region { code } } } } } } } } }", "maximum query complexity exceeded");
		query("{ regions { code municipalities { code region { code } } } municipalities { code region { "
				+ "municipalities { code } } } }")
			.andExpect(jsonPath("$.errors").doesNotExist())
			.andExpect(jsonPath("$.data.regions.length()").value(12))
			.andExpect(jsonPath("$.data.municipalities.length()").value(71));
	}

	/**
	 * A breakdown without first answers every group, up to 10,000: it weighs the most groups its dimensions can have,
	 * not the 10 of a page. Weighed as 10, this took 4 s and 3 MB on the demo data alone, four aliases of it 19 s.
	 */
	@Test
	void aBreakdownWithoutFirstWeighsAllItsGroups() throws Exception {
		var nested = "activity { project { programme { projects { partners { organization { region { municipalities { "
				+ "code name } } } } } } } } participants";
		refused("{ participation { breakdown(by: [ACTIVITY, ORGANIZATION, MONTH]) { " + nested + " } } }",
				"maximum query complexity exceeded");
		// the refusal names the list that weighs most and what lowers it (an analyst's breakdown by project was
		// refused with two numbers alone)
		refused("{ participation { breakdown(by: [PROJECT]) { project { code name lead { code } partners { "
				+ "organization { code name } role } programme { code name } } participants share } } }",
				"maximum query complexity exceeded: the document weighs more than the 500000 allowed; a field "
						+ "weighs 1 plus its fields, times the items a list may hold (its first, else its default page: 10,"
						+ " a connection's 20; for a breakdown the most groups its dimensions can have), so lists within"
						+ " lists multiply; the largest list, participation.breakdown, is "
						+ "weighed at 10000 items: give it first to ask for fewer");
		refused("{ activities(first: 100000000) { edges { node { code title } } } }", "maximum query complexity "
				+ "exceeded: the document weighs more than the 500000 allowed; a field weighs 1 plus its "
				+ "fields, times the items a list may hold (its first, else its default page: 10, a connection's 20;"
				+ " for a breakdown the most groups its dimensions can have), so lists within lists multiply; the"
				+ " largest list, activities, is weighed at 100000000 items: give it a "
				+ "smaller first");
		// whether a breakdown withheld groups counts it whole, and weighs as it (it weighed 1: fifty asked for ten
		// thousand groups each)
		var withheld = new StringBuilder("{ participation { ");
		for (int i = 0; i < 50; i++) {
			withheld.append("w").append(i).append(": withheld(by: [ACTIVITY]) ");
		}
		refused(withheld + "withheld(by: [ACTIVITY]) } }", "maximum query complexity exceeded: the document weighs more than the 500000 allowed; "
				+ "a field weighs 1 plus its fields, times the items a list may hold (its first, else its default page: "
				+ "10, a connection's 20; for a breakdown the most groups its dimensions can have), so lists within lists "
				+ "multiply; the largest list, participation.w0, is weighed at 10000 items: ask it by fewer dimensions, "
				+ "or fewer times");
		query("{ participation { withheld(by: [ACTIVITY]) } }").andExpect(jsonPath("$.data.participation.withheld")
			.value(false));
		// two fields of the greatest weight add up to more, not below 0 (they passed, summed in an int)
		refused("{ a: activities(first: 2147483647) { totalCount } b: activities(first: 2147483647) { totalCount } }",
				"maximum query complexity exceeded: the document weighs more than the 500000 allowed");
		refused("{ indicator(code: \"OUT-1.2\") { disaggregate(by: [ACTIVITY]) { group { " + nested + " } } } }",
				"maximum query complexity exceeded");
		// a fragment weighs as much at each of its spreads as written out there (spread twice it was weighed once)
		var fragment = "fragment G on ParticipationReport { breakdown(by: [ACTIVITY, GENDER]) { activity { code project "
				+ "{ partners { organization { code name } } } } } }";
		refused("{ participation { ...G } p2: participation(filter: {genders: [MALE]}) { ...G } } " + fragment,
				"maximum query complexity exceeded");
		refused("{ participation { ...G ...G } } " + fragment, "maximum query complexity exceeded");
		// the list of the most items is named, not the outermost, whose weight holds it
		refused("{ indicators(programme: \"EU-CSO-EQUAL\") { disaggregate(by: [ACTIVITY]) { group { " + nested
				+ " } } } }", "maximum query complexity exceeded");
		query("{ indicators(programme: \"EU-CSO-EQUAL\") { disaggregate(by: [ACTIVITY]) { group { " + nested
				+ " } } } }")
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.endsWith("the largest list, "
					+ "indicators.disaggregate, is weighed at 10000 items: ask for fewer fields within it")));
		// dimensions of few values weigh few groups: women and men by region, municipality and age band answer
		query("{ participation { breakdown(by: [REGION, MUNICIPALITY, GENDER, AGE_BAND]) { region { code name } "
				+ "municipality { code name } gender ageBand participants participations share } } }")
			.andExpect(jsonPath("$.errors").doesNotExist())
			.andExpect(jsonPath("$.data.participation.breakdown[0].participants").isNumber());
		// and a breakdown by activity, the field a dashboard shows, answers too
		query("{ participation { breakdown(by: [ACTIVITY]) { activity { code title } participants } } }")
			.andExpect(jsonPath("$.errors").doesNotExist())
			.andExpect(jsonPath("$.data.participation.breakdown.length()").value(101));
	}

	@Test
	void aMegabyteOfText() throws Exception {
		refused("{ regions { code } } # " + "x".repeat(1_000_000), "More than 50,000 characters have been presented");
	}

	@Test
	void twoThousandAliases() throws Exception {
		refused("{ " + IntStream.range(0, 2000).mapToObj(i -> "a" + i + ": regions { code }").collect(Collectors.joining(" "))
				+ " }", "More than 5,000 'grammar' tokens have been presented");
	}

	@Test
	void fiveThousandRepeatedFields() throws Exception {
		refused("{ regions { " + "code ".repeat(5000) + "} }", "More than 5,000 'grammar' tokens have been presented");
	}

	@Test
	void moreFieldsThanAllowedUnderTheTokenLimit() throws Exception {
		refused("{ regions { " + "code ".repeat(600) + "} }", "The document selects more than 500 fields");
	}

	@Test
	void sixtyAliases() throws Exception {
		refused("{ " + IntStream.range(0, 60).mapToObj(i -> "a" + i + ": regions { code }").collect(Collectors.joining(" "))
				+ " }", "The document uses more than 50 aliases");
	}

	@Test
	void aDeepFragmentCycle() throws Exception {
		refused("""
				{ regions { ...A } }
				fragment A on Region { municipalities { ...B } }
				fragment B on Municipality { region { ...A } }""", "The fragment A spreads itself (a cycle)");
	}

	/** Expanded, this document would select 100^11 fields; the guard against that is that it is refused at all. */
	@Test
	@Timeout(60)
	void fragmentsSpreadIntoEachOtherManyTimesOverAreCountedWithoutExpandingThem() throws Exception {
		var document = new StringBuilder("{ ...F0 }\n");
		for (int level = 0; level < 12; level++) {
			document.append("fragment F").append(level).append(" on Query { ")
				.append(level < 11 ? ("...F" + (level + 1) + " ").repeat(100) : "regions { code } ")
				.append("}\n");
		}
		refused(document.toString(), "The document selects more than 500 fields");
	}

	@Test
	void anUndefinedFragment() throws Exception {
		refused("{ regions { ...Missing } }", "The document spreads the fragment Missing, which it does not define");
	}

	@Test
	void aHugePage() throws Exception {
		refused("{ activities(first: 100000000) { edges { node { code title } } } }", "maximum query complexity exceeded");
	}

	@Test
	void everyStatementIsCutOffAfterThirtySeconds() {
		assertThat(this.jdbc.queryForObject("SHOW statement_timeout", String.class)).isEqualTo("30s");
	}

	@Test
	void anHttpBatchIsRefused() throws Exception {
		this.statements.reset();
		var result = this.mvc.perform(post("/graphql").contentType(MediaType.APPLICATION_JSON)
			.content("[{\"query\":\"{ regions { code } }\"},{\"query\":\"{ regions { code } }\"}]"))
			.andReturn()
			.getResponse();
		assertThat(result.getStatus()).isEqualTo(400);
		assertThat(result.getContentAsString()).doesNotContain("GE-AB");
		assertThat(this.statements.count()).isZero();
	}

	/**
	 * Refused before anything runs: as BAD_REQUEST, as every other request the client must change is (it was
	 * ExecutionAborted), but by the parser's limits (InvalidSyntax) and graphql-java's check of questions about the
	 * schema (BadFaithIntrospection), which classify their own.
	 */
	private void refused(String document, String message) throws Exception {
		var classification = message.startsWith("More than") ? "InvalidSyntax"
				: message.endsWith("in good faith") ? "BadFaithIntrospection" : "BAD_REQUEST";
		this.statements.reset();
		var response = query(document).andExpect(status().isOk())
			.andExpect(jsonPath("$.data").doesNotExist())
			.andExpect(jsonPath("$.errors[0].message").value(startsWith(message)))
			.andExpect(jsonPath("$.errors[0].extensions.classification").value(classification))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(response).doesNotContain("at org.", "Exception", "SELECT");
		assertThat(this.statements.count()).isZero();
	}

	private ResultActions query(String document) throws Exception {
		return this.mvc.perform(post("/graphql").contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(java.util.Map.of("query", document))));
	}

}
