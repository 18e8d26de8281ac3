package org.kvali.intake;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.kvali.report.SuppressionProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a sheet may not say of organizations: a new one needs a name, and its rows must agree on its name, kind and
 * municipality, as an activity's do (the first row's were stored and the others' dropped without a word); and rows of
 * a code merged into another are recorded as that one. What a sheet is told without being refused is in {@link
 * OrganizationWarnings}.
 */
@Repository
class OrganizationChecks {

	private final JdbcClient jdbc;

	private final SuppressionProperties suppression;

	OrganizationChecks(JdbcClient jdbc, SuppressionProperties suppression) {
		this.jdbc = jdbc;
		this.suppression = suppression;
	}

	/**
	 * Rows naming the code of an organization merged into another (in any case) are recorded under that one; a
	 * warning at the first row of each such code says so, naming the other to a partner only where its list holds it
	 * (a small organization it does not list stays unnamed). An activity's organizer too (an old sheet's was refused
	 * as unknown: a review's), but in a partner's sheet only one merged into its own organization: named as another's,
	 * it is refused as one of no organization is. Run before the rows are matched with stored data.
	 */
	List<ImportMessage> merged(PartnerSheet partner) {
		var warnings = new ArrayList<ImportMessage>();
		for (var column : List.of(Columns.ORGANIZATION_CODE, Columns.ORGANIZER_CODE)) {
			warnings.addAll(PartnerSheet.listing(this.jdbc, partner, this.suppression.k(), """
					WITH given AS (
					    SELECT r.row_no, r.%1$s AS given, a.code AS merged, o.code AS merged_into
					    FROM import_row r JOIN organization_alias a ON lower(a.code) = lower(r.%1$s)
					    JOIN organization o ON o.id = a.organization_id
					    WHERE %2$s),
					recorded AS (
					    UPDATE import_row r SET %1$s = g.merged_into%4$s FROM given g WHERE r.row_no = g.row_no)
					SELECT g.first_row, g.given, g.merged, CASE WHEN %3$s THEN g.merged_into END, g.rows
					FROM (SELECT min(row_no) AS first_row, (array_agg(given ORDER BY row_no))[1] AS given, merged,
					             merged_into, count(*) AS rows
					      FROM given GROUP BY merged, merged_into) g
					JOIN organization o ON o.code = g.merged_into
					ORDER BY 1""".formatted(column, Columns.ORGANIZER_CODE.equals(column)
					? "CAST(:own AS bigint[]) IS NULL OR o.id = ANY(CAST(:own AS bigint[]))" : "true",
					PartnerSheet.listable("o.id"),
					// the code as written told apart from the one it went into: a partner is told nothing more of it
					Columns.ORGANIZATION_CODE.equals(column) ? ", organization_merged = g.merged" : ""))
				.query((rs, row) -> {
					var into = rs.getString(4) == null ? "another organization" : rs.getString(4);
					return new ImportMessage(rs.getInt(1), column, rs.getString(2), "Organization " + rs.getString(3)
							+ " was merged into " + into + ": " + (rs.getInt(5) == 1 ? "the row naming it is"
									: "the " + rs.getInt(5) + " rows naming it are")
							+ " recorded as " + (rs.getString(4) == null ? "that one" : into));
				})
				.list());
		}
		return warnings;
	}

	/**
	 * A new organization without a name, or whose rows give it two names or kinds; in a partner's sheet, one of a kind
	 * that funds or runs programmes (a donor, implementer or partner, which an admin adds: a partner's sheet made a
	 * second donor beside the EU, listed to every donor, that the partner could not mend).
	 */
	void check(List<ImportMessage> errors, boolean partner, WrittenValues written) {
		var disagreeing = new ArrayList<String>();
		this.jdbc.sql("""
				-- in another case it is stored, not new: the check of codes in another case says so; looked up once per
				-- organization, not once per row (200,000 rows: 86 ms)
				WITH new AS MATERIALIZED (
				    SELECT g.* FROM import_organization g
				    WHERE NOT EXISTS (SELECT 1 FROM organization o WHERE lower(o.code) = lower(g.organization_code))),
				-- the kind of a new organization's first row of such a kind, the rows read only when there is one:
				-- aggregated in the order of the rows, all rows were sorted (200,000 rows: 81 ms, 45 ms so), and so
				-- were a stored organization's of such kinds (a review's: 139 to 163 ms)
				admin_kind AS (
				    SELECT DISTINCT ON (organization_code) organization_code, organization_kind FROM import_row
				    WHERE organization_kind IN ('DONOR', 'IMPLEMENTER', 'PARTNER')
				      AND organization_code IN (SELECT organization_code FROM new WHERE admin_row IS NOT NULL)
				      AND EXISTS (SELECT 1 FROM new WHERE admin_row IS NOT NULL)
				    ORDER BY organization_code, row_no)
				SELECT g.organization_code, g.first_row, g.name IS NULL AND NOT g.name_flagged,
				       g.least_name <> g.name OR g.least_kind <> g.kind OR g.least_municipality <> g.municipality,
				       g.admin_row, k.organization_kind
				FROM new g LEFT JOIN admin_kind k USING (organization_code)
				ORDER BY g.first_row""")
			.query((ResultSet rs) -> {
				if (rs.getBoolean(3)) {
					errors.add(new ImportMessage(rs.getInt(2), Columns.ORGANIZATION_NAME, null,
							"Organization " + rs.getString(1) + " is new: give its name in organization_name"));
				}
				if (rs.getBoolean(4)) {
					disagreeing.add(rs.getString(1));
				}
				if (partner && rs.getObject(5) != null) {
					errors.add(new ImportMessage(rs.getInt(5), Columns.ORGANIZATION_KIND,
							written.shown(Columns.ORGANIZATION_KIND, rs.getString(6)), "Organization "
							+ rs.getString(1) + " is new: a partner's sheet adds civil-society organizations, activist"
							+ " groups, municipalities and others; a donor, implementer or partner is added by an admin"));
				}
			});
		if (!disagreeing.isEmpty()) {
			disagreements(disagreeing, errors, written);
		}
	}

	/** Each row whose name, kind or municipality differs from the first row's that gives one. */
	private void disagreements(List<String> codes, List<ImportMessage> errors, WrittenValues written) {
		this.jdbc.sql("""
				WITH first AS (
				    SELECT organization_code,
				           (array_agg(row_no ORDER BY row_no) FILTER (WHERE organization_name IS NOT NULL))[1] AS name_row,
				           (array_agg(organization_name ORDER BY row_no) FILTER (WHERE organization_name IS NOT NULL))[1] AS name,
				           (array_agg(row_no ORDER BY row_no) FILTER (WHERE organization_kind IS NOT NULL))[1] AS kind_row,
				           (array_agg(organization_kind ORDER BY row_no)
				               FILTER (WHERE organization_kind IS NOT NULL))[1] AS kind,
				           (array_agg(row_no ORDER BY row_no) FILTER (WHERE organization_municipality IS NOT NULL))[1]
				             AS municipality_row,
				           (array_agg(organization_municipality ORDER BY row_no)
				               FILTER (WHERE organization_municipality IS NOT NULL))[1] AS municipality
				    FROM import_row WHERE organization_code = ANY(:codes) GROUP BY organization_code)
				SELECT r.row_no, 'organization_name', r.organization_name, f.name_row, f.name, f.organization_code
				FROM import_row r JOIN first f USING (organization_code) WHERE r.organization_name <> f.name
				UNION ALL
				SELECT r.row_no, 'organization_kind', r.organization_kind, f.kind_row, f.kind, f.organization_code
				FROM import_row r JOIN first f USING (organization_code) WHERE r.organization_kind <> f.kind
				UNION ALL
				SELECT r.row_no, 'organization_municipality', r.organization_municipality, f.municipality_row,
				       f.municipality, f.organization_code
				FROM import_row r JOIN first f USING (organization_code)
				WHERE r.organization_municipality <> f.municipality
				ORDER BY 1, 2""")
			.param("codes", codes.toArray(String[]::new))
			.query((ResultSet rs) -> {
				var column = rs.getString(2);
				errors.add(new ImportMessage(rs.getInt(1), column, written.shown(column, rs.getString(3)), "Row "
						+ rs.getInt(4) + " gives " + written.shown(column, rs.getString(5)) + " for organization "
						+ rs.getString(6) + "; all its rows must agree"));
			});
	}

}
