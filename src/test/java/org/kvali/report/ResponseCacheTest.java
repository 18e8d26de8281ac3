package org.kvali.report;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kvali.Callers;
import org.kvali.IntegrationTest;
import org.kvali.access.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Whole answers kept per data version ({@link ResponseCache}), on the demo data: given again byte for byte while the
 * data is unchanged, never after a change, per role, and only for report documents of callers whose answers depend
 * on their role alone.
 */
@IntegrationTest
class ResponseCacheTest {

	/** The participants of CMP-2024-GARDABANI by gender and project. */
	private static final String GARDABANI = "{ participation(filter: {activities: [\\\"CMP-2024-GARDABANI\\\"]}) { "
			+ "breakdown(by: [GENDER, PROJECT]) { gender project { code name programme { code } } participants "
			+ "participations suppressed } totals { participants } } }";

	@Autowired
	MockMvc mvc;

	@Autowired
	GraphQlSource graphQlSource;

	@Autowired
	Callers callers;

	@Autowired
	ResponseCache cache;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void clean() {
		this.jdbc.update("DELETE FROM participant WHERE ref = 'RC-NEW-1'");
		this.callers.deleteKeys();
	}

	@Test
	void aRepeatedReportIsGivenFromTheCacheUntilTheDataChanges() throws Exception {
		var analyst = this.callers.secret(Role.ANALYST);
		long hits = this.cache.hits();
		var first = ask(analyst, GARDABANI);
		var project = "\"project\":{\"code\":\"LOCAL-BUDGET\",\"name\":\"Participatory local budgeting and advocacy\","
				+ "\"programme\":{\"code\":\"EU-CSO-EQUAL\"}}";
		assertThat(first).isEqualTo("{\"data\":{\"participation\":{\"breakdown\":["
				+ "{\"gender\":\"FEMALE\"," + project + ",\"participants\":16,\"participations\":16,\"suppressed\":false},"
				+ "{\"gender\":\"MALE\"," + project + ",\"participants\":12,\"participations\":12,\"suppressed\":false},"
				+ "{\"gender\":\"UNDISCLOSED\"," + project + ",\"participants\":2,\"participations\":2,\"suppressed\":false}"
				+ "],\"totals\":{\"participants\":30}}}}");
		assertThat(this.cache.hits()).isEqualTo(hits);
		assertThat(ask(analyst, GARDABANI)).isEqualTo(first);
		assertThat(this.cache.hits()).isEqualTo(hits + 1);

		// one more woman at the campaign, committed: the next answer counts her
		this.jdbc.update("INSERT INTO participant (ref, gender) VALUES ('RC-NEW-1', 'FEMALE')");
		this.jdbc.update("""
				INSERT INTO participation (activity_id, participant_id) SELECT a.id, p.id FROM activity a, participant p
				WHERE a.code = 'CMP-2024-GARDABANI' AND p.ref = 'RC-NEW-1'""");
		var changed = ask(analyst, GARDABANI);
		assertThat(changed).isEqualTo(first.replace("\"participants\":16,\"participations\":16,",
				"\"participants\":17,\"participations\":17,").replace("\"totals\":{\"participants\":30}",
				"\"totals\":{\"participants\":31}"));
		assertThat(changed).isNotEqualTo(first);
		assertThat(this.cache.hits()).isEqualTo(hits + 1);
		assertThat(ask(analyst, GARDABANI)).isEqualTo(changed);
		assertThat(this.cache.hits()).isEqualTo(hits + 2);
	}

	@Test
	void theVariablesArePartOfTheQuestion() throws Exception {
		var analyst = this.callers.secret(Role.ANALYST);
		var query = "query Reach($a: [ID!]) { participation(filter: {activities: $a}) { totals { participants } } }";
		long hits = this.cache.hits();
		var gardabani = "{\"a\": [\"CMP-2024-GARDABANI\"]}";
		var akhaltsikhe = "{\"a\": [\"WS-2023-AKHALTSIKHE\"]}";
		assertThat(ask(analyst, query, gardabani)).isEqualTo("{\"data\":{\"participation\":{\"totals\":{\"participants\":30}}}}");
		assertThat(ask(analyst, query, akhaltsikhe)).isEqualTo("{\"data\":{\"participation\":{\"totals\":{\"participants\":20}}}}");
		assertThat(this.cache.hits()).isEqualTo(hits);
		assertThat(ask(analyst, query, gardabani)).isEqualTo("{\"data\":{\"participation\":{\"totals\":{\"participants\":30}}}}");
		assertThat(this.cache.hits()).isEqualTo(hits + 1);
	}

	@Test
	void aBreakdownByGroupsOfAgesIsKeptForItsStarts() throws Exception {
		var analyst = this.callers.secret(Role.ANALYST);
		var query = "{ participation(filter: {activities: [\\\"CMP-2024-GARDABANI\\\"]}) { breakdown(by: [AGE_GROUP],"
				+ " ageGroupStarts: [%s]) { ageGroup { from to } participants } } }";
		long hits = this.cache.hits();
		var brackets = ask(analyst, query.formatted("25, 30"));
		assertThat(brackets).startsWith("{\"data\":{\"participation\":{\"breakdown\":[{\"ageGroup\":{\"from\":0,\"to\":24},");
		// other starts are another question
		assertThat(ask(analyst, query.formatted("20"))).contains("{\"ageGroup\":{\"from\":0,\"to\":19},");
		assertThat(this.cache.hits()).isEqualTo(hits);
		assertThat(ask(analyst, query.formatted("25, 30"))).isEqualTo(brackets);
		assertThat(this.cache.hits()).isEqualTo(hits + 1);
	}

	@Test
	void eachRoleGetsItsOwnAnswer() throws Exception {
		var query = GARDABANI.replace("CMP-2024-GARDABANI", "WS-2023-AKHALTSIKHE");
		var analyst = ask(this.callers.secret(Role.ANALYST), query);
		assertThat(analyst).contains("{\"gender\":\"MALE\",\"project\":", "\"participants\":5,\"participations\":5,")
			.doesNotContain("\"suppressed\":true");
		var donor = this.callers.secret(Role.DONOR);
		for (int twice = 0; twice < 2; twice++) {
			assertThat(ask(donor, query)).doesNotContain("\"participants\":5,", "\"gender\":\"MALE\"")
				.contains("{\"gender\":\"FEMALE\",\"project\":");
		}
	}

	@Test
	void onlyReportsOfCallersWhoseAnswersDependOnTheirRoleAloneAreKept() throws Exception {
		var analyst = this.callers.secret(Role.ANALYST);
		// project partners are not part of the data version
		var partners = "{ participation { breakdown(by: [PROJECT]) { project { code partners { role } } participants } } }";
		// an indicator is not either, nor is any other root field
		var mixed = "{ participation { totals { participants } } regions { code } }";
		// a partner's answers depend on its projects
		var partner = this.callers.secret(Role.PARTNER, "CIF");
		long hits = this.cache.hits();
		for (int twice = 0; twice < 2; twice++) {
			assertThat(ask(analyst, partners)).contains("\"partners\":[{\"role\":");
			assertThat(ask(analyst, mixed)).contains("\"regions\":[{\"code\":\"GE-AB\"}");
			assertThat(ask(partner, GARDABANI)).contains("\"participants\":16,\"participations\":16,");
			// an answer with an error
			assertThat(ask(analyst, GARDABANI.replace("CMP-2024-GARDABANI", "NO-SUCH-ACTIVITY")))
				.contains("No activity has the code 'NO-SUCH-ACTIVITY'");
		}
		assertThat(this.cache.hits()).isEqualTo(hits);
	}

	@Test
	void theFieldsThatMayBeKeptAreFieldsOfTheSchema() {
		var schema = this.graphQlSource.schema();
		assertThat(ResponseCache.KEPT).hasSize(75).allSatisfy(field -> assertThat(
				schema.getObjectType(field.getTypeName()).getFieldDefinition(field.getFieldName())).as(field.toString())
			.isNotNull());
	}

	private String ask(String key, String query) throws Exception {
		return ask(key, query, "{}");
	}

	private String ask(String key, String query, String variables) throws Exception {
		return this.mvc
			.perform(post("/graphql").contentType(MediaType.APPLICATION_JSON)
				.header("Authorization", "Bearer " + key)
				.content("{\"query\":\"" + query + "\", \"variables\": " + variables + "}"))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
