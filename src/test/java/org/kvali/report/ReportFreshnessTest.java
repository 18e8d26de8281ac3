package org.kvali.report;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** A committed change shows in the very next report, whether the in-memory index has caught up or not. */
@IntegrationTest
class ReportFreshnessTest {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReportIndex index;

	@Autowired
	ReportService reports;

	@Test
	void theNextReportAfterACommitCountsIt() throws Exception {
		// tests before this one may have changed data; start from an index that holds it
		participations();
		awaitIndex();
		assertThat(participations()).isEqualTo(1503);
		assertThat(ForumAttendance.add(this.jdbc, "P0001")).isEqualTo(1);
		try {
			assertThat(participations()).isEqualTo(1504);
			awaitIndex();
			assertThat(participations()).isEqualTo(1504);
		}
		finally {
			ForumAttendance.remove(this.jdbc, "P0001");
		}
		assertThat(participations()).isEqualTo(1503);
		awaitIndex();
		assertThat(participations()).isEqualTo(1503);
	}

	/**
	 * The fields of one report count the data the first of them counted: a change committing between the totals and
	 * the breakdown shows in neither, and the groups add up to the totals; the next report counts it.
	 */
	@Test
	void theFieldsOfOneReportCountTheSameData() throws Exception {
		participations();
		awaitIndex();
		var report = this.reports.report(ParticipationFilter.ALL.withActivities(List.of("CNF-2025-TBILISI")));
		int before = totals(report).participations();
		assertThat(ForumAttendance.add(this.jdbc, "P0001")).isEqualTo(1);
		try {
			var groups = this.reports.breakdown(report, List.of(Dimension.GENDER), Grouping.CALENDAR, null, null, MeasureSet.ALL);
			assertThat(groups.stream().mapToInt(ParticipationGroup::participations).sum()).isEqualTo(before);
			var next = this.reports.report(report.filter());
			assertThat(totals(next).participations()).isEqualTo(before + 1);
			assertThat(this.reports.breakdown(next, List.of(Dimension.GENDER), Grouping.CALENDAR, null, null, MeasureSet.ALL)
				.stream()
				.mapToInt(ParticipationGroup::participations)
				.sum()).isEqualTo(before + 1);
		}
		finally {
			ForumAttendance.remove(this.jdbc, "P0001");
		}
	}

	private Measures totals(ParticipationReport report) {
		return this.reports.totals(List.of(report.filter()), List.of(MeasureSet.ALL), report.data()).get(0);
	}

	private int participations() {
		return ForumAttendance.participations(this.graphQl);
	}

	private void awaitIndex() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (this.index.current().isEmpty()) {
			assertThat(System.nanoTime()).as("index rebuilt within 20 s").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

}
