package org.kvali.organization;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.access.ApiKeyService;
import org.kvali.access.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseDataSource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organization created by mistake is deleted once nothing names it; until then the deletion is refused, telling
 * every kind of thing that names it, and nothing is deleted.
 */
@IntegrationTest
class OrganizationDeletionTest {

	// language=GraphQL
	private static final String SET_UP = """
			mutation {
			  createOrganization(input: {code: "TD-O", name: "Typo Union", kind: CSO}) { code }
			  createProgramme(input: {code: "TD-P", name: "P", donors: ["TD-O"], publisher: "TD-O",
			      startDate: "2026-01-01", endDate: "2026-12-31"}) { code }
			  led: createProject(input: {code: "TD-J", programme: "TD-P", name: "J", lead: "TD-O"}) { code }
			  partnered: createProject(input: {code: "TD-K", programme: "TD-P", name: "K", lead: "HEKS-EPER",
			      partners: [{organization: "TD-O", role: REGIONAL_PARTNER}]}) { code }
			  createActivity(input: {code: "TD-A", project: "TD-K", kind: MEETING, title: "Meeting", organizer: "TD-O",
			      startDate: "2026-03-03", endDate: "2026-03-03"}) { code }
			  createIndicator(input: {code: "TD-I", programme: "TD-P", name: "I", level: OUTPUT, unit: NUMBER,
			      method: COMPUTED, measure: PARTICIPANTS, filter: {organizers: ["TD-O"]}}) { code }
			}""";

	private static final String DELETE = "mutation($code: ID!) { deleteOrganization(code: $code) }";

	private static final String MERGE = "merge it into the organization it should be (mergeOrganization), which moves"
			+ " them and removes it, or change them one by one and delete it";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApiKeyService keys;

	@Autowired
	@LiquibaseDataSource
	DataSource ownerDataSource;

	@AfterEach
	void clean() {
		var owner = new JdbcTemplate(this.ownerDataSource);
		owner.update("DELETE FROM attendance_import WHERE imported_by = 'td test'");
		owner.update("DELETE FROM erased_reference WHERE digest = sha256('td erased')");
		owner.update("DELETE FROM deleted_person WHERE ref_digest = sha256('td deleted')");
		removeWhatNamesIt(owner);
		owner.update("DELETE FROM api_key WHERE name LIKE 'td %'");
		owner.update("DELETE FROM organization WHERE code LIKE 'TD-%'");
	}

	/** The test's indicators, people, activities, projects and programme. */
	private static void removeWhatNamesIt(JdbcTemplate owner) {
		owner.update("DELETE FROM indicator WHERE code LIKE 'TD-%'");
		owner.update("DELETE FROM participation WHERE activity_id IN (SELECT id FROM activity WHERE code LIKE 'TD-%')");
		owner.update("DELETE FROM participant WHERE ref LIKE 'TD-%'");
		owner.update("DELETE FROM activity WHERE code LIKE 'TD-%'");
		owner.update("DELETE FROM project WHERE code LIKE 'TD-%'");
		owner.update("DELETE FROM programme WHERE code LIKE 'TD-%'");
	}

	@Test
	void everythingThatNamesItIsToldAndItGoesOnceNothingDoes() {
		this.graphQl.document(SET_UP).execute().path("createIndicator.code").entity(String.class).isEqualTo("TD-I");
		this.keys.create("td partner", Role.PARTNER, List.of("TD-O"), false, "test");
		var owner = new JdbcTemplate(this.ownerDataSource);
		owner.update("""
				INSERT INTO participant (ref, gender, organization_id)
				SELECT ref, 'FEMALE', (SELECT id FROM organization WHERE code = 'TD-O') FROM unnest(ARRAY['TD-1', 'TD-2']) ref""");
		owner.update("""
				INSERT INTO participation (activity_id, participant_id, organization_id)
				SELECT (SELECT id FROM activity WHERE code = 'TD-A'), id, organization_id FROM participant WHERE ref LIKE 'TD-%'""");
		owner.update("""
				INSERT INTO indicator_value (indicator_id, period_key, period_start, period_end, value, reported_by, reported_for)
				SELECT id, '2026', DATE '2026-01-01', DATE '2026-12-31', 3, 'td test',
				       ARRAY[(SELECT id FROM organization WHERE code = 'TD-O')]
				FROM indicator WHERE code = 'TD-I'""");
		owner.update("""
				INSERT INTO attendance_import (id, status, dry_run, file_sha256, content_type, imported_by, rows, report, imported_for)
				VALUES (gen_random_uuid(), 'VALIDATED', true, repeat('a', 64), 'text/csv', 'td test', 1, '{}',
				        ARRAY[(SELECT id FROM organization WHERE code = 'TD-O')])""");
		// people erased, and deleted with an activity, at its activities
		owner.update("""
				INSERT INTO erased_reference (digest, erased_on, hosted_by)
				SELECT sha256('td erased'), DATE '2026-03-01', ARRAY[id] FROM organization WHERE code = 'TD-O'""");
		owner.update("""
				INSERT INTO deleted_person (ref_digest, deleted_on, hosted_by)
				SELECT sha256('td deleted'), DATE '2026-03-01', ARRAY[id] FROM organization WHERE code = 'TD-O'""");
		refused("code: Organization TD-O still has 1 programme it funds (TD-P), 1 programme it publishes (TD-P),"
				+ " 1 project it leads (TD-J), 1 project it partners (TD-K), 1 activity it runs (TD-A), 2 participations"
				+ " (TD-1, TD-2), 2 people of it (TD-1, TD-2), 1 value reported for it (TD-I), 1 API key acting for it (td partner) and 1 indicator"
				+ " whose filter names it (TD-I): revoke the keys (revokeApiKey) and change those indicators' filters"
				+ " (updateIndicator) or delete them (deleteIndicator) first, then " + MERGE);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM organization WHERE code = 'TD-O'", Integer.class))
			.isOne();

		// what only remembers it holds it no longer: a revoked key, the sheets loaded for it, the people erased or
		// deleted at its activities
		removeWhatNamesIt(owner);
		refused("code: Organization TD-O still has 1 API key acting for it (td partner): revoke the keys (revokeApiKey)"
				+ " first, then the organization");
		owner.update("UPDATE api_key SET revoked_at = now() WHERE name = 'td partner'");
		this.graphQl.document(DELETE).variable("code", "TD-O").execute().path("deleteOrganization")
			.entity(String.class).isEqualTo("TD-O");
		this.graphQl.document("{ organization(code: \"TD-O\") { code } }").execute().errors()
			.expect(error -> error.getErrorType().toString().equals("NOT_FOUND")).verify();
		assertThat(owner.queryForList("SELECT cardinality(imported_for) FROM attendance_import WHERE imported_by ="
				+ " 'td test'", Integer.class)).containsExactly(0);
		assertThat(owner.queryForList("SELECT cardinality(hosted_by) FROM erased_reference WHERE digest ="
				+ " sha256('td erased') UNION ALL SELECT cardinality(hosted_by) FROM deleted_person WHERE ref_digest ="
				+ " sha256('td deleted')", Integer.class)).containsExactly(0, 0);
		assertThat(owner.queryForList("SELECT count(ko.*) FROM api_key k LEFT JOIN api_key_organization ko"
				+ " ON ko.api_key_id = k.id WHERE k.name = 'td partner'", Integer.class)).containsExactly(0);
	}

	@Test
	void anOrganizationTheDemoNamesIsRefusedAndAnUnknownCodeIsNotFound() {
		int participations = this.jdbc.queryForObject("SELECT count(*) FROM participation WHERE organization_id ="
				+ " (SELECT id FROM organization WHERE code = 'EU')", Integer.class);
		assertThat(participations).isZero();
		refused("EU", "code: Organization EU still has 1 programme it funds (EU-CSO-EQUAL): " + MERGE);
		this.graphQl.document(DELETE).variable("code", "cif").execute().errors()
			.expect(error -> error.getErrorType().toString().equals("NOT_FOUND")
					&& error.getMessage().equals("No organization has the code 'cif'; it is written CIF"))
			.verify();
	}

	private void refused(String message) {
		refused("TD-O", message);
	}

	private void refused(String code, String message) {
		this.graphQl.document(DELETE).variable("code", code).execute().errors()
			.expect(error -> error.getErrorType().toString().equals("BAD_REQUEST") && error.getMessage().equals(message))
			.verify();
	}

}
