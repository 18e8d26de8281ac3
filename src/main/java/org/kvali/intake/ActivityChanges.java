package org.kvali.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a sheet changes of a stored activity, told in a warning: a later sheet may correct an activity's title, kind,
 * dates and venue, but one naming a stored activity by a wrong code rewrote a three-day training as another day's
 * meeting, and moved an indicator from AT_RISK to OFF_TRACK, with nothing said (a tester's). A dry run now shows
 * each change, from what to what.
 */
@Repository
class ActivityChanges {

	/**
	 * SQL: the stored activity {@code a} differs from what the sheet gives of it, {@code s} (its import_activity row):
	 * what the writer updates and these warnings tell.
	 */
	static final String CHANGED = """
			(a.title, a.kind, a.start_date, a.end_date, a.venue_municipality_code, a.organizer_id) IS DISTINCT FROM
			(coalesce(s.activity_title, a.title), coalesce(s.activity_kind, a.kind), coalesce(s.start_date, a.start_date),
			 coalesce(s.end_date, a.end_date), coalesce(s.venue_municipality, a.venue_municipality_code),
			 coalesce(a.organizer_id, s.organizer_id))""";

	private final JdbcClient jdbc;

	ActivityChanges(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A warning, at its first row, for each stored activity whose fields the sheet changes; a partner's own alone. */
	List<ImportMessage> warnings(PartnerSheet partner, WrittenValues written) {
		return told(partner, written, (field, given) -> given, CHANGED,
				changes -> " is stored; this sheet changes " + changes + " (is it the activity meant?)");
	}

	/**
	 * A partner's sheet naming an activity an admin corrected keeps what the admin changed (its title, kind, start,
	 * end, venue or project, as {@code admin_corrected} lists them), as for a person an admin corrected: each such
	 * activity whose corrected fields the sheet would change is told of, and the sheet's values of them set aside, so
	 * that no check compares them and the writer keeps the stored ones (a partner's old sheet sent again undid an
	 * admin's correction of a venue and a date, and one of an activity an admin had moved to another project was
	 * refused as naming the wrong project: testers'). A project set aside is the stored one's in the sheet's rows,
	 * which the checks of projects read. Of the partner's own activities alone: another's, refused as such, told the
	 * partner its project where an admin had moved it (a review's).
	 */
	List<ImportMessage> keptAsCorrected(PartnerSheet partner, WrittenValues written) {
		var kept = told(partner, written, ActivityChanges::corrected, "a.admin_corrected <> '{}'",
				changes -> " was corrected by an admin; this sheet does not change " + changes
						+ ": kept as corrected (updateActivity changes it)");
		this.jdbc.sql("""
				UPDATE import_activity s SET activity_title = %s, activity_kind = %s, start_date = %s, end_date = %s,
				       venue_municipality = %s
				FROM activity a WHERE a.id = s.stored_id AND a.admin_corrected <> '{}' AND %s""".formatted(
				kept("title", "s.activity_title"), kept("kind", "s.activity_kind"), kept("start_date", "s.start_date"),
				kept("end_date", "s.end_date"), kept("venue", "s.venue_municipality"), PartnerSheet.toldOf("s")))
			.param("organizations", partner.organizationIds())
			.update();
		// not where a row names no stored project, refused as such: by the activity's greatest code, a sheet's rows
		// of an unknown project passed beside one of the old (a review's)
		this.jdbc.sql("""
				WITH unknown AS (
				    SELECT DISTINCT r.activity_code FROM import_row r
				    WHERE NOT EXISTS (SELECT 1 FROM project x WHERE x.code = r.project_code)
				      -- the rows read only where an activity was moved
				      AND EXISTS (SELECT 1 FROM import_activity s JOIN activity a ON a.id = s.stored_id
				                  WHERE 'project' = ANY(a.admin_corrected))),
				moved AS (
				    SELECT s.activity_code, p.code
				    FROM import_activity s JOIN activity a ON a.id = s.stored_id JOIN project p ON p.id = a.project_id
				    WHERE 'project' = ANY(a.admin_corrected) AND %s
				      AND s.activity_code NOT IN (SELECT activity_code FROM unknown)),
				activities AS (
				    UPDATE import_activity s SET project_code = m.code FROM moved m
				    WHERE s.activity_code = m.activity_code)
				UPDATE import_row r SET project_code = m.code FROM moved m
				WHERE r.activity_code = m.activity_code AND r.project_code <> m.code"""
			.formatted(PartnerSheet.toldOf("s")))
			.param("organizations", partner.organizationIds())
			.update();
		return kept;
	}

	/**
	 * A message for each stored activity {@code where} holds of (SQL over the stored {@code a} and the sheet's {@code
	 * s}) whose given fields differ from the stored ones: {@code given} makes the value compared of each field from
	 * its name and the sheet's column; {@code told} the message after the code from the changes listed.
	 */
	private List<ImportMessage> told(PartnerSheet partner, WrittenValues written,
			BiFunction<String, String, String> given, String where, Function<String, String> told) {
		return this.jdbc.sql("""
				SELECT s.first_row, s.activity_code, a.title, %s, a.kind, %s, a.start_date, %s, a.end_date, %s,
				       a.venue_municipality_code, %s, o.code, CASE WHEN a.organizer_id IS NULL THEN %s END, p.code, %s
				FROM import_activity s JOIN activity a ON a.id = s.stored_id
				LEFT JOIN organization o ON o.id = a.organizer_id JOIN project p ON p.id = a.project_id
				WHERE %s AND %s
				ORDER BY s.first_row""".formatted(given.apply("title", "s.activity_title"),
				given.apply("kind", "s.activity_kind"), given.apply("start_date", "s.start_date"),
				given.apply("end_date", "s.end_date"), given.apply("venue", "s.venue_municipality"),
				given.apply("organizer", "s.organizer_code"), given.apply("project", "s.project_code"), where,
				PartnerSheet.toldOf("s")))
			.param("organizations", PartnerSheet.organizationIds(partner))
			.query((rs, row) -> {
				var changes = changes(rs, written);
				return changes.isEmpty() ? null : new ImportMessage(rs.getInt(1), Columns.ACTIVITY_CODE,
						rs.getString(2), "Activity " + rs.getString(2) + told.apply(String.join(", ", changes)));
			})
			.list()
			.stream()
			.filter(Objects::nonNull)
			.toList();
	}

	/** SQL: the sheet's value of a field where an admin corrected it, else null (no change told). */
	private static String corrected(String field, String value) {
		return "CASE WHEN '" + field + "' = ANY(a.admin_corrected) THEN " + value + " END";
	}

	/** SQL: the sheet's value of a field, null (the stored one kept) where an admin corrected it. */
	private static String kept(String field, String value) {
		return "CASE WHEN '" + field + "' = ANY(a.admin_corrected) THEN NULL ELSE " + value + " END";
	}

	private static List<String> changes(ResultSet rs, WrittenValues written) throws SQLException {
		var changes = new ArrayList<String>();
		changed(changes, "its title", quoted(rs.getString(3)), quoted(rs.getString(4)), quoted(rs.getString(4)));
		changed(changes, "its kind", lower(rs.getString(5)), lower(rs.getString(6)),
				written.besideStored(Columns.ACTIVITY_KIND, lower(rs.getString(6))));
		changed(changes, "its start", rs.getString(7), rs.getString(8), rs.getString(8));
		changed(changes, "its end", rs.getString(9), rs.getString(10), rs.getString(10));
		changed(changes, "its venue", rs.getString(11), rs.getString(12),
				written.besideStored(Columns.VENUE_MUNICIPALITY, rs.getString(12)));
		changed(changes, "its organizer", rs.getString(13), rs.getString(14), rs.getString(14));
		changed(changes, "its project", rs.getString(15), rs.getString(16), rs.getString(16));
		return changes;
	}

	/**
	 * The change of one field, where the sheet gives a value other than the stored one (none stored: "none"), told
	 * as the sheet writes it ({@code shown}).
	 */
	private static void changed(List<String> changes, String field, String stored, String given, String shown) {
		if (given != null && !Objects.equals(stored, given)) {
			changes.add(field + " from " + (stored == null ? "none" : stored) + " to " + shown);
		}
	}

	private static String lower(String word) {
		return word == null ? null : word.toLowerCase(Locale.ROOT);
	}

	private static String quoted(String title) {
		return title == null ? null : "\"" + title + "\"";
	}

}
