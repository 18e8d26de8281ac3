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

	/** Every municipality by its code, English name and Georgian name. */
	MunicipalityNames municipalities() {
		return new MunicipalityNames(
				this.jdbc.sql("SELECT code, name_en, name_ka FROM geo_unit WHERE level = 'MUNICIPALITY' ORDER BY code")
					.query((rs, row) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
					.list());
	}

}
