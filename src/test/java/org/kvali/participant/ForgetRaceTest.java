package org.kvali.participant;

import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.Latches;
import org.kvali.LockWaits;
import org.kvali.access.Role;
import org.kvali.access.TestCallerContext;
import org.kvali.graphql.NotFoundException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasures of one person at the same moment: they queue, the first erases and the others find no one. Each found the
 * person before waiting its turn, so six answered success and left six audit entries for one erasure.
 */
@IntegrationTest
class ForgetRaceTest {

	@Autowired
	@LiquibaseDataSource
	DataSource owner;

	@Autowired
	ParticipantService participants;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void clean() {
		this.jdbc.update("DELETE FROM participant WHERE ref = 'FR-1' OR ref LIKE 'forgotten-%' AND id NOT IN "
				+ "(SELECT participant_id FROM participation)");
		this.jdbc.update("DELETE FROM audit_event WHERE subject = 'FR-1'");
	}

	@Test
	void twoErasuresAtOnceEraseOnce() throws Exception {
		this.jdbc.update("INSERT INTO participant (ref, gender) VALUES ('FR-1', 'FEMALE')");
		var queued = new CountDownLatch(1);
		var release = new CountDownLatch(1);
		// a writer holding the queue, as a load does
		var holder = CompletableFuture.runAsync(() -> TestCallerContext.as(Role.ADMIN, Set.of(), "test",
				() -> this.transaction.execute(status -> {
					this.jdbc.queryForObject("SELECT version FROM data_version WHERE id = 1 FOR UPDATE", Long.class);
					queued.countDown();
					Latches.await(release);
					return null;
				})));
		assertThat(queued.await(30, TimeUnit.SECONDS)).isTrue();
		var erasures = new ArrayList<CompletableFuture<Integer>>();
		for (int i = 0; i < 2; i++) {
			erasures.add(CompletableFuture.supplyAsync(() -> TestCallerContext.as(Role.ADMIN, Set.of(), "test",
					() -> this.participants.forget("FR-1"))));
		}
		// both wait for the holder: otherwise they might run one after the other, and race for nothing
		LockWaits.await(this.owner, 2);
		release.countDown();
		holder.get(30, TimeUnit.SECONDS);
		var outcomes = new ArrayList<String>();
		for (var erasure : erasures) {
			try {
				outcomes.add("erased " + erasure.get(30, TimeUnit.SECONDS));
			}
			catch (java.util.concurrent.ExecutionException ex) {
				outcomes.add(ex.getCause() instanceof NotFoundException ? "not found" : ex.getCause().toString());
			}
		}
		assertThat(outcomes).containsExactlyInAnyOrder("erased 0", "not found");
		assertThat(this.jdbc.queryForObject("""
				SELECT count(*) FROM audit_event WHERE action = 'forget participant' AND subject = 'FR-1'""",
				Integer.class)).isOne();
		assertThat(this.jdbc.queryForList("SELECT ref FROM participant WHERE ref = 'FR-1'", String.class)).isEmpty();
	}

}
