package org.kvali.programme;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A programme or project set up by mistake is deleted once nothing names it; until then the deletion is refused,
 * telling what does, and nothing is deleted.
 */
@IntegrationTest
class ProgrammeDeletionTest {

	// language=GraphQL
	private static final String SET_UP = """
			mutation {
			  createProgramme(input: {code: "TD-PRG", name: "Mistaken", donors: ["EU"], publisher: "HEKS-EPER",
			      startDate: "2026-01-01", endDate: "2026-12-31"}) { code }
			  a: createProject(input: {code: "TD-A", programme: "TD-PRG", name: "A", lead: "HEKS-EPER",
			      partners: [{organization: "CIF", role: REGIONAL_PARTNER}]}) { code }
			  b: createProject(input: {code: "TD-B", programme: "TD-PRG", name: "B"}) { code }
			  c: createProject(input: {code: "TD-C", programme: "TD-PRG", name: "C"}) { code }
			  d: createProject(input: {code: "TD-D", programme: "TD-PRG", name: "D"}) { code }
			  createActivity(input: {code: "TD-ACT", project: "TD-A", kind: MEETING, title: "Kick-off",
			      startDate: "2026-02-02", endDate: "2026-02-02"}) { code }
			  own: createIndicator(input: {code: "TD-OWN", programme: "TD-PRG", project: "TD-A", name: "Own",
			      level: OUTPUT, unit: NUMBER, method: REPORTED}) { code }
			  naming: createIndicator(input: {code: "TD-NAMING", programme: "TD-PRG", name: "Naming", level: OUTPUT,
			      unit: NUMBER, method: COMPUTED, measure: PARTICIPANTS, filter: {projects: ["TD-B"]}}) { code }
			}""";

	private static final String DELETE_PROGRAMME = "mutation($code: ID!) { deleteProgramme(code: $code) }";

	private static final String DELETE_PROJECT = "mutation($code: ID!) { deleteProject(code: $code) }";

	private static final String INDICATORS = "change those indicators' filters (updateIndicator) or delete them"
			+ " (deleteIndicator)";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void clean() {
		this.jdbc.update("DELETE FROM erased_reference WHERE digest = sha256('td erased')");
		this.jdbc.update("DELETE FROM deleted_person WHERE ref_digest = sha256('td deleted')");
		this.jdbc.update("DELETE FROM indicator WHERE code LIKE 'TD-%'");
		this.jdbc.update("DELETE FROM activity WHERE code LIKE 'TD-%'");
		this.jdbc.update("DELETE FROM project WHERE code LIKE 'TD-%'");
		this.jdbc.update("DELETE FROM programme WHERE code LIKE 'TD-%'");
	}

	@Test
	void whatNamesAProgrammeOrProjectIsToldUntilItIsGone() {
		this.graphQl.document(SET_UP).execute().path("naming.code").entity(String.class).isEqualTo("TD-NAMING");
		refused(DELETE_PROGRAMME, "TD-PRG", "code: Programme TD-PRG still has 4 projects (TD-A, TD-B, TD-C and 1 more)"
				+ " and 2 indicators (TD-NAMING, TD-OWN): delete them (deleteProject) and delete those indicators"
				+ " (deleteIndicator) first, then the programme");
		refused(DELETE_PROJECT, "TD-A", "code: Project TD-A still has 1 activity (TD-ACT) and 1 indicator (TD-OWN):"
				+ " delete them (deleteActivity, with withParticipations: true for those people took part in) and make"
				+ " those indicators the programme's or another project's (updateIndicator with project) or delete them"
				+ " (deleteIndicator) first, then the project");
		refused(DELETE_PROJECT, "TD-B", "code: Project TD-B still has 1 indicator whose filter names it (TD-NAMING): "
				+ INDICATORS + " first, then the project");
		assertThat(count("SELECT count(*) FROM project WHERE code LIKE 'TD-%'")).isEqualTo(4);

		// an erasure remembering the project (its person's participations removed since) forgets it with it, and so
		// does the digest of someone deleted with an activity of it
		this.jdbc.update("INSERT INTO erased_reference (digest, erased_on, projects) SELECT sha256('td erased'),"
				+ " DATE '2026-03-01', ARRAY[id] FROM project WHERE code = 'TD-C'");
		this.jdbc.update("INSERT INTO deleted_person (ref_digest, deleted_on, projects) SELECT sha256('td deleted'),"
				+ " DATE '2026-03-01', ARRAY[id] FROM project WHERE code = 'TD-C'");
		long notes = count("SELECT count(*) FROM fact_change");
		long version = count("SELECT version FROM data_version");
		deleted(DELETE_PROJECT, "TD-C");
		// the report index holds nothing of a project without activities: it is not made to read everything again,
		// but answers kept from before are not given again
		assertThat(count("SELECT count(*) FROM fact_change")).isEqualTo(notes);
		assertThat(count("SELECT cardinality(projects) FROM erased_reference WHERE digest = sha256('td erased')"))
			.isZero();
		assertThat(count("SELECT cardinality(projects) FROM deleted_person WHERE ref_digest = sha256('td deleted')"))
			.isZero();
		assertThat(count("SELECT version FROM data_version")).isGreaterThan(version);

		long projectA = count("SELECT id FROM project WHERE code = 'TD-A'");
		long programme = count("SELECT id FROM programme WHERE code = 'TD-PRG'");
		assertThat(count("SELECT count(*) FROM project_partner WHERE project_id = " + projectA)).isOne();
		assertThat(count("SELECT count(*) FROM programme_donor WHERE programme_id = " + programme)).isOne();
		// the indicators are kept, made the programme's and counting another project
		// language=GraphQL
		this.graphQl.document("""
				mutation { deleteActivity(code: "TD-ACT")
				  own: updateIndicator(code: "TD-OWN", input: {project: null}) { project { code } }
				  naming: updateIndicator(code: "TD-NAMING", input: {filter: {projects: ["TD-D"]}}) { code } }""")
			.execute().path("own.project").valueIsNull().path("naming.code").entity(String.class).isEqualTo("TD-NAMING");
		for (var project : new String[] { "TD-A", "TD-B" }) {
			deleted(DELETE_PROJECT, project);
		}
		// its lead and partner went with it, and the organizations stay
		assertThat(count("SELECT count(*) FROM project_partner WHERE project_id = " + projectA)).isZero();
		refused(DELETE_PROJECT, "TD-D", "code: Project TD-D still has 1 indicator whose filter names it (TD-NAMING): "
				+ INDICATORS + " first, then the project");
		this.graphQl.document("mutation { a: deleteIndicator(code: \"TD-OWN\") b: deleteIndicator(code: \"TD-NAMING\") }")
			.execute().path("b").entity(String.class).isEqualTo("TD-NAMING");
		deleted(DELETE_PROJECT, "TD-D");
		deleted(DELETE_PROGRAMME, "TD-PRG");
		assertThat(count("SELECT count(*) FROM programme_donor WHERE programme_id = " + programme)).isZero();
		assertThat(count("SELECT count(*) FROM organization WHERE code IN ('EU', 'HEKS-EPER', 'CIF')")).isEqualTo(3);
		this.graphQl.document("{ programmes { code } projects { code } }").execute()
			.path("programmes[*].code").entityList(String.class).doesNotContain("TD-PRG")
			.path("projects[*].code").entityList(String.class).doesNotContain("TD-A", "TD-B", "TD-C", "TD-D");
	}

	@Test
	void anUnknownCodeIsNotFoundAndNamesTheStoredCase() {
		this.graphQl.document(DELETE_PROJECT).variable("code", "cso-capacity").execute().errors()
			.expect(error -> error.getErrorType().toString().equals("NOT_FOUND")
					&& error.getMessage().equals("No project has the code 'cso-capacity'; it is written CSO-CAPACITY"))
			.verify();
		this.graphQl.document(DELETE_PROGRAMME).variable("code", "NOPE").execute().errors()
			.expect(error -> error.getErrorType().toString().equals("NOT_FOUND")
					&& error.getMessage().equals("No programme has the code 'NOPE'"))
			.verify();
	}

	private void refused(String document, String code, String message) {
		this.graphQl.document(document).variable("code", code).execute().errors()
			.expect(error -> error.getErrorType().toString().equals("BAD_REQUEST") && error.getMessage().equals(message))
			.verify();
	}

	private void deleted(String document, String code) {
		var field = document.substring(document.indexOf("{ ") + 2, document.lastIndexOf('('));
		this.graphQl.document(document).variable("code", code).execute().path(field).entity(String.class).isEqualTo(code);
	}

	private long count(String sql) {
		return this.jdbc.queryForObject(sql, Long.class);
	}

}
