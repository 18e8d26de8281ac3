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
 * what they did. The caller locks the sheet's activities first, so loads touching the same activity run one after
 * the other.
 */
@Repository
class AttendanceWriter {

	/** Each activity of the sheet with the first value its rows give for each field. */
	private static final String ACTIVITY_VALUES = """
			SELECT activity_code, (array_agg(project_code ORDER BY row_no))[1] AS project_code,
			       (array_agg(activity_title ORDER BY row_no) FILTER (WHERE activity_title IS NOT NULL))[1] AS activity_title,
			       (array_agg(activity_kind ORDER BY row_no) FILTER (WHERE activity_kind IS NOT NULL))[1] AS activity_kind,
			       (array_agg(start_date ORDER BY row_no) FILTER (WHERE start_date IS NOT NULL))[1] AS start_date,
			       (array_agg(end_date ORDER BY row_no) FILTER (WHERE end_date IS NOT NULL))[1] AS end_date,
			       (array_agg(venue_municipality ORDER BY row_no) FILTER (WHERE venue_municipality IS NOT NULL))[1]
			           AS venue_municipality
			FROM import_row GROUP BY activity_code""";

	/** Each person of the sheet with the first value their rows give for each field. */
	private static final String PERSON_VALUES = """
			SELECT r.participant_ref, (array_agg(r.gender ORDER BY r.row_no))[1] AS gender,
			       (array_agg(r.birth_year ORDER BY r.row_no) FILTER (WHERE r.birth_year IS NOT NULL))[1] AS birth_year,
			       (array_agg(r.disability ORDER BY r.row_no) FILTER (WHERE r.disability IS NOT NULL))[1] AS disability,
			       (array_agg(r.home_municipality ORDER BY r.row_no) FILTER (WHERE r.home_municipality IS NOT NULL))[1]
			           AS home_municipality,
			       (array_agg(o.id ORDER BY r.row_no) FILTER (WHERE o.id IS NOT NULL))[1] AS organization_id
			FROM import_row r LEFT JOIN organization o ON o.code = r.organization_code
			GROUP BY r.participant_ref""";

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	AttendanceWriter(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/** Created, updated and unchanged counts. */
	record Outcome(ImportCounts created, ImportCounts updated, ImportCounts unchanged) {
	}

	/** Writes rows already checked under {@link #lock}: per record, the first value the sheet gives is used. */
	Outcome write(List<AttendanceRow> rows) {
		load(rows);
		int organizations = this.jdbc.sql("""
				INSERT INTO organization (code, name, kind)
				SELECT organization_code, (array_agg(organization_name ORDER BY row_no) FILTER (WHERE organization_name IS NOT NULL))[1],
				       coalesce((array_agg(organization_kind ORDER BY row_no) FILTER (WHERE organization_kind IS NOT NULL))[1], 'CSO')
				FROM import_row WHERE organization_code IS NOT NULL
				  AND NOT EXISTS (SELECT 1 FROM organization x WHERE x.code = organization_code)
				GROUP BY organization_code
				ON CONFLICT (code) DO NOTHING""").update();
		int activities = this.jdbc.sql("""
				INSERT INTO activity (code, project_id, kind, title, start_date, end_date, venue_municipality_code)
				SELECT s.activity_code, p.id, s.activity_kind, s.activity_title, s.start_date, s.end_date, s.venue_municipality
				FROM (%s) s JOIN project p ON p.code = s.project_code
				WHERE NOT EXISTS (SELECT 1 FROM activity x WHERE x.code = s.activity_code)
				ON CONFLICT (code) DO NOTHING""".formatted(ACTIVITY_VALUES)).update();
		int activitiesUpdated = this.jdbc.sql("""
				UPDATE activity a SET title = coalesce(s.activity_title, a.title), kind = coalesce(s.activity_kind, a.kind),
				       start_date = coalesce(s.start_date, a.start_date), end_date = coalesce(s.end_date, a.end_date),
				       venue_municipality_code = coalesce(s.venue_municipality, a.venue_municipality_code)
				FROM (%s) s
				WHERE a.code = s.activity_code
				  AND (a.title, a.kind, a.start_date, a.end_date, a.venue_municipality_code) IS DISTINCT FROM
				      (coalesce(s.activity_title, a.title), coalesce(s.activity_kind, a.kind),
				       coalesce(s.start_date, a.start_date), coalesce(s.end_date, a.end_date),
				       coalesce(s.venue_municipality, a.venue_municipality_code))""".formatted(ACTIVITY_VALUES)).update();
		int participants = this.jdbc.sql("""
				INSERT INTO participant (ref, gender, birth_year, disability, home_municipality_code, organization_id)
				SELECT s.participant_ref, s.gender, s.birth_year, s.disability, s.home_municipality, s.organization_id
				FROM (%s) s
				WHERE NOT EXISTS (SELECT 1 FROM participant x WHERE x.ref = s.participant_ref)
				ON CONFLICT (ref) DO NOTHING""".formatted(PERSON_VALUES)).update();
		int participantsUpdated = this.jdbc.sql("""
				UPDATE participant p SET birth_year = coalesce(s.birth_year, p.birth_year),
				       disability = coalesce(s.disability, p.disability),
				       home_municipality_code = coalesce(s.home_municipality, p.home_municipality_code),
				       organization_id = coalesce(s.organization_id, p.organization_id)
				FROM (%s) s
				WHERE p.ref = s.participant_ref
				  AND (p.birth_year, p.disability, p.home_municipality_code, p.organization_id) IS DISTINCT FROM
				      (coalesce(s.birth_year, p.birth_year), coalesce(s.disability, p.disability),
				       coalesce(s.home_municipality, p.home_municipality_code), coalesce(s.organization_id, p.organization_id))
				""".formatted(PERSON_VALUES)).update();
		// An empty role or organization cell keeps what is stored; a new participation takes the defaults.
		int participationsUpdated = this.jdbc.sql("""
				UPDATE participation pn SET role = coalesce(r.role, pn.role), organization_id = coalesce(o.id, pn.organization_id)
				FROM import_row r
				JOIN activity a ON a.code = r.activity_code
				JOIN participant p ON p.ref = r.participant_ref
				LEFT JOIN organization o ON o.code = r.organization_code
				WHERE pn.activity_id = a.id AND pn.participant_id = p.id
				  AND (pn.role, pn.organization_id) IS DISTINCT FROM (coalesce(r.role, pn.role), coalesce(o.id, pn.organization_id))
				""").update();
		int participations = this.jdbc.sql("""
				INSERT INTO participation (activity_id, participant_id, organization_id, role)
				SELECT a.id, p.id, coalesce(o.id, p.organization_id), coalesce(r.role, 'PARTICIPANT')
				FROM import_row r
				JOIN activity a ON a.code = r.activity_code
				JOIN participant p ON p.ref = r.participant_ref
				LEFT JOIN organization o ON o.code = r.organization_code
				WHERE NOT EXISTS (SELECT 1 FROM participation x WHERE x.activity_id = a.id AND x.participant_id = p.id)
				ON CONFLICT (activity_id, participant_id) DO NOTHING""").update();
		return new Outcome(new ImportCounts(activities, participants, participations, organizations),
				new ImportCounts(activitiesUpdated, participantsUpdated, participationsUpdated, 0),
				new ImportCounts(0, 0, rows.size() - participations - participationsUpdated, 0));
	}

	/** Locks the sheet's activities until the transaction ends, in code order so two loads cannot deadlock. */
	void lock(List<AttendanceRow> rows) {
		var codes = new TreeSet<String>();
		rows.stream().map(AttendanceRow::activityCode).filter(java.util.Objects::nonNull).forEach(codes::add);
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
