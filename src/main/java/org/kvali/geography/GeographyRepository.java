package org.kvali.geography;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.kvali.graphql.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class GeographyRepository {

	private static final String REGION = "SELECT code, name_en, name_ka FROM geo_unit WHERE level = 'REGION' ";

	private static final String MUNICIPALITY = """
			SELECT code, name_en, name_ka, parent_code AS region_code
			FROM geo_unit WHERE level = 'MUNICIPALITY'
			""";

	private final JdbcClient jdbc;

	GeographyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Region> regionsOfCountry(String country) {
		// null: every country's (the argument given as null, not left out for its default)
		return this.jdbc.sql(REGION + "AND (CAST(:country AS text) IS NULL OR parent_code = :country) ORDER BY code")
			.param("country", country)
			.query(Region.class)
			.list();
	}

	/** The stored code of the country this one names in any case, with spaces or invisible characters around it. */
	Optional<String> country(String code) {
		return this.jdbc.sql("""
				SELECT code FROM geo_unit WHERE level = 'COUNTRY' AND upper(code) = upper(:trimmed)
				ORDER BY code <> :code LIMIT 1""")
			.param("code", code)
			.param("trimmed", Text.trim(code))
			.query(String.class)
			.optional();
	}

	List<Region> regions(Collection<String> codes) {
		return this.jdbc.sql(REGION + "AND code = ANY(:codes) ORDER BY code")
			.param("codes", codes.toArray(String[]::new))
			.query(Region.class)
			.list();
	}

	/**
	 * Each unit of this level ({@code REGION}, {@code MUNICIPALITY}) by its code, English name, Georgian name, the
	 * code of the unit it lies in and its other names ({@code geo_unit_name}), in one statement.
	 */
	List<List<String>> units(String level) {
		return this.jdbc
			.sql("""
					SELECT g.code, g.name_en, g.name_ka, g.parent_code,
					       ARRAY(SELECT n.name FROM geo_unit_name n WHERE n.code = g.code ORDER BY n.name)
					FROM geo_unit g WHERE g.level = :level ORDER BY g.code""")
			.param("level", level)
			.query((rs, row) -> {
				var unit = new ArrayList<>(List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
				unit.addAll(List.of((String[]) rs.getArray(5).getArray()));
				return List.copyOf(unit);
			})
			.list();
	}

	Optional<Region> region(String code) {
		return regions(List.of(code)).stream().findFirst();
	}

	List<Municipality> municipalities() {
		return this.jdbc.sql(MUNICIPALITY + "ORDER BY parent_code, name_en").query(Municipality.class).list();
	}

	List<Municipality> municipalitiesOfRegions(Collection<String> regionCodes) {
		return this.jdbc.sql(MUNICIPALITY + "AND parent_code = ANY(:regions) ORDER BY parent_code, name_en")
			.param("regions", regionCodes.toArray(String[]::new))
			.query(Municipality.class)
			.list();
	}

	List<Municipality> municipalities(Collection<String> codes) {
		return this.jdbc.sql(MUNICIPALITY + "AND code = ANY(:codes) ORDER BY code")
			.param("codes", codes.toArray(String[]::new))
			.query(Municipality.class)
			.list();
	}

}
