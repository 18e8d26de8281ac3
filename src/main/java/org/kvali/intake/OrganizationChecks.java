package org.kvali.intake;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.kvali.report.SuppressionProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a sheet says of organizations: a new one needs a name, and its rows must agree on its name and kind, as an
 * activity's do (the first row's were stored and the others' dropped without a word). A stored one is not renamed by
 * a sheet, and a name or kind without a code names no organization: both are said in warnings, not dropped silently.
 */
@Repository
class OrganizationChecks {

	/** Georgian's capitals (Mtavruli), which PostgreSQL's lower() of the C locale keeps, and their small letters. */
	private static final String CAPITALS = letters(0x1C90, 0x1CBA) + letters(0x1CBD, 0x1CBF);

	private static final String SMALL = letters(0x10D0, 0x10FA) + letters(0x10FD, 0x10FF);

	/** How many people a warning of many names. */
	private static final int NAMED = 3;

	/** A person at activities of several organizations: their first row, reference and the organizations told. */
	private record Several(int row, String ref, String organizations) {
	}

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
			warnings.addAll(this.jdbc.sql("""
					WITH given AS (
					    SELECT r.row_no, r.%1$s AS given, a.code AS merged, o.code AS merged_into
					    FROM import_row r JOIN organization_alias a ON lower(a.code) = lower(r.%1$s)
					    JOIN organization o ON o.id = a.organization_id
					    WHERE %2$s),
					recorded AS (
					    UPDATE import_row r SET %1$s = g.merged_into FROM given g WHERE r.row_no = g.row_no)
					SELECT g.first_row, g.given, g.merged, CASE WHEN %3$s THEN g.merged_into END, g.rows
					FROM (SELECT min(row_no) AS first_row, (array_agg(given ORDER BY row_no))[1] AS given, merged,
					             merged_into, count(*) AS rows
					      FROM given GROUP BY merged, merged_into) g
					JOIN organization o ON o.code = g.merged_into
					ORDER BY 1""".formatted(column, Columns.ORGANIZER_CODE.equals(column)
					? "CAST(:own AS bigint[]) IS NULL OR o.id = ANY(CAST(:own AS bigint[]))" : "true",
					PartnerSheet.listable("o.id")))
				.param("allowed", partner == null ? null : partner.projectIds())
				.param("represented", this.suppression.k())
				.param("own", PartnerSheet.organizationIds(partner))
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

	/**
	 * SQL: the name in {@code column} as compared: lower case, Georgian capitals too, runs of spaces as one, curly
	 * apostrophes straight.
	 */
	private static String nameKey(String column) {
		return "regexp_replace(lower(translate(" + column + ", '’‘" + CAPITALS + "', '''''" + SMALL
				+ "')), '\\s+', ' ', 'g')";
	}

	private static String letters(int first, int last) {
		var letters = new StringBuilder();
		for (int c = first; c <= last; c++) {
			letters.appendCodePoint(c);
		}
		return letters.toString();
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

	/**
	 * A stored organization given another name, kind or municipality (kept as stored: a sheet does not rename or move
	 * one), a new one given the name of a stored one or of another new one (a second code for it, likely), and a name
	 * or kind without a code (ignored), each said once, at the first row. A partner, who lists only the organizations of its projects, is
	 * told of one it does not list wherever a row gives it a name or kind, whatever they are (told where they differed,
	 * six dry runs told another partner's organization's kind: a review's), and is told of a stored name only among
	 * those it lists; nor is it told of one it does not list that others were merged into (a merged code's rows,
	 * recorded under it, named it: a tester's), whose code the sheet did not write.
	 */
	List<ImportMessage> warnings(PartnerSheet partner, WrittenValues written) {
		var warnings = new ArrayList<ImportMessage>();
		this.jdbc.sql("""
				-- each name given compared once, not each row's: at 200,000 rows that took 5 to 7 s (a review's)
				WITH given AS (
				    SELECT organization_code, organization_name, organization_kind, min(row_no) AS row_no
				    FROM import_row
				    WHERE organization_code IS NOT NULL
				      AND (organization_name IS NOT NULL OR organization_kind IS NOT NULL)
				    GROUP BY 1, 2, 3),
				told AS MATERIALIZED (
				    SELECT o.id, o.code, o.name, o.name_ka, o.kind, %4$s AS listed
				    FROM organization o WHERE o.code IN (SELECT organization_code FROM given))
				SELECT min(r.row_no), o.code, o.name, o.kind, o.listed
				FROM given r JOIN told o ON o.code = r.organization_code
				WHERE CASE WHEN o.listed
				           THEN %1$s <> %2$s AND %1$s IS DISTINCT FROM %3$s OR r.organization_kind <> o.kind
				           ELSE NOT EXISTS (SELECT 1 FROM organization_alias x WHERE x.organization_id = o.id) END
				GROUP BY o.code, o.name, o.kind, o.listed
				ORDER BY 1""".formatted(nameKey("r.organization_name"), nameKey("o.name"), nameKey("o.name_ka"),
				PartnerSheet.listable("o.id")))
			.param("allowed", partner == null ? null : partner.projectIds())
			.param("represented", this.suppression.k())
			.param("own", PartnerSheet.organizationIds(partner))
			.query((ResultSet rs) -> {
				var stored = rs.getBoolean(5) ? " as " + rs.getString(3) + " (" + rs.getString(4) + ") with another"
						+ " name or kind; a sheet does not change them"
						: "; a sheet does not change a stored organization's name or kind";
				warnings.add(new ImportMessage(rs.getInt(1), Columns.ORGANIZATION_CODE, rs.getString(2), "Organization "
						+ rs.getString(2) + " is stored" + stored + ", so the sheet's are ignored"));
			});
		// a stored organization's place is an admin's to change, as its name is: it gives its people's region. Told
		// at the first row giving another (rows giving two were passed over where the greatest was the stored one).
		// To a partner, of one it does not list wherever a row gives one, whatever it gives: told where one differed,
		// a dry run a municipality told where another partner's organization was (a tester's), and not told, the
		// sheet's was dropped without a word (a review's)
		this.jdbc.sql("""
				WITH told AS (
				    SELECT o.code, o.municipality_code, %s AS listed
				    FROM import_organization g JOIN organization o ON o.code = g.organization_code
				    WHERE g.municipality IS NOT NULL)
				SELECT * FROM (
				    SELECT DISTINCT ON (t.code) r.row_no, t.code, t.municipality_code, r.organization_municipality,
				           t.listed
				    FROM told t JOIN import_row r ON r.organization_code = t.code
				    WHERE r.organization_municipality
				          IS DISTINCT FROM CASE WHEN t.listed THEN t.municipality_code END
				      AND r.organization_municipality IS NOT NULL
				    ORDER BY t.code, r.row_no) f
				ORDER BY 1""".formatted(PartnerSheet.listable("o.id")))
			.param("allowed", partner == null ? null : partner.projectIds())
			.param("represented", this.suppression.k())
			.param("own", PartnerSheet.organizationIds(partner))
			.query((ResultSet rs) -> {
				var stored = !rs.getBoolean(5) ? ""
						: rs.getString(3) == null ? " with no municipality" : " in " + rs.getString(3);
				warnings.add(new ImportMessage(rs.getInt(1), Columns.ORGANIZATION_MUNICIPALITY,
						written.shown(Columns.ORGANIZATION_MUNICIPALITY, rs.getString(4)), "Organization "
						+ rs.getString(2) + " is stored" + stored + "; a sheet does not place an organization, so the"
						+ " sheet's is ignored (" + (partner != null ? "ask an admin to place it: " : "")
						+ "updateOrganization)"));
			});
		// a person at activities of two organizations: told how their own is found, unless the sheet keeps them as
		// stored (which one is theirs may depend on activities stored, not in the sheet); to a partner, an
		// organization a code it wrote was merged into is named only where it lists it (a tester's was named)
		var several = this.jdbc.sql("""
				SELECT min(row_no), participant_ref, string_agg(DISTINCT told, ', ' ORDER BY told)
				FROM (SELECT r.row_no, p.participant_ref,
				             CASE WHEN %s THEN r.organization_code ELSE 'another organization' END AS told
				      FROM import_person p JOIN import_row r USING (participant_ref)
				      LEFT JOIN organization o ON o.code = r.organization_code
				      WHERE p.organizations_differ AND r.organization_code IS NOT NULL
				        AND (p.stored_id IS NULL OR NOT %s)) t
				GROUP BY participant_ref
				ORDER BY 1""".formatted(PartnerSheet.namesByCode("o.id"),
				PartnerSheet.keptAsStored("p", "organization")))
			.param("allowed", partner == null ? null : partner.projectIds())
			.param("represented", this.suppression.k())
			.param("own", PartnerSheet.organizationIds(partner))
			.query((rs, row) -> new Several(rs.getInt(1), rs.getString(2), rs.getString(3)))
			.list();
		if (!several.isEmpty()) {
			// once for all of them: a sheet of people at two activities each gave a warning a person, and its list of
			// 1,000 held nothing else, not what the sheet changed (a tester's)
			var first = several.get(0);
			var named = several.stream().limit(NAMED).map(one -> one.ref() + " at " + one.organizations()).toList();
			warnings.add(new ImportMessage(first.row(), Columns.ORGANIZATION_CODE, null, (several.size() == 1
					? "Participant " + first.ref() + " is at activities of " + first.organizations() + " here"
					: several.size() + " people are at activities of several organizations here (" + String.join("; ",
							named) + (several.size() > NAMED ? " and " + (several.size() - NAMED) + " more" : "") + ")")
					+ ": each participation keeps its row's organization, and the person's own (which gives their"
					+ " region while their home municipality is unknown) is the one of their latest activity"));
		}
		// names compared as people type them: case, runs of spaces and curly apostrophes aside, in English or Georgian;
		// the new organizations grouped first, the stored ones' names read once and only when there is a new one
		this.jdbc.sql("""
				WITH new AS (
				    SELECT g.*, %1$s AS name_key FROM (
				        SELECT organization_code, named_row AS first_row, least_name AS organization_name
				        FROM import_organization WHERE least_name IS NOT NULL) g
				    WHERE NOT EXISTS (SELECT 1 FROM organization x WHERE lower(x.code) = lower(g.organization_code))),
				named AS (
				    SELECT n.*, min(n.organization_code) OVER (PARTITION BY n.name_key) AS first_code,
				           first_value(n.organization_name) OVER (PARTITION BY n.name_key ORDER BY n.organization_code)
				               AS first_name
				    FROM new n),
				stored AS (
				    SELECT DISTINCT ON (k.name_key) k.name_key, o.code, k.name
				    FROM organization o
				    CROSS JOIN LATERAL (VALUES (%2$s, o.name), (%3$s, o.name_ka)) k (name_key, name)
				    WHERE k.name IS NOT NULL AND EXISTS (SELECT 1 FROM new) AND (%4$s)
				    ORDER BY k.name_key, o.code)
				SELECT n.first_row, n.organization_code, s.code, s.name,
				       CASE WHEN n.first_code <> n.organization_code THEN n.first_code END, n.first_name
				FROM named n LEFT JOIN stored s USING (name_key)
				WHERE s.code IS NOT NULL OR n.first_code <> n.organization_code
				ORDER BY 1""".formatted(nameKey("g.organization_name"), nameKey("o.name"), nameKey("o.name_ka"),
				PartnerSheet.listable("o.id")))
			.param("allowed", partner == null ? null : partner.projectIds())
			.param("represented", this.suppression.k())
			.param("own", PartnerSheet.organizationIds(partner))
			.query((ResultSet rs) -> {
				// each named with its own spelling of the name (the new one's was given as the other's: a tester's)
				var stored = rs.getString(3);
				warnings.add(new ImportMessage(rs.getInt(1), Columns.ORGANIZATION_CODE, rs.getString(2), "Organization "
						+ rs.getString(2) + " is new, but " + (stored != null ? stored + " is stored with the name "
								+ rs.getString(4)
								: rs.getString(5) + ", new too, comes with the name " + rs.getString(6))
						+ "; if they are one, give one code"));
			});
		// with the first name of them the caller may list one stored organization by, and its code: a sheet giving
		// names alone loaded its people with no organization, told only that the names were ignored (a tester's); a
		// name of two organizations names neither (the one of the first code was named: a review's). The stored
		// names are compared with the sheet's first, and only those asked whether the caller lists them.
		this.jdbc.sql("""
				WITH loose AS MATERIALIZED (
				    SELECT row_no, organization_name, %4$s AS name_key FROM import_row
				    WHERE organization_code IS NULL
				      AND (organization_name IS NOT NULL OR organization_kind IS NOT NULL
				           OR organization_municipality IS NOT NULL)
				      -- a code given but refused is an error of its own
				      AND NOT coalesce(flagged @> '{organization_code}', false)),
				named AS MATERIALIZED (
				    SELECT DISTINCT o.id, o.code, k.name_key
				    FROM organization o
				    CROSS JOIN LATERAL (VALUES (%1$s, o.name), (%2$s, o.name_ka)) k (name_key, name)
				    WHERE k.name IS NOT NULL AND k.name_key IN (SELECT name_key FROM loose)),
				stored AS (
				    SELECT o.name_key, min(o.code) AS code FROM named o WHERE %3$s
				    GROUP BY o.name_key HAVING count(DISTINCT o.id) = 1)
				SELECT min(l.row_no), count(*),
				       (SELECT l.row_no || ' ' || s.code || ' ' || l.organization_name
				        FROM loose l JOIN stored s USING (name_key) ORDER BY l.row_no LIMIT 1)
				FROM loose l
				HAVING count(*) > 0""".formatted(nameKey("o.name"), nameKey("o.name_ka"), PartnerSheet.listable("o.id"),
				nameKey("organization_name")))
			.param("allowed", partner == null ? null : partner.projectIds())
			.param("represented", this.suppression.k())
			.param("own", PartnerSheet.organizationIds(partner))
			.query((ResultSet rs) -> {
				var named = rs.getString(3) == null ? null : rs.getString(3).split(" ", 3);
				warnings.add(new ImportMessage(rs.getInt(1), Columns.ORGANIZATION_CODE, null, "An organization's name, "
						+ "kind or municipality without its code names no organization and is ignored"
						+ ImportMessage.inRows(rs.getInt(2)) + (named == null ? "" : "; " + named[2] + " (row "
								+ named[0] + ") is stored as " + named[1] + ": give its code in organization_code")));
			});
		return warnings;
	}

}
