package org.kvali.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.kvali.graphql.Text;
import org.kvali.report.SuppressionProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stored participations whose role or organization a sheet changes, told in a warning for each: a participant made
 * an organizer is no longer counted among the people reached, and the reverse, and a later sheet did so without a
 * word (a tester's); a participation moved to another organization leaves the first one's figures and may change the
 * person's own, and a typing slip in a code did so without a word too (a tester's). A partner's sheet names only
 * activities its organizations run, so it is told of its own participations alone.
 */
@Repository
class ParticipationChanges {

	/** How many participations a warning names. */
	private static final int NAMED = 3;

	private final JdbcClient jdbc;

	private final SuppressionProperties suppression;

	ParticipationChanges(JdbcClient jdbc, SuppressionProperties suppression) {
		this.jdbc = jdbc;
		this.suppression = suppression;
	}

	/**
	 * A warning for roles and one for organizations changed, at the first such row, naming up to three each, of the
	 * rows' stored participations ({@link StoredMatches#STORED_PARTICIPATIONS}).
	 */
	List<ImportMessage> warnings(PartnerSheet partner, WrittenValues written) {
		var warnings = new ArrayList<ImportMessage>();
		roles(written).ifPresent(warnings::add);
		organizations(partner, written).ifPresent(warnings::add);
		return warnings;
	}

	private Optional<ImportMessage> roles(WrittenValues written) {
		var changed = this.jdbc.sql("""
				SELECT r.row_no, r.participant_ref, r.activity_code, pn.role, r.role, count(*) OVER ()
				FROM %s
				WHERE r.role <> pn.role
				ORDER BY r.row_no
				LIMIT %d""".formatted(StoredMatches.STORED_PARTICIPATIONS, NAMED))
			.query((rs, row) -> changed(rs, rs.getString(4).toLowerCase(Locale.ROOT),
					written.shown(Columns.ROLE, rs.getString(5).toLowerCase(Locale.ROOT))))
			.list();
		return told(changed, Columns.ROLE, "role", "only participants are counted among the people reached;"
				+ " trainers, facilitators, speakers and organizers are counted in their own roles");
	}

	/**
	 * Organizations as the write changes them: a cell naming another, new ones too, an empty one the organization the
	 * sheet gives the person, where a partner's sheet may change the person's (an admin's correction of it is kept).
	 * The one a participation had is told as it is: a partner's sheet that is not refused names only activities its
	 * organizations run, and it lists every organization at those. The one it gets is told as the sheet wrote it: a
	 * code merged into one the partner does not list by that code, not by the one it went into; from the person's
	 * other rows, not one others were merged into that it does not list ({@link PartnerSheet#namesByCode}).
	 */
	private Optional<ImportMessage> organizations(PartnerSheet partner, WrittenValues written) {
		var changed = PartnerSheet.listing(this.jdbc, partner, this.suppression.k(), """
				SELECT r.row_no, r.participant_ref, r.activity_code, coalesce(was.code, 'none'),
				       CASE WHEN r.organization_code IS NULL
				            THEN CASE WHEN %1$s THEN p.organization_code END
				            WHEN r.organization_merged IS NULL OR %5$s THEN r.organization_code
				            ELSE r.organization_merged END,
				       count(*) OVER ()
				FROM %4$s
				LEFT JOIN organization o ON o.code = coalesce(r.organization_code, p.organization_code)
				LEFT JOIN organization was ON was.id = pn.organization_id
				WHERE coalesce(r.organization_code, p.organization_code) IS NOT NULL
				  AND (o.id IS NULL OR pn.organization_id IS DISTINCT FROM o.id)
				  AND NOT %2$s
				ORDER BY r.row_no
				LIMIT %3$d""".formatted(PartnerSheet.namesByCode("o.id"),
				PartnerSheet.correctedByAdmin("p", "organization"), NAMED,
				StoredMatches.STORED_PARTICIPATIONS, PartnerSheet.listable("o.id")))
			.query((rs, row) -> changed(rs, rs.getString(4), rs.getString(5) == null ? "another organization"
					: written.besideStored(Columns.ORGANIZATION_CODE, rs.getString(5))))
			.list();
		return told(changed, Columns.ORGANIZATION_CODE, "organization", "each counts under its row's organization,"
				+ " and a person's own organization is the one of their latest activity");
	}

	private static Changed changed(ResultSet rs, String from, String to) throws SQLException {
		return new Changed(rs.getInt(1), rs.getString(2) + " at " + rs.getString(3) + " from " + from + " to " + to,
				rs.getInt(6));
	}

	private static Optional<ImportMessage> told(List<Changed> changed, String column, String words,
			String remark) {
		if (changed.isEmpty()) {
			return Optional.empty();
		}
		int participations = changed.get(0).participations();
		var named = changed.stream().map(Changed::told).toList();
		return Optional.of(new ImportMessage(changed.get(0).row(), column, null, "The sheet changes the "
				+ words + " of " + (participations == 1 ? "1 participation" : participations + " participations")
				+ " (" + Text.someOf(named, participations) + "): " + remark));
	}

	/** One participation changed: its row, whose at which activity from what to what, and how many in all. */
	private record Changed(int row, String told, int participations) {
	}

}
