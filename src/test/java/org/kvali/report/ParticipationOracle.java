package org.kvali.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import static java.util.Map.entry;

/**
 * Computes the expected answers straight from the base tables, written apart from the service's view and SQL, so
 * the tests compare two independent ways of counting.
 */
class ParticipationOracle {

	static final Map<Dimension, String> KEYS = Map.ofEntries(
			entry(Dimension.PROGRAMME, "pg.code"),
			entry(Dimension.PROJECT, "pj.code"),
			entry(Dimension.REGION, """
					coalesce((SELECT g.parent_code FROM geo_unit g WHERE g.code = pt.home_municipality_code),
					         (SELECT coalesce(g.parent_code, o.region_code) FROM organization o
					          LEFT JOIN geo_unit g ON g.code = o.municipality_code WHERE o.id = pt.organization_id))"""),
			entry(Dimension.MUNICIPALITY, "pt.home_municipality_code"),
			entry(Dimension.VENUE_REGION, "(SELECT g.parent_code FROM geo_unit g WHERE g.code = a.venue_municipality_code)"),
			entry(Dimension.VENUE_MUNICIPALITY, "a.venue_municipality_code"),
			entry(Dimension.ORGANIZATION, "ro.code"),
			entry(Dimension.ORGANIZATION_KIND, "ro.kind"),
			entry(Dimension.ORGANIZER, "(SELECT o.code FROM organization o WHERE o.id = a.organizer_id)"),
			entry(Dimension.GENDER, "pt.gender"),
			entry(Dimension.AGE_BAND, """
					CASE WHEN pt.birth_year IS NULL THEN 'UNKNOWN'
					ELSE (ARRAY['UNDER_18','AGE_18_29','AGE_30_44','AGE_45_59','AGE_60_PLUS'])[
					  width_bucket(extract(YEAR FROM a.start_date)::int - pt.birth_year, ARRAY[18, 30, 45, 60]) + 1] END"""),
			entry(Dimension.AGE_GROUP, """
					CASE WHEN pt.birth_year IS NOT NULL THEN (ARRAY[0, 15, 25, 30])[
					  width_bucket(extract(YEAR FROM a.start_date)::int - pt.birth_year, ARRAY[15, 25, 30]) + 1] END"""),
			entry(Dimension.DISABILITY, "pt.disability::text"),
			entry(Dimension.ACTIVITY_KIND, "a.kind"),
			entry(Dimension.ACTIVITY, "a.code"),
			entry(Dimension.ROLE, "pn.role"),
			entry(Dimension.YEAR, "to_char(a.start_date, 'YYYY')"),
			entry(Dimension.QUARTER, "to_char(a.start_date, 'YYYY-\"Q\"Q')"),
			entry(Dimension.MONTH, "to_char(a.start_date, 'YYYY-MM')"));

	private static final String FROM = """
			FROM participation pn
			JOIN activity a ON a.id = pn.activity_id
			JOIN project pj ON pj.id = a.project_id
			JOIN programme pg ON pg.id = pj.programme_id
			JOIN participant pt ON pt.id = pn.participant_id
			LEFT JOIN organization ro ON ro.id = pn.organization_id
			""";

	private static final String MEASURES = "count(*), count(DISTINCT pn.participant_id), "
			+ "count(DISTINCT pn.activity_id), count(DISTINCT pn.organization_id)";

	private final JdbcTemplate jdbc;

	ParticipationOracle(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Each group as "key|key|participations|participants|activities|organizations", null keys as "null"; a group of
	 * ages (of {@link GroupKeys#AGE_GROUP_STARTS}) by its youngest age.
	 */
	List<String> groups(List<Dimension> by, String where) {
		var keys = by.stream().map(KEYS::get).toList();
		var sql = "SELECT " + String.join(", ", keys) + ", " + MEASURES + "\n" + FROM + "WHERE " + where
				+ "\nGROUP BY " + String.join(", ", keys);
		return this.jdbc.query(sql, (rs, row) -> {
			var parts = new ArrayList<String>();
			for (int i = 1; i <= by.size() + 4; i++) {
				parts.add(String.valueOf(rs.getObject(i)));
			}
			return String.join("|", parts);
		});
	}

	/** The totals as "participations|participants|activities|organizations". */
	String totals(String where) {
		return this.jdbc.queryForObject("SELECT " + MEASURES + "\n" + FROM + "WHERE " + where,
				(rs, row) -> rs.getInt(1) + "|" + rs.getInt(2) + "|" + rs.getInt(3) + "|" + rs.getInt(4));
	}

}
