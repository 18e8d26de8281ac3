package org.kvali.intake;

import java.time.Duration;

import org.junit.jupiter.api.Test;

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
		try (var turn = new ImportTurns(concurrent(9), 10).take()) {
			assertThat(turn).isNotNull();
		}
	}

}
