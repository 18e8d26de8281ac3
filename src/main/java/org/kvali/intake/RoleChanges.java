package org.kvali.intake;

import java.util.List;
import java.util.Locale;

import org.kvali.graphql.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stored participations whose role a sheet changes, told in one warning: a participant made an organizer is no
 * longer counted among the people reached, and the reverse, and a later sheet did so without a word (a tester's).
 */
@Repository
class RoleChanges {

	/** How many participations a warning names. */
	private static final int NAMED = 3;

	private final JdbcClient jdbc;

	RoleChanges(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A warning at the first such row, naming up to three; none when there are none. A partner's sheet names only
	 * activities its organizations run, so it is told of its own participations alone.
	 */
	List<ImportMessage> warnings(WrittenValues written) {
		var changed = this.jdbc.sql("""
				SELECT r.row_no, r.participant_ref, r.activity_code, pn.role, r.role, count(*) OVER ()
				FROM import_row r
				JOIN import_activity a ON a.activity_code = r.activity_code
				JOIN import_person p ON p.participant_ref = r.participant_ref
				JOIN participation pn ON pn.activity_id = a.id AND pn.participant_id = p.id
				WHERE a.stored_id IS NOT NULL AND p.stored_id IS NOT NULL AND r.role <> pn.role
				  -- once: a sheet of new activities, as most are, joins none of its rows
				  AND EXISTS (SELECT 1 FROM import_activity WHERE stored_id IS NOT NULL)
				ORDER BY r.row_no
				LIMIT %d""".formatted(NAMED))
			.query((rs, row) -> new Changed(rs.getInt(1), rs.getString(2) + " at " + rs.getString(3) + " from "
					+ rs.getString(4).toLowerCase(Locale.ROOT) + " to " + written.shown(Columns.ROLE,
							rs.getString(5).toLowerCase(Locale.ROOT)), rs.getInt(6)))
			.list();
		if (changed.isEmpty()) {
			return List.of();
		}
		int participations = changed.get(0).participations();
		var named = changed.stream().map(Changed::told).toList();
		return List.of(new ImportMessage(changed.get(0).row(), Columns.ROLE, null, "The sheet changes the role of "
				+ (participations == 1 ? "1 participation" : participations + " participations") + " ("
				+ Text.someOf(named, participations) + "): only participants are counted among the people reached;"
				+ " trainers, facilitators, speakers and organizers are counted in their own roles"));
	}

	/** One participation changed: its row, whose at which activity from what to what, and how many in all. */
	private record Changed(int row, String told, int participations) {
	}

}
