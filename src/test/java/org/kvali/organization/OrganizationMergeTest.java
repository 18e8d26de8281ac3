package org.kvali.organization;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kvali.Callers;
import org.kvali.IntegrationTest;
import org.kvali.access.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseDataSource;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An organization a sheet made under a mistyped code is merged into the stored one it meant: its people, roles and
 * history move, every report counts them under the other, and a later sheet naming the old code is recorded so too.
 */
@IntegrationTest
class OrganizationMergeTest {

	private static final String HEADER = "activity_code,activity_title,activity_kind,project_code,start_date,end_date,"
			+ "venue_municipality,participant_ref,gender,birth_year,disability,home_municipality,organization_code,"
			+ "organization_name,role\n";

	// language=GraphQL
	private static final String SET_UP = """
			mutation {
			  createOrganization(input: {code: "TD-M-TYPO", name: "Civic Integraton Foundation", kind: CSO}) { code }
			  createProgramme(input: {code: "TD-M-P", name: "P", donors: ["TD-M-TYPO", "CIF", "EU"], publisher: "TD-M-TYPO",
			      startDate: "2025-01-01", endDate: "2025-12-31"}) { code }
			  k: createProject(input: {code: "TD-M-K", programme: "TD-M-P", name: "K", lead: "HEKS-EPER",
			      partners: [{organization: "TD-M-TYPO", role: REGIONAL_PARTNER}, {organization: "CIF", role: ASSOCIATE}]}) {
			    code }
			  l: createProject(input: {code: "TD-M-L", programme: "TD-M-P", name: "L", lead: "TD-M-TYPO",
			      partners: [{organization: "CIF", role: REGIONAL_PARTNER}]}) { code }
			  createIndicator(input: {code: "TD-M-R", programme: "TD-M-P", name: "Reported", level: OUTPUT, unit: NUMBER,
			      method: REPORTED}) { code }
			}""";

	// language=GraphQL
	private static final String BY_ORGANIZATION = """
			{ participation(filter: {activities: ["TD-M-A"]}) {
			    breakdown(by: [ORGANIZATION]) { organization { code } participants } } }""";

	private static final String MERGE = "mutation { mergeOrganization(code: \"TD-M-TYPO\", into: \"CIF\") { code name } }";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	MockMvc mvc;

	@Autowired
	Callers callers;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@LiquibaseDataSource
	DataSource ownerDataSource;

	@AfterEach
	void clean() {
		var owner = new JdbcTemplate(this.ownerDataSource);
		owner.update("DELETE FROM attendance_import WHERE imported_by = 'td-m test' OR report::text LIKE '%TD-M-%'");
		owner.update("DELETE FROM erased_reference WHERE digest = sha256('td-m erased')");
		owner.update("DELETE FROM deleted_person WHERE ref_digest = sha256('td-m deleted')");
		owner.update("DELETE FROM indicator_value WHERE reported_by = 'td-m test'");
		owner.update("DELETE FROM indicator WHERE code LIKE 'TD-M-%'");
		owner.update("DELETE FROM participation WHERE activity_id IN (SELECT id FROM activity WHERE code LIKE 'TD-M-%')");
		owner.update("DELETE FROM participant WHERE ref LIKE 'TD-M-%'");
		owner.update("DELETE FROM activity WHERE code LIKE 'TD-M-%'");
		owner.update("DELETE FROM project WHERE code LIKE 'TD-M-%'");
		owner.update("DELETE FROM programme WHERE code LIKE 'TD-M-%'");
		owner.update("DELETE FROM api_key WHERE name LIKE 'td-m %'");
		this.callers.deleteKeys();
		owner.update("DELETE FROM organization_alias WHERE code LIKE 'TD-M-%'");
		owner.update("DELETE FROM organization WHERE code LIKE 'TD-M-%'");
	}

	@Test
	void everythingOfTheMistypedOrganizationMovesToTheOneItMeant() throws Exception {
		this.graphQl.document(SET_UP).execute().path("l.code").entity(String.class).isEqualTo("TD-M-L");
		load("""
				TD-M-A,Budget hearing,meeting,TD-M-K,2025-05-05,2025-05-05,,TD-M-1,female,1990,,,TD-M-TYPO,,
				TD-M-A,Budget hearing,meeting,TD-M-K,2025-05-05,2025-05-05,,TD-M-2,male,1985,,,TD-M-TYPO,,
				TD-M-A,Budget hearing,meeting,TD-M-K,2025-05-05,2025-05-05,,TD-M-3,female,1979,,,CIF,,
				""", false).andExpect(jsonPath("$.status").value("IMPORTED"));
		this.graphQl.document("mutation { updateActivity(code: \"TD-M-A\", input: {organizer: \"TD-M-TYPO\"}) { code } }")
			.execute().path("updateActivity.code").hasValue();
		var revoked = this.graphQl.document("mutation { createApiKey(input: {name: \"td-m revoked\", role: PARTNER,"
				+ " organizations: [\"TD-M-TYPO\", \"CIF\"]}) { key { id } } }").execute().path("createApiKey.key.id")
			.entity(String.class).get();
		this.graphQl.document("mutation($id: ID!) { revokeApiKey(id: $id) { id } }").variable("id", revoked).execute();
		var active = this.graphQl.document("mutation { createApiKey(input: {name: \"td-m active\", role: PARTNER,"
				+ " organizations: [\"TD-M-TYPO\"]}) { key { id } } }").execute().path("createApiKey.key.id")
			.entity(String.class).get();
		// language=GraphQL
		this.graphQl.document("""
				mutation { createIndicator(input: {code: "TD-M-IND", programme: "TD-M-P", name: "Theirs", level: OUTPUT,
				    unit: NUMBER, method: COMPUTED, measure: PARTICIPANTS, filter: {organizations: ["TD-M-TYPO"]}}) { code } }""")
			.execute().path("createIndicator.code").hasValue();
		var owner = new JdbcTemplate(this.ownerDataSource);
		owner.update("""
				INSERT INTO indicator_value (indicator_id, period_key, period_start, period_end, value, reported_by, reported_for)
				SELECT i.id, '2025', DATE '2025-01-01', DATE '2025-12-31', 3, 'td-m test',
				       ARRAY(SELECT id FROM organization WHERE code IN ('TD-M-TYPO', 'CIF') ORDER BY id)
				FROM indicator i WHERE i.code = 'TD-M-R'""");
		owner.update("""
				INSERT INTO erased_reference (digest, erased_on, hosted_by)
				VALUES (sha256('td-m erased'), DATE '2025-06-01', ARRAY(SELECT id FROM organization WHERE code = 'TD-M-TYPO'))""");
		owner.update("""
				INSERT INTO deleted_person (ref_digest, deleted_on, hosted_by)
				SELECT sha256('td-m deleted'), DATE '2025-06-01', ARRAY[id]
				FROM organization WHERE code = 'TD-M-TYPO'""");
		// a project stored before a lead could not also be a partner: not the merge's to change
		owner.update("""
				INSERT INTO project (code, programme_id, name, lead_organization_id)
				SELECT 'TD-M-OLD', p.id, 'Old', o.id FROM programme p, organization o WHERE p.code = 'TD-M-P' AND o.code = 'SCCSF'""");
		owner.update("""
				INSERT INTO project_partner (project_id, organization_id, role)
				SELECT p.id, p.lead_organization_id, 'ASSOCIATE' FROM project p WHERE p.code = 'TD-M-OLD'""");
		owner.update("""
				INSERT INTO attendance_import (id, status, dry_run, file_sha256, content_type, imported_by, rows, report, imported_for)
				VALUES (gen_random_uuid(), 'VALIDATED', true, repeat('a', 64), 'text/csv', 'td-m test', 1, '{}',
				        ARRAY[(SELECT id FROM organization WHERE code = 'TD-M-TYPO')])""");
		assertThat(byOrganization()).isEqualTo(Map.of("CIF", 1, "TD-M-TYPO", 2));

		this.graphQl.document(MERGE).execute().errors()
			.expect(error -> error.getMessage().equals("code: Organization TD-M-TYPO still has 1 API key acting for it"
					+ " (td-m active) and 1 indicator whose filter names it (TD-M-IND): revoke the keys (revokeApiKey: a key"
					+ " acting for it would act for CIF) and change those indicators' filters (updateIndicator) or"
					+ " delete them (deleteIndicator) first, then merge"))
			.verify();
		assertThat(byOrganization()).isEqualTo(Map.of("CIF", 1, "TD-M-TYPO", 2));
		this.graphQl.document("mutation($id: ID!) { revokeApiKey(id: $id) { id } deleteIndicator(code: \"TD-M-IND\") }")
			.variable("id", active).execute().path("deleteIndicator").hasValue();

		long noted = owner.queryForObject("SELECT coalesce(max(id), 0) FROM fact_change", Long.class);
		this.graphQl.document(MERGE).execute().path("mergeOrganization.code").entity(String.class).isEqualTo("CIF");
		assertThat(byOrganization()).isEqualTo(Map.of("CIF", 3));
		// each change the report index reads is noted with its rows' ids, the organization's deletion too (changeset
		// 064): the index takes the merge in without reading everything again; the people of its activity are not
		// given it as a former organizer, as an activity handed over would (changeset 074)
		assertThat(owner.queryForList("""
				SELECT table_name || ' ' || coalesce(updated, deleted) || ' ' || (ids IS NOT NULL)
				FROM fact_change WHERE id > ? ORDER BY id""", String.class, noted))
			.containsExactly("participation 2 true", "participant 2 true", "activity 1 true", "organization 1 true");
		// language=GraphQL
		var after = this.graphQl.document("""
				{ k: project(code: "TD-M-K") { lead { code } partners { role organization { code } } }
				  l: project(code: "TD-M-L") { lead { code } partners { organization { code } } }
				  programme(code: "TD-M-P") { donors { code } publisher { code } }
				  activity(code: "TD-M-A") { organizer { code } }
				  participant(ref: "TD-M-1") { organization { code } } }""").execute();
		// CIF partnered K already, as an associate: the one body keeps the more substantive role, TD-M-TYPO's; and CIF
		// partnered L, which it now leads: a lead is not a partner
		after.path("k.partners[*].organization.code").entityList(String.class).containsExactly("CIF")
			.path("k.partners[0].role").entity(String.class).isEqualTo("REGIONAL_PARTNER")
			.path("l.lead.code").entity(String.class).isEqualTo("CIF")
			.path("l.partners").entityList(Object.class).hasSize(0)
			.path("programme.donors[*].code").entityList(String.class).containsExactly("CIF", "EU")
			.path("programme.publisher.code").entity(String.class).isEqualTo("CIF")
			.path("activity.organizer.code").entity(String.class).isEqualTo("CIF")
			.path("participant.organization.code").entity(String.class).isEqualTo("CIF");
		assertThat(this.jdbc.queryForList("SELECT k.name FROM api_key k JOIN api_key_organization ko ON ko.api_key_id = k.id"
				+ " JOIN organization o ON o.id = ko.organization_id WHERE o.code = 'CIF' AND k.name LIKE 'td-m %' ORDER BY 1",
				String.class)).containsExactly("td-m active", "td-m revoked");
		// the revoked key acted for both: it acts for CIF once
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM api_key_organization ko JOIN api_key k"
				+ " ON k.id = ko.api_key_id WHERE k.name = 'td-m revoked'", Integer.class)).isOne();
		long cif = this.jdbc.queryForObject("SELECT id FROM organization WHERE code = 'CIF'", Long.class);
		assertThat(owner.query("SELECT reported_for FROM indicator_value WHERE reported_by = 'td-m test'"
				+ " UNION ALL SELECT imported_for FROM attendance_import WHERE imported_by = 'td-m test'"
				+ " UNION ALL SELECT hosted_by FROM erased_reference WHERE digest = sha256('td-m erased')"
				+ " UNION ALL SELECT hosted_by FROM deleted_person WHERE ref_digest = sha256('td-m deleted')",
				(rs, row) -> List.of((Long[]) rs.getArray(1).getArray())))
			.containsExactly(List.of(cif), List.of(cif), List.of(cif), List.of(cif));
		assertThat(owner.queryForObject("SELECT count(*) FROM project_partner pp JOIN project p ON p.id = pp.project_id"
				+ " WHERE p.code = 'TD-M-OLD'", Integer.class)).isOne();

		// the old code names the one it was merged into, and a sheet naming it (in any case) is recorded under it
		this.graphQl.document("mutation { updateOrganization(code: \"TD-M-TYPO\", input: {name: \"x\"}) { code } }")
			.execute().errors()
			.expect(error -> error.getErrorType().toString().equals("NOT_FOUND") && error.getMessage()
				.equals("No organization has the code 'TD-M-TYPO'; it was merged into CIF"))
			.verify();
		// a partner, of one it lists, its own, is told too (it was told nothing of the code merged into it: a
		// tester's)
		this.callers.as(Role.PARTNER, "CIF")
			.document("{ a: organization(code: \"TD-M-TYPO\") { code } b: organization(code: \"cif\") { code } }")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("No organization has the code 'TD-M-TYPO'; it was merged into CIF"))
			.expect(error -> error.getMessage().startsWith("No organization has the code 'cif'; it is written CIF"))
			.verify();
		this.graphQl.document("mutation { createOrganization(input: {code: \"TD-M-TYPO\", name: \"Again\", kind: CSO})"
				+ " { code } }").execute().errors()
			.expect(error -> error.getMessage().equals("input.code: Code TD-M-TYPO was merged into CIF, and sheets naming"
					+ " it are recorded as CIF: choose another code"))
			.verify();
		load("""
				TD-M-A,Budget hearing,meeting,TD-M-K,2025-05-05,2025-05-05,,TD-M-4,female,1991,,,td-m-typo,,
				TD-M-A,Budget hearing,meeting,TD-M-K,2025-05-05,2025-05-05,,TD-M-5,female,1992,,,TD-M-TYPO,,
				""", false)
			.andExpect(jsonPath("$.status").value("IMPORTED"))
			.andExpect(jsonPath("$.warnings.length()").value(1))
			.andExpect(jsonPath("$.warnings[0].row").value(2))
			.andExpect(jsonPath("$.warnings[0].column").value("organization_code"))
			.andExpect(jsonPath("$.warnings[0].value").value("td-m-typo"))
			.andExpect(jsonPath("$.warnings[0].message").value("Organization TD-M-TYPO was merged into CIF: the 2 rows"
					+ " naming it are recorded as CIF"));
		assertThat(byOrganization()).isEqualTo(Map.of("CIF", 5));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM organization WHERE lower(code) = 'td-m-typo'",
				Integer.class)).isZero();
	}

	/**
	 * A report's filter naming a merged code is told where it went (a tester's dashboard, filtering on the old code,
	 * was told only that no organization had it), to callers who see every organization.
	 */
	@Test
	void aFilterNamingAMergedCodeIsToldWhereItWent() {
		this.graphQl.document("""
				mutation { t: createOrganization(input: {code: "TD-M-TYPO", name: "T", kind: CSO}) { code }
				  a: createOrganization(input: {code: "TD-M-A4", name: "A", kind: CSO}) { code }
				  b: createOrganization(input: {code: "TD-M-B4", name: "B", kind: CSO}) { code } }""")
			.execute().path("b.code").entity(String.class).isEqualTo("TD-M-B4");
		this.graphQl.document("mutation { mergeOrganization(code: \"TD-M-A4\", into: \"TD-M-B4\") { code } }")
			.execute().path("mergeOrganization.code").entity(String.class).isEqualTo("TD-M-B4");
		this.graphQl.document(MERGE).execute().path("mergeOrganization.code").entity(String.class).isEqualTo("CIF");
		var typo = "{ participation(filter: {organizers: [\"td-m-typo\"]}) { totals { participants } } }";
		this.graphQl.document(typo).execute().errors()
			.expect(error -> error.getMessage().equals("No organization has the code 'td-m-typo'; it was merged into"
					+ " CIF: give that code") && "filter.organizers".equals(error.getExtensions().get("argument")))
			.verify();
		// with spaces around it too (it was told nothing more: a tester's)
		this.graphQl.document(typo.replace("td-m-typo", " TD-M-TYPO ")).execute().errors()
			.expect(error -> error.getMessage().equals("No organization has the code ' TD-M-TYPO '; it was merged into"
					+ " CIF: give that code"))
			.verify();
		// to a donor, not even where the one kept takes part: told so, it learnt that a code it could not see had
		// been stored, and so someone of it had come (a review's)
		var donor = this.callers.as(Role.DONOR);
		donor.document(typo).execute().errors()
			.expect(error -> error.getMessage().equals("No organization has the code 'td-m-typo'"))
			.verify();
		// a partner is, of a code merged into its own, and not of one merged into another's (a tester's CIF was told
		// nothing of its own old code)
		this.callers.as(Role.PARTNER, "CIF").document(typo).execute().errors()
			.expect(error -> error.getMessage().equals("No organization has the code 'td-m-typo'; it was merged into"
					+ " CIF: give that code"))
			.verify();
		this.callers.as(Role.PARTNER, "SCCSF").document(typo).execute().errors()
			.expect(error -> error.getMessage().equals("No organization has the code 'td-m-typo'"))
			.verify();
		// nor by organization(code), though it lists the one kept: a hidden organization merged into one a donor
		// lists was told to it (a tester's); a partner is told of a merge into its own alone
		donor.document("{ organization(code: \"TD-M-TYPO\") { code } }").execute().errors()
			.expect(error -> error.getMessage().equals("No organization has the code 'TD-M-TYPO'"))
			.verify();
		this.callers.as(Role.PARTNER, "CIF").document("{ organization(code: \" td-m-typo\") { code } }").execute()
			.errors()
			.expect(error -> error.getMessage().equals("No organization has the code ' td-m-typo'; it was merged into"
					+ " CIF"))
			.verify();
		// the activities' filter likewise, which only callers who see every organization are told of (a tester's)
		this.graphQl.document("{ activities(filter: {organizers: [\"td-m-typo\"]}) { totalCount } }").execute()
			.errors()
			.expect(error -> error.getMessage().equals("No organization has the code 'td-m-typo'; it was merged into"
					+ " CIF: give that code"))
			.verify();
		var kept = "{ participation(filter: {organizations: [\"TD-M-A4\"]}) { totals { participants } } }";
		this.graphQl.document(kept).execute().errors()
			.expect(error -> error.getMessage().equals("No organization has the code 'TD-M-A4'; it was merged into"
					+ " TD-M-B4: give that code"))
			.verify();
		donor.document(kept).execute().errors()
			.expect(error -> error.getMessage().equals("No organization has the code 'TD-M-A4'"))
			.verify();
		// an admin's key, project and programme naming a merged code likewise (a key was told only that no
		// organization had it: a tester's)
		this.graphQl.document("""
				mutation { k: createApiKey(input: {name: "m", role: PARTNER, organizations: ["td-m-typo"]}) { secret }
				  p: createProject(input: {code: "TD-M-P", programme: "EU-CSO-EQUAL", name: "p", lead: "TD-M-A4"}) {
				    code }
				  g: updateProgramme(code: "EU-CSO-EQUAL", input: {donors: ["TD-M-A4", "td-m-b4"]}) { code } }""")
			.execute().errors()
			.satisfy(errors -> assertThat(errors).extracting(ResponseError::getMessage).containsExactly(
					"input.organizations: No organization has the code 'td-m-typo'; it was merged into CIF: give that"
							+ " code",
					"input.lead: No organization has the code 'TD-M-A4'; it was merged into TD-M-B4: give that code",
					"input.donors: No organization has the code 'TD-M-A4'; it was merged into TD-M-B4: give that code",
					"input.donors: No organization has the code 'td-m-b4'; it is written TD-M-B4"));
	}

	/**
	 * The one merged into takes what it lacks of the other's IATI identity, Georgian name and place (the identifier was
	 * lost: a tester's); two different IATI identifiers are refused, nothing moved.
	 */
	@Test
	void theOneKeptTakesWhatItLacksOfTheOther() {
		this.graphQl.document("""
				mutation { a: createOrganization(input: {code: "TD-M-A3", name: "A", nameKa: "ა", kind: CSO,
				    municipality: "GE-KK-MARNEULI", iatiRef: "GE-COR-12345", iatiType: "22"}) { code }
				  b: createOrganization(input: {code: "TD-M-B3", name: "B", kind: CSO}) { code }
				  c: createOrganization(input: {code: "TD-M-C3", name: "C", kind: CSO, iatiRef: "GE-COR-99"}) { code } }""")
			.execute().path("c.code").entity(String.class).isEqualTo("TD-M-C3");
		this.graphQl.document("mutation { mergeOrganization(code: \"TD-M-A3\", into: \"TD-M-C3\") { code } }").execute()
			.errors()
			.expect(error -> error.getMessage().equals("code: Organization TD-M-A3 has the IATI identifier GE-COR-12345"
					+ " and TD-M-C3 has GE-COR-99: one body has one; clear the wrong one (updateOrganization, iatiRef:"
					+ " null) first, then merge"))
			.verify();
		var merged = this.graphQl.document("""
				mutation { mergeOrganization(code: "TD-M-A3", into: "TD-M-B3") { code name nameKa iatiRef iatiType
				    municipality { code } } }""").execute();
		merged.path("mergeOrganization.name").entity(String.class).isEqualTo("B");
		merged.path("mergeOrganization.nameKa").entity(String.class).isEqualTo("ა");
		merged.path("mergeOrganization.iatiRef").entity(String.class).isEqualTo("GE-COR-12345");
		merged.path("mergeOrganization.iatiType").entity(String.class).isEqualTo("22");
		merged.path("mergeOrganization.municipality.code").entity(String.class).isEqualTo("GE-KK-MARNEULI");
		// an admin asking for either by a code as written is told, as its mutations are (it was told of nothing)
		this.graphQl.document("{ a: organization(code: \"TD-M-A3\") { code } b: organization(code: \"td-m-b3\") { code } }")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("No organization has the code 'TD-M-A3'; it was merged into TD-M-B3"))
			.expect(error -> error.getMessage().startsWith("No organization has the code 'td-m-b3'; it is written TD-M-B3"))
			.verify();
		// so is an analyst, who may list them all; another role is told as of any code it does not know
		this.callers.as(Role.ANALYST)
			.document("{ a: organization(code: \"TD-M-A3\") { code } b: organization(code: \"td-m-b3\") { code } }")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("No organization has the code 'TD-M-A3'; it was merged into TD-M-B3"))
			.expect(error -> error.getMessage().startsWith("No organization has the code 'td-m-b3'; it is written TD-M-B3"))
			.verify();
		this.callers.as(Role.PARTNER, "CIF")
			.document("{ organization(code: \"TD-M-A3\") { code } }")
			.execute()
			.errors()
			.expect(error -> error.getMessage().equals("No organization has the code 'TD-M-A3'"))
			.verify();
		// a kept one with an IATI type of its own but no identifier takes the other's identifier with its type
		this.graphQl.document("""
				mutation { a: createOrganization(input: {code: "TD-M-A4", name: "A", kind: CSO, iatiRef: "GE-COR-44",
				    iatiType: "22"}) { code }
				  b: createOrganization(input: {code: "TD-M-B4", name: "B", nameKa: "ბ", kind: CSO, iatiType: "21",
				    region: "GE-SJ"}) { code }
				  mergeOrganization(code: "TD-M-A4", into: "TD-M-B4") { nameKa iatiRef iatiType region { code } } }""")
			.execute()
			.path("mergeOrganization.nameKa").entity(String.class).isEqualTo("ბ")
			.path("mergeOrganization.iatiRef").entity(String.class).isEqualTo("GE-COR-44")
			.path("mergeOrganization.iatiType").entity(String.class).isEqualTo("22")
			.path("mergeOrganization.region.code").entity(String.class).isEqualTo("GE-SJ");
	}

	/** A is merged into B, then B into C: a sheet naming A is recorded as C, and B, holding A's code, is kept till then. */
	@Test
	void mergesChain() throws Exception {
		this.graphQl.document("""
				mutation { a: createOrganization(input: {code: "TD-M-A2", name: "A", kind: CSO}) { code }
				  b: createOrganization(input: {code: "TD-M-B2", name: "B", kind: CSO}) { code }
				  mergeOrganization(code: "TD-M-A2", into: "TD-M-B2") { code } }""")
			.execute().path("mergeOrganization.code").entity(String.class).isEqualTo("TD-M-B2");
		this.graphQl.document("mutation { deleteOrganization(code: \"TD-M-B2\") }").execute().errors()
			.expect(error -> error.getMessage().equals("code: Organization TD-M-B2 still has 1 code merged into it"
					+ " (TD-M-A2): merge it into the organization it should be (mergeOrganization), which moves its codes"
					+ " and removes it (codes merged into it go no other way)"))
			.verify();
		this.graphQl.document("mutation { mergeOrganization(code: \"TD-M-B2\", into: \"CIF\") { code } }").execute()
			.path("mergeOrganization.code").entity(String.class).isEqualTo("CIF");
		assertThat(this.jdbc.queryForList("SELECT a.code || ' ' || o.code FROM organization_alias a JOIN organization o"
				+ " ON o.id = a.organization_id WHERE a.code LIKE 'TD-M-%' ORDER BY 1", String.class))
			.containsExactly("TD-M-A2 CIF", "TD-M-B2 CIF");
		this.graphQl.document(SET_UP).execute().path("l.code").entity(String.class).isEqualTo("TD-M-L");
		load("TD-M-A,Budget hearing,meeting,TD-M-K,2025-05-05,2025-05-05,,TD-M-1,female,1990,,,TD-M-A2,,\n", true)
			.andExpect(jsonPath("$.status").value("VALIDATED"))
			.andExpect(jsonPath("$.created.organizations").value(0))
			.andExpect(jsonPath("$.warnings[0].message").value("Organization TD-M-A2 was merged into CIF: the row naming"
					+ " it is recorded as CIF"));
	}

	/** A partner is not told the code of an organization it does not list through the alias of one merged into it. */
	@Test
	void aPartnerIsToldOfTheMergeButNotOfAnOrganizationItDoesNotList() throws Exception {
		this.graphQl.document("""
				mutation { a: createOrganization(input: {code: "TD-M-Z", name: "Z", kind: CSO}) { code }
				  b: createOrganization(input: {code: "TD-M-HIDDEN", name: "Hidden", kind: CSO}) { code }
				  mergeOrganization(code: "TD-M-Z", into: "TD-M-HIDDEN") { code } }""")
			.execute().path("mergeOrganization.code").entity(String.class).isEqualTo("TD-M-HIDDEN");
		// with a name of its own in the sheet, other than the one stored: not told of the stored one either (a
		// tester's was told "Organization SECRET-ORG is stored with another name or kind"), and told by the merged
		// code that its name is ignored (a review's: it was dropped without a word)
		var row = "TD-M-NEW,Workshop,workshop,CSO-CAPACITY,12.09.2025,12.09.2025,,TD-M-9,female,1990,,,TD-M-Z,Zed,\n";
		var cif = this.callers.secret(Role.PARTNER, "CIF");
		var merged = "Organization TD-M-Z was merged into another organization: the row naming it is recorded as that"
				+ " one";
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").header("Authorization", "Bearer " + cif)
			.contentType("text/csv").content((HEADER + row).getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings[*].message").value(org.hamcrest.Matchers.contains(merged,
					"Organization TD-M-Z was merged into another organization, whose name and kind a sheet does not"
							+ " change, so the sheet's are ignored")));
		// nor when the person is at another activity for CIF too (a tester's was told "at activities of CIF,
		// SECRET2")
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").header("Authorization", "Bearer " + cif)
			.contentType("text/csv").content((HEADER + row + row.replace("TD-M-NEW,", "TD-M-NEW2,")
				.replace("TD-M-Z,Zed", "CIF,")).getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings[2].message").value("Participant TD-M-9 is at activities of CIF, TD-M-Z"
					+ " here: each participation keeps its row's organization, and the person's own (which gives their"
					+ " region while their home municipality is unknown) is the one of their latest activity"));
		// a code of one it does not list, as written, is warned of without the stored name (a review's lost it)
		this.graphQl.document("mutation { createOrganization(input: {code: \"TD-M-LONE\", name: \"Lone\", kind: CSO})"
				+ " { code } }").execute().path("createOrganization.code").entity(String.class).isEqualTo("TD-M-LONE");
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").header("Authorization", "Bearer " + cif)
			.contentType("text/csv").content((HEADER + row.replace("TD-M-Z,Zed", "TD-M-LONE,Alone"))
				.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings[0].message").value("Organization TD-M-LONE is stored; a sheet does not"
					+ " change a stored organization's name or kind, so the sheet's are ignored"));
		// nor by what the sheet counts or warns of: a merged code and the one it went into are two organizations, as
		// two are (a tester's was told "unchanged organizations: 1", and no "at activities of" warning, of TD-M-Z and
		// TD-M-HIDDEN alone)
		for (var other : List.of("TD-M-HIDDEN", "TD-M-LONE")) {
			var two = HEADER + row.replace("TD-M-Z,Zed", "TD-M-Z,")
					+ row.replace("TD-M-NEW,", "TD-M-NEW2,").replace("TD-M-Z,Zed", other + ",");
			this.mvc.perform(post("/imports/attendance").param("dryRun", "true")
				.header("Authorization", "Bearer " + cif)
				.contentType("text/csv")
				.content(two.getBytes(StandardCharsets.UTF_8)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.unchanged.organizations").value(2))
				.andExpect(jsonPath("$.warnings[1].message").value("Participant TD-M-9 is at activities of " + other
						+ ", TD-M-Z here: each participation keeps its row's organization, and the person's own (which"
						+ " gives their region while their home municipality is unknown) is the one of their latest"
						+ " activity"));
		}
		// nor by the place its merged code's rows give (a review's: "TD-M-HIDDEN is stored; a sheet does not place
		// ..."), told by the code written; the code it went into, written, is told of as any it does not list is (it
		// was told nothing, as it was merged into)
		var placed = HEADER.replace("role\n", "organization_municipality,role\n")
				+ row.replace("TD-M-Z,Zed,", "TD-M-Z,Zed,Marneuli,")
				+ row.replace("TD-M-9", "TD-M-8").replace("TD-M-Z,Zed,", "TD-M-HIDDEN,Hidden,,");
		this.mvc.perform(post("/imports/attendance").param("dryRun", "true").header("Authorization", "Bearer " + cif)
			.contentType("text/csv").content(placed.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings[*].message").value(org.hamcrest.Matchers.containsInAnyOrder(merged,
					"Organization TD-M-Z was merged into another organization, whose name and kind a sheet does not"
							+ " change, so the sheet's are ignored",
					"Organization TD-M-Z was merged into another organization, which a sheet does not place: the"
							+ " sheet's municipality is ignored (ask an admin to place it: updateOrganization)",
					"Organization TD-M-HIDDEN is stored; a sheet does not change a stored organization's name or kind,"
							+ " so the sheet's are ignored")))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(
					"TD-M-HIDDEN is stored;" + " a sheet does not place"))));
		load(row, true).andExpect(jsonPath("$.warnings[0].message").value("Organization TD-M-Z was merged into"
				+ " TD-M-HIDDEN: the row naming it is recorded as TD-M-HIDDEN"))
			.andExpect(jsonPath("$.warnings[1].message").value("Organization TD-M-HIDDEN is stored as Hidden (CSO) with"
					+ " another name or kind; a sheet does not change them, so the sheet's are ignored"));
	}

	@Test
	void aMergeIntoItselfOrAnUnknownOrganizationIsRefused() {
		this.graphQl.document("mutation { mergeOrganization(code: \"CIF\", into: \"CIF\") { code } }").execute().errors()
			.expect(error -> error.getMessage().equals("into: An organization is not merged into itself"))
			.verify();
		this.graphQl.document("mutation { mergeOrganization(code: \"CIF\", into: \"sccsf\") { code } }").execute()
			.errors()
			.expect(error -> error.getErrorType().toString().equals("NOT_FOUND")
					&& error.getMessage().equals("No organization has the code 'sccsf'; it is written SCCSF"))
			.verify();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM organization WHERE code IN ('CIF', 'SCCSF')",
				Integer.class)).isEqualTo(2);
	}

	private Map<String, Integer> byOrganization() {
		var groups = this.graphQl.document(BY_ORGANIZATION).execute().path("participation.breakdown")
			.entityList(Group.class).get();
		var counts = new TreeMap<String, Integer>();
		groups.forEach(group -> counts.put(group.organization().code(), group.participants()));
		return counts;
	}

	private ResultActions load(String rows, boolean dryRun) throws Exception {
		return this.mvc.perform(post("/imports/attendance").param("dryRun", Boolean.toString(dryRun))
			.contentType("text/csv")
			.content((HEADER + rows).getBytes(StandardCharsets.UTF_8))).andExpect(status().isOk());
	}

	record Code(String code) {
	}

	record Group(Code organization, int participants) {
	}

}
