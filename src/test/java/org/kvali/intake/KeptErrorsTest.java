package org.kvali.intake;

import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.geography.GeographyService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sheet's errors past twice those a report lists are counted, not kept: 250,000 rows of ten errors each held
 * 965 MB of them, and two or three such loads at once ran the service out of memory (a review's). BadSheetTest
 * tells what a report of them says.
 */
@IntegrationTest
class KeptErrorsTest {

	@Autowired
	Staging staging;

	@Autowired
	GeographyService geography;

	@Autowired
	ImportLimits limits;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void errorsPastThoseKeptAreCounted() {
		read(this.limits, intake -> {
			var cells = Map.of("activity_code", "A", "project_code", "P", "gender", "q", "start_date", "x",
					"end_date", "x", "venue_municipality", "Nowhere", "home_municipality", "Nowhere", "birth_year", "x",
					"disability", "x");
			intake.header(List.of("activity_code", "project_code", "participant_ref", "gender", "start_date",
					"end_date", "venue_municipality", "home_municipality", "birth_year", "disability"), 1, null);
			// seven errors a row: both dates, both municipalities, gender, birth year, disability
			for (int row = 2; row <= 4_001; row++) {
				var values = new HashMap<>(cells);
				values.put("participant_ref", "R-" + row);
				intake.row(row(row, values));
			}
			assertThat(intake.errors()).hasSize(RowIntake.KEPT_ERRORS);
			// the 20,000th of the rows' errors, of their 2,858th row, the sheet's row 2,859
			assertThat(intake.errors().get(RowIntake.KEPT_ERRORS - 1).row()).isEqualTo(2_859);
			assertThat(intake.errorsLeftOut()).isEqualTo(4_000 * 7 - RowIntake.KEPT_ERRORS);
		});
	}

	/**
	 * Rows are held back for their slashed dates ({@link SlashedDates}) by the ten thousand at most: past that, those
	 * held are refused, once a date, as none of them told how to read them, and a date telling it later is read.
	 */
	@Test
	void rowsHeldBackForTheirDatesAreBounded() {
		read(manyRows(), intake -> {
			intake.header(List.of("activity_code", "project_code", "participant_ref", "gender", "start_date",
					"end_date"), 1, null);
			for (int row = 2; row <= 10_002; row++) {
				intake.row(row(row, Map.of("activity_code", "A", "project_code", "P", "gender", "female",
						"participant_ref", "R-" + row, "start_date", "1/2/2025", "end_date",
						row == 10_002 ? "13/2/2025" : "2025-03-01")));
			}
			intake.end();
			// once, at its first row, with how many rows give it
			assertThat(intake.errors()).containsExactly(new ImportMessage(2, "start_date", "1/2/2025", "Day or"
					+ " month first? 1/2/2025 is 1 February 2025 or 2 January 2025, and none of the first 10,000"
					+ " rows' dates tells which (as 13/10/2025 would): write 2025-02-01 or 2025-01-02 (in 10000"
					+ " rows, the first shown)"));
			assertThat(intake.warnings()).extracting(ImportMessage::row).containsExactly(10_002);
			assertThat(intake.rows()).isEqualTo(10_001);
		});
	}

	/**
	 * The errors of rows held back for their dates, added once the sheet told how to read them, after later rows',
	 * are kept by row as any: past the errors kept, those of the first rows were let go (a review's).
	 */
	@Test
	void errorsOfRowsHeldBackAreKeptByRow() {
		read(manyRows(), intake -> {
			intake.header(List.of("activity_code", "project_code", "participant_ref", "gender", "start_date",
					"end_date", "birth_year"), 1, null);
			// two errors each as read (gender, birth year), and the end before the start once read day first
			for (int row = 2; row <= 10_000; row++) {
				intake.row(row(row, Map.of("activity_code", "A", "project_code", "P", "gender", "q", "birth_year",
						"x", "participant_ref", "R-" + row, "start_date", "2/1/2025", "end_date", "2025-01-01")));
			}
			intake.row(row(10_001, Map.of("activity_code", "A", "project_code", "P", "gender", "female",
					"participant_ref", "R-X", "start_date", "13/1/2025")));
			intake.end();
			assertThat(intake.errors()).hasSize(RowIntake.KEPT_ERRORS);
			assertThat(intake.errors().subList(0, 3)).extracting(ImportMessage::row).containsOnly(2);
			assertThat(intake.errors().get(2).message()).isEqualTo("The end date is before the start date"
					+ " 2025-01-02");
			assertThat(intake.errorsLeftOut()).isEqualTo(3 * 9_999 - RowIntake.KEPT_ERRORS);
		});
	}

	/**
	 * One row held back, told how to read by a later row not held itself, is let go then, its errors kept by row: at
	 * the sheet's end, after 20,000 of later rows', they were let go as past those kept (a review's).
	 */
	@Test
	void oneRowHeldBackAndToldByALaterOneKeepsItsErrors() {
		read(manyRows(), intake -> {
			intake.header(List.of("activity_code", "project_code", "participant_ref", "gender", "start_date",
					"venue_municipality"), 1, null);
			intake.row(row(2, Map.of("activity_code", "A", "project_code", "P", "gender", "female",
					"participant_ref", "R-2", "start_date", "5/3/2025", "venue_municipality", "Nowhere")));
			for (int row = 3; row <= 20_003; row++) {
				intake.row(row(row, Map.of("activity_code", "A", "project_code", "P", "gender", "q",
						"participant_ref", "R-" + row, "start_date", row == 3 ? "13/3/2025" : "2025-03-13")));
			}
			// let go at row 3, not held to the end
			assertThat(intake.errors()).filteredOn(error -> error.row() == 2).hasSize(1);
			intake.end();
			assertThat(intake.errors()).hasSize(RowIntake.KEPT_ERRORS);
			assertThat(intake.errors().get(0)).isEqualTo(new ImportMessage(2, "venue_municipality", "Nowhere",
					"No municipality has this code or name"));
			assertThat(intake.errors().get(1).row()).isEqualTo(3);
			assertThat(intake.errorsLeftOut()).isEqualTo(20_001 + 1 - RowIntake.KEPT_ERRORS);
		});
	}

	/**
	 * Gives {@code read} an intake of these limits, in a transaction rolled back; the places are read before the
	 * copy begins, which holds the transaction's connection (as the service does).
	 */
	private void read(ImportLimits limits, Consumer<RowIntake> read) {
		var municipalities = this.geography.placeNames();
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> {
			status.setRollbackOnly();
			try (var copy = this.staging.open(Duration.ofMinutes(1))) {
				read.accept(new RowIntake(limits, municipalities, copy, ZoneId.of("Asia/Tbilisi")));
				copy.end();
			}
		});
	}

	/** Limits of the service's own number of rows, past the tests' 5,000. */
	private ImportLimits manyRows() {
		return new ImportLimits(this.limits.maxBytes(), 250_000, 500, 1, Duration.ofMinutes(1));
	}

	private static SheetRow row(int row, Map<String, String> cells) {
		return new SheetRow(row, cells, false, false, 0, Set.of(), Map.of(), Set.of(), false);
	}

}
