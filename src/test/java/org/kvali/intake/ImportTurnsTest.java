package org.kvali.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Loads at once leave the pool connections for everything else, or the start stops. */
class ImportTurnsTest {

	private static ImportLimits concurrent(int loads) {
		return new ImportLimits(DataSize.ofMegabytes(50), 250_000, 500, loads, Duration.ofMinutes(10));
	}

	@Test
	void loadsThatCouldHoldEveryConnectionStopTheStart() throws InterruptedException {
		assertThatThrownBy(() -> new ImportTurns(concurrent(10), 10))
			.hasMessage("kvali.import.concurrent (KVALI_IMPORT_CONCURRENT, 10) must be below the pool's connections "
					+ "(spring.datasource.hikari.maximum-pool-size, 10): each load holds one while its sheet arrives, "
					+ "and reports, keys and health checks need the rest");
	}

	/** Nine loads at once of ten connections: a tenth waits for a turn, and is refused with 503 if none comes. */
	@Test
	void aLoadBeyondTheTurnsWaitsThenIsRefused() throws Exception {
		var turns = new ImportTurns(concurrent(9), 10);
		withTurns(50, taken -> {
			for (int i = 0; i < 9; i++) {
				taken.add(turns.take("caller " + i));
			}
			assertThatThrownBy(() -> turns.take("another")).isInstanceOfSatisfying(SheetException.class,
					refused -> assertThat(refused.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE))
				.hasMessage("Other sheets are being loaded (9 at once at most) and this one waited 0 s for its turn;"
						+ " send it again shortly");
			// a turn given back is the next one's
			taken.remove(0).close();
			taken.add(turns.take("another"));
		});
	}

	/** A sheet interrupted while it waits for a turn gives its caller's back: the caller still has all of its own. */
	@Test
	void aSheetInterruptedWhileWaitingKeepsNoTurn() throws Exception {
		var turns = new ImportTurns(concurrent(5), 10);
		withTurns(10_000, taken -> {
			for (int i = 0; i < 5; i++) {
				taken.add(turns.take("caller " + i));
			}
			var refusal = new AtomicReference<Throwable>();
			var waiting = new Thread(() -> {
				try {
					turns.take("script");
				}
				catch (Throwable ex) {
					refusal.set(ex);
				}
			});
			waiting.start();
			while (waiting.getState() != Thread.State.TIMED_WAITING) {
				Thread.sleep(5);
			}
			waiting.interrupt();
			waiting.join();
			assertThat(refusal.get()).isInstanceOf(InterruptedException.class);
			taken.forEach(ImportTurns.Turn::close);
			taken.clear();
			ImportTurns.wait = 50;
			for (int i = 0; i < 3; i++) {
				taken.add(turns.take("script"));
			}
		});
	}

	/**
	 * One caller holds half of the turns at most, rounded up: a script sending sheet after sheet under one key took
	 * every turn, and other partners' sheets were refused. A refusal for want of a turn gives the caller's turn back.
	 */
	@Test
	void oneCallerHoldsHalfOfTheTurns() throws Exception {
		var turns = new ImportTurns(concurrent(5), 10);
		withTurns(50, taken -> {
			for (int i = 0; i < 3; i++) {
				taken.add(turns.take("script"));
			}
			assertThatThrownBy(() -> turns.take("script")).isInstanceOfSatisfying(SheetException.class,
					refused -> assertThat(refused.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE))
				.hasMessage("Your other sheets are being loaded (3 at once for one caller at most, of 5) and this one"
						+ " waited 0 s for its turn; send it once one of them is answered");
			// another partner's sheets take the rest
			taken.add(turns.take("partner"));
			taken.add(turns.take("partner"));
			assertThatThrownBy(() -> turns.take("partner")).hasMessageStartingWith("Other sheets are being loaded");
			// the partner's refusal kept no turn of its own: a turn the script gives back is the partner's third
			taken.remove(0).close();
			taken.add(turns.take("partner"));
			// and one the partner gives back, the script's again
			taken.remove(taken.size() - 1).close();
			taken.add(turns.take("script"));
		});
	}

	/** What a test does with the turns it takes, which it keeps in {@code taken}. */
	private interface TurnsWork {

		void run(List<ImportTurns.Turn> taken) throws Exception;

	}

	/** Runs {@code work} with this wait for a turn, then gives back the turns it kept and the wait. */
	private static void withTurns(long wait, TurnsWork work) throws Exception {
		long waited = ImportTurns.wait;
		ImportTurns.wait = wait;
		var taken = new ArrayList<ImportTurns.Turn>();
		try {
			work.run(taken);
		}
		finally {
			ImportTurns.wait = waited;
			taken.forEach(ImportTurns.Turn::close);
		}
	}

}
