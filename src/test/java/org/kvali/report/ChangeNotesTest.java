package org.kvali.report;

import java.util.List;
import java.util.stream.LongStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * How corrections are noted (changeset 030) and read back: up to 10,000 rows by their ids, more by the range from the
 * first to the last, every row between read again too, unless that is most of the table; notes merged, rows
 * inserted since left out.
 */
@IntegrationTest
class ChangeNotesTest {

	private static final String LAST_NOTE = """
			SELECT first_id || ' ' || last_id || ' ' || updated || ' ' || coalesce(cardinality(ids)::text, '-')
			FROM fact_change ORDER BY id DESC LIMIT 1""";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	DataSource dataSource;

	@Autowired
	@LiquibaseDataSource
	DataSource owner;

	@Autowired
	ChangeNotePruning pruning;

	@Test
	void aLargeCorrectionIsNotedByItsRangeAndASmallOneByItsIds() {
		this.jdbc.update("""
				INSERT INTO participant (ref, gender, birth_year)
				SELECT 'CN-' || n, 'FEMALE', 1990 FROM generate_series(1, 100003) n ORDER BY n""");
		try {
			long first = this.jdbc.queryForObject("SELECT min(id) FROM participant WHERE ref LIKE 'CN-%'", Long.class);
			assertThat(this.jdbc.queryForObject("SELECT max(id) FROM participant WHERE ref LIKE 'CN-%'", Long.class))
				.isEqualTo(first + 100002);
			long since = lastNote();
			// a loader of its own: the service's index catches up with the same changes through the shared one
			var loader = new FactIndexLoader(this.dataSource, this.transactions, new IndexSettings(16));
			var before = loader.load(null);
			// all but the second and the last: 100,001 corrected, more than a note names by id (changeset 065)
			assertThat(this.jdbc.update("""
					UPDATE participant SET birth_year = 1991
					WHERE ref LIKE 'CN-%' AND ref NOT IN ('CN-2', 'CN-100003')"""))
				.isEqualTo(100001);
			assertThat(this.jdbc.queryForObject(LAST_NOTE, String.class))
				.isEqualTo(first + " " + (first + 100001) + " 100001 -");
			assertThat(corrected(since)).as("the range, every row between too")
				.isEqualTo(LongStream.rangeClosed(first, first + 100001).boxed().toList());
			// a range over most of the people: the index reads everything instead
			var wide = loader.load(before);
			assertThat(loader.appended()).isZero();
			long small = lastNote();
			assertThat(this.jdbc.update("""
					UPDATE participant SET birth_year = 1992 WHERE ref IN ('CN-1', 'CN-3', 'CN-100003')"""))
				.isEqualTo(3);
			assertThat(this.jdbc.queryForObject(LAST_NOTE, String.class))
				.isEqualTo(first + " " + (first + 100002) + " 3 3");
			assertThat(corrected(small)).as("the ids alone").containsExactly(first, first + 2, first + 100002);
			loader.load(wide);
			assertThat(loader.appended()).isOne();
			assertThat(corrected(since)).as("the range and the ids of both notes, merged")
				.isEqualTo(LongStream.rangeClosed(first, first + 100002).boxed().toList());
			// a person inserted since is read with the new rows, not again as corrected
			this.jdbc.update("INSERT INTO participant (ref, gender) VALUES ('CN-NEW', 'MALE')");
			assertThat(this.jdbc.update("""
					UPDATE participant SET birth_year = 1993 WHERE ref IN ('CN-5', 'CN-NEW')""")).isEqualTo(2);
			assertThat(corrected(small)).as("corrected since, less the one inserted since")
				.containsExactly(first, first + 2, first + 4, first + 100002);
			// 10,001 corrected, more than changeset 030 named by id, are named by id
			assertThat(this.jdbc.update("""
					UPDATE participant SET birth_year = 1994 WHERE ref LIKE 'CN-%' AND (id - ?) % 10 = 0""", first))
				.isEqualTo(10001);
			assertThat(this.jdbc.queryForObject(LAST_NOTE, String.class))
				.isEqualTo(first + " " + (first + 100000) + " 10001 10001");
		}
		finally {
			this.jdbc.update("DELETE FROM participant WHERE ref LIKE 'CN-%'");
		}
	}

	/**
	 * A deletion of up to 100,000 participants is noted with their ids (changesets 040 and 065), a larger one
	 * without: the index takes the first ones out and reads everything after the last.
	 */
	@Test
	void aSmallDeletionIsNotedByItsIdsAndALargeOneWithout() {
		this.jdbc.update("""
				INSERT INTO participant (ref, gender)
				SELECT 'CD-' || n, 'MALE' FROM generate_series(1, 110004) n ORDER BY n""");
		try {
			long first = this.jdbc.queryForObject("SELECT min(id) FROM participant WHERE ref LIKE 'CD-%'", Long.class);
			var loader = new FactIndexLoader(this.dataSource, this.transactions, new IndexSettings(16));
			var before = loader.load(null);
			assertThat(this.jdbc.update("DELETE FROM participant WHERE ref IN ('CD-1', 'CD-3')")).isEqualTo(2);
			assertThat(this.jdbc.queryForObject("""
					SELECT first_id || ' ' || last_id || ' ' || deleted || ' ' || array_to_string(ids, ',') || ' '
					       || coalesce(deleted_people::text, '-')
					FROM fact_change ORDER BY id DESC LIMIT 1""", String.class))
				.isEqualTo(first + " " + (first + 2) + " 2 " + first + "," + (first + 2) + " -");
			var small = loader.load(before);
			assertThat(loader.appended()).isOne();
			assertThat(small.persons).isEqualTo(before.persons);
			// 10,001, more than changeset 040 named by id, are named by id
			assertThat(this.jdbc.update("""
					DELETE FROM participant WHERE ref LIKE 'CD-%' AND substr(ref, 4)::int BETWEEN 10 AND 10010"""))
				.isEqualTo(10001);
			assertThat(this.jdbc.queryForObject("""
					SELECT first_id || ' ' || last_id || ' ' || deleted || ' ' || cardinality(ids)
					FROM fact_change ORDER BY id DESC LIMIT 1""", String.class))
				.isEqualTo((first + 9) + " " + (first + 10009) + " 10001 10001");
			var middle = loader.load(small);
			assertThat(loader.appended()).isEqualTo(2);
			assertThat(this.jdbc.update("DELETE FROM participant WHERE ref LIKE 'CD-%'")).isEqualTo(100001);
			assertThat(this.jdbc.queryForObject("""
					SELECT coalesce(first_id::text, '-') || ' ' || coalesce(deleted::text, '-') || ' '
					       || coalesce(cardinality(ids)::text, '-')
					FROM fact_change ORDER BY id DESC LIMIT 1""", String.class))
				.isEqualTo("- - -");
			var large = loader.load(middle);
			assertThat(loader.appended()).isEqualTo(2);
			assertThat(large.persons).isEqualTo(before.persons - 110004);
		}
		finally {
			this.jdbc.update("DELETE FROM participant WHERE ref LIKE 'CD-%'");
		}
	}

	/**
	 * Notes are pruned up to the newest that is more than a day old (changeset 042): an index that saw it, or a later
	 * one, still catches up by its notes; an index that saw a pruned note reads everything, and answers the same.
	 */
	@Test
	void notesNoIndexOfTheLastDayNeedsArePruned() throws Exception {
		var loader = new FactIndexLoader(this.dataSource, this.transactions, new IndexSettings(16));
		try {
			addPerson("CP-1");
			long seenByOld = lastNote();
			// two indexes of the same note: one catches up before the pruning, the other after it
			var old = loader.load(null);
			var idle = loader.load(null);
			addPerson("CP-2");
			var recent = loader.load(old);
			assertThat(loader.appended()).isOne();
			long seenByRecent = lastNote();
			addPerson("CP-3");
			new JdbcTemplate(this.owner).update("UPDATE fact_change SET noted_at = now() - interval '25 hours' WHERE id <= ?",
					seenByRecent);
			long notes = this.jdbc.queryForObject("SELECT count(*) FROM fact_change", Long.class);
			long older = this.jdbc.queryForObject("SELECT count(*) FROM fact_change WHERE id < ?", Long.class, seenByRecent);
			assertThat(older).isPositive();
			this.pruning.prune();
			assertThat(this.jdbc.queryForObject("SELECT min(id) FROM fact_change", Long.class)).isEqualTo(seenByRecent);
			assertThat(this.jdbc.queryForObject("SELECT count(*) FROM fact_change", Long.class)).isEqualTo(notes - older);
			var caughtUp = loader.load(recent);
			assertThat(loader.appended()).isEqualTo(2);
			assertThat(caughtUp.rows).isEqualTo(recent.rows + 1);
			// the idle index's note is gone, and CP-2's with it: appending what is left would miss CP-2
			var whole = loader.load(idle);
			assertThat(loader.appended()).isEqualTo(2);
			assertThat(whole.rows).isEqualTo(caughtUp.rows);
			assertThat(whole.persons).isEqualTo(caughtUp.persons);
			// nor may an index that saw no note at all trust what is left
			try (var connection = this.dataSource.getConnection()) {
				assertThat(ChangeNotes.since(connection, 0, lastNote())).isNull();
			}
			assertThat(ChangeNotes.allWithIds(JdbcClient.create(this.dataSource), seenByOld)).isFalse();
			assertThat(ChangeNotes.allWithIds(JdbcClient.create(this.dataSource), seenByRecent)).isTrue();
			// nothing more is old enough: a second pruning deletes nothing
			this.pruning.prune();
			assertThat(this.jdbc.queryForObject("SELECT min(id) FROM fact_change", Long.class)).isEqualTo(seenByRecent);
		}
		finally {
			this.jdbc.update("DELETE FROM participation WHERE participant_id IN (SELECT id FROM participant WHERE ref LIKE 'CP-%')");
			this.jdbc.update("DELETE FROM participant WHERE ref LIKE 'CP-%'");
		}
	}

	/**
	 * Rows noted as inserted into a table the index does not read have it read everything: they were counted among
	 * the inserted rows, which the catch-up reads from the four tables alone, and so taken as read.
	 */
	@Test
	void anInsertNotedInAnotherTableHasEverythingRead() throws Exception {
		var owner = new JdbcTemplate(this.owner);
		long before = lastNote();
		try (var connection = this.dataSource.getConnection()) {
			addPerson("CP-9");
			assertThat(ChangeNotes.since(connection, before, lastNote()).inserted())
				.containsOnly(entry("participant", 1L), entry("participation", 1L));
			assertThat(ChangeNotes.allWithIds(JdbcClient.create(this.dataSource), before)).isTrue();
			owner.update("""
					INSERT INTO fact_change (table_name, first_id, last_id, inserted)
					VALUES ('project', 1, 1, 1)""");
			assertThat(ChangeNotes.since(connection, before, lastNote())).isNull();
			// nor is the load that reads everything then taken for an append, in how long a report waits for it
			assertThat(ChangeNotes.allWithIds(JdbcClient.create(this.dataSource), before)).isFalse();
		}
		finally {
			owner.update("DELETE FROM fact_change WHERE table_name = 'project' AND inserted IS NOT NULL");
			this.jdbc.update("""
					DELETE FROM participation USING participant x WHERE x.id = participant_id AND x.ref = 'CP-9'""");
			this.jdbc.update("DELETE FROM participant WHERE ref = 'CP-9'");
		}
	}

	/**
	 * A catch-up that fails on what it reads reads everything instead, in the same transaction: here a participation
	 * of a person written with the triggers off, so not noted, whom the catch-up does not know. The build failed, and
	 * the connection went back to the pool out of step with PostgreSQL: the next statements on it failed or were
	 * refused as in a read-only transaction.
	 */
	@Test
	void aCatchUpThatFailsReadsEverythingInstead() throws Exception {
		var loader = new FactIndexLoader(this.dataSource, this.transactions, new IndexSettings(16));
		try {
			var before = loader.load(null);
			try (var connection = this.owner.getConnection(); var statement = connection.createStatement()) {
				statement.execute("SET session_replication_role = replica");
				statement.execute("INSERT INTO participant (ref, gender, birth_year) VALUES ('CF-1', 'MALE', 1980)");
				statement.execute("RESET session_replication_role");
			}
			addPersonsParticipation("CF-1");
			var after = loader.load(before);
			assertThat(loader.appended()).as("read whole").isZero();
			assertThat(after.rows).isEqualTo(before.rows + 1);
			assertThat(after.persons).isEqualTo(before.persons + 1);
			for (int i = 0; i < 4; i++) {
				assertThat(this.jdbc.queryForObject("SELECT ? + 1", Integer.class, i)).isEqualTo(i + 1);
			}
		}
		finally {
			this.jdbc.update("""
					DELETE FROM participation USING participant x WHERE x.id = participant_id AND x.ref = 'CF-1'""");
			this.jdbc.update("DELETE FROM participant WHERE ref = 'CF-1'");
		}
	}

	private void addPerson(String ref) {
		this.jdbc.update("INSERT INTO participant (ref, gender, birth_year) VALUES (?, 'FEMALE', 1990)", ref);
		addPersonsParticipation(ref);
	}

	private void addPersonsParticipation(String ref) {
		this.jdbc.update("""
				INSERT INTO participation (activity_id, participant_id)
				SELECT a.id, p.id FROM activity a, participant p WHERE a.code = 'TRN-2024-BAKURIANI' AND p.ref = ?""", ref);
	}

	private long lastNote() {
		return this.jdbc.queryForObject("SELECT max(id) FROM fact_change", Long.class);
	}

	/** The participant ids a catch-up from change note {@code since} reads again as corrected, in order. */
	private List<Long> corrected(long since) {
		return correctedIds(this.jdbc, this.transactions, "participant", since);
	}

	/** The ids of {@code table} that a catch-up from change note {@code since} reads again as corrected, in order. */
	static List<Long> correctedIds(JdbcTemplate jdbc, PlatformTransactionManager transactions, String table,
			long since) {
		return new TransactionTemplate(transactions).execute(status -> {
			jdbc.queryForObject("SELECT set_config('kvali.index_since', ?, true)", String.class, Long.toString(since));
			return jdbc.queryForList(ChangeNotes.corrected("SELECT id FROM " + table, "id", table) + " ORDER BY 1",
					Long.class);
		});
	}

}
