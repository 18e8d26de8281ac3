package org.kvali.intake;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.Latches;
import org.kvali.LockWaits;
import org.kvali.access.Caller;
import org.kvali.access.Role;
import org.kvali.access.TestCallerContext;
import org.kvali.participant.ParticipantService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dry run's report is kept after its load let the writers' queue go, so an erasure may run between the two. The
 * keeping and the erasure's rewrite of the reports take turns: whichever comes second sees the other committed, and
 * the report is kept without the reference either way.
 */
@IntegrationTest
class ReportKeptDuringErasureTest {

	private static final String REF = "TD-RK-1";

	@Autowired
	@LiquibaseDataSource
	DataSource owner;

	@Autowired
	ImportHistory history;

	@Autowired
	ParticipantService participants;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcTemplate jdbc;

	private long person;

	@BeforeEach
	void store() {
		this.person = this.jdbc.queryForObject(
				"INSERT INTO participant (ref, gender) VALUES (?, 'FEMALE') RETURNING id",
				Long.class, REF);
	}

	@AfterEach
	void clean() {
		var owner = new JdbcTemplate(this.owner);
		owner.update("DELETE FROM attendance_import WHERE imported_by = 'td-rk test'");
		owner.update("DELETE FROM participant WHERE id = ?", this.person);
		owner.update("DELETE FROM erased_reference WHERE digest = sha256(convert_to(lower(?), 'UTF8'))", REF);
		owner.update("DELETE FROM audit_event WHERE subject = ?", REF);
	}

	/** The erasure rewrote the reports before this one was stored, and commits while it is being kept. */
	@Test
	void aReportKeptAsAnErasureCommitsIsWithoutTheReference() throws Exception {
		var erased = new CountDownLatch(1);
		var release = new CountDownLatch(1);
		var erasure = CompletableFuture.runAsync(() -> asAdmin(() -> this.transaction.executeWithoutResult(status -> {
			this.participants.forget(REF);
			erased.countDown();
			Latches.await(release);
		})));
		assertThat(erased.await(30, TimeUnit.SECONDS)).isTrue();
		var keeping = CompletableFuture
			.runAsync(() -> asAdmin(() -> this.transaction.executeWithoutResult(status -> keep())));
		LockWaits.await(this.owner, 1);
		release.countDown();
		erasure.get(30, TimeUnit.SECONDS);
		keeping.get(30, TimeUnit.SECONDS);
		assertKeptWithoutTheReference();
	}

	/** The report is stored, and not yet committed, as the erasure rewrites the reports. */
	@Test
	void anErasureAsAReportIsKeptRewritesIt() throws Exception {
		var kept = new CountDownLatch(1);
		var release = new CountDownLatch(1);
		var keeping = CompletableFuture.runAsync(() -> asAdmin(() -> this.transaction.executeWithoutResult(status -> {
			keep();
			kept.countDown();
			Latches.await(release);
		})));
		assertThat(kept.await(30, TimeUnit.SECONDS)).isTrue();
		var erasure = CompletableFuture.runAsync(() -> asAdmin(() -> this.participants.forget(REF)));
		LockWaits.await(this.owner, 1);
		release.countDown();
		keeping.get(30, TimeUnit.SECONDS);
		erasure.get(30, TimeUnit.SECONDS);
		assertKeptWithoutTheReference();
	}

	private void keep() {
		var message = new ImportMessage(2, Columns.PARTICIPANT_REF, REF, "Birth year of " + REF + " from 1990 to 1991");
		var report = new ImportReport(UUID.randomUUID(), ImportStatus.VALIDATED, true, 1, ImportCounts.NONE,
				ImportCounts.NONE, ImportCounts.NONE, List.of(message), List.of(), "0".repeat(64), "td-rk test",
				OffsetDateTime.now(), "sheet.csv", List.of("TD-RK-A"));
		this.history.saveAfterLoad(report, "text/csv", new Caller("td-rk test", Role.ADMIN, Set.of()), List.of());
	}

	private static void asAdmin(Runnable work) {
		TestCallerContext.as(Role.ADMIN, Set.of(), "td-rk test", () -> {
			work.run();
			return null;
		});
	}

	private void assertKeptWithoutTheReference() {
		assertThat(new JdbcTemplate(this.owner).queryForObject("SELECT CAST(report AS text) FROM attendance_import"
				+ " WHERE imported_by = 'td-rk test'", String.class))
			.contains("(erased)")
			.doesNotContainIgnoringCase(REF);
	}

}
