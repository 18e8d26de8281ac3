package org.kvali.organization;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.LockWaits;
import org.kvali.access.Role;
import org.kvali.access.TestCallerContext;
import org.kvali.graphql.FieldProblem;
import org.kvali.graphql.ValidationException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * An organization's region given while its municipality moves to another region: the change waits for the move, and
 * is checked against the municipality it leaves. Checked against the one before, it stored a municipality in Kvemo
 * Kartli with the region Samtskhe-Javakheti (a review's).
 */
@IntegrationTest
class PlaceDuringMoveTest {

	@Autowired
	@LiquibaseDataSource
	DataSource owner;

	@Autowired
	OrganizationEditor editor;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void clean() {
		this.jdbc.update("DELETE FROM organization WHERE code = 'TD-PM-1'");
	}

	@Test
	void aRegionGivenWhileTheMunicipalityMovesIsCheckedAgainstTheNewOne() throws Exception {
		TestCallerContext.as(Role.ADMIN, Set.of(), "test", () -> this.editor.create(new OrganizationInputs.Create(
				"TD-PM-1", "Moving", null, OrganizationKind.CSO, "GE-SJ-ADIGENI", null, null, null)));
		CompletableFuture<Organization> region;
		try (var move = this.owner.getConnection()) {
			move.setAutoCommit(false);
			try (var statement = move.createStatement()) {
				statement.execute("SELECT version FROM data_version WHERE id = 1 FOR UPDATE");
				statement.execute("UPDATE organization SET municipality_code = 'GE-KK-MARNEULI', region_code = 'GE-KK'"
						+ " WHERE code = 'TD-PM-1'");
			}
			region = CompletableFuture.supplyAsync(() -> TestCallerContext.as(Role.ADMIN, Set.of(), "test",
					() -> this.editor.update("TD-PM-1", new OrganizationInputs.Update(null, null, null, null, "GE-SJ",
							null, null), Set.of())));
			LockWaits.await(this.owner, 1);
			move.commit();
		}
		var refusal = catchThrowable(() -> region.get(30, TimeUnit.SECONDS));
		assertThat(refusal).isInstanceOf(ExecutionException.class).cause().isInstanceOf(ValidationException.class);
		assertThat(((ValidationException) refusal.getCause()).problems()).extracting(FieldProblem::message)
			.containsExactly("The organization's municipality GE-KK-MARNEULI lies in GE-KK; its region is that one");
		assertThat(this.jdbc.queryForMap("SELECT municipality_code, region_code FROM organization"
				+ " WHERE code = 'TD-PM-1'"))
			.containsEntry("municipality_code", "GE-KK-MARNEULI")
			.containsEntry("region_code", "GE-KK");
	}

}
