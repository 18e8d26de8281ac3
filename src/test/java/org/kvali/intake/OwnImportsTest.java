package org.kvali.intake;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.access.ApiKeyService;
import org.kvali.access.Caller;
import org.kvali.access.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kvali.access.TestCallerContext.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/**
 * A partner reads back its own imports and those of its organizations only, and PostgreSQL holds to that even when
 * the application's filter is taken away: the history read with no filter at all still returns only those rows.
 */
@IntegrationTest
class OwnImportsTest {

	@Autowired
	AttendanceImportService imports;

	@Autowired
	ImportHistory history;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApiKeyService keys;

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void project() {
		IntakeFixture.create(this.jdbc);
	}

	@AfterEach
	void clean() {
		IntakeFixture.remove(this.jdbc);
		this.jdbc.update("DELETE FROM attendance_import");
		this.jdbc.update("DELETE FROM api_key WHERE name LIKE 'oi %'");
	}

	@Test
	void withoutTheApplicationsFilterAPartnerStillSeesOnlyItsOwnImports() {
		var sheet = AttendanceImportTest.HEADER + "TI-WS-O,Own,workshop,TEST-INTAKE,2025-10-03,2025-10-03,,TI-O1,female,,,,,,\n";
		var admin = new Caller("admin-o", Role.ADMIN, Set.of());
		var partner = new Caller("partner-o", Role.PARTNER, Set.of(1L));
		var mine = load(sheet, partner);
		load(sheet, admin);
		assertThat(mine.status()).isEqualTo(ImportStatus.REJECTED);
		// no importedBy filter: the application would return every import
		var seen = as(Role.PARTNER, Set.of(1L), "partner-o", () -> this.history.page(null, null, 100, null));
		assertThat(seen).extracting(ImportReport::id).containsExactly(mine.id());
		assertThat(as(Role.PARTNER, Set.of(1L), "partner-o", () -> this.history.count(null))).isEqualTo(1);
		// another key of the same organization reads it too (staff share it, a replaced key keeps it); one of another
		// organization does not
		assertThat(as(Role.PARTNER, Set.of(1L, 2L), "partner-o2", () -> this.history.count(null))).isEqualTo(1);
		assertThat(as(Role.PARTNER, Set.of(2L), "someone-else", () -> this.history.count(null))).isZero();
		// a sheet of a key acting for two organizations may concern the other's projects alone: not for the one's keys
		var both = load(sheet, new Caller("partner-both", Role.PARTNER, Set.of(1L, 2L)));
		assertThat(as(Role.PARTNER, Set.of(1L), "partner-o", () -> this.history.page(null, null, 100, null)))
			.extracting(ImportReport::id).containsExactly(mine.id());
		assertThat(as(Role.PARTNER, Set.of(2L, 1L), "partner-o2", () -> this.history.page(null, null, 100, null)))
			.extracting(ImportReport::id).containsExactlyInAnyOrder(mine.id(), both.id());
		assertThat(as(Role.ADMIN, Set.of(), "admin-o", () -> this.history.count(null))).isEqualTo(3);
		// and a partner stores its sheet for exactly its organizations, not others it names
		assertThatThrownBy(() -> as(Role.PARTNER, Set.of(1L), "partner-o", () -> this.jdbc.update("""
				INSERT INTO attendance_import (id, status, dry_run, file_sha256, content_type, imported_by, imported_for,
				                               imported_at, rows, report)
				VALUES (gen_random_uuid(), 'REJECTED', false, 'x', 'text/csv', 'partner-o', '{1,2}', now(), 0, '{}')""")))
			.rootCause()
			.hasMessageContaining("row-level security");
	}

	/**
	 * Over GraphQL: the sheets a key of CIF sent (here one refused, not of CIF's projects), read by another key of
	 * CIF after the first is revoked, the sender not named to it; a key of SCCSF reads none of them.
	 */
	@Test
	void anOrganizationsKeysShareItsSheetsHistory() throws Exception {
		var officer = this.keys.create("oi cif officer", Role.PARTNER, List.of("CIF"), false, "test");
		var sheet = AttendanceImportTest.HEADER + "TI-WS-O,Own,workshop,TEST-INTAKE,2025-10-03,2025-10-03,,TI-O1,female,,,,,,\n";
		var sent = this.mvc.perform(post("/imports/attendance").header("Authorization", "Bearer " + officer.secret())
			.param("dryRun", "true")
			.contentType("text/csv")
			.content(sheet)).andReturn().getResponse().getContentAsString();
		var id = com.jayway.jsonpath.JsonPath.read(sent, "$.id").toString();
		this.keys.revoke(officer.key().id());
		var successor = this.keys.create("oi cif successor", Role.PARTNER, List.of("CIF"), false, "test").secret();
		var other = this.keys.create("oi sccsf", Role.PARTNER, List.of("SCCSF"), false, "test").secret();
		var query = "{\"query\":\"{ imports { totalCount edges { node { id importedBy } } } import(id: \\\"" + id
				+ "\\\") { status importedBy } }\"}";
		graphQl(successor, query).andExpect(jsonPath("$.data.imports.totalCount").value(1))
			.andExpect(jsonPath("$.data.imports.edges[0].node.id").value(id))
			.andExpect(jsonPath("$.data.imports.edges[0].node.importedBy").value(org.hamcrest.Matchers.nullValue()))
			.andExpect(jsonPath("$.data.import.status").value("REJECTED"));
		graphQl(other, "{\"query\":\"{ imports { totalCount } }\"}").andExpect(jsonPath("$.data.imports.totalCount").value(0));
		graphQl(other, query).andExpect(jsonPath("$.errors[0].extensions.classification").value("NOT_FOUND"));
		graphQl(null, query).andExpect(jsonPath("$.data.import.importedBy").value("key:oi cif officer#" + officer.key().id()));
	}

	private org.springframework.test.web.servlet.ResultActions graphQl(String key, String body) throws Exception {
		var request = post("/graphql").contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(body);
		if (key != null) {
			request.header("Authorization", "Bearer " + key);
		}
		return this.mvc.perform(request);
	}

	private ImportReport load(String sheet, Caller caller) {
		return as(caller.role(), caller.organizations(), caller.name(), () -> this.imports.load(
				new ByteArrayInputStream(sheet.getBytes(StandardCharsets.UTF_8)), SheetFormat.CSV, "text/csv", false,
				null));
	}

}
