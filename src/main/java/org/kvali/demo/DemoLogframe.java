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
				"{\"projects\": [\"LOCAL-BUDGET\"], \"organizationKinds\": [\"CSO\", \"ACTIVIST_GROUP\"]}", null, 5.0,
				true, Map.of("2024", 30.0, "2025", 40.0));
		indicator("OUT-1.1", "OUTPUT", "NUMBER", "PARTICIPANTS",
				"CSO representatives trained on equality, anti-discrimination and human-rights monitoring", TRAINED,
				null, 0.0, true, Map.of("2023", 40.0, "2024", 120.0, "2025", 145.0));
		indicator("OUT-1.2", "OUTPUT", "PERCENT", "PARTICIPANTS",
				"Share of women among the trained CSO representatives",
				"{\"programmes\": [\"EU-CSO-EQUAL\"], \"activityKinds\": [\"TRAINING\"], \"genders\": [\"FEMALE\"]}",
				TRAINED, 50.0, true, Map.of("2025", 65.0));
		indicator("OUT-2.1", "OUTPUT", "NUMBER", "ACTIVITIES",
				"Municipal budget hearings and advocacy campaigns held with civil society",
				"{\"projects\": [\"LOCAL-BUDGET\"], \"activityKinds\": [\"MEETING\", \"CAMPAIGN\"]}", null, null, false,
				Map.of("2023", 13.0, "2024", 20.0, "2025", 24.0));
	}

	private void indicator(String code, String level, String unit, String measure, String name, String filter,
			String denominator, Double baseline, boolean cumulative, Map<String, Double> targets) {
		this.jdbc.update("""
				INSERT INTO indicator (code, programme_id, name, level, unit, direction, method, measure, filter,
				                       denominator_filter, baseline_value, baseline_date, cumulative)
				SELECT ?, id, ?, ?, ?, 'HIGHER_IS_BETTER', 'COMPUTED', ?, CAST(? AS jsonb), CAST(? AS jsonb), ?,
				       CASE WHEN CAST(? AS numeric) IS NULL THEN NULL ELSE start_date END, ?
				FROM programme WHERE code = ?""", code, name, level, unit, measure, filter, denominator, baseline,
				baseline, cumulative, DemoDataWriter.PROGRAMME);
		targets.forEach((year, value) -> this.jdbc.update("""
				INSERT INTO indicator_target (indicator_id, period_key, period_start, period_end, value)
				SELECT id, ?, make_date(?, 1, 1), make_date(?, 12, 31), ? FROM indicator WHERE code = ?""", year,
				Integer.parseInt(year), Integer.parseInt(year), value, code));
	}

}
