package org.kvali.access;

import java.util.List;
import java.util.Map;

import org.kvali.Callers;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the suppression tests share: activities and people made up for a test (codes and references beginning with
 * SUP-, and the indicator SUP-FEW), removed after it, and a breakdown's groups as text.
 */
final class SuppressionFixture {

	private final JdbcTemplate jdbc;

	SuppressionFixture(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The callers the suppression tests ask as: a donor, an analyst, and partners of CIF and of SCCSF. */
	static Map<String, HttpGraphQlTester> callers(Callers callers) {
		return Map.of("donor", callers.as(Role.DONOR), "analyst", callers.as(Role.ANALYST), "cif",
				callers.as(Role.PARTNER, "CIF"), "sccsf", callers.as(Role.PARTNER, "SCCSF"));
	}

	/** An activity the organization runs, of CSO-CAPACITY on 10 October 2025, made up for a test. */
	void activity(String code, String organizer) {
		activity(code, organizer, "CSO-CAPACITY");
	}

	/** An activity of the project, as {@link #activity(String, String)}. */
	void activity(String code, String organizer, String project) {
		this.jdbc.update("""
				INSERT INTO activity (code, project_id, kind, title, start_date, end_date, organizer_id)
				SELECT ?, pj.id, 'MEETING', 'Made up', DATE '2025-10-10', DATE '2025-10-10', o.id
				FROM project pj, organization o WHERE pj.code = ? AND o.code = ?""", code, project, organizer);
	}

	/** A project of a programme, each made up for a test, with CIF and SCCSF its implementing partners. */
	void project(String code, String programme) {
		this.jdbc.update("""
				INSERT INTO programme (code, name) SELECT ?, 'Made up' WHERE NOT EXISTS
				(SELECT 1 FROM programme WHERE code = ?)""", programme, programme);
		this.jdbc.update("""
				INSERT INTO project (code, programme_id, name) SELECT ?, id, 'Made up' FROM programme
				WHERE code = ?""", code, programme);
		this.jdbc.update("""
				INSERT INTO project_partner (project_id, organization_id, role)
				SELECT pj.id, o.id, 'IMPLEMENTING_PARTNER' FROM project pj, organization o
				WHERE pj.code = ? AND o.code IN ('CIF', 'SCCSF')""", code);
	}

	/** A person made up for a test, at the activity; a detail left null is not known. */
	void person(String activity, String ref, String gender, Boolean disability, String home, Integer birthYear) {
		this.jdbc.update("""
				INSERT INTO participant (ref, gender, disability, home_municipality_code, birth_year)
				VALUES (?, ?, ?, ?, ?)""", ref, gender, disability, home, birthYear);
		attends(activity, ref);
	}

	/** The person of {@code ref} at the activity too. */
	void attends(String activity, String ref) {
		this.jdbc.update("""
				INSERT INTO participation (activity_id, participant_id)
				SELECT a.id, p.id FROM activity a, participant p WHERE a.code = ? AND p.ref = ?""", activity, ref);
	}

	/** The indicator SUP-FEW, made by {@code admin}: the share of women among the people of the project SUP-P. */
	static void womenOfProject(HttpGraphQlTester admin) {
		admin.document("""
				mutation { createIndicator(input: {code: "SUP-FEW", programme: "EU-CSO-EQUAL", name: "Women",
				    level: OUTPUT, unit: PERCENT, method: COMPUTED, measure: PARTICIPANTS,
				    filter: {projects: ["SUP-P"], genders: [FEMALE]}, denominatorFilter: {projects: ["SUP-P"]}})
				    { code } }""").execute();
	}

	/** Removes the indicator, activities, people, projects and programmes a test made up. */
	void clean() {
		this.jdbc.update("DELETE FROM indicator WHERE code = 'SUP-FEW'");
		this.jdbc.update("DELETE FROM participation WHERE activity_id IN (SELECT id FROM activity WHERE code LIKE"
				+ " 'SUP-%')");
		this.jdbc.update("DELETE FROM participant WHERE ref LIKE 'SUP-%'");
		this.jdbc.update("DELETE FROM activity WHERE code LIKE 'SUP-%'");
		this.jdbc.update("DELETE FROM project WHERE code LIKE 'SUP-%'");
		this.jdbc.update("DELETE FROM programme WHERE code LIKE 'SUP-%'");
	}

	/** Each group as its dimension values then its measures; a withheld group is not shown at all. */
	@SuppressWarnings("unchecked")
	static List<String> cells(HttpGraphQlTester tester, String query, String... dimensions) {
		List<Map<String, Object>> groups = tester.document(query).execute().path("participation.breakdown")
			.entity(List.class).get();
		return groups.stream().map(group -> {
			var text = new StringBuilder();
			for (var dimension : dimensions) {
				var value = group.get(dimension);
				text.append(value instanceof Map<?, ?> object ? object.get("code")
						: value == null && dimension.equals("municipality") ? "-" : value)
					.append(' ');
			}
			assertThat(group.get("suppressed")).as(text.toString()).isEqualTo(false);
			assertThat(group.get("participants")).as(text.toString()).isNotNull();
			return text + String.valueOf(group.get("participants")) + " " + group.get("participations");
		}).toList();
	}

}
