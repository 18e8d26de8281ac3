package org.kvali.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.Latches;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The parts a scan's rows are cut into, and a scan stopped by a part that fails. */
@IntegrationTest
class ScanPartsTest {

	@Autowired
	ReportIndex reports;

	private int smallScan;

	@BeforeEach
	void cutTheDemoDataToo() {
		this.smallScan = ScanParts.smallScan;
		ScanParts.smallScan = 0;
	}

	@AfterEach
	void restore() {
		ScanParts.smallScan = this.smallScan;
	}

	@Test
	void thePartsHoldEveryRowOnceAndCutAtPersons() {
		var index = this.reports.current().orElseThrow();
		var parts = ScanParts.scan(index, false, ScanPartsTest::rows, () -> ScanPartsTest::rows);
		assertThat(parts).hasSize(ScanParts.PARTS);
		assertThat(parts.get(0)[0]).isZero();
		assertThat(parts.get(parts.size() - 1)[1]).isEqualTo(index.rows);
		for (int n = 1; n < parts.size(); n++) {
			int cut = parts.get(n)[0];
			assertThat(cut).as("part %d begins where the one before ends", n).isEqualTo(parts.get(n - 1)[1])
				.isBetween(parts.get(n - 1)[0], index.rows);
			// a part may be empty where one person holds more rows than a part would
			if (cut > 0 && cut < index.rows) {
				assertThat(index.person[cut]).as("part %d begins with a person of its own", n)
					.isNotEqualTo(index.person[cut - 1]);
			}
		}
		assertThat(parts).as("parts with rows").anyMatch(part -> part[0] > 0 && part[0] < index.rows);
		assertThat(ScanParts.scan(index, true, ScanPartsTest::rows, () -> ScanPartsTest::rows))
			.as("one part where asked")
			.containsExactly(new int[] { 0, index.rows });
	}

	@Test
	void aPartThatFailsEndsTheScanOnlyOnceTheOthersAreDone() {
		var index = this.reports.current().orElseThrow();
		var started = new CountDownLatch(ScanParts.PARTS - 1);
		var done = new AtomicBoolean();
		var others = Collections.synchronizedList(new ArrayList<int[]>());
		assertThatThrownBy(() -> ScanParts.scan(index, false, (from, to) -> {
			// the other parts are being counted when this one fails
			Latches.await(started);
			throw new IllegalStateException("The first part failed");
		}, () -> (from, to) -> {
			started.countDown();
			sleep();
			done.set(true);
			others.add(rows(from, to));
			return null;
		})).hasMessage("The first part failed");
		assertThat(done).as("the other parts counted to their end before the scan ended").isTrue();
		assertThat(others).as("the other parts counted").hasSize(ScanParts.PARTS - 1);
	}

	private static int[] rows(int from, int to) {
		return new int[] { from, to };
	}

	private static void sleep() {
		try {
			Thread.sleep(300);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
