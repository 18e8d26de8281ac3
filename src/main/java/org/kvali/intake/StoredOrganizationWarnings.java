package org.kvali.intake;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.kvali.report.SuppressionProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A stored organization given another name, kind or municipality than it has: kept as stored, as a sheet does not
 * rename or move one, and said once, at the first row. A partner is told a stored one's name, kind and place only of
 * those it lists ({@link PartnerSheet#listable}), and of any other alike whatever its sheet gives.
 */
@Repository
class StoredOrganizationWarnings {

	private final JdbcClient jdbc;

	private final SuppressionProperties suppression;

	StoredOrganizationWarnings(JdbcClient jdbc, SuppressionProperties suppression) {
		this.jdbc = jdbc;
		this.suppression = suppression;
	}

	List<ImportMessage> warnings(PartnerSheet partner, WrittenValues written) {
		var warnings = new ArrayList<ImportMessage>();
		storedDetails(partner, warnings);
		storedPlace(partner, written, warnings);
		return warnings;
	}

	/**
	 * A stored organization given another name or kind. To a partner, one it does not list wherever a row gives it a
	 * name or kind, whatever they are (told where they differed, six dry runs told another partner's organization's
	 * kind: a review's); by the rows of a code merged into one it does not list, recorded under that one, told by the
	 * code they wrote (they named the one it went into: a tester's).
	 */
	private void storedDetails(PartnerSheet partner, List<ImportMessage> warnings) {
		PartnerSheet.listing(this.jdbc, partner, this.suppression.k(), """
				-- each name given compared once, not each row's: at 200,000 rows that took 5 to 7 s (a review's)
				WITH given AS (
				    SELECT organization_code, organization_name, organization_kind, organization_merged AS written,
				           min(row_no) AS row_no
				    FROM import_row
				    WHERE organization_code IS NOT NULL
				      AND (organization_name IS NOT NULL OR organization_kind IS NOT NULL)
				    GROUP BY 1, 2, 3, 4),
				told AS MATERIALIZED (
				    SELECT o.id, o.code, o.name, o.name_ka, o.kind, coalesce(%4$s, false) AS listed
				    FROM organization o WHERE o.code IN (SELECT organization_code FROM given))
				SELECT min(r.row_no), CASE WHEN o.listed THEN o.code ELSE coalesce(r.written, o.code) END, o.name,
				       o.kind, o.listed, r.written IS NOT NULL AND NOT o.listed
				FROM given r JOIN told o ON o.code = r.organization_code
				WHERE NOT o.listed OR %1$s <> %2$s AND %1$s IS DISTINCT FROM %3$s OR r.organization_kind <> o.kind
				GROUP BY 2, 3, 4, 5, 6
				ORDER BY 1""".formatted(OrganizationNames.key("r.organization_name"), OrganizationNames.key("o.name"),
				OrganizationNames.key("o.name_ka"), PartnerSheet.listable("o.id")))
			.query((ResultSet rs) -> {
				var stored = rs.getBoolean(5) ? " is stored as " + rs.getString(3) + " (" + rs.getString(4)
						+ ") with another name or kind; a sheet does not change them"
						: rs.getBoolean(6) ? " was merged into another organization, whose name and kind a sheet does"
								+ " not change"
								: " is stored; a sheet does not change a stored organization's name or kind";
				warnings.add(new ImportMessage(rs.getInt(1), Columns.ORGANIZATION_CODE, rs.getString(2), "Organization "
						+ rs.getString(2) + stored + ", so the sheet's are ignored"));
			});
	}

	/**
	 * A stored organization given another municipality: its place is an admin's to change, as its name is, and gives
	 * its people's region. Told at the first row giving another (rows giving two were passed over where the greatest
	 * was the stored one). To a partner, of one it does not list wherever a row gives one, whatever it gives: told
	 * where one differed, a dry run a municipality told where another partner's organization was (a tester's), and
	 * not told, the sheet's was dropped without a word (a review's); by a code merged into it, as that code.
	 */
	private void storedPlace(PartnerSheet partner, WrittenValues written, List<ImportMessage> warnings) {
		PartnerSheet.listing(this.jdbc, partner, this.suppression.k(), """
				WITH told AS (
				    SELECT o.code, o.municipality_code, coalesce(%s, false) AS listed
				    FROM import_organization g JOIN organization o ON o.code = g.organization_code
				    WHERE g.municipality IS NOT NULL),
				given AS (
				    SELECT r.row_no, CASE WHEN t.listed THEN t.code ELSE coalesce(r.organization_merged, t.code) END
				               AS shown,
				           t.municipality_code, r.organization_municipality, t.listed,
				           r.organization_merged IS NOT NULL AND NOT t.listed AS merged
				    FROM told t JOIN import_row r ON r.organization_code = t.code
				    WHERE r.organization_municipality
				          IS DISTINCT FROM CASE WHEN t.listed THEN t.municipality_code END
				      AND r.organization_municipality IS NOT NULL)
				SELECT * FROM (SELECT DISTINCT ON (shown) * FROM given ORDER BY shown, row_no) f
				ORDER BY row_no""".formatted(PartnerSheet.listable("o.id")))
			.query((ResultSet rs) -> {
				var stored = rs.getBoolean(6) ? " was merged into another organization, which a sheet does not place:"
						+ " the sheet's municipality is ignored"
						: " is stored" + (!rs.getBoolean(5) ? ""
								: rs.getString(3) == null ? " with no municipality" : " in " + rs.getString(3))
								+ "; a sheet does not place an organization, so the sheet's is ignored";
				warnings.add(new ImportMessage(rs.getInt(1), Columns.ORGANIZATION_MUNICIPALITY,
						written.shown(Columns.ORGANIZATION_MUNICIPALITY, rs.getString(4)), "Organization "
						+ rs.getString(2) + stored + " (" + (partner != null ? "ask an admin to place it: " : "")
						+ "updateOrganization)"));
			});
	}

}
