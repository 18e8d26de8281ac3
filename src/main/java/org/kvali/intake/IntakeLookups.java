package org.kvali.intake;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The municipalities a sheet may name, looked up once per sheet. */
@Repository
class IntakeLookups {

	private final JdbcClient jdbc;

	IntakeLookups(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every municipality by its code, English name and Georgian name, and the regions' likewise. */
	MunicipalityNames municipalities() {
		return new MunicipalityNames(units("MUNICIPALITY"), units("REGION"));
	}

	private List<List<String>> units(String level) {
		return this.jdbc.sql("SELECT code, name_en, name_ka FROM geo_unit WHERE level = :level ORDER BY code")
			.param("level", level)
			.query((rs, row) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

}
