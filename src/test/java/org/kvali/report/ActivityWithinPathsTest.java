package org.kvali.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.access.Role;
import org.kvali.access.TestCallerContext;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A breakdown by activity weighed against its activities' months answers alike from the index, which reads each
 * activity's month from its columns, and on the SQL path, which counts the breakdown by both, k = 5: AWP-X1 of 10
 * people and AWP-X2 of 3 in November 2025, AWP-X3 of 6 in October. AWP-X2 was first made in October, read by the
 * index, deleted and made again: the index keeps the deleted one without rows under the same code, which is not
 * its month. A donor is shown AWP-X3 alone, with a period of the breakdown's own or without: November's 13 less
 * AWP-X1's 10 would tell AWP-X2's 3.
 */
@IntegrationTest
class ActivityWithinPathsTest {

	@Autowired
	ReportService reports;

	@Autowired
	ApplicationContext application;

	@Autowired
	ReportIndex index;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void clean() {
		this.jdbc.update("DELETE FROM participation WHERE activity_id IN (SELECT id FROM activity WHERE code LIKE"
				+ " 'AWP-%')");
		this.jdbc.update("DELETE FROM participant WHERE ref LIKE 'AWP-%'");
		this.jdbc.update("DELETE FROM activity WHERE code LIKE 'AWP-%'");
	}

	@Test
	void anActivitysMonthIsWeighedAlikeOnBothPaths() {
		var filter = ParticipationFilter.ALL.withActivities(List.of("AWP-X1", "AWP-X2", "AWP-X3"));
		activity("AWP-X2", "2025-10-20", "SCCSF", 1);
		assertThat(shown(this.reports, filter, List.of(Dimension.ACTIVITY))).isEmpty();
		this.jdbc.update("DELETE FROM participation WHERE activity_id IN (SELECT id FROM activity WHERE code ="
				+ " 'AWP-X2')");
		this.jdbc.update("DELETE FROM activity WHERE code = 'AWP-X2'");
		activity("AWP-X1", "2025-11-10", "SCCSF", 10);
		activity("AWP-X2", "2025-11-12", "SCCSF", 3);
		activity("AWP-X3", "2025-10-10", "SCCSF", 6);
		// the deleted one is kept without rows, of the first kept activity's day, and left out
		assertThat(this.index.current().orElseThrow().storedCoarser(Dimension.ACTIVITY, Dimension.MONTH)
			.coarser("AWP-X2")).isEqualTo("2025-11");
		var sqlOnly = SqlOnlyReports.of(this.application);
		var shown = new ArrayList<String>();
		for (var by : List.of(List.of(Dimension.ACTIVITY), List.of(Dimension.ACTIVITY, Dimension.QUARTER),
				List.of(Dimension.YEAR, Dimension.ACTIVITY), List.of(Dimension.ACTIVITY, Dimension.MONTH))) {
			var fast = shown(this.reports, filter, by);
			assertThat(fast).as("by %s", by).isEqualTo(shown(sqlOnly, filter, by));
			shown.addAll(fast);
		}
		assertThat(shown).containsExactly("AWP-X3 6", "AWP-X3 2025-Q4 6", "AWP-X3 2025 6", "AWP-X3 2025-10 6");
	}

	/**
	 * The groups a donor is shown, by activity, period and participants, of a report of its own (a report keeps the
	 * index it first counted).
	 */
	private static List<String> shown(ReportService reports, ParticipationFilter filter, List<Dimension> by) {
		return TestCallerContext
			.as(Role.DONOR, Set.of(), "donor", () -> reports.breakdown(new ParticipationReport(filter), by,
					Grouping.CALENDAR, null, null, MeasureSet.ALL))
			.stream()
			.filter(group -> !group.suppressed())
			.map(group -> group.activityCode() + (group.period() == null ? "" : " " + group.period().key()) + " "
					+ group.participants())
			.toList();
	}

	/** An activity of CSO-CAPACITY on one day, run by the organizer, with this many people made up. */
	private void activity(String code, String day, String organizer, int people) {
		this.jdbc.update("""
				INSERT INTO activity (code, project_id, kind, title, start_date, end_date, organizer_id)
				SELECT ?, pj.id, 'MEETING', 'Made up', CAST(? AS date), CAST(? AS date), o.id
				FROM project pj, organization o WHERE pj.code = 'CSO-CAPACITY' AND o.code = ?""", code, day, day,
				organizer);
		for (int n = 0; n < people; n++) {
			var ref = code + "-" + day + "-" + n;
			this.jdbc.update("INSERT INTO participant (ref, gender) VALUES (?, 'FEMALE')", ref);
			this.jdbc.update("""
					INSERT INTO participation (activity_id, participant_id)
					SELECT a.id, p.id FROM activity a, participant p WHERE a.code = ? AND p.ref = ?""", code, ref);
		}
	}

}
