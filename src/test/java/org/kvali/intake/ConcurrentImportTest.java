package org.kvali.intake;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.access.Caller;
import org.kvali.access.Role;
import org.kvali.access.TestCallerContext;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Loads that meet each other end as if run one after the other. */
@IntegrationTest
class ConcurrentImportTest {

	private static final Caller ADMIN = new Caller("test", Role.ADMIN, Set.of());

	@Autowired
	AttendanceImportService imports;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	Staging staging;

	@Autowired
	DataSource dataSource;

	@Autowired
	@LiquibaseDataSource
	DataSource ownerDataSource;

	@BeforeEach
	void project() {
		IntakeFixture.create(this.jdbc);
	}

	@AfterEach
	void clean() {
		IntakeFixture.remove(this.jdbc);
	}

	@RepeatedTest(3)
	void overlappingLoadsNeitherDuplicateNorLoseARow() throws Exception {
		var first = sheet(1, 40);
		var second = sheet(21, 60);
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(2);
		try {
			var results = new ArrayList<Future<ImportReport>>();
			for (var sheet : new String[] { first, second }) {
				Callable<ImportReport> load = () -> {
					start.await();
					return asAdmin(() -> this.imports.load(
							new ByteArrayInputStream(sheet.getBytes(StandardCharsets.UTF_8)), SheetFormat.CSV,
							"text/csv", false, null));
				};
				results.add(pool.submit(load));
			}
			start.countDown();
			var a = results.get(0).get();
			var b = results.get(1).get();
			assertThat(a.status()).isEqualTo(ImportStatus.IMPORTED);
			assertThat(b.status()).isEqualTo(ImportStatus.IMPORTED);
			assertThat(a.created().activities() + b.created().activities()).isEqualTo(1);
			assertThat(a.created().participants() + b.created().participants()).isEqualTo(60);
			assertThat(a.created().participations() + b.created().participations()).isEqualTo(60);
			assertThat(a.unchanged().participations() + b.unchanged().participations()).isEqualTo(20);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.jdbc.queryForObject("""
				SELECT count(*) FROM participation pn JOIN activity a ON a.id = pn.activity_id WHERE a.code = 'TI-WS-C'""",
				Integer.class)).isEqualTo(60);
	}

	/**
	 * A load that meets a transaction storing a person waits for it (every writer raises the data version, so writes
	 * queue); when that one commits the person with another gender, the load is refused rather than silently
	 * keeping the other gender.
	 */
	@Test
	void aPersonStoredMeanwhileWithAnotherGenderRefusesTheLoad() throws Exception {
		var sheet = AttendanceImportTest.HEADER
				+ "TI-WS-R,Race workshop,workshop,TEST-INTAKE,2025-10-02,2025-10-02,,TI-RACE,female,,,,,,\n";
		var pool = Executors.newSingleThreadExecutor();
		try (var other = this.dataSource.getConnection()) {
			other.setAutoCommit(false);
			try (var insert = other.createStatement()) {
				insert.executeUpdate("INSERT INTO participant (ref, gender) VALUES ('TI-RACE', 'MALE')");
			}
			var load = pool.submit(() -> asAdmin(() -> this.imports.load(
					new ByteArrayInputStream(sheet.getBytes(StandardCharsets.UTF_8)), SheetFormat.CSV, "text/csv",
					false, null)));
			awaitABackendWaitingForALock();
			other.commit();
			var report = load.get();
			assertThat(report.status()).isEqualTo(ImportStatus.REJECTED);
			assertThat(report.errors()).containsExactly(new ImportMessage(2, "gender", "female",
					"Participant TI-RACE is stored as male; gender is not corrected by a sheet (correctParticipant corrects it)"));
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM activity WHERE code = 'TI-WS-R'", Integer.class))
			.isZero();
		assertThat(this.jdbc.queryForObject("SELECT gender FROM participant WHERE ref = 'TI-RACE'", String.class))
			.isEqualTo("MALE");
	}

	/**
	 * A writer that arrives while a load holds the write lock waits before it writes anything, so it holds no row the
	 * load is about to write: the load's insert goes through, and the writer, once the load has committed, meets the
	 * stored row (a clear duplicate) instead of a deadlock that could have failed the load.
	 */
	@Test
	void aWriterArrivingDuringALoadWaitsBeforeWritingAnything() throws Exception {
		var writer = whileALoadHoldsTheLock("INSERT INTO participant (ref, gender) VALUES ('TI-QUEUE', 'MALE')",
				() -> this.jdbc.update("INSERT INTO participant (ref, gender) VALUES ('TI-QUEUE', 'FEMALE')"));
		assertThat(writer).contains("duplicate key value violates unique constraint \"participant_ref_any_case\"");
		assertThat(this.jdbc.queryForObject("SELECT gender FROM participant WHERE ref = 'TI-QUEUE'", String.class))
			.isEqualTo("FEMALE");
	}

	/**
	 * A load reads its partner's projects under the write lock, and a change of a project's partners queues behind it:
	 * the projects the load checked are the ones PostgreSQL's policies check when it writes.
	 */
	@Test
	void aChangeOfAProjectsPartnersWaitsForALoad() throws Exception {
		assertThat(whileALoadHoldsTheLock("UPDATE project_partner SET role = role", () -> 0)).isEqualTo("done");
	}

	/**
	 * In a transaction holding the load's write lock, sends {@code statement} as ADMIN on another connection, waits
	 * until it waits for a lock, runs {@code then}, and commits; gives the statement's error message, or "done".
	 */
	private String whileALoadHoldsTheLock(String statement, Supplier<Integer> then) throws Exception {
		var other = new CompletableFuture<String>();
		this.transaction.executeWithoutResult(status -> {
			this.staging.lockWrites();
			CompletableFuture.runAsync(() -> asAdmin(() -> {
				try (var connection = this.dataSource.getConnection(); var sql = connection.createStatement()) {
					sql.executeUpdate(statement);
					return other.complete("done");
				}
				catch (Exception ex) {
					return other.complete(ex.getMessage());
				}
			}));
			try {
				awaitABackendWaitingForALock();
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
			assertThat(other).isNotDone();
			then.get();
		});
		return other.get(10, TimeUnit.SECONDS);
	}

	/** Work on another thread, as the test's ADMIN caller (whose scope the connections then carry). */
	private static <T> T asAdmin(Supplier<T> work) {
		return TestCallerContext.as(ADMIN.role(), ADMIN.organizations(), ADMIN.name(), work);
	}

	private void awaitABackendWaitingForALock() throws InterruptedException {
		// only the owner sees what other sessions wait for; the application's role does not
		var owner = new JdbcTemplate(this.ownerDataSource);
		for (int i = 0; i < 500; i++) {
			var waiting = owner.queryForObject("""
					SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()""", Integer.class);
			if (waiting > 0) {
				return;
			}
			Thread.sleep(20);
		}
		throw new AssertionError("The load never waited for the other transaction");
	}

	private static String sheet(int from, int to) {
		var sheet = new StringBuilder(AttendanceImportTest.HEADER);
		for (int i = from; i <= to; i++) {
			sheet.append("TI-WS-C,Concurrent workshop,workshop,TEST-INTAKE,2025-10-01,2025-10-01,,TI-")
				.append(i)
				.append(",female,,,,,,\n");
		}
		return sheet.toString();
	}

}
