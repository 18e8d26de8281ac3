package org.kvali.demo;

import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/** The demo programme's results framework: indicators drawn from the seed, with targets per year. */
final class DemoLogframe {

	private static final String TRAINED = "{\"programmes\": [\"EU-CSO-EQUAL\"], \"activityKinds\": [\"TRAINING\"]}";

	private final JdbcTemplate jdbc;

	DemoLogframe(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void write() {
		indicator("OUTC-1", "OUTCOME", "NUMBER", "ORGANIZATIONS",
				"Civil-society organizations and activist groups taking part in local budgeting",
				"Distinct organizations of these kinds represented at the local-budgeting project's activities, counted"
						+ " from the programme's start.",
				"{\"projects\": [\"LOCAL-BUDGET\"], \"organizationKinds\": [\"CSO\", \"ACTIVIST_GROUP\"]}", null, 5.0,
				true, Map.of("2024", 30.0, "2025", 40.0));
		indicator("OUT-1.1", "OUTPUT", "NUMBER", "PARTICIPANTS",
				"CSO representatives trained on equality, anti-discrimination and human-rights monitoring",
				"Distinct people who took part in the programme's trainings, each counted once from the programme's"
						+ " start.",
				TRAINED,
				null, 0.0, true, Map.of("2023", 40.0, "2024", 120.0, "2025", 145.0));
		indicator("OUT-1.2", "OUTPUT", "PERCENT", "PARTICIPANTS",
				"Share of women among the trained CSO representatives",
				"Women among the people trained, as a percentage of everyone trained since the programme's start.",
				"{\"programmes\": [\"EU-CSO-EQUAL\"], \"activityKinds\": [\"TRAINING\"], \"genders\": [\"FEMALE\"]}",
				TRAINED, 50.0, true, Map.of("2025", 65.0));
		indicator("OUT-2.1", "OUTPUT", "NUMBER", "ACTIVITIES",
				"Municipal budget hearings and advocacy campaigns held with civil society",
				"Meetings and campaigns of the local-budgeting project, counted within each year.",
				"{\"projects\": [\"LOCAL-BUDGET\"], \"activityKinds\": [\"MEETING\", \"CAMPAIGN\"]}", null, null, false,
				Map.of("2023", 13.0, "2024", 20.0, "2025", 24.0));
		reported("OUTC-2", "OUTCOME", "Municipalities whose budget process civil-society organizations engaged in",
				"Reported by the partners: municipalities whose budget process the organizations they work with took"
						+ " part in, to date.",
				Map.of("2025", 12.0));
		value("OUTC-2", "2023", 3, "Hearings attended in Marneuli, Bolnisi and Akhaltsikhe", DemoPeople.CIF);
		value("OUTC-2", "2024", 4, null, DemoPeople.SCCSF);
		value("OUTC-2", "2025", 4, null, DemoPeople.CIF);
		regionValue("OUTC-2", "2025", "GE-KK", 3, DemoPeople.CIF);
		regionValue("OUTC-2", "2025", "GE-SJ", 1, DemoPeople.SCCSF);
		reported("OUT-1.3", "OUTPUT", "Concrete project plans developed with the trainers",
				"Reported by the lead organization: project plans the people trained drew up with the trainers, to"
						+ " date.",
				Map.of("2024", 6.0, "2025", 10.0));
		value("OUT-1.3", "2024", 4, "Plans drafted at the Bakuriani training", DemoPeople.HEKS);
		// a correction: the 2024 figure was raised after a late plan came in; the first stays in the history
		value("OUT-1.3", "2024", 5, "One more plan submitted after the training", DemoPeople.HEKS);
		value("OUT-1.3", "2025", 3, null, DemoPeople.HEKS);
	}

	private void reported(String code, String level, String name, String description, Map<String, Double> targets) {
		this.jdbc.update("""
				INSERT INTO indicator (code, programme_id, name, description, level, unit, direction, method,
				                       cumulative)
				SELECT ?, id, ?, ?, ?, 'NUMBER', 'HIGHER_IS_BETTER', 'REPORTED', true FROM programme WHERE code = ?""",
				code, name, description, level, DemoDataWriter.PROGRAMME);
		targets.forEach((year, value) -> target(code, year, value));
	}

	private void value(String code, String year, double value, String comment, String reportedBy) {
		this.jdbc.update("""
				INSERT INTO indicator_value (indicator_id, period_key, period_start, period_end, value, comment, reported_by,
				                             reported_for)
				SELECT i.id, ?, make_date(?, 1, 1), make_date(?, 12, 31), ?, ?, o.code, ARRAY[o.id]
				FROM indicator i, organization o WHERE i.code = ? AND o.code = ?""", year, Integer.parseInt(year),
				Integer.parseInt(year), value, comment, code, reportedBy);
	}

	private void regionValue(String code, String year, String region, double value, String reportedBy) {
		this.jdbc.update("""
				INSERT INTO indicator_value (indicator_id, period_key, period_start, period_end, value, reported_by,
				                             reported_for, dimension, dimension_value)
				SELECT i.id, ?, make_date(?, 1, 1), make_date(?, 12, 31), ?, o.code, ARRAY[o.id], 'REGION', ?
				FROM indicator i, organization o WHERE i.code = ? AND o.code = ?""", year, Integer.parseInt(year),
				Integer.parseInt(year), value, region, code, reportedBy);
	}

	private void target(String code, String year, double value) {
		this.jdbc.update("""
				INSERT INTO indicator_target (indicator_id, period_key, period_start, period_end, value)
				SELECT id, ?, make_date(?, 1, 1), make_date(?, 12, 31), ? FROM indicator WHERE code = ?""", year,
				Integer.parseInt(year), Integer.parseInt(year), value, code);
	}

	private void indicator(String code, String level, String unit, String measure, String name, String description,
			String filter, String denominator, Double baseline, boolean cumulative, Map<String, Double> targets) {
		this.jdbc.update("""
				INSERT INTO indicator (code, programme_id, name, description, level, unit, direction, method, measure,
				                       filter, denominator_filter, baseline_value, baseline_date, cumulative)
				SELECT ?, id, ?, ?, ?, ?, 'HIGHER_IS_BETTER', 'COMPUTED', ?, CAST(? AS jsonb), CAST(? AS jsonb), ?,
				       CASE WHEN CAST(? AS numeric) IS NULL THEN NULL ELSE start_date END, ?
				FROM programme WHERE code = ?""", code, name, description, level, unit, measure, filter, denominator,
				baseline, baseline, cumulative, DemoDataWriter.PROGRAMME);
		targets.forEach((year, value) -> target(code, year, value));
	}

}
