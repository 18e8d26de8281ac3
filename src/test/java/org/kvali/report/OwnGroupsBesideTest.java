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
 * A partner's breakdowns holding groups of its own shown by their key answer alike from the index, which weighs the
 * breakdowns beside them only where {@link OwnGroupsBeside} finds one may hold a small group, and on the SQL path,
 * which weighs them every time: CIF's own 2 people of another gender at its project of programme OG-A, beside
 * SCCSF's 6 women and 10 men at another project of it, and 5 of that gender and 5 women at a project of OG-B.
 */
@IntegrationTest
class OwnGroupsBesideTest {

	@Autowired
	ReportService reports;

	@Autowired
	ApplicationContext application;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void clean() {
		this.jdbc.update("DELETE FROM participation WHERE activity_id IN (SELECT id FROM activity WHERE code LIKE"
				+ " 'OG-%')");
		this.jdbc.update("DELETE FROM participant WHERE ref LIKE 'OG-%'");
		this.jdbc.update("DELETE FROM activity WHERE code LIKE 'OG-%'");
		this.jdbc.update("DELETE FROM project WHERE code LIKE 'OG-%'");
		this.jdbc.update("DELETE FROM programme WHERE code LIKE 'OG-%'");
	}

	@Test
	void aPartnersOwnGroupsAreWeighedAlikeOnBothPaths() {
		project("OG-PRJ-1", "OG-A");
		project("OG-PRJ-2", "OG-A");
		project("OG-PRJ-3", "OG-B");
		activity("OG-OWN", "CIF", "OG-PRJ-1", "2025-10-10");
		activity("OG-OTHERS", "SCCSF", "OG-PRJ-2", "2025-10-10");
		activity("OG-ELSE", "SCCSF", "OG-PRJ-3", "2025-11-12");
		var people = List.of(List.of("OG-OWN", "OTHER", "2"), List.of("OG-OTHERS", "FEMALE", "6"),
				List.of("OG-OTHERS", "MALE", "10"), List.of("OG-ELSE", "OTHER", "5"), List.of("OG-ELSE", "FEMALE", "5"));
		int n = 0;
		for (var kind : people) {
			for (int i = 0; i < Integer.parseInt(kind.get(2)); i++) {
				this.jdbc.update("INSERT INTO participant (ref, gender) VALUES (?, ?)", "OG-" + n, kind.get(1));
				this.jdbc.update("""
						INSERT INTO participation (activity_id, participant_id)
						SELECT a.id, p.id FROM activity a, participant p WHERE a.code = ? AND p.ref = ?""",
						kind.get(0), "OG-" + n++);
			}
		}
		var report = new ParticipationReport(ParticipationFilter.ALL.withActivities(List.of("OG-OWN", "OG-OTHERS",
				"OG-ELSE")));
		var cif = this.jdbc.queryForObject("SELECT id FROM organization WHERE code = 'CIF'", Long.class);
		var sqlOnly = SqlOnlyReports.of(this.application);
		var withheld = new ArrayList<String>();
		for (var by : List.of(List.of(Dimension.PROJECT, Dimension.GENDER), List.of(Dimension.PROGRAMME,
				Dimension.GENDER), List.of(Dimension.ACTIVITY, Dimension.GENDER), List.of(Dimension.ORGANIZER,
						Dimension.GENDER), List.of(Dimension.MONTH, Dimension.GENDER), List.of(Dimension.PROJECT),
				List.of(Dimension.ACTIVITY, Dimension.MONTH, Dimension.GENDER))) {
			var fast = TestCallerContext.as(Role.PARTNER, Set.of(cif), "CIF",
					() -> this.reports.breakdown(report, by, Grouping.CALENDAR, null, null, MeasureSet.ALL));
			var slow = TestCallerContext.as(Role.PARTNER, Set.of(cif), "CIF",
					() -> sqlOnly.breakdown(report, by, Grouping.CALENDAR, null, null, MeasureSet.ALL));
			assertThat(fast).as("by %s", by).isEqualTo(slow);
			withheld.add(by + " " + fast.stream().filter(ParticipationGroup::suppressed).count() + " of "
					+ fast.size());
		}
		// withheld beside its own where a breakdown beside holds its people alone under a key of others' too (its
		// programme, its month, an activity's project and month); none where every one beside holds others' people
		// or its own under its own key (by organizer, where its gender's others are 5 at another activity)
		assertThat(withheld).containsExactly("[PROJECT, GENDER] 4 of 5", "[PROGRAMME, GENDER] 4 of 5",
				"[ACTIVITY, GENDER] 4 of 5", "[ORGANIZER, GENDER] 0 of 4", "[MONTH, GENDER] 4 of 5", "[PROJECT] 0 of 3",
				"[ACTIVITY, MONTH, GENDER] 4 of 5");
	}

	/** A project of a programme, made up, with CIF and SCCSF its implementing partners. */
	private void project(String code, String programme) {
		this.jdbc.update("INSERT INTO programme (code, name) SELECT ?, 'Made up' WHERE NOT EXISTS (SELECT 1 FROM"
				+ " programme WHERE code = ?)", programme, programme);
		this.jdbc.update("INSERT INTO project (code, programme_id, name) SELECT ?, id, 'Made up' FROM programme"
				+ " WHERE code = ?", code, programme);
		this.jdbc.update("""
				INSERT INTO project_partner (project_id, organization_id, role)
				SELECT pj.id, o.id, 'IMPLEMENTING_PARTNER' FROM project pj, organization o
				WHERE pj.code = ? AND o.code IN ('CIF', 'SCCSF')""", code);
	}

	private void activity(String code, String organizer, String project, String day) {
		this.jdbc.update("""
				INSERT INTO activity (code, project_id, kind, title, start_date, end_date, organizer_id)
				SELECT ?, pj.id, 'MEETING', 'Made up', CAST(? AS date), CAST(? AS date), o.id
				FROM project pj, organization o WHERE pj.code = ? AND o.code = ?""", code, day, day, project,
				organizer);
	}

}
