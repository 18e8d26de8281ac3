package org.kvali.indicator;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.access.Role;
import org.kvali.access.TestCallerContext;
import org.kvali.graphql.FieldProblem;
import org.kvali.graphql.ValidationException;
import org.kvali.indicator.IndicatorEditor.ReportInput;
import org.kvali.report.Gender;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two reports of overlapping periods at the same moment: the second waits for the first and is refused. */
@IntegrationTest
class ReportedValueRaceTest {

	@Autowired
	IndicatorEditor editor;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void clean() {
		this.jdbc.update("DELETE FROM indicator_value WHERE comment = 'test race'");
	}

	@Test
	void aYearReportedWhileItsQuarterIsBeingReportedIsRefused() throws Exception {
		var quarterReported = new CountDownLatch(1);
		var commit = new CountDownLatch(1);
		var quarter = CompletableFuture.runAsync(() -> runAsAdmin(() -> this.transaction.executeWithoutResult(status -> {
			this.editor.report(report("2023-Q2", 4));
			quarterReported.countDown();
			await(commit);
		})));
		assertThat(quarterReported.await(30, TimeUnit.SECONDS)).isTrue();
		var year = CompletableFuture.supplyAsync(() -> asAdmin(() -> this.editor.report(report("2023", 9))));
		// without a queue the year is checked against what is committed, which lacks the quarter, and is stored
		try {
			year.get(1, TimeUnit.SECONDS);
		}
		catch (TimeoutException | ExecutionException waitingOrRefused) {
			// waiting for the quarter's transaction, as it should
		}
		commit.countDown();
		quarter.get(30, TimeUnit.SECONDS);
		assertThatThrownBy(() -> year.get(30, TimeUnit.SECONDS)).cause()
			.isInstanceOf(ValidationException.class)
			.extracting(ex -> ((ValidationException) ex).problems())
			.isEqualTo(List.of(new FieldProblem("input.period", "2023",
					"A value for 2023-Q2 is reported, which overlaps 2023 and would be counted with it: report either a "
							+ "year or its quarters (to move from one to the other, report 2023-Q2 as 0 first)")));
		assertThat(this.jdbc.queryForList("""
				SELECT period_key FROM indicator_value WHERE comment = 'test race'""", String.class))
			.containsExactly("2023-Q2");
	}

	private static ReportInput report(String period, double value) {
		return new ReportInput("OUT-1.3", period, value, "test race", null, Gender.FEMALE, null);
	}

	private static <T> T asAdmin(Supplier<T> work) {
		return TestCallerContext.as(Role.ADMIN, Set.of(), "test", work);
	}

	private static void runAsAdmin(Runnable work) {
		asAdmin(() -> {
			work.run();
			return null;
		});
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
