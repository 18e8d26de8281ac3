package org.kvali.intake;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The municipalities a sheet may name, looked up once per sheet. */
@Repository
class IntakeLookups {

	private final JdbcClient jdbc;

	IntakeLookups(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every municipality by its code, English name and Georgian name, in lower case. */
	Map<String, String> municipalities() {
		Map<String, String> byName = new HashMap<>();
		this.jdbc.sql("SELECT code, name_en, name_ka FROM geo_unit WHERE level = 'MUNICIPALITY'").query(rs -> {
			var code = rs.getString(1);
			byName.put(code.toLowerCase(Locale.ROOT), code);
			byName.putIfAbsent(rs.getString(2).toLowerCase(Locale.ROOT), code);
			byName.putIfAbsent(rs.getString(3).toLowerCase(Locale.ROOT), code);
		});
		return byName;
	}

}
