package org.kvali.intake;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.access.Caller;
import org.kvali.access.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kvali.access.TestCallerContext.as;

/**
 * A partner reads back its own imports only, and PostgreSQL holds to that even when the application's filter is
 * taken away: the history read with no filter at all still returns only the partner's rows.
 */
@IntegrationTest
class OwnImportsTest {

	@Autowired
	AttendanceImportService imports;

	@Autowired
	ImportHistory history;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void project() {
		IntakeFixture.create(this.jdbc);
	}

	@AfterEach
	void clean() {
		IntakeFixture.remove(this.jdbc);
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
		assertThat(as(Role.PARTNER, Set.of(1L), "someone-else", () -> this.history.count(null))).isZero();
		assertThat(as(Role.ADMIN, Set.of(), "admin-o", () -> this.history.count(null))).isEqualTo(2);
	}

	private ImportReport load(String sheet, Caller caller) {
		return as(caller.role(), caller.organizations(), caller.name(), () -> this.imports.load(
				new ByteArrayInputStream(sheet.getBytes(StandardCharsets.UTF_8)), SheetFormat.CSV, "text/csv", false));
	}

}
