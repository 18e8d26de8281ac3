package org.kvali.intake;

import java.util.ArrayList;
import java.util.List;

import org.kvali.access.PartnerScope;
import org.kvali.graphql.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stored people whose home municipality, birth year or disability a sheet changes, told in a warning for each detail,
 * naming up to three, from what to what. A person's home is the one the last sheet gave, whatever its activities'
 * dates, so an older sheet sent again moved people back to where they lived before, and every breakdown by region
 * with them, with nothing said; a dry run said "1 participant updated" of a birth year, and a partner could not tell
 * whom (testers'). Their gender is no sheet's to change.
 */
@Repository
class DetailChanges {

	/** How many people a warning names. */
	private static final int NAMED = 3;

	/**
	 * A detail: its column, the stored value and the sheet's as SQL text over {@code s} (the person's row of {@code
	 * import_person}, which holds the stored values too), when they differ (a home first given is no move), its words,
	 * and what the warning adds. The column names the detail as an admin's correction does ({@link
	 * PartnerScope#DETAILS}).
	 */
	private record Detail(String column, String stored, String given, String differ, String words, String remark) {
	}

	private static final List<Detail> DETAILS = List.of(
			new Detail(Columns.HOME_MUNICIPALITY, "s.stored_home", "s.home_municipality",
					"s.stored_home <> s.home_municipality", "home municipality",
					": a person's home is the one the last sheet gave, whatever the dates of its activities"),
			new Detail(Columns.BIRTH_YEAR, "CAST(s.stored_birth_year AS text)", "CAST(s.birth_year AS text)",
					"s.birth_year IS NOT NULL AND s.birth_year IS DISTINCT FROM s.stored_birth_year", "birth year", ""),
			new Detail(Columns.DISABILITY, "CASE s.stored_disability WHEN true THEN 'yes' WHEN false THEN 'no' END",
					"CASE s.disability WHEN true THEN 'yes' WHEN false THEN 'no' END",
					"s.disability IS NOT NULL AND s.disability IS DISTINCT FROM s.stored_disability", "disability",
					""));

	private final JdbcClient jdbc;

	DetailChanges(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A warning for each detail changed, at the first such person's first row; none when there are none. A partner is
	 * told of the people its sheets may change alone ({@link PartnerSheet#keptAsStored(String, String)}). The sheet's
	 * value is told as it writes it too, where it writes it otherwise (GE-KK-BOLNISI (ბოლნისის მუნიციპალიტეტი)).
	 */
	List<ImportMessage> warnings(WrittenValues written) {
		var warnings = new ArrayList<ImportMessage>();
		for (var detail : DETAILS) {
			// at the row that gives the value, not the person's first (a tester's pointed at an empty cell); looked
			// for of the people named alone, each by a scan of the sheet. The stored values as the sheet was matched:
			// each read from participant again, a sheet of 200,000 people sent again into 10 million participations
			// spent 0.25 to 0.32 s on each detail
			var changed = this.jdbc.sql("""
					SELECT (SELECT min(r.row_no) FROM import_row r
					        WHERE r.participant_ref = t.participant_ref AND r.%5$s IS NOT NULL), t.*
					FROM (SELECT s.participant_ref, coalesce(%1$s, 'unknown'), %2$s, count(*) OVER (), s.first_row
					      FROM import_person s
					      WHERE s.stored_id IS NOT NULL AND %3$s AND NOT %4$s
					      ORDER BY s.first_row
					      LIMIT %6$d) t
					ORDER BY t.first_row""".formatted(detail.stored(), detail.given(), detail.differ(),
					PartnerSheet.keptAsStored("s", detail.column()), detail.column(), NAMED))
				.query((rs, row) -> new Changed(rs.getInt(1), rs.getString(2) + " from " + rs.getString(3) + " to "
						+ written.besideStored(detail.column(), rs.getString(4)), rs.getInt(5)))
				.list();
			if (!changed.isEmpty()) {
				int people = changed.get(0).people();
				warnings.add(new ImportMessage(changed.get(0).row(), detail.column(), null, "The sheet changes the "
						+ detail.words() + " of " + (people == 1 ? "1 person" : people + " people") + " ("
						+ Text.someOf(changed.stream().map(Changed::told).toList(), people) + ")" + detail.remark()));
			}
		}
		return warnings;
	}

	/** One person changed: the row giving the value, who from what to what, and how many people the sheet changes. */
	private record Changed(int row, String told, int people) {
	}

}
