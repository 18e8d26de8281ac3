package org.kvali.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kvali.access.TestCallerContext.as;

/**
 * PostgreSQL refuses the changes the services refuse (changeset 025), with SQL that checks nothing at all: a partner
 * of CIF (a partner of the demo's project) changes its own project and nothing of a project led by another
 * organization; donors and analysts change nothing; imports and audit entries are written in the caller's own name.
 */
@IntegrationTest
class WritePoliciesTest {

	private static final String OWN_ACTIVITY = "TRN-2024-BAKURIANI";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	Set<Long> cif;

	@BeforeEach
	void anotherOrganizationsProject() {
		this.cif = Set.of(this.jdbc.queryForObject("SELECT id FROM organization WHERE code = 'CIF'", Long.class));
		this.jdbc.update("INSERT INTO organization (code, name, kind) VALUES ('RLS-LEAD', 'Other lead', 'CSO')");
		this.jdbc.update("""
				INSERT INTO project (code, programme_id, name, lead_organization_id)
				SELECT 'RLS-OTHER', programme_id, 'Other project', (SELECT id FROM organization WHERE code = 'RLS-LEAD')
				FROM project WHERE code = 'CSO-CAPACITY'""");
		this.jdbc.update("""
				INSERT INTO activity (code, project_id, kind, title, start_date, end_date)
				SELECT 'RLS-OTHER-1', id, 'MEETING', 'Theirs', DATE '2025-01-10', DATE '2025-01-10' FROM project
				WHERE code = 'RLS-OTHER'""");
		// S001 now took part in the other project too; S002 only in CIF's
		assertThat(this.jdbc.queryForObject("""
				SELECT count(*) FROM participation pn JOIN participant p ON p.id = pn.participant_id
				JOIN activity a ON a.id = pn.activity_id JOIN project pr ON pr.id = a.project_id
				WHERE p.ref IN ('S001', 'S002') AND NOT EXISTS (SELECT 1 FROM project_partner pp
				      JOIN organization o ON o.id = pp.organization_id WHERE pp.project_id = pr.id AND o.code = 'CIF')""",
				Integer.class)).isZero();
		this.jdbc.update("""
				INSERT INTO participation (activity_id, participant_id)
				SELECT a.id, p.id FROM activity a, participant p WHERE a.code = 'RLS-OTHER-1' AND p.ref = 'S001'""");
		this.jdbc.update("""
				INSERT INTO indicator (code, programme_id, project_id, name, level, unit, direction, method)
				SELECT 'RLS-' || p.code, p.programme_id, p.id, 'Reported', 'OUTPUT', 'NUMBER', 'HIGHER_IS_BETTER',
				       'REPORTED'
				FROM project p WHERE p.code IN ('RLS-OTHER', 'CSO-CAPACITY')""");
	}

	@AfterEach
	void clean() {
		this.jdbc.update("DELETE FROM indicator WHERE code LIKE 'RLS-%'");
		this.jdbc.update("DELETE FROM participation WHERE activity_id IN (SELECT id FROM activity WHERE code LIKE 'RLS-%')");
		this.jdbc.update("DELETE FROM activity WHERE code LIKE 'RLS-%'");
		this.jdbc.update("DELETE FROM project WHERE code = 'RLS-OTHER'");
		this.jdbc.update("DELETE FROM organization WHERE code = 'RLS-LEAD'");
	}

	@Test
	void aPartnerChangesActivitiesAndParticipationsOfItsOwnProjectsOnly() {
		assertThat(partner("UPDATE activity SET title = title || '' WHERE code IN (?, 'RLS-OTHER-1')", OWN_ACTIVITY))
			.isOne();
		assertThat(partner("""
				UPDATE participation SET role = 'SPEAKER' WHERE activity_id = (SELECT id FROM activity WHERE code = 'RLS-OTHER-1')"""))
			.isZero();
		assertThat(partner("""
				DELETE FROM participation WHERE activity_id = (SELECT id FROM activity WHERE code = 'RLS-OTHER-1')"""))
			.isZero();
		refusedToPartner("""
				INSERT INTO activity (code, project_id, kind, title, start_date, end_date)
				SELECT 'RLS-OTHER-2', id, 'MEETING', 'Mine now', DATE '2025-01-10', DATE '2025-01-10'
				FROM project WHERE code = 'RLS-OTHER'""");
		refusedToPartner("UPDATE activity SET project_id = (SELECT id FROM project WHERE code = 'RLS-OTHER') WHERE code = '"
				+ OWN_ACTIVITY + "'");
		refusedToPartner("""
				INSERT INTO participation (activity_id, participant_id)
				SELECT a.id, p.id FROM activity a, participant p WHERE a.code = 'RLS-OTHER-1' AND p.ref = 'S002'""");
		refusedToPartner("""
				UPDATE participation SET activity_id = (SELECT id FROM activity WHERE code = 'RLS-OTHER-1')
				WHERE id = (SELECT min(pn.id) FROM participation pn JOIN activity a ON a.id = pn.activity_id
				            JOIN participant p ON p.id = pn.participant_id WHERE a.code = '%s' AND p.ref <> 'S001')"""
			.formatted(OWN_ACTIVITY));
		assertThat(this.jdbc.queryForObject("""
				SELECT string_agg(a.code || ' ' || a.title || ' ' || pn.role || ' ' || p.ref, ', ')
				FROM activity a JOIN project pr ON pr.id = a.project_id
				JOIN participation pn ON pn.activity_id = a.id JOIN participant p ON p.id = pn.participant_id
				WHERE pr.code = 'RLS-OTHER'""", String.class))
			.isEqualTo("RLS-OTHER-1 Theirs PARTICIPANT S001");
		// the policies check the partner's projects, not merely its role: in its own it adds and removes
		var pair = this.jdbc.queryForObject("""
				SELECT a.id, p.id FROM activity a, participant p WHERE a.code = ?
				  AND NOT EXISTS (SELECT 1 FROM participation x WHERE x.activity_id = a.id AND x.participant_id = p.id)
				ORDER BY p.id LIMIT 1""", (row, i) -> new Object[] { row.getLong(1), row.getLong(2) }, OWN_ACTIVITY);
		assertThat(partner("INSERT INTO participation (activity_id, participant_id) VALUES (?, ?)", pair)).isOne();
		assertThat(partner("DELETE FROM participation WHERE activity_id = ? AND participant_id = ?", pair)).isOne();
	}

	@Test
	void aPartnerCorrectsOnlyPeopleOfItsOwnActivitiesAndNeverTheirReferenceNorAGenderOutsideItsCorrection() {
		var own = this.jdbc.queryForList("""
				SELECT p.ref FROM participant p
				WHERE EXISTS (SELECT 1 FROM participation pn WHERE pn.participant_id = p.id)
				  AND NOT EXISTS (SELECT 1 FROM participation pn JOIN activity a ON a.id = pn.activity_id
				                  WHERE pn.participant_id = p.id AND a.organizer_id IS DISTINCT FROM ?)
				ORDER BY p.ref LIMIT 2""", String.class, this.cif.iterator().next());
		assertThat(own).hasSize(2);
		var hosted = own.get(0);
		assertThat(partner("UPDATE participant SET birth_year = birth_year WHERE ref = ?", hosted)).isOne();
		// of one an admin corrected, not the details the admin changed; the others still
		this.jdbc.update("UPDATE participant SET admin_corrected = '{birth_year}' WHERE ref = ?", hosted);
		try {
			refusedToPartner("UPDATE participant SET birth_year = coalesce(birth_year, 1990) + 1 WHERE ref = '" + hosted
					+ "'", "Participant " + hosted + " was corrected by an admin; only an admin changes what an admin"
							+ " corrected");
			assertThat(partner("UPDATE participant SET disability = disability WHERE ref = ?", hosted)).isOne();
		}
		finally {
			this.jdbc.update("UPDATE participant SET admin_corrected = '{}' WHERE ref = ?", hosted);
		}
		// S002 took part in CIF's projects only, but also at activities others run; S001 in another's project too
		for (var ref : List.of("S002", "S001")) {
			refusedToPartner("UPDATE participant SET birth_year = birth_year WHERE ref = '" + ref + "'", "Participant "
					+ ref + " took part in another organization's activity; only an admin corrects them");
		}
		// a gender only in the correction of the one person it names (correctParticipant), not of an admin's
		var flip = "UPDATE participant SET gender = CASE gender WHEN 'MALE' THEN 'FEMALE' ELSE 'MALE' END WHERE ref = ";
		var correcting = "WITH m AS (SELECT set_config('kvali.correcting', (SELECT id::text FROM participant"
				+ " WHERE ref = '%s'), true)) ";
		var gender = "SELECT gender FROM participant WHERE ref = ?";
		var before = this.jdbc.queryForObject(gender, String.class, hosted);
		assertThat(partner(correcting.formatted(hosted) + flip + "? AND EXISTS (SELECT 1 FROM m)", hosted)).isOne();
		assertThat(this.jdbc.queryForObject(gender, String.class, hosted)).isNotEqualTo(before);
		assertThat(partner(correcting.formatted(hosted) + flip + "? AND EXISTS (SELECT 1 FROM m)", hosted)).isOne();
		assertThat(this.jdbc.queryForObject(gender, String.class, hosted)).isEqualTo(before);
		// not of another of its own people, whom the correction does not name
		refusedToPartner(correcting.formatted(hosted) + flip + "'" + own.get(1) + "' AND EXISTS (SELECT 1 FROM m)",
				"A partner does not change the reference or gender of participant " + own.get(1));
		this.jdbc.update("UPDATE participant SET admin_corrected = '{gender}' WHERE ref = ?", hosted);
		try {
			refusedToPartner(correcting.formatted(hosted) + flip + "'" + hosted + "' AND EXISTS (SELECT 1 FROM m)",
					"Participant " + hosted + " was corrected by an admin");
		}
		finally {
			this.jdbc.update("UPDATE participant SET admin_corrected = '{}' WHERE ref = ?", hosted);
		}
		refusedToPartner("UPDATE participant SET ref = 'S002-X' WHERE ref = 'S002'",
				"A partner does not change the reference or gender of participant S002");
		refusedToPartner("UPDATE participant SET gender = CASE gender WHEN 'MALE' THEN 'FEMALE' ELSE 'MALE' END"
				+ " WHERE ref = 'S002'",
				"A partner does not change the reference or gender of participant S002");
		// nor whom one was known to, which its removals add to (changeset 074)
		refusedToPartner("UPDATE participant SET former_organizers = former_organizers || 1 WHERE ref = '" + hosted + "'",
				"A partner does not change whom participant " + hosted + " was known to");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM participant WHERE ref IN ('S001', 'S002')",
				Integer.class)).isEqualTo(2);
	}

	@Test
	void aPartnerReportsValuesOfItsOwnProjectsIndicatorsInItsOwnName() {
		var value = """
				INSERT INTO indicator_value (indicator_id, period_key, period_start, period_end, value, reported_by,
				                             reported_for)
				SELECT id, '2025', DATE '2025-01-01', DATE '2025-12-31', 1, '%s', %s FROM indicator WHERE code = '%s'""";
		var own = "kvali_organizations()";
		assertThat(partner(value.formatted("rls", own, "RLS-CSO-CAPACITY"))).isOne();
		refusedToPartner(value.formatted("rls", own, "RLS-RLS-OTHER"));
		refusedToPartner(value.formatted("someone else", own, "RLS-CSO-CAPACITY"));
		// for its own organizations, all of them, and no other
		refusedToPartner(value.formatted("rls", "'{}'", "RLS-CSO-CAPACITY"));
		refusedToPartner(value.formatted("rls", "ARRAY(SELECT id FROM organization WHERE code IN ('CIF', 'SCCSF'))",
				"RLS-CSO-CAPACITY"));
		assertThat(this.jdbc.queryForList("""
				SELECT i.code || ' ' || v.reported_by FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id
				WHERE i.code LIKE 'RLS-%'""", String.class)).containsExactly("RLS-CSO-CAPACITY rls");
	}

	/**
	 * Geo units, programmes, projects, indicators and organizations change, and people who took part are deleted, for
	 * ADMIN only (a partner's sheet may add organizations and people, and a partner removes someone recorded nowhere
	 * else with their last participation); donors and analysts change nothing at all.
	 */
	@Test
	void whatOnlyAdminChangesStaysUnchangedForEveryoneElse() {
		var adminOnly = List.of("UPDATE geo_unit SET name_en = name_en", "UPDATE programme SET name = name",
				"DELETE FROM programme_donor", "UPDATE project SET name = name", "UPDATE project_partner SET role = role",
				"UPDATE indicator SET name = name", "UPDATE indicator_target SET value = value",
				"UPDATE indicator_value SET value = value", "UPDATE organization SET name = name",
				"DELETE FROM participant WHERE id IN (SELECT participant_id FROM participation)",
				"DELETE FROM data_version");
		for (var statement : adminOnly) {
			assertThat(rolledBack(Role.PARTNER, this.cif, statement)).as(statement).isZero();
		}
		var anyChange = new ArrayList<>(adminOnly);
		anyChange.addAll(List.of("UPDATE activity SET title = title", "UPDATE participation SET role = role",
				"UPDATE participant SET birth_year = birth_year", "UPDATE data_version SET version = version + 1"));
		for (var role : new Role[] { Role.ANALYST, Role.DONOR }) {
			for (var statement : anyChange) {
				assertThat(rolledBack(role, Set.of(), statement)).as(role + statement).isZero();
			}
			refused(role, Set.of(), "INSERT INTO organization (code, name, kind) VALUES ('RLS-NEW', 'New', 'CSO')",
					"violates row-level security policy");
			// nor by the function that runs as the tables' owner to move people's organizations after a change (049)
			refused(role, Set.of(), "SELECT own_organizations_followed(ARRAY(SELECT id FROM participant))",
					"Only a change by an admin or a partner moves people's own organizations");
		}
		refusedToPartner("INSERT INTO data_version (id, version) VALUES (2, 1)");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM data_version", Integer.class)).isOne();
		// an erasure's digest stays: no one but an admin's erasure writes them (044); a partner's sheet adds no
		// donor, implementer or partner (045), though it adds civil-society organizations
		this.jdbc.update("INSERT INTO erased_reference (digest, erased_on) VALUES (sha256('rls'), current_date)");
		try {
			assertThat(rolledBack(Role.PARTNER, this.cif, "DELETE FROM erased_reference")).isZero();
			assertThat(rolledBack(Role.PARTNER, this.cif, "UPDATE erased_reference SET erased_on = erased_on")).isZero();
			refusedToPartner("INSERT INTO erased_reference (digest, erased_on) VALUES (sha256('x'), current_date)",
					"violates row-level security policy");
		}
		finally {
			this.jdbc.update("DELETE FROM erased_reference");
		}
		for (var kind : List.of("DONOR", "IMPLEMENTER", "PARTNER")) {
			refusedToPartner("INSERT INTO organization (code, name, kind) VALUES ('RLS-NEW', 'New', '" + kind + "')",
					"violates row-level security policy");
		}
		assertThat(rolledBack(Role.PARTNER, this.cif,
				"INSERT INTO organization (code, name, kind) VALUES ('RLS-NEW', 'New', 'CSO')")).isOne();
	}

	/** A thread that lost its caller (and is not the service at work) changes nothing and writes no audit entry. */
	@Test
	void aThreadWithoutACallerChangesNothing() throws Exception {
		var outcome = CompletableFuture.supplyAsync(() -> new TransactionTemplate(this.transactions).execute(status -> {
			status.setRollbackOnly();
			var changed = this.jdbc.update("UPDATE activity SET title = title") + this.jdbc.update("DELETE FROM participant");
			try {
				this.jdbc.update("INSERT INTO audit_event (actor, action) VALUES ('service', 'test')");
				return changed + " rows, audit entry written";
			}
			catch (DataAccessException ex) {
				return changed + " rows, " + ex.getMostSpecificCause().getMessage();
			}
		})).get();
		assertThat(outcome).startsWith("0 rows, ERROR: new row violates row-level security policy for table \"audit_event\"");
	}

	@Test
	void importsAndAuditEntriesAreAddedInTheCallersOwnNameOnly() {
		var entry = "INSERT INTO audit_event (actor, role, action) VALUES ('%s', '%s', 'test')";
		assertThat(rolledBack(Role.DONOR, Set.of(), entry.formatted("rls", "DONOR"))).isOne();
		refused(Role.DONOR, Set.of(), entry.formatted("partner", "DONOR"), "violates row-level security policy");
		refused(Role.DONOR, Set.of(), entry.formatted("rls", "ADMIN"), "violates row-level security policy");
		var history = """
				INSERT INTO attendance_import (id, status, dry_run, file_sha256, content_type, imported_by, imported_at, rows,
				                               report)
				VALUES (gen_random_uuid(), 'IMPORTED', false, repeat('0', 64), 'text/csv', '%s', now(), 1, '{}')""";
		refusedToPartner(history.formatted("partner of someone else"));
		refused(Role.DONOR, Set.of(), history.formatted("rls"), "violates row-level security policy");
		assertThat(this.jdbc.queryForObject("""
				SELECT count(*) FROM attendance_import WHERE imported_by IN ('rls', 'partner of someone else')""",
				Integer.class)).isZero();
	}

	/** Reading is everyone's: each role, and a thread without a caller, reads every row the service reads. */
	@Test
	void everyRoleReadsTheTablesTheServiceReads() throws Exception {
		var counts = String.join(" || ' ' || ", List.of("geo_unit", "programme", "programme_donor", "project",
				"project_partner", "indicator", "indicator_target", "indicator_value", "organization", "participant",
				"activity", "participation", "data_version")
			.stream()
			.map(table -> "(SELECT count(*) FROM " + table + ")")
			.toList());
		var service = this.jdbc.queryForObject("SELECT " + counts, String.class);
		assertThat(service.split(" ")).doesNotContain("0");
		for (var role : Role.values()) {
			assertThat(as(role, this.cif, "rls", () -> this.jdbc.queryForObject("SELECT " + counts, String.class)))
				.as(role.name())
				.isEqualTo(service);
		}
		assertThat(CompletableFuture.supplyAsync(() -> this.jdbc.queryForObject("SELECT " + counts, String.class)).get())
			.isEqualTo(service);
	}

	/** Runs a statement as the caller in a transaction rolled back, so that a policy that failed harms no later test. */
	private int rolledBack(Role role, Set<Long> organizations, String statement) {
		return as(role, organizations, "rls", () -> new TransactionTemplate(this.transactions).execute(status -> {
			status.setRollbackOnly();
			return this.jdbc.update(statement);
		}));
	}

	private int partner(String statement, Object... arguments) {
		return as(Role.PARTNER, this.cif, "rls", () -> this.jdbc.update(statement, arguments));
	}

	private void refusedToPartner(String statement) {
		refusedToPartner(statement, "violates row-level security policy");
	}

	private void refusedToPartner(String statement, String reason) {
		refused(Role.PARTNER, this.cif, statement, reason);
	}

	private void refused(Role role, Set<Long> organizations, String statement, String reason) {
		assertThatThrownBy(() -> as(role, organizations, "rls", () -> this.jdbc.update(statement))).as(statement)
			.rootCause()
			.hasMessageContaining(reason);
	}

}
