package org.kvali.intake;

import java.util.List;

import org.kvali.access.PartnerScope;
import org.kvali.graphql.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stored people whose home municipality a sheet changes, told in one warning: a person's home is the one the last
 * sheet gave, whatever its activities' dates, so an older sheet sent again (to restore an activity, say) moved people
 * back to where they lived before, and every breakdown by region with them, with nothing said (a tester's).
 */
@Repository
class HomeChanges {

	/** How many people a warning names. */
	private static final int NAMED = 3;

	private final JdbcClient jdbc;

	HomeChanges(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A warning at the first row of the first such person, naming up to three; none when there are none. A partner is
	 * told of the people its sheets may change alone ({@link PartnerScope#keptAsStored}).
	 */
	List<ImportMessage> warnings(PartnerSheet partner, WrittenValues written) {
		var moved = this.jdbc.sql("""
				SELECT s.first_row, s.participant_ref, p.home_municipality_code, s.home_municipality, count(*) OVER ()
				FROM import_person s JOIN participant p ON p.id = s.stored_id
				WHERE p.home_municipality_code <> s.home_municipality AND NOT %s
				ORDER BY s.first_row
				LIMIT %d""".formatted(PartnerScope.keptAsStored("p.id"), NAMED))
			.param("organizations", partner == null ? null : partner.organizationIds())
			.query((rs, row) -> new Moved(rs.getInt(1), rs.getString(2) + " from " + rs.getString(3) + " to "
					+ written.besideStored(Columns.HOME_MUNICIPALITY, rs.getString(4)), rs.getInt(5)))
			.list();
		if (moved.isEmpty()) {
			return List.of();
		}
		int people = moved.get(0).people();
		var named = moved.stream().map(Moved::told).toList();
		return List.of(new ImportMessage(moved.get(0).row(), Columns.HOME_MUNICIPALITY, null, "The sheet changes the home"
				+ " municipality of " + (people == 1 ? "1 person" : people + " people") + " ("
				+ Text.someOf(named, people) + "): a person's home is the one the last sheet gave, whatever the dates"
				+ " of its activities"));
	}

	/** One person moved: their first row, who from where to where, and how many people the sheet moves in all. */
	private record Moved(int row, String told, int people) {
	}

}
