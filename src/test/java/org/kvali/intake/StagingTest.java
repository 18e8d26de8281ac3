package org.kvali.intake;

import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.sql.LongWork;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Rows sent to the staging table by binary COPY arrive as they were given, in any script. */
@IntegrationTest
class StagingTest {

	@Autowired
	Staging staging;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void textsOfEveryScriptArriveAsGiven() {
		// ASCII alone, Georgian alone, ASCII then Georgian, a letter outside the basic plane (four bytes of UTF-8),
		// empty cells, and a refused column
		var titles = List.of("Training of trainers", "ტრენინგი", "Workshop in ბოლნისი", "Seeds \uD83C\uDF31 2025");
		var stored = this.transaction.execute(status -> {
			try (var copy = this.staging.open(Duration.ofMinutes(10))) {
				for (int i = 0; i < titles.size(); i++) {
					copy.add(new AttendanceRow(i + 2, "ST-A" + i, titles.get(i), null, "CSO-CAPACITY",
							LocalDate.of(2025, 3, 1), null, "GE-KK-MARNEULI", null, "ST-P" + i, "FEMALE", 1990, false,
							null, null, i == 1 ? "ქალთა ასოციაცია" : null, null, null, null),
							i == 3 ? List.of("end_date") : List.of());
				}
				copy.end();
			}
			var rows = this.jdbc.queryForList("""
					SELECT row_no || '|' || activity_title || '|' || length(activity_title) || '|'
					       || coalesce(organization_name, '-') || '|' || coalesce(array_to_string(flagged, ','), '-')
					       || '|' || participant_ref || '|' || start_date
					FROM import_row ORDER BY row_no""", String.class);
			status.setRollbackOnly();
			return rows;
		});
		assertThat(stored).containsExactly("2|Training of trainers|20|-|-|ST-P0|2025-03-01",
				"3|ტრენინგი|8|ქალთა ასოციაცია|-|ST-P1|2025-03-01",
				"4|Workshop in ბოლნისი|19|-|-|ST-P2|2025-03-01",
				"5|Seeds \uD83C\uDF31 2025|12|-|end_date|ST-P3|2025-03-01");
	}

	/**
	 * The COPY may last as long as the sheet takes to arrive besides a statement's 180 s, which stopped uploads slower
	 * than that as a fault of the service; the statements after it are held to 180 s again.
	 */
	@Test
	void theCopyIsAllowedTheUploadAndTheStatementsAfterItTheirOwnTime() {
		var limits = this.transaction.execute(status -> {
			var during = this.jdbc.execute((Connection connection) -> {
				LongWork.allow(connection, Duration.ofMinutes(10));
				return this.jdbc.queryForObject("SHOW statement_timeout", String.class);
			});
			try (var copy = this.staging.open(Duration.ofMinutes(10))) {
				copy.end();
			}
			var after = this.jdbc.queryForObject("SHOW statement_timeout", String.class);
			status.setRollbackOnly();
			return during + " " + after;
		});
		assertThat(limits).isEqualTo("13min 3min");
		assertThat(this.jdbc.queryForObject("SHOW statement_timeout", String.class)).isEqualTo("30s");
	}

	/**
	 * Each of the 18 columns arrives in its place, of each type (an int, a smallint, dates, a boolean either way, a
	 * text array), given or null (no column flagged is a null array): a value written in another's place, or a null
	 * written as a value, would move it.
	 */
	@Test
	void everyColumnArrivesInItsPlaceGivenOrNull() {
		var full = new AttendanceRow(7, "ST-A", "Budget hearing", "WORKSHOP", "CSO-CAPACITY", LocalDate.of(2025, 3, 1),
				LocalDate.of(2025, 3, 2), "GE-KK-MARNEULI", "CIF", "ST-P", "MALE", 1987, true, "GE-KK-BOLNISI",
				"ST-ORG", "Youth Voice", "CSO", "GE-KK-TSALKA", "TRAINER");
		var empty = new AttendanceRow(8, null, null, null, null, null, null, null, null, null, null, null, false, null,
				null, null, null, null, null);
		var nulls = new AttendanceRow(9, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null);
		var stored = this.transaction.execute(status -> {
			try (var copy = this.staging.open(Duration.ofMinutes(10))) {
				copy.add(full, List.of("gender", "role"));
				copy.add(empty, List.of());
				copy.add(nulls, List.of());
				copy.end();
			}
			// a row as PostgreSQL writes one: nulls empty, a text with spaces quoted
			var rows = this.jdbc.queryForList("SELECT CAST(r AS text) FROM import_row r ORDER BY row_no", String.class);
			status.setRollbackOnly();
			return rows;
		});
		// the last column, a merged organization's code, is the checks' own: no row sends it
		assertThat(stored).containsExactly("(7,ST-A,\"Budget hearing\",WORKSHOP,CSO-CAPACITY,2025-03-01,2025-03-02,"
				+ "GE-KK-MARNEULI,CIF,ST-P,MALE,1987,t,GE-KK-BOLNISI,ST-ORG,\"Youth Voice\",CSO,GE-KK-TSALKA,TRAINER,"
				+ "\"{gender,role}\",)",
				"(8,,,,,,,,,,,,f,,,,,,,,)", "(9,,,,,,,,,,,,,,,,,,,,)");
	}

}
