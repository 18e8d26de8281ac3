package org.kvali.access;

import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kvali.access.TestCallerContext.as;

/**
 * PostgreSQL itself refuses what the services refuse: the application's connections work as a role that owns no
 * table, within the caller's scope, so SQL with no filter at all still sees only what the caller may.
 */
@IntegrationTest
class RowLevelSecurityTest {

	@Autowired
	JdbcTemplate jdbc;

	/** The tables' owner, whom no policy limits: what every row counts to. */
	@Autowired
	@LiquibaseDataSource
	DataSource ownerDataSource;

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
		// anyone may add to the audit log in its own name; demo start-up made the keys and loaded the personal data
		as(Role.DONOR, Set.of(), "rls",
				() -> this.jdbc.update("INSERT INTO audit_event (actor, role, action) VALUES ('rls', 'DONOR', 'test')"));
		var unfiltered = "SELECT (SELECT count(*) FROM participant_personal) || ' ' || (SELECT count(*) FROM api_key)"
				+ " || ' ' || (SELECT count(*) FROM audit_event)";
		for (var role : new Role[] { Role.ANALYST, Role.DONOR, Role.PARTNER }) {
			assertThat(as(role, Set.of(1L), "rls", () -> this.jdbc.queryForObject(unfiltered, String.class)))
				.isEqualTo("0 0 0");
		}
		// an admin sees every row, as the owner does (demo people and keys, and the entry just added)
		var admin = as(Role.ADMIN, Set.of(), "rls", () -> this.jdbc.queryForObject(unfiltered, String.class));
		var all = new JdbcTemplate(this.ownerDataSource).queryForObject(unfiltered, String.class);
		assertThat(all.split(" ")).allSatisfy(count -> assertThat(Integer.parseInt(count)).isPositive());
		assertThat(admin).isEqualTo(all);
	}

	@Test
	void aThreadWithNeitherACallerNorTheServicesMarkSeesNothingProtected() throws Exception {
		var unfiltered = "SELECT (SELECT count(*) FROM participant_personal) || ' ' || (SELECT count(*) FROM api_key)";
		var seen = new AtomicReference<String>();
		var thread = new Thread(() -> seen.set(this.jdbc.queryForObject(unfiltered, String.class)));
		thread.start();
		thread.join();
		assertThat(seen.get()).isEqualTo("0 0");
		// the test's own thread works as the service does, and sees every row of both (demo people and demo keys)
		var all = new JdbcTemplate(this.ownerDataSource).queryForObject(unfiltered, String.class);
		assertThat(all.split(" ")).allSatisfy(count -> assertThat(Integer.parseInt(count)).isPositive());
		assertThat(this.jdbc.queryForObject(unfiltered, String.class)).isEqualTo(all);
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
