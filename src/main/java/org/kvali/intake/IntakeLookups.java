package org.kvali.intake;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What a sheet's rows are checked against: the stored projects, activities, organizations and participants. */
@Repository
class IntakeLookups {

	record StoredActivity(String code, String projectCode, LocalDate startDate, LocalDate endDate) {
	}

	record StoredParticipant(String ref, String gender, Integer birthYear) {
	}

	private final JdbcClient jdbc;

	IntakeLookups(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Set<String> projects(Collection<String> codes) {
		return Set.copyOf(this.jdbc.sql("SELECT code FROM project WHERE code = ANY(:codes)")
			.param("codes", codes.toArray(String[]::new))
			.query(String.class)
			.list());
	}

	Set<String> organizations(Collection<String> codes) {
		return Set.copyOf(this.jdbc.sql("SELECT code FROM organization WHERE code = ANY(:codes)")
			.param("codes", codes.toArray(String[]::new))
			.query(String.class)
			.list());
	}

	Map<String, StoredActivity> activities(Collection<String> codes) {
		return this.jdbc.sql("""
				SELECT a.code, p.code AS project_code, a.start_date, a.end_date
				FROM activity a JOIN project p ON p.id = a.project_id WHERE a.code = ANY(:codes)""")
			.param("codes", codes.toArray(String[]::new))
			.query(StoredActivity.class)
			.list()
			.stream()
			.collect(Collectors.toMap(StoredActivity::code, a -> a));
	}

	Map<String, StoredParticipant> participants(Collection<String> refs) {
		return this.jdbc.sql("SELECT ref, gender, birth_year FROM participant WHERE ref = ANY(:refs)")
			.param("refs", refs.toArray(String[]::new))
			.query(StoredParticipant.class)
			.list()
			.stream()
			.collect(Collectors.toMap(StoredParticipant::ref, p -> p));
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
