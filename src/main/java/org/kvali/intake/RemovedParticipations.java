package org.kvali.intake;

import java.util.List;

import org.kvali.graphql.Text;
import org.kvali.participant.ParticipantService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a sheet and the removals of participations disagree on, each told in one warning. Rows recording again a
 * participation removed as recorded by mistake (removeParticipation): an old sheet sent again brought back the people
 * removed from it, and nothing said so (a tester's); the row is stored as any other, the person may have attended
 * after all. And people stored at an activity a corrected sheet names again that it leaves out: a sheet removes no
 * one, and one left a reference it had written wrong recorded at the activity without a word (another's). And
 * activities deleted before that a sheet creates again.
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
	 * A warning at the first row of the first activity the sheet creates that was deleted from the same project
	 * (deleteActivity), naming up to three; none when there are none. An old sheet sent again recorded a deleted
	 * activity and its people once more, without a word (a tester's); they are stored, it may have been deleted by
	 * mistake. A partner is told only of its own projects' activities, whose codes and days it could list before they
	 * went (another organization's among them, though it deletes only those it runs), and not how many participations
	 * went: of another organization's activity in a project they share, that told its size (a tester's).
	 */
	List<ImportMessage> deletedActivities(PartnerSheet partner) {
		var again = this.jdbc.sql("""
				SELECT a.first_row, a.activity_code, d.deleted_on, d.participations, count(*) OVER ()
				FROM import_activity a
				JOIN project p ON p.code = a.project_code
				JOIN deleted_activity d ON d.code_key = lower(a.activity_code) AND d.project_id = p.id
				WHERE a.stored_id IS NULL
				ORDER BY a.first_row
				LIMIT %d""".formatted(NAMED))
			.query((rs, row) -> new Deleted(rs.getInt(1), rs.getString(2), rs.getString(2) + ", deleted on "
					+ rs.getDate(3).toLocalDate() + (rs.getInt(4) == 0 || partner != null ? "" : " with "
							+ rs.getInt(4) + (rs.getInt(4) == 1 ? " participation" : " participations")), rs.getInt(5)))
			.list();
		if (again.isEmpty()) {
			return List.of();
		}
		int activities = again.get(0).activities();
		var named = again.stream().map(Deleted::told).toList();
		return List.of(new ImportMessage(again.get(0).row(), Columns.ACTIVITY_CODE, again.get(0).code(),
				"The sheet records again " + (activities == 1 ? "an activity" : activities + " activities")
						+ " deleted before (" + Text.someOf(named, activities) + "): leave out of the sheet what was"
						+ " recorded by mistake, or delete it again after the load (deleteActivity)"));
	}

	/**
	 * A warning at the first row of the first stored activity the sheet names again without someone stored at it; none
	 * when there are none. A sheet naming none of an activity's stored people adds people to it and is not told of the
	 * others. It names up to three of them, the first of each activity first, to a partner too: its sheets name only
	 * activities its organizations run, whose people it reads by reference ({@code attendance}), and told only the
	 * activities, a tester had to look them up. Erased people, whom no sheet names, are not told. Whether an activity's
	 * sheet is sent again is asked of all its stored people at once: asked of each activity by a scan of the sheet, a
	 * sheet of 200,000 rows sent again into 10 million participations took 95 s.
	 */
	List<ImportMessage> leftOut() {
		var left = this.jdbc.sql("""
				WITH named AS MATERIALIZED (
				    SELECT DISTINCT r.activity_code, s.stored_id
				    FROM import_row r JOIN import_person s USING (participant_ref) WHERE s.stored_id IS NOT NULL),
				stored AS (
				    SELECT a.first_row, a.activity_code, pn.participant_id, n.stored_id IS NOT NULL AS named,
				           -- the activity's sheet again (it names someone stored there), not one adding people to it
				           bool_or(n.stored_id IS NOT NULL) OVER (PARTITION BY a.activity_code) AS again
				    FROM import_activity a
				    JOIN participation pn ON pn.activity_id = a.stored_id
				    LEFT JOIN named n ON n.activity_code = a.activity_code AND n.stored_id = pn.participant_id
				    WHERE a.stored_id IS NOT NULL),
				left_out AS (
				    SELECT s.first_row, s.activity_code, p.ref
				    FROM stored s JOIN participant p ON p.id = s.participant_id
				    WHERE s.again AND NOT s.named AND p.ref NOT LIKE :erased)
				SELECT first_row, activity_code, ref, (SELECT count(*) FROM left_out)
				FROM (SELECT *, row_number() OVER (PARTITION BY activity_code ORDER BY ref) AS n FROM left_out) l
				ORDER BY n, first_row
				LIMIT %d""".formatted(NAMED))
			.param("erased", ParticipantService.ERASED + "%")
			.query((rs, row) -> new LeftOut(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
			.list();
		if (left.isEmpty()) {
			return List.of();
		}
		var first = left.get(0);
		var people = left.stream().map(one -> one.ref() + " at " + one.activity()).toList();
		var message = (first.participations() == 1 ? "1 participation stored at activities the sheet names again is"
				: first.participations() + " participations stored at activities the sheet names again are")
				+ " not in it (" + Text.someOf(people, first.participations()) + "): a sheet adds and corrects,"
				+ " it removes no one, so they stay recorded; remove whoever did not attend with removeParticipation";
		return List.of(new ImportMessage(first.row(), Columns.ACTIVITY_CODE, first.activity(), message));
	}

	/** One activity recorded again: its first row and code, when deleted with how many, and how many in all. */
	private record Deleted(int row, String code, String told, int activities) {
	}

	/** One participation left out: its activity's first row and code, whose, and how many in all. */
	private record LeftOut(int row, String activity, String ref, int participations) {
	}

	/**
	 * One participation recorded again: its row and reference, whose at which activity removed when, and how many in
	 * all.
	 */
	private record Again(int row, String ref, String told, int participations) {
	}

}
