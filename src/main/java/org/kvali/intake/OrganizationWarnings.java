package org.kvali.intake;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.kvali.report.SuppressionProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a sheet is told of organizations without being refused: a stored organization given another name, kind or
 * municipality ({@link StoredOrganizationWarnings}), a person at activities of several, a new one
 * given the name of a stored one or of another new one (a second code for it, likely), and a name, kind or
 * municipality without a code (ignored), each said once, at the first row. A partner, who lists only the
 * organizations of its projects, is told a stored one's name, kind and place only of those it lists ({@link
 * PartnerSheet#listable}), and of any other alike whatever its sheet gives.
 */
@Repository
class OrganizationWarnings {

	/** How many people a warning of many names. */
	private static final int NAMED = 3;

	/** A person at activities of several organizations: their first row, reference and the organizations told. */
	private record Several(int row, String ref, String organizations) {
	}

	private final JdbcClient jdbc;

	private final SuppressionProperties suppression;

	private final StoredOrganizationWarnings stored;

	OrganizationWarnings(JdbcClient jdbc, SuppressionProperties suppression, StoredOrganizationWarnings stored) {
		this.jdbc = jdbc;
		this.suppression = suppression;
		this.stored = stored;
	}

	List<ImportMessage> warnings(PartnerSheet partner, WrittenValues written) {
		var warnings = new ArrayList<>(this.stored.warnings(partner, written));
		several(partner, warnings);
		sameNames(partner, warnings);
		withoutCode(partner, warnings);
		return warnings;
	}

	/**
	 * People at activities of two organizations, told how their own is found, unless the sheet keeps them as stored
	 * (which one is theirs may depend on activities stored, not in the sheet); to a partner, an organization a code it
	 * wrote was merged into is named only where it lists it (a tester's was named), else by the code written.
	 */
	private void several(PartnerSheet partner, List<ImportMessage> warnings) {
		var several = PartnerSheet.listing(this.jdbc, partner, this.suppression.k(), """
				SELECT min(row_no), participant_ref, string_agg(DISTINCT told, ', ' ORDER BY told)
				FROM (SELECT r.row_no, p.participant_ref,
				             CASE WHEN r.organization_merged IS NULL OR %s THEN r.organization_code
				                  ELSE r.organization_merged END AS told
				      FROM import_person p JOIN import_row r USING (participant_ref)
				      LEFT JOIN organization o ON o.code = r.organization_code
				      WHERE (p.organizations_differ
				             OR p.participant_ref IN (SELECT participant_ref FROM import_row
				                                      WHERE organization_merged IS NOT NULL))
				        AND r.organization_code IS NOT NULL
				        AND (p.stored_id IS NULL OR NOT %s)) t
				GROUP BY participant_ref
				-- as told: a merged code and the one it went into, which the partner does not list, are two, as two
				-- organizations are (told apart by whether they were, a tester's told they were one)
				HAVING count(DISTINCT told) > 1
				ORDER BY 1""".formatted(PartnerSheet.listable("o.id"),
				PartnerSheet.keptAsStored("p", "organization")))
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
	}

	/**
	 * A new organization given the name of a stored one the caller lists, or of another new one ({@link
	 * OrganizationNames}): the new organizations grouped first, the stored ones' names read once and only when there
	 * is a new one.
	 */
	private void sameNames(PartnerSheet partner, List<ImportMessage> warnings) {
		PartnerSheet.listing(this.jdbc, partner, this.suppression.k(), """
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
				ORDER BY 1""".formatted(key("g.organization_name"), key("o.name"), key("o.name_ka"),
				PartnerSheet.listable("o.id")))
			.query((ResultSet rs) -> {
				// each named with its own spelling of the name (the new one's was given as the other's: a tester's)
				var stored = rs.getString(3);
				warnings.add(new ImportMessage(rs.getInt(1), Columns.ORGANIZATION_CODE, rs.getString(2), "Organization "
						+ rs.getString(2) + " is new, but " + (stored != null ? stored + " is stored with the name "
								+ rs.getString(4)
								: rs.getString(5) + ", new too, comes with the name " + rs.getString(6))
						+ "; if they are one, give one code"));
			});
	}

	/**
	 * Rows giving a name, kind or municipality without a code, told once, with the first name of them the caller may
	 * list one stored organization by, and its code: a sheet giving names alone loaded its people with no
	 * organization, told only that the names were ignored (a tester's); a name of two organizations names neither
	 * (the one of the first code was named: a review's). The stored names are compared with the sheet's first, and
	 * only those asked whether the caller lists them.
	 */
	private void withoutCode(PartnerSheet partner, List<ImportMessage> warnings) {
		PartnerSheet.listing(this.jdbc, partner, this.suppression.k(), """
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
				HAVING count(*) > 0""".formatted(key("o.name"), key("o.name_ka"), PartnerSheet.listable("o.id"),
				key("organization_name")))
			.query((ResultSet rs) -> {
				var named = rs.getString(3) == null ? null : rs.getString(3).split(" ", 3);
				warnings.add(new ImportMessage(rs.getInt(1), Columns.ORGANIZATION_CODE, null, "An organization's name, "
						+ "kind or municipality without its code names no organization and is ignored"
						+ ImportMessage.inRows(rs.getInt(2)) + (named == null ? "" : "; " + named[2] + " (row "
								+ named[0] + ") is stored as " + named[1] + ": give its code in organization_code")));
			});
	}

	private static String key(String column) {
		return OrganizationNames.key(column);
	}

}
