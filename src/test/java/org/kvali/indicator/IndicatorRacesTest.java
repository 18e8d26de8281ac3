package org.kvali.indicator;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.Latches;
import org.kvali.LockWaits;
import org.kvali.access.Role;
import org.kvali.access.TestCallerContext;
import org.kvali.graphql.FieldProblem;
import org.kvali.graphql.ValidationException;
import org.kvali.indicator.IndicatorDefinitions.UpdateInput;
import org.kvali.indicator.IndicatorEditor.ReportInput;
import org.kvali.indicator.IndicatorTargets.TargetInput;
import org.kvali.time.Today;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseDataSource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Values, targets and baselines set while what they are checked against changes: the setting waits for the change to
 * commit (the writers' queue) and is checked against what it left. Checked against what was committed before, a
 * target for 2026 was stored in a programme that had just been cut to end in 2025, and a year was stored beside a
 * quarter of it reported at the same moment.
 */
@IntegrationTest
class IndicatorRacesTest {

	@Autowired
	@LiquibaseDataSource
	DataSource owner;

	@Autowired
	Today today;

	@Autowired
	IndicatorDefinitions definitions;

	@Autowired
	IndicatorTargets targets;

	@Autowired
	IndicatorEditor editor;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	HttpGraphQlTester graphQl;

	@BeforeEach
	void programme() {
		this.jdbc.update("""
				INSERT INTO programme (code, name, start_date, end_date)
				VALUES ('TR-PROG', 'Race programme', DATE '2023-01-01', DATE '2026-12-31')""");
		this.jdbc.update("""
				INSERT INTO indicator (code, programme_id, name, level, unit, direction, method, cumulative)
				SELECT 'TR-IND', id, 'Raced', 'OUTPUT', 'NUMBER', 'HIGHER_IS_BETTER', 'REPORTED', false
				FROM programme WHERE code = 'TR-PROG'""");
	}

	@AfterEach
	void clean() {
		this.jdbc.update("DELETE FROM indicator WHERE code = 'TR-IND'");
		this.jdbc.update("DELETE FROM programme WHERE code = 'TR-PROG'");
	}

	@Test
	void aTargetSetWhileTheProgrammeIsCutIsCheckedAgainstTheNewEnd() throws Exception {
		var setting = whileHeld(this::cutProgramme,
				() -> this.targets.setTargets("TR-IND", List.of(new TargetInput("2026", 40.0))));
		refusedAsOutside(setting, "targets[0].period", "2026", "indicator_target");
	}

	/**
	 * The programme's years moved while a target is set: the move waits for the target and is refused, as it would
	 * leave the target of none of its years.
	 */
	@Test
	void aYearStartMovedWhileATargetIsSetIsCheckedAgainstThatTarget() throws Exception {
		var moving = whileHeld(() -> this.targets.setTargets("TR-IND", List.of(new TargetInput("2024", 40.0))),
				() -> this.graphQl.document("mutation { updateProgramme(code: \"TR-PROG\", input: {yearStart: 9}) {"
						+ " yearStart } }").execute());
		moving.get(30, TimeUnit.SECONDS)
			.errors()
			.expect(error -> error.getMessage().equals("input.yearStart: Indicator TR-IND has a target for 2024, which"
					+ " would not be one of its years or quarters"))
			.verify();
		assertThat(this.jdbc.queryForObject("SELECT year_start FROM programme WHERE code = 'TR-PROG'", Integer.class))
			.isEqualTo(1);
	}

	@Test
	void aValueReportedWhileTheProgrammeIsCutIsCheckedAgainstTheNewEnd() throws Exception {
		var reporting = whileHeld(this::cutProgramme,
				() -> this.editor.report(new ReportInput("TR-IND", "2026-Q1", 12.0, null, null, null, null), this.today.date()));
		refusedAsOutside(reporting, "input.period", "2026-Q1", "indicator_value");
	}

	/** A unit changed while a value is reported in the old one: the change waits, sees the value, and is refused. */
	@Test
	void aUnitChangedWhileAValueIsReportedIsRefused() throws Exception {
		var today = this.today.date();
		var percent = new UpdateInput(null, null, null, null, null, null, null, IndicatorEnums.Unit.PERCENT, null, null,
				null, null, null, null);
		var changing = whileHeld(
				() -> this.editor.report(new ReportInput("TR-IND", "2024", 4.0, null, null, null, null), today),
				() -> this.definitions.update("TR-IND", percent, Set.of()));
		assertThatThrownBy(() -> changing.get(30, TimeUnit.SECONDS)).cause()
			.isInstanceOf(ValidationException.class)
			.extracting(ex -> ((ValidationException) ex).problems())
			.isEqualTo(List.of(new FieldProblem("input.unit", IndicatorEnums.Unit.PERCENT, "1 value was reported for"
					+ " the indicator in numbers, the partners' record, which a new unit would misread: define another"
					+ " indicator for the new unit")));
		assertThat(this.jdbc.queryForObject("SELECT unit FROM indicator WHERE code = 'TR-IND'", String.class))
			.isEqualTo("NUMBER");
	}

	/** A year reported while one of its quarters is: the year is refused, as it would be counted with the quarter. */
	@Test
	void aYearReportedWhileItsQuarterIsBeingReportedIsRefused() throws Exception {
		var today = this.today.date();
		var year = whileHeld(
				() -> this.editor.report(new ReportInput("TR-IND", "2024-Q2", 4.0, null, null, null, null), today),
				() -> this.editor.report(new ReportInput("TR-IND", "2024", 9.0, null, null, null, null), today));
		assertThatThrownBy(() -> year.get(30, TimeUnit.SECONDS)).cause()
			.isInstanceOf(ValidationException.class)
			.extracting(ex -> ((ValidationException) ex).problems())
			.isEqualTo(List.of(new FieldProblem("input.period", "2024",
					"A value for 2024-Q2 is reported, which overlaps 2024 and would be counted with it: report either a "
							+ "year or its quarters (to move from one to the other, 2024-Q2 is withdrawn first (withdrawIndicatorValue))")));
		assertThat(this.jdbc.queryForList("""
				SELECT v.period_key FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id
				WHERE i.code = 'TR-IND'""", String.class)).containsExactly("2024-Q2");
	}

	@Test
	void aBaselineRaisedWhileATargetIsSetIsCheckedAgainstThatTarget() throws Exception {
		var raising = whileHeld(() -> this.targets.setTargets("TR-IND", List.of(new TargetInput("2024", 30.0))),
				() -> this.definitions.update("TR-IND", baseline(50.0), Set.of()));
		assertThatThrownBy(() -> raising.get(30, TimeUnit.SECONDS)).cause()
			.isInstanceOf(ValidationException.class)
			.extracting(ex -> ((ValidationException) ex).problems().get(0).argument())
			.isEqualTo("input.baseline");
		assertThat(this.jdbc.queryForObject("SELECT baseline_value FROM indicator WHERE code = 'TR-IND'", Double.class))
			.isNull();
	}

	/** The setting is refused as lying outside the cut programme, and nothing is stored in {@code table}. */
	private void refusedAsOutside(CompletableFuture<?> setting, String argument, String period, String table) {
		assertThatThrownBy(() -> setting.get(30, TimeUnit.SECONDS)).cause()
			.isInstanceOf(ValidationException.class)
			.extracting(ex -> ((ValidationException) ex).problems())
			.isEqualTo(List.of(new FieldProblem(argument, period,
					"The period lies outside the programme (2023-01-01 to 2025-12-31)")));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM " + table + " x JOIN indicator i ON i.id = x.indicator_id "
				+ "WHERE i.code = 'TR-IND'", Integer.class)).isZero();
	}

	/** Moves the programme's end as an admin may, its dates holding the writers' queue like every change of them. */
	private void cutProgramme() {
		this.jdbc.update("UPDATE programme SET end_date = DATE '2025-12-31' WHERE code = 'TR-PROG'");
	}

	/**
	 * Runs {@code change} as ADMIN in a transaction kept open, starts {@code setting} as ADMIN meanwhile, checks that
	 * it waits for the change, then commits the change; the setting's outcome.
	 */
	private <T> CompletableFuture<T> whileHeld(Runnable change, Supplier<T> setting) throws Exception {
		var changed = new CountDownLatch(1);
		var commit = new CountDownLatch(1);
		var held = CompletableFuture.runAsync(() -> asAdmin(() -> this.transaction.execute(status -> {
			change.run();
			changed.countDown();
			Latches.await(commit);
			return null;
		})));
		assertThat(changed.await(30, TimeUnit.SECONDS)).isTrue();
		var outcome = CompletableFuture.supplyAsync(() -> asAdmin(setting));
		LockWaits.await(this.owner, 1);
		boolean waited = !outcome.isDone();
		commit.countDown();
		held.get(30, TimeUnit.SECONDS);
		assertThat(waited).as("the setting waits for the change to commit").isTrue();
		return outcome;
	}

	private static <T> T asAdmin(Supplier<T> work) {
		return TestCallerContext.as(Role.ADMIN, Set.of(), "test", work);
	}

	/** An update of the baseline alone. */
	private static UpdateInput baseline(double value) {
		return new UpdateInput(null, null, null, null, value, null, null, null, null, null, null, null, null, null);
	}

}
