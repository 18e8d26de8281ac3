package org.kvali.intake;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The sheet's people matched to the stored ones, and the planner left as it was for the statements after. */
@IntegrationTest
class StoredMatchesTest {

	@Autowired
	StoredMatches matches;

	@Autowired
	Staging staging;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void eachPersonIsMatchedOnceAndThePlannerSettingsEndWithTheLookUp() {
		long stored = this.jdbc.queryForObject("SELECT id FROM participant WHERE ref = 'P0002'", Long.class);
		this.transaction.executeWithoutResult(status -> {
			try (var copy = this.staging.open(Duration.ofMinutes(10))) {
				copy.end();
			}
			this.jdbc.update("""
					INSERT INTO import_row (row_no, activity_code, participant_ref, gender)
					VALUES (1, 'SM-A', 'P0002', 'FEMALE'), (2, 'SM-A', 'SM-NEW', 'MALE'), (3, 'SM-B', 'SM-NEW', 'MALE')""");
			var settings = "SELECT current_setting('enable_seqscan') || ' ' || current_setting('enable_bitmapscan')";
			// a value other than the default, which the look-up must give back as it found it
			this.jdbc.execute("SET LOCAL enable_bitmapscan = off");
			this.matches.match(null);
			var people = this.jdbc.queryForList("""
					SELECT participant_ref || ' ' || coalesce(stored_id = id, false) || ' ' || (stored_id IS NULL)
					FROM import_person ORDER BY participant_ref""", String.class);
			// the stored person keeps the id; the new one has one drawn for it and is marked new
			assertThat(people).containsExactly("P0002 true false", "SM-NEW false true");
			assertThat(this.jdbc.queryForObject("SELECT stored_id FROM import_person WHERE participant_ref = 'P0002'",
					Long.class)).isEqualTo(stored);
			assertThat(this.jdbc.queryForObject(settings, String.class)).isEqualTo("on off");
			status.setRollbackOnly();
		});
	}

	@Test
	void newPeopleAreDrawnIdsInTheOrderOfTheirFirstRows() {
		this.transaction.executeWithoutResult(status -> {
			try (var copy = this.staging.open(Duration.ofMinutes(10))) {
				copy.end();
			}
			// references out of their alphabetical order, and a person's second row after another's first
			this.jdbc.update("""
					INSERT INTO import_row (row_no, activity_code, participant_ref, gender)
					VALUES (1, 'SM-A', 'SM-Z', 'FEMALE'), (2, 'SM-A', 'SM-B', 'MALE'), (3, 'SM-B', 'SM-Z', 'FEMALE'),
					       (4, 'SM-B', 'SM-M', 'MALE'), (5, 'SM-B', 'P0002', 'FEMALE')""");
			this.matches.match(null);
			var people = this.jdbc.queryForList("""
					SELECT participant_ref FROM import_person WHERE stored_id IS NULL ORDER BY id""", String.class);
			assertThat(people).containsExactly("SM-Z", "SM-B", "SM-M");
			status.setRollbackOnly();
		});
	}

}
