package org.kvali.participant;

import java.sql.Connection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.LockWaits;
import org.kvali.access.ServiceScope;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseDataSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The references of participants and participations, checked once per statement (changeset 024), hold as the foreign
 * keys they replaced did: for the application's role, for statements of many rows, and against a concurrent delete.
 * Each case runs in a transaction that is rolled back, but for the races.
 */
@IntegrationTest
class ReferencesTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	DataSource dataSource;

	@Autowired
	@LiquibaseDataSource
	DataSource owner;

	@BeforeEach
	void anActivityNobodyTookPartIn() {
		this.jdbc.update("""
				INSERT INTO activity (code, project_id, kind, title, start_date, end_date)
				SELECT 'REF-EMPTY', min(id), 'MEETING', 'References', DATE '2025-01-10', DATE '2025-01-10' FROM project""");
	}

	@AfterEach
	void removeIt() {
		this.jdbc.update("DELETE FROM activity WHERE code = 'REF-EMPTY'");
	}

	@Test
	void aParticipationRefersToAnActivityAParticipantAndAnOrganizationThatExist() {
		// a bad row among good ones
		refused("A participation refers to participant -7, which does not exist", """
				INSERT INTO participation (activity_id, participant_id)
				SELECT a, p FROM (VALUES (%d, %d), (%d, %d)) v (a, p)""".formatted(activityWithout(), anyParticipant(),
				activityWithout(), -7));
		refused("A participation refers to activity -5, which does not exist",
				"INSERT INTO participation (activity_id, participant_id) VALUES (-5, " + anyParticipant() + ")");
		refused("A participation refers to organization -9, which does not exist",
				"INSERT INTO participation (activity_id, participant_id, organization_id) VALUES (" + activityWithout()
						+ ", " + anyParticipant() + ", -9)");
		refused("A participation refers to organization -9, which does not exist",
				"UPDATE participation SET organization_id = -9 WHERE id = (SELECT min(id) FROM participation)");
		// a temporary table of the same name does not stand in for the activities
		refused("A participation refers to activity -5, which does not exist",
				"CREATE TEMPORARY TABLE activity (id bigint) ON COMMIT DROP", "INSERT INTO activity VALUES (-5)",
				"INSERT INTO participation (activity_id, participant_id) VALUES (-5, " + anyParticipant() + ")");
	}

	@Test
	void aParticipantRefersToAHomeMunicipalityAndAnOrganizationThatExist() {
		refused("A participant refers to home municipality GE-NOWHERE, which does not exist",
				"INSERT INTO participant (ref, gender, home_municipality_code) VALUES ('REF-1', 'FEMALE', 'GE-NOWHERE')");
		refused("A participant refers to organization -3, which does not exist",
				"INSERT INTO participant (ref, gender, organization_id) VALUES ('REF-1', 'FEMALE', -3)");
		refused("A participant refers to home municipality GE-NOWHERE, which does not exist",
				"UPDATE participant SET home_municipality_code = 'GE-NOWHERE' WHERE id = " + anyParticipant());
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM participant WHERE ref = 'REF-1'", Integer.class))
			.isZero();
	}

	@Test
	void whatIsReferredToIsNeitherDeletedNorRenumbered() {
		refused("A deleted row of activity: participation.activity_id still refers to it",
				"DELETE FROM activity WHERE id = (SELECT min(activity_id) FROM participation)");
		// an organization and a municipality that only a participation or a participant refers to
		refused("A deleted row of organization: participation.organization_id still refers to it",
				"INSERT INTO organization (code, name, kind) VALUES ('REF-ORG', 'References', 'CSO')", """
						UPDATE participation SET organization_id = (SELECT id FROM organization WHERE code = 'REF-ORG')
						WHERE id = (SELECT min(id) FROM participation)""", "DELETE FROM organization WHERE code = 'REF-ORG'");
		refused("A deleted row of organization: participant.organization_id still refers to it",
				"INSERT INTO organization (code, name, kind) VALUES ('REF-ORG', 'References', 'CSO')", """
						UPDATE participant SET organization_id = (SELECT id FROM organization WHERE code = 'REF-ORG')
						WHERE id = """ + anyParticipant(), "DELETE FROM organization WHERE code = 'REF-ORG'");
		refused("A deleted row of geo_unit: participant.home_municipality_code still refers to it", """
				INSERT INTO geo_unit (code, parent_code, level, name_en, name_ka)
				SELECT 'GE-REF', parent_code, 'MUNICIPALITY', 'References', 'References' FROM geo_unit
				WHERE level = 'MUNICIPALITY' LIMIT 1""",
				"UPDATE participant SET home_municipality_code = 'GE-REF' WHERE id = " + anyParticipant(),
				"DELETE FROM geo_unit WHERE code = 'GE-REF'");
		refused("activity.id is referred to and does not change",
				"UPDATE activity SET id = -1 WHERE id = " + activityWithout());
		refused("organization.id is referred to and does not change",
				"UPDATE organization SET id = -1 WHERE id = (SELECT min(organization_id) FROM participation)");
		refused("participant.id is referred to and does not change",
				"UPDATE participant SET id = -1 WHERE id = " + anyParticipant());
		refused("geo_unit.code is referred to and does not change",
				"UPDATE geo_unit SET code = 'GE-X' WHERE code = (SELECT min(home_municipality_code) FROM participant)");
		// what nothing refers to goes as before
		assertThat(inRolledBackTransaction(() -> this.jdbc.update("DELETE FROM activity WHERE id = " + activityWithout())))
			.isEqualTo(1);
	}

	@Test
	void deletingAParticipantDeletesTheirParticipations() {
		long participant = this.jdbc.queryForObject("SELECT min(participant_id) FROM participation", Long.class);
		int had = this.jdbc.queryForObject("SELECT count(*) FROM participation WHERE participant_id = ?", Integer.class,
				participant);
		assertThat(had).isPositive();
		long participations = count("participation");
		int left = inRolledBackTransaction(() -> {
			this.jdbc.update("DELETE FROM participant WHERE id = ?", participant);
			return (int) count("participation");
		});
		assertThat(left).isEqualTo(participations - had);
	}

	@Test
	void aTableThatIsReferredToIsTruncatedOnlyWithWhatRefersToIt() throws Exception {
		// CASCADE follows foreign keys only: it reaches participant_personal, not participation (removed_participation
		// refers to activity by a foreign key, which PostgreSQL names itself)
		for (var truncate : new String[] { "TRUNCATE activity, removed_participation",
				"TRUNCATE participant CASCADE" }) {
			var table = truncate.split("[ ,]")[1];
			assertThatThrownBy(() -> asOwnerRolledBack(truncate)).hasMessageContaining(
					table + " cannot be truncated: participation." + table + "_id still refers to it");
		}
		assertThatThrownBy(() -> asOwnerRolledBack("TRUNCATE activity")).hasMessageContaining(
				"Table \"removed_participation\" references \"activity\"");
		asOwnerRolledBack("TRUNCATE participation, removed_participation, activity");
	}

	/**
	 * A delete and a new reference to what it deletes, in either order, cannot both commit (foreign keys ensured it
	 * by locking the row referred to): the second waits for the first, then sees what it committed. Two things make it
	 * wait, each enough here: the writers' queue on the data version before the statement writes, and the raise of
	 * the version after it, whose trigger sorts before the checks' ({@code *_changed} before {@code *_references}).
	 * {@code ConcurrentImportTest} shows what only the queue gives: a writer holds no row while it waits.
	 */
	@Test
	void aDeleteAndANewReferenceToWhatItDeletesCannotBothCommit() throws Exception {
		var reference = "INSERT INTO participation (activity_id, participant_id) VALUES (" + activityWithout() + ", "
				+ anyParticipant() + ")";
		var delete = "DELETE FROM activity WHERE code = 'REF-EMPTY'";
		try {
			assertThat(secondWaitsForFirst(reference, delete)).contains("A deleted row of activity: participation.activity_id still refers to it");
		}
		finally {
			this.jdbc.update("DELETE FROM participation WHERE activity_id = " + activityWithout());
		}
		long activity = activityWithout();
		assertThat(secondWaitsForFirst(delete, reference))
			.contains("A participation refers to activity " + activity + ", which does not exist");
	}

	/**
	 * Runs {@code first} in a transaction left open, then {@code second} on another of the application's connections;
	 * checks that the second waits, commits the first, and gives the second's error message, or "done".
	 */
	private String secondWaitsForFirst(String first, String second) throws Exception {
		try (Connection one = this.dataSource.getConnection()) {
			one.setAutoCommit(false);
			try (var statement = one.createStatement()) {
				statement.executeUpdate(first);
			}
			var other = CompletableFuture.supplyAsync(() -> ServiceScope.call(() -> {
				try (Connection two = this.dataSource.getConnection(); var statement = two.createStatement()) {
					statement.executeUpdate(second);
					return "done";
				}
				catch (Exception ex) {
					return ex.getMessage();
				}
			}));
			LockWaits.await(this.owner, 1);
			assertThat(other).isNotDone();
			one.commit();
			return other.get(10, TimeUnit.SECONDS);
		}
	}

	private void asOwnerRolledBack(String sql) throws Exception {
		try (Connection connection = this.owner.getConnection()) {
			connection.setAutoCommit(false);
			try (var statement = connection.createStatement()) {
				statement.execute(sql);
			}
			finally {
				connection.rollback();
			}
		}
	}

	/** Runs the statements in one transaction, rolled back; the last must be refused with the message. */
	private void refused(String message, String... statements) {
		assertThatThrownBy(() -> inRolledBackTransaction(() -> {
			for (var sql : statements) {
				this.jdbc.update(sql);
			}
			return null;
		})).isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining(message);
	}

	private <T> T inRolledBackTransaction(Supplier<T> work) {
		return this.transaction.execute(status -> {
			status.setRollbackOnly();
			return work.get();
		});
	}

	private long count(String table) {
		return this.jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
	}

	/** An activity nobody took part in (every demo activity has participants). */
	private long activityWithout() {
		return this.jdbc.queryForObject("SELECT id FROM activity WHERE code = 'REF-EMPTY'", Long.class);
	}

	private long anyParticipant() {
		return this.jdbc.queryForObject("SELECT min(id) FROM participant", Long.class);
	}

}
