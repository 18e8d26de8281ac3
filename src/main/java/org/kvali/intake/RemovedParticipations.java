package org.kvali.intake;

import java.util.List;

import org.kvali.graphql.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rows recording again a participation removed as recorded by mistake (removeParticipation), told in one warning:
 * an old sheet sent again brought back the people removed from it, and nothing said so (a tester's). The row is
 * stored as any other: the person may have attended after all.
 */
@Repository
class RemovedParticipations {

	/** How many participations a warning names. */
	private static final int NAMED = 3;

	private final JdbcClient jdbc;

	RemovedParticipations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A warning at the first such row, naming up to three; none when there are none. A partner's sheet names only
	 * activities its organizations run, so it is told only of removals there.
	 */
	List<ImportMessage> warnings() {
		var again = this.jdbc.sql("""
				SELECT r.row_no, r.participant_ref, r.activity_code, x.removed_on, count(*) OVER ()
				FROM import_row r
				JOIN import_activity a ON a.activity_code = r.activity_code
				JOIN removed_participation x ON x.activity_id = a.stored_id
				 AND x.ref_digest = sha256(convert_to(lower(r.participant_ref), 'UTF8'))
				LEFT JOIN import_person p ON p.participant_ref = r.participant_ref
				WHERE NOT EXISTS (SELECT 1 FROM participation pn
				                  WHERE pn.activity_id = a.stored_id AND pn.participant_id = p.stored_id)
				  -- once: a sheet of new activities, as most are, joins none of its rows
				  AND EXISTS (SELECT 1 FROM import_activity WHERE stored_id IS NOT NULL)
				ORDER BY r.row_no
				LIMIT %d""".formatted(NAMED))
			.query((rs, row) -> new Again(rs.getInt(1), rs.getString(2), rs.getString(2) + " at " + rs.getString(3)
					+ ", removed on " + rs.getDate(4).toLocalDate(), rs.getInt(5)))
			.list();
		if (again.isEmpty()) {
			return List.of();
		}
		int participations = again.get(0).participations();
		var named = again.stream().map(Again::told).toList();
		// the first row's cell, as any message at a row gives it
		return List.of(new ImportMessage(again.get(0).row(), Columns.PARTICIPANT_REF, again.get(0).ref(),
				"The sheet records again " + (participations == 1 ? "1 participation" : participations
						+ " participations") + " removed as recorded by mistake (" + Text.someOf(named, participations)
						+ "): leave out of the sheet whoever did not attend, or remove them again after the load"
						+ " (removeParticipation)"));
	}

	/**
	 * One participation recorded again: its row and reference, whose at which activity removed when, and how many in
	 * all.
	 */
	private record Again(int row, String ref, String told, int participations) {
	}

}
