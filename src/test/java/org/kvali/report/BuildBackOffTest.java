package org.kvali.report;

import java.util.ArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/** The back-off after failed builds: doubled for each failure in a row up to a minute, a minute after an Error. */
@ExtendWith(OutputCaptureExtension.class)
class BuildBackOffTest {

	@Test
	void eachFailureInARowWaitsTwiceAsLongUpToAMinute() {
		var backOff = new BuildBackOff();
		var waits = new ArrayList<Long>();
		for (int i = 0; i < 6; i++) {
			long wait = backOff.failed(new IllegalStateException("a statement timed out"));
			waits.add(TimeUnit.NANOSECONDS.toSeconds(wait));
		}
		assertThat(waits).containsExactly(5L, 10L, 20L, 40L, 60L, 60L);
		backOff.succeeded();
		assertThat(TimeUnit.NANOSECONDS.toSeconds(backOff.failed(new IllegalStateException("again")))).isEqualTo(5);
		assertThat(TimeUnit.NANOSECONDS.toSeconds(backOff.failed(new OutOfMemoryError("no second copy"))))
			.isEqualTo(60);
	}

	@Test
	void itRunsFromTheFailureForItsWait() {
		var backOff = new BuildBackOff();
		assertThat(backOff.running(backOff.failedAt(), System.nanoTime())).as("before any failure").isFalse();
		backOff.failed(new IllegalStateException("a connection was reset"));
		long failed = backOff.failedAt();
		assertThat(backOff.running(failed, failed + TimeUnit.SECONDS.toNanos(4))).isTrue();
		assertThat(backOff.running(failed, failed + TimeUnit.SECONDS.toNanos(5))).isFalse();
	}

	/**
	 * A build whose rollback failed as well (its connection closed for a lost link) is judged and logged by its own
	 * failure, which Spring keeps as the rollback exception's application exception: the log named only the closed
	 * connection, and an Error so hidden was tried again after 5 s.
	 */
	@Test
	void aFailedRollbackIsJudgedByTheBuildsOwnFailure(CapturedOutput output) {
		var backOff = new BuildBackOff();
		var rollback = new TransactionSystemException("Could not roll back JDBC transaction",
				new IllegalStateException("This connection has been closed."));
		rollback.initApplicationException(new OutOfMemoryError("no room for a second copy"));
		assertThat(TimeUnit.NANOSECONDS.toSeconds(backOff.failed(rollback))).isEqualTo(60);
		assertThat(output.getOut()).contains("Building the report index failed; reports keep running in SQL",
				"java.lang.OutOfMemoryError: no room for a second copy");
		var again = new TransactionSystemException("Could not roll back JDBC transaction");
		again.initApplicationException(new IllegalStateException("The COPY's database fell silent"));
		assertThat(TimeUnit.NANOSECONDS.toSeconds(backOff.failed(again))).isEqualTo(10);
		assertThat(output.getOut()).contains("2 times in a row (java.lang.IllegalStateException: The COPY's database"
				+ " fell silent)");
	}

}
