package org.kvali.report;

import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The memory a scan may charge, and the turns of large scans. */
class ScanMemoryTest {

	private final ArrayList<ScanMemory> open = new ArrayList<>();

	@AfterEach
	void closeAll() {
		this.open.forEach(ScanMemory::close);
	}

	@Test
	void chargesUpToTheLimitPassAndOneByteMoreStops() {
		var memory = open(ScanMemory.SMALL);
		memory.charge(ScanMemory.SMALL / 8, 8);
		assertThat(memory.charged()).isEqualTo(ScanMemory.SMALL);
		assertThatThrownBy(() -> memory.charge(1, 1)).isInstanceOf(ScanMemory.TooLarge.class)
			.hasMessage("A scan needs " + (ScanMemory.SMALL + 1) + " bytes for its counters, more than its limit of "
					+ ScanMemory.SMALL);
		// an array given back leaves room for its successor
		var again = open(1 << 20);
		again.charge(1 << 18, 4);
		again.release(1 << 18, 4);
		again.charge(1 << 18, 4);
		assertThat(again.charged()).isEqualTo(1 << 20);
	}

	@Test
	void passingTheSmallSizeTakesATurnAndClosingGivesItBack() {
		int turns = ScanMemory.TURNS.availablePermits();
		var memory = open(1L << 30);
		memory.charge(ScanMemory.SMALL, 1);
		assertThat(ScanMemory.TURNS.availablePermits()).isEqualTo(turns);
		memory.charge(1, 1);
		assertThat(ScanMemory.TURNS.availablePermits()).isEqualTo(turns - 1);
		// one turn per scan, however much more it charges
		memory.charge(ScanMemory.SMALL, 1);
		memory.takeTurn();
		assertThat(ScanMemory.TURNS.availablePermits()).isEqualTo(turns - 1);
		memory.close();
		memory.close();
		assertThat(ScanMemory.TURNS.availablePermits()).isEqualTo(turns);
	}

	@Test
	void aClosedScanTakesNoChargeAndNoTurn() {
		int turns = ScanMemory.TURNS.availablePermits();
		var memory = open(1L << 30);
		memory.close();
		assertThatThrownBy(() -> memory.charge(ScanMemory.SMALL + 1, 1)).isInstanceOf(IllegalStateException.class)
			.hasMessage("The scan has ended; nothing more is charged to it");
		assertThatThrownBy(memory::takeTurn).isInstanceOf(IllegalStateException.class);
		assertThat(memory.charged()).isZero();
		assertThat(ScanMemory.TURNS.availablePermits()).isEqualTo(turns);
	}

	@Test
	void aLargeScanWaitsWhileEveryTurnIsTakenAndGoesOnWhenOneIsBack() throws Exception {
		int turns = ScanMemory.TURNS.availablePermits();
		assertThat(turns).isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
		var holders = new ArrayList<ScanMemory>();
		for (int i = 0; i < turns; i++) {
			var holder = open(1L << 30);
			holder.takeTurn();
			holders.add(holder);
		}
		var waiting = open(1L << 30);
		var done = CompletableFuture.runAsync(waiting::takeTurn);
		Thread.sleep(200);
		assertThat(done).isNotDone();
		holders.get(0).close();
		done.get(10, TimeUnit.SECONDS);
		assertThat(ScanMemory.TURNS.availablePermits()).isZero();
	}

	@Test
	void aScanThatWaitsLongerThanItMayForATurnStops() {
		var held = new ArrayList<ScanMemory>();
		for (int i = ScanMemory.TURNS.availablePermits(); i > 0; i--) {
			var holder = open(1L << 30);
			holder.takeTurn();
			held.add(holder);
		}
		long before = ScanMemory.turnWait;
		ScanMemory.turnWait = 100;
		try {
			var waiting = open(1L << 30);
			assertThatThrownBy(waiting::takeTurn).isInstanceOf(ScanMemory.Busy.class)
				.hasMessage("No turn to count came within 100 ms");
			held.forEach(ScanMemory::close);
			waiting.takeTurn();
		}
		finally {
			ScanMemory.turnWait = before;
		}
	}

	private ScanMemory open(long limit) {
		var memory = new ScanMemory(limit);
		this.open.add(memory);
		return memory;
	}

}
