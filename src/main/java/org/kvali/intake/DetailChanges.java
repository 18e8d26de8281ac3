package org.kvali.intake;

import java.util.ArrayList;
import java.util.List;

import org.kvali.access.PartnerScope;
import org.kvali.graphql.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stored people whose birth year or disability a sheet changes, told in a warning for each: a dry run said only
 * "1 participant updated", and a partner could not tell whom, nor what (a tester's). Their home is told by
 * {@link HomeChanges}, their gender is no sheet's to change.
 */
@Repository
class DetailChanges {

	/** How many people a warning names. */
	private static final int NAMED = 3;

	/** A detail: its column, the stored value and the sheet's as SQL over {@code p} and {@code s}, and its words. */
	private record Detail(String column, String stored, String given, String words) {
	}

	private static final List<Detail> DETAILS = List.of(
			new Detail(Columns.BIRTH_YEAR, "CAST(p.birth_year AS text)", "CAST(s.birth_year AS text)", "birth year"),
			new Detail(Columns.DISABILITY, "CASE p.disability WHEN true THEN 'yes' WHEN false THEN 'no' END",
					"CASE s.disability WHEN true THEN 'yes' WHEN false THEN 'no' END", "disability"));

	private final JdbcClient jdbc;

	DetailChanges(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A warning for each detail changed, at the first such person's first row, naming up to three. */
	List<ImportMessage> warnings(PartnerSheet partner) {
		var warnings = new ArrayList<ImportMessage>();
		for (var detail : DETAILS) {
			var changed = this.jdbc.sql("""
					SELECT s.first_row, s.participant_ref || ' from ' || coalesce(%1$s, 'unknown') || ' to ' || %2$s,
					       count(*) OVER ()
					FROM import_person s JOIN participant p ON p.id = s.stored_id
					WHERE %2$s IS NOT NULL AND %1$s IS DISTINCT FROM %2$s AND NOT %3$s
					ORDER BY s.first_row
					LIMIT %4$d""".formatted(detail.stored(), detail.given(), PartnerScope.keptAsStored("p.id"), NAMED))
				.param("organizations", partner == null ? null : partner.organizationIds())
				.query((rs, row) -> new Changed(rs.getInt(1), rs.getString(2), rs.getInt(3)))
				.list();
			if (!changed.isEmpty()) {
				int people = changed.get(0).people();
				warnings.add(new ImportMessage(changed.get(0).row(), detail.column(), null, "The sheet changes the "
						+ detail.words() + " of " + (people == 1 ? "1 person" : people + " people") + " ("
						+ Text.someOf(changed.stream().map(Changed::told).toList(), people) + ")"));
			}
		}
		return warnings;
	}

	/** One person changed: their first row, who from what to what, and how many people the sheet changes. */
	private record Changed(int row, String told, int people) {
	}

}
