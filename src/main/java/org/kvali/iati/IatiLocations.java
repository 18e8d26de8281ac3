package org.kvali.iati;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where each project of a programme held its activities (municipalities, with their regions), and when they began and
 * ended ({@link IatiDates}).
 */
@Repository
class IatiLocations {

	record Place(String projectCode, String code, String name, String regionCode, String regionName) {
	}

	private final JdbcClient jdbc;

	IatiLocations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<String, List<Place>> ofProgramme(String programmeCode) {
		return this.jdbc.sql("""
				SELECT DISTINCT pj.code AS project_code, m.code, m.name_en AS name, r.code AS region_code,
				       r.name_en AS region_name
				FROM activity a
				JOIN project pj ON pj.id = a.project_id
				JOIN programme pg ON pg.id = pj.programme_id
				JOIN geo_unit m ON m.code = a.venue_municipality_code
				JOIN geo_unit r ON r.code = m.parent_code
				WHERE pg.code = :programme
				ORDER BY pj.code, m.code""")
			.param("programme", programmeCode)
			.query(Place.class)
			.list()
			.stream()
			.collect(Collectors.groupingBy(Place::projectCode));
	}

	IatiDates dates(String programmeCode, LocalDate today) {
		var spans = new HashMap<String, IatiDates.Span>();
		this.jdbc.sql("""
				SELECT pj.code, min(a.start_date) FILTER (WHERE a.start_date <= :today),
				       CASE WHEN max(a.end_date) < :today THEN max(a.end_date) END
				FROM activity a JOIN project pj ON pj.id = a.project_id JOIN programme pg ON pg.id = pj.programme_id
				WHERE pg.code = :programme
				GROUP BY ROLLUP (pj.code)""")
			.param("programme", programmeCode)
			.param("today", today)
			.query((ResultSet rs) -> {
				spans.put(rs.getString(1), new IatiDates.Span(rs.getObject(2, LocalDate.class),
						rs.getObject(3, LocalDate.class)));
			});
		return new IatiDates(spans, today);
	}

}
