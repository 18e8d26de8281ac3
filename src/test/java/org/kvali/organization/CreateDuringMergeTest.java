package org.kvali.organization;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.Latches;
import org.kvali.LockWaits;
import org.kvali.access.Role;
import org.kvali.access.TestCallerContext;
import org.kvali.graphql.FieldProblem;
import org.kvali.graphql.ValidationException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * An organization created under a code while a merge of that code commits: the creation waits for the merge, then
 * finds the code merged. Checked before the merge committed, it found neither the code nor its alias, and made an
 * organization under a merged code, which sheets naming it never reach.
 */
@IntegrationTest
class CreateDuringMergeTest {

	@Autowired
	@LiquibaseDataSource
	DataSource owner;

	@Autowired
	OrganizationEditor editor;

	@Autowired
	OrganizationMerge merge;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void clean() {
		var owner = new JdbcTemplate(this.owner);
		owner.update("DELETE FROM organization_alias WHERE code LIKE 'TD-CM-%'");
		owner.update("DELETE FROM organization WHERE code LIKE 'TD-CM-%'");
	}

	@Test
	void aCodeMergedWhileItIsCreatedIsRefused() throws Exception {
		create("TD-CM-TYPO");
		create("TD-CM-RIGHT");
		var merged = new CountDownLatch(1);
		var release = new CountDownLatch(1);
		// the merge done and not yet committed, as a slow one is
		var merging = CompletableFuture.runAsync(() -> TestCallerContext.as(Role.ADMIN, Set.of(), "test",
				() -> this.transaction.execute(status -> {
					this.merge.merge("TD-CM-TYPO", "TD-CM-RIGHT");
					merged.countDown();
					Latches.await(release);
					return null;
				})));
		assertThat(merged.await(30, TimeUnit.SECONDS)).isTrue();
		var creation = CompletableFuture.supplyAsync(() -> create("TD-CM-TYPO"));
		LockWaits.await(this.owner, 1);
		release.countDown();
		merging.get(30, TimeUnit.SECONDS);
		var refusal = catchThrowable(() -> creation.get(30, TimeUnit.SECONDS));
		assertThat(refusal).isInstanceOf(ExecutionException.class).cause().isInstanceOf(ValidationException.class);
		assertThat(((ValidationException) refusal.getCause()).problems()).extracting(FieldProblem::message)
			.containsExactly("Code TD-CM-TYPO was merged into TD-CM-RIGHT, and sheets naming it are recorded as "
					+ "TD-CM-RIGHT: choose another code");
		assertThat(this.jdbc.queryForList("SELECT code FROM organization WHERE code LIKE 'TD-CM-%'", String.class))
			.containsExactly("TD-CM-RIGHT");
	}

	private Organization create(String code) {
		return TestCallerContext.as(Role.ADMIN, Set.of(), "test", () -> this.editor
			.create(new OrganizationInputs.Create(code, "Race " + code, null, OrganizationKind.CSO, null, null, null,
					null)));
	}

}
