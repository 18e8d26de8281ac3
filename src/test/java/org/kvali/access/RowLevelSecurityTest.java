package org.kvali.access;

import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kvali.access.TestCallerContext.as;

/**
 * PostgreSQL itself refuses what the services refuse: the application's connections work as a role that owns no
 * table, within the caller's scope, so SQL with no filter at all still sees only what the caller may.
 */
@IntegrationTest
class RowLevelSecurityTest {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theApplicationWorksAsARoleThatOwnsNoTable() {
		assertThat(this.jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo("kvali_app");
		assertThat(this.jdbc.queryForObject("""
				SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user""", Integer.class))
			.isZero();
		assertThat(this.jdbc.queryForObject("SELECT rolbypassrls OR rolsuper FROM pg_roles WHERE rolname = current_user",
				Boolean.class)).isFalse();
	}

	@Test
	void personalDataKeysAndTheAuditLogAreInvisibleOutsideAdmin() {
		// anyone may add to the audit log; demo start-up made the keys and loaded the personal data
		as(Role.DONOR, Set.of(), "rls", () -> this.jdbc.update("INSERT INTO audit_event (actor, action) VALUES ('rls', 'test')"));
		var unfiltered = "SELECT (SELECT count(*) FROM participant_personal) || ' ' || (SELECT count(*) FROM api_key)"
				+ " || ' ' || (SELECT count(*) FROM audit_event)";
		for (var role : new Role[] { Role.ANALYST, Role.DONOR, Role.PARTNER }) {
			assertThat(as(role, Set.of(1L), "rls", () -> this.jdbc.queryForObject(unfiltered, String.class)))
				.isEqualTo("0 0 0");
		}
		var admin = as(Role.ADMIN, Set.of(), "rls", () -> this.jdbc.queryForObject(unfiltered, String.class));
		assertThat(admin.split(" ")).allSatisfy(count -> assertThat(Integer.parseInt(count)).isPositive());
	}

	@Test
	void aThreadWithNeitherACallerNorTheServicesMarkSeesNothingProtected() throws Exception {
		var unfiltered = "SELECT (SELECT count(*) FROM participant_personal) || ' ' || (SELECT count(*) FROM api_key)";
		var seen = new AtomicReference<String>();
		var thread = new Thread(() -> seen.set(this.jdbc.queryForObject(unfiltered, String.class)));
		thread.start();
		thread.join();
		assertThat(seen.get()).isEqualTo("0 0");
		// the test's own thread works as the service does, and sees both (demo people and demo keys)
		assertThat(this.jdbc.queryForObject(unfiltered, String.class).split(" "))
			.allSatisfy(count -> assertThat(Integer.parseInt(count)).isPositive());
	}

	/**
	 * A partner of CIF (a partner of the demo's project) against a project of another organization, with SQL that
	 * checks nothing: it changes its own project's activities, and not one row of the other project.
	 */
	@Test
	void aPartnersWritesStayInsideItsProjects() {
		this.jdbc.update("INSERT INTO organization (code, name, kind) VALUES ('RLS-LEAD', 'Other lead', 'CSO')");
		this.jdbc.update("""
				INSERT INTO project (code, programme_id, name, lead_organization_id)
				SELECT 'RLS-OTHER', programme_id, 'Other project', (SELECT id FROM organization WHERE code = 'RLS-LEAD')
				FROM project WHERE code = 'CSO-CAPACITY'""");
		this.jdbc.update("""
				INSERT INTO activity (code, project_id, kind, title, start_date, end_date)
				SELECT 'RLS-OTHER-1', id, 'MEETING', 'Theirs', DATE '2025-01-10', DATE '2025-01-10' FROM project
				WHERE code = 'RLS-OTHER'""");
		this.jdbc.update("""
				INSERT INTO participation (activity_id, participant_id)
				SELECT a.id, p.id FROM activity a, participant p WHERE a.code = 'RLS-OTHER-1' AND p.ref = 'S001'""");
		this.jdbc.update("""
				INSERT INTO indicator (code, programme_id, project_id, name, level, unit, direction, method)
				SELECT 'RLS-THEIRS', programme_id, id, 'Theirs', 'OUTPUT', 'NUMBER', 'HIGHER_IS_BETTER', 'REPORTED'
				FROM project WHERE code = 'RLS-OTHER'""");
		try {
			var cif = Set.of(this.jdbc.queryForObject("SELECT id FROM organization WHERE code = 'CIF'", Long.class));
			assertThat(as(Role.PARTNER, cif, "rls", () -> this.jdbc.update(
					"UPDATE activity SET title = title || '' WHERE code IN ('TRN-2024-BAKURIANI', 'RLS-OTHER-1')")))
				.isOne();
			assertThat(as(Role.PARTNER, cif, "rls", () -> this.jdbc.update("""
					UPDATE participation SET role = 'SPEAKER'
					WHERE activity_id IN (SELECT id FROM activity WHERE code LIKE 'RLS-%')"""))).isZero();
			assertThat(as(Role.PARTNER, cif, "rls", () -> this.jdbc.update("""
					DELETE FROM participation WHERE activity_id IN (SELECT id FROM activity WHERE code LIKE 'RLS-%')""")))
				.isZero();
			refused(Role.PARTNER, cif, """
					INSERT INTO activity (code, project_id, kind, title, start_date, end_date)
					SELECT 'RLS-OTHER-2', id, 'MEETING', 'Mine now', DATE '2025-01-10', DATE '2025-01-10'
					FROM project WHERE code = 'RLS-OTHER'""");
			refused(Role.PARTNER, cif, """
					UPDATE activity SET project_id = (SELECT id FROM project WHERE code = 'RLS-OTHER')
					WHERE code = 'TRN-2024-BAKURIANI'""");
			refused(Role.PARTNER, cif, """
					INSERT INTO participation (activity_id, participant_id)
					SELECT a.id, p.id FROM activity a, participant p WHERE a.code = 'RLS-OTHER-1' AND p.ref = 'S002'""");
			refused(Role.PARTNER, cif, """
					INSERT INTO indicator_value (indicator_id, period_key, period_start, period_end, value, reported_by)
					SELECT id, '2025', DATE '2025-01-01', DATE '2025-12-31', 1, 'rls' FROM indicator
					WHERE code = 'RLS-THEIRS'""");
			assertThat(this.jdbc.queryForObject("""
					SELECT string_agg(a.code || ' ' || a.title || ' ' || pn.role || ' ' || p.ref, ', ')
					FROM activity a JOIN project pr ON pr.id = a.project_id
					JOIN participation pn ON pn.activity_id = a.id JOIN participant p ON p.id = pn.participant_id
					WHERE pr.code = 'RLS-OTHER'""", String.class))
				.isEqualTo("RLS-OTHER-1 Theirs PARTICIPANT S001");
			assertThat(this.jdbc.queryForObject("""
					SELECT count(*) FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id
					WHERE i.code = 'RLS-THEIRS'""", Integer.class)).isZero();
			// the policies check the partner's projects, not merely its role: in its own it adds and removes
			var pair = this.jdbc.queryForObject("""
					SELECT a.id, p.id FROM activity a, participant p WHERE a.code = 'TRN-2024-BAKURIANI'
					  AND NOT EXISTS (SELECT 1 FROM participation x WHERE x.activity_id = a.id AND x.participant_id = p.id)
					ORDER BY p.id LIMIT 1""", (row, i) -> new Object[] { row.getLong(1), row.getLong(2) });
			assertThat(as(Role.PARTNER, cif, "rls", () -> this.jdbc.update(
					"INSERT INTO participation (activity_id, participant_id) VALUES (?, ?)", pair))).isOne();
			assertThat(as(Role.PARTNER, cif, "rls", () -> this.jdbc.update(
					"DELETE FROM participation WHERE activity_id = ? AND participant_id = ?", pair))).isOne();
		}
		finally {
			this.jdbc.update("DELETE FROM indicator WHERE code = 'RLS-THEIRS'");
			this.jdbc.update("""
					DELETE FROM participation WHERE activity_id IN (SELECT id FROM activity WHERE code LIKE 'RLS-%')""");
			this.jdbc.update("DELETE FROM activity WHERE code LIKE 'RLS-%'");
			this.jdbc.update("DELETE FROM project WHERE code = 'RLS-OTHER'");
			this.jdbc.update("DELETE FROM organization WHERE code = 'RLS-LEAD'");
		}
	}

	/**
	 * Programmes, projects, indicators and organizations change, and people are deleted, for ADMIN only (a partner's
	 * sheet may add organizations and people); donors and analysts change nothing at all.
	 */
	@Test
	void whatOnlyAdminChangesStaysUnchangedForEveryoneElse() {
		var cif = Set.of(this.jdbc.queryForObject("SELECT id FROM organization WHERE code = 'CIF'", Long.class));
		var adminOnly = new String[] { "UPDATE programme SET name = name", "DELETE FROM programme_donor",
				"UPDATE project SET name = name", "UPDATE project_partner SET role = role",
				"UPDATE indicator SET name = name", "UPDATE indicator_target SET value = value",
				"UPDATE indicator_value SET value = value", "UPDATE organization SET name = name",
				"DELETE FROM participant" };
		for (var statement : adminOnly) {
			assertThat(as(Role.PARTNER, cif, "rls", () -> this.jdbc.update(statement))).as(statement).isZero();
		}
		for (var role : new Role[] { Role.ANALYST, Role.DONOR }) {
			for (var statement : adminOnly) {
				assertThat(as(role, Set.of(), "rls", () -> this.jdbc.update(statement))).as(statement).isZero();
			}
			for (var statement : new String[] { "UPDATE activity SET title = title",
					"UPDATE participation SET role = role", "UPDATE participant SET birth_year = birth_year" }) {
				assertThat(as(role, Set.of(), "rls", () -> this.jdbc.update(statement))).as(statement).isZero();
			}
			refused(role, Set.of(), "INSERT INTO organization (code, name, kind) VALUES ('RLS-NEW', 'New', 'CSO')");
		}
		// and every role reads the rows the service reads
		var counts = "SELECT (SELECT count(*) FROM activity) || ' ' || (SELECT count(*) FROM participation)";
		assertThat(as(Role.DONOR, Set.of(), "rls", () -> this.jdbc.queryForObject(counts, String.class)))
			.isEqualTo(this.jdbc.queryForObject(counts, String.class));
	}

	private void refused(Role role, Set<Long> organizations, String statement) {
		assertThatThrownBy(() -> as(role, organizations, "rls", () -> this.jdbc.update(statement))).as(statement)
			.rootCause()
			.hasMessageContaining("violates row-level security policy");
	}

	@Test
	void theAuditLogOnlyGrows() {
		int before = as(Role.ADMIN, Set.of(), "rls", () -> this.jdbc.queryForObject("SELECT count(*) FROM audit_event",
				Integer.class));
		assertThat(as(Role.ADMIN, Set.of(), "rls", () -> this.jdbc.update("DELETE FROM audit_event"))).isZero();
		assertThat(as(Role.ADMIN, Set.of(), "rls", () -> this.jdbc.update("UPDATE audit_event SET actor = 'x'")))
			.isZero();
		assertThat(as(Role.ADMIN, Set.of(), "rls", () -> this.jdbc.queryForObject("SELECT count(*) FROM audit_event",
				Integer.class))).isEqualTo(before);
	}

}
