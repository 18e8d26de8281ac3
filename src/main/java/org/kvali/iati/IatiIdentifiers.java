package org.kvali.iati;

import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The IATI identifiers of every other programme's activities, made by {@link IatiActivities}' rule: a project
 * coded as another programme of the same publisher was published in two files under one identifier, which the IATI
 * Registry holds once (a tester's).
 */
@Repository
class IatiIdentifiers {

	private final JdbcClient jdbc;

	IatiIdentifiers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Each identifier in lower case, with the activity it names, of the programmes but {@code programmeId}; none of
	 * an activity no organization reports (a programme without a publisher, which no file publishes).
	 */
	Map<String, String> ofOtherProgrammes(long programmeId) {
		var named = new HashMap<String, String>();
		this.jdbc.sql("""
				SELECT 'programme ' || g.code, o.iati_ref, o.code, g.code
				FROM programme g JOIN organization o ON o.id = g.publisher_id
				WHERE g.id <> :programme
				UNION ALL
				SELECT 'project ' || p.code || ' of programme ' || g.code, b.iati_ref, b.code, p.code
				FROM project p JOIN programme g ON g.id = p.programme_id
				JOIN organization b ON b.id = g.publisher_id
				WHERE g.id <> :programme""")
			.param("programme", programmeId)
			.query((ResultSet rs) -> {
				var identifier = IatiActivities.identifier(IatiActivities.ref(rs.getString(2), rs.getString(3)),
						rs.getString(4));
				named.putIfAbsent(identifier.toLowerCase(Locale.ROOT), rs.getString(1));
			});
		return named;
	}

}
