package org.kvali.intake;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * Stores checked rows inside the caller's transaction: the rows go by COPY into a temporary table, then a few
 * set-based statements create or correct organizations, activities, participants and participations and count
 * what they did. Activities of the sheet are locked first, in code order, so loads touching the same activity run
 * one after the other.
 */
@Repository
class AttendanceWriter {

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	AttendanceWriter(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/** Created, updated and unchanged counts. */
	record Outcome(ImportCounts created, ImportCounts updated, ImportCounts unchanged) {
	}

	Outcome write(List<AttendanceRow> rows) {
		lock(rows);
		load(rows);
		int organizations = this.jdbc.sql("""
				INSERT INTO organization (code, name, kind)
				SELECT DISTINCT ON (organization_code) organization_code, organization_name, coalesce(organization_kind, 'CSO')
				FROM import_row WHERE organization_code IS NOT NULL AND organization_name IS NOT NULL
				ORDER BY organization_code, row_no
				ON CONFLICT (code) DO NOTHING""").update();
		int activities = this.jdbc.sql("""
				INSERT INTO activity (code, project_id, kind, title, start_date, end_date, venue_municipality_code)
				SELECT DISTINCT ON (r.activity_code) r.activity_code, p.id, r.activity_kind, r.activity_title,
				       r.start_date, r.end_date, r.venue_municipality
				FROM import_row r JOIN project p ON p.code = r.project_code
				WHERE NOT EXISTS (SELECT 1 FROM activity x WHERE x.code = r.activity_code)
				ORDER BY r.activity_code, r.row_no
				ON CONFLICT (code) DO NOTHING""").update();
		int activitiesUpdated = this.jdbc.sql("""
				UPDATE activity a SET title = coalesce(s.activity_title, a.title), kind = coalesce(s.activity_kind, a.kind),
				       start_date = coalesce(s.start_date, a.start_date), end_date = coalesce(s.end_date, a.end_date),
				       venue_municipality_code = coalesce(s.venue_municipality, a.venue_municipality_code)
				FROM (SELECT DISTINCT ON (activity_code) * FROM import_row ORDER BY activity_code, row_no) s
				WHERE a.code = s.activity_code
				  AND (a.title, a.kind, a.start_date, a.end_date, a.venue_municipality_code) IS DISTINCT FROM
				      (coalesce(s.activity_title, a.title), coalesce(s.activity_kind, a.kind),
				       coalesce(s.start_date, a.start_date), coalesce(s.end_date, a.end_date),
				       coalesce(s.venue_municipality, a.venue_municipality_code))""").update();
		int participants = this.jdbc.sql("""
				INSERT INTO participant (ref, gender, birth_year, disability, home_municipality_code, organization_id)
				SELECT DISTINCT ON (r.participant_ref) r.participant_ref, r.gender, r.birth_year, r.disability,
				       r.home_municipality, o.id
				FROM import_row r LEFT JOIN organization o ON o.code = r.organization_code
				ORDER BY r.participant_ref, r.row_no
				ON CONFLICT (ref) DO NOTHING""").update();
		int participantsUpdated = this.jdbc.sql("""
				UPDATE participant p SET birth_year = coalesce(s.birth_year, p.birth_year),
				       disability = coalesce(s.disability, p.disability),
				       home_municipality_code = coalesce(s.home_municipality, p.home_municipality_code),
				       organization_id = coalesce(s.organization_id, p.organization_id)
				FROM (SELECT DISTINCT ON (r.participant_ref) r.*, o.id AS organization_id
				      FROM import_row r LEFT JOIN organization o ON o.code = r.organization_code
				      ORDER BY r.participant_ref, r.row_no) s
				WHERE p.ref = s.participant_ref
				  AND (p.birth_year, p.disability, p.home_municipality_code, p.organization_id) IS DISTINCT FROM
				      (coalesce(s.birth_year, p.birth_year), coalesce(s.disability, p.disability),
				       coalesce(s.home_municipality, p.home_municipality_code), coalesce(s.organization_id, p.organization_id))
				""").update();
		var written = this.jdbc.sql("""
				INSERT INTO participation (activity_id, participant_id, organization_id, role)
				SELECT a.id, p.id, coalesce(o.id, p.organization_id), coalesce(r.role, 'PARTICIPANT')
				FROM import_row r
				JOIN activity a ON a.code = r.activity_code
				JOIN participant p ON p.ref = r.participant_ref
				LEFT JOIN organization o ON o.code = r.organization_code
				ON CONFLICT (activity_id, participant_id) DO UPDATE
				SET role = EXCLUDED.role, organization_id = EXCLUDED.organization_id
				WHERE (participation.role, participation.organization_id)
				      IS DISTINCT FROM (EXCLUDED.role, EXCLUDED.organization_id)
				RETURNING (xmax = 0) AS created""").query(Boolean.class).list();
		int participations = (int) written.stream().filter(Boolean::booleanValue).count();
		int participationsUpdated = written.size() - participations;
		return new Outcome(new ImportCounts(activities, participants, participations, organizations),
				new ImportCounts(activitiesUpdated, participantsUpdated, participationsUpdated, 0),
				new ImportCounts(0, 0, rows.size() - written.size(), 0));
	}

	private void lock(List<AttendanceRow> rows) {
		var codes = new TreeSet<String>();
		rows.forEach(row -> codes.add(row.activityCode()));
		this.jdbc.sql("""
				SELECT count(pg_advisory_xact_lock(hashtextextended('kvali.activity:' || code, 0)))
				FROM (SELECT code FROM unnest(CAST(:codes AS text[])) code ORDER BY code) ordered""")
			.param("codes", codes.toArray(String[]::new))
			.query(Long.class)
			.single();
	}

	private void load(List<AttendanceRow> rows) {
		this.jdbc.sql("""
				CREATE TEMPORARY TABLE import_row (
				    row_no int, activity_code text, activity_title text, activity_kind text, project_code text,
				    start_date date, end_date date, venue_municipality text, participant_ref text, gender text,
				    birth_year smallint, disability boolean, home_municipality text, organization_code text,
				    organization_name text, organization_kind text, role text
				) ON COMMIT DROP""").update();
		var text = new StringBuilder(rows.size() * 128);
		for (var row : rows) {
			line(text, row);
		}
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("COPY import_row FROM STDIN", new StringReader(text.toString()));
		}
		catch (SQLException | IOException ex) {
			throw new IllegalStateException("Could not copy the sheet's rows into the database", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
		// A temporary table has no statistics until analyzed; without them the joins below plan badly.
		this.jdbc.sql("ANALYZE import_row").update();
	}

	private static void line(StringBuilder text, AttendanceRow row) {
		Object[] values = { row.row(), row.activityCode(), row.activityTitle(), row.activityKind(), row.projectCode(),
				row.startDate(), row.endDate(), row.venueMunicipality(), row.participantRef(), row.gender(),
				row.birthYear(), row.disability(), row.homeMunicipality(), row.organizationCode(),
				row.organizationName(), row.organizationKind(), row.role() };
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				text.append('\t');
			}
			text.append(values[i] == null ? "\\N" : escape(values[i].toString()));
		}
		text.append('\n');
	}

	/** Values hold no control characters (the checker refuses them); only the backslash needs escaping. */
	private static String escape(String value) {
		return value.replace("\\", "\\\\");
	}

}
