package org.kvali.intake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Two overlapping sheets loaded at the same moment end as if loaded one after the other. */
@IntegrationTest
class ConcurrentImportTest {

	@Autowired
	AttendanceImportService imports;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void project() {
		IntakeFixture.create(this.jdbc);
	}

	@AfterEach
	void clean() {
		IntakeFixture.remove(this.jdbc);
	}

	@RepeatedTest(3)
	void overlappingLoadsNeitherDuplicateNorLoseARow() throws Exception {
		var first = sheet(1, 40);
		var second = sheet(21, 60);
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(2);
		try {
			var results = new ArrayList<Future<ImportReport>>();
			for (var sheet : new String[] { first, second }) {
				Callable<ImportReport> load = () -> {
					start.await();
					return this.imports.load(sheet.getBytes(StandardCharsets.UTF_8), SheetFormat.CSV, "text/csv", false,
							"test");
				};
				results.add(pool.submit(load));
			}
			start.countDown();
			var a = results.get(0).get();
			var b = results.get(1).get();
			assertThat(a.status()).isEqualTo(ImportStatus.IMPORTED);
			assertThat(b.status()).isEqualTo(ImportStatus.IMPORTED);
			assertThat(a.created().activities() + b.created().activities()).isEqualTo(1);
			assertThat(a.created().participants() + b.created().participants()).isEqualTo(60);
			assertThat(a.created().participations() + b.created().participations()).isEqualTo(60);
			assertThat(a.unchanged().participations() + b.unchanged().participations()).isEqualTo(20);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.jdbc.queryForObject("""
				SELECT count(*) FROM participation pn JOIN activity a ON a.id = pn.activity_id WHERE a.code = 'TI-WS-C'""",
				Integer.class)).isEqualTo(60);
	}

	private static String sheet(int from, int to) {
		var sheet = new StringBuilder(AttendanceImportTest.HEADER);
		for (int i = from; i <= to; i++) {
			sheet.append("TI-WS-C,Concurrent workshop,workshop,TEST-INTAKE,2025-10-01,2025-10-01,,TI-")
				.append(i)
				.append(",female,,,,,,\n");
		}
		return sheet.toString();
	}

}
