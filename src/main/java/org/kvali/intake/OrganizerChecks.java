package org.kvali.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.kvali.graphql.Text;
import org.kvali.graphql.Validation;
import org.kvali.programme.ProjectPartner;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who runs the activities a sheet makes: the organization its {@code organizer_code} column names, else for a
 * partner's sheet its one organization taking part in the project. The organizer decides which partner loads an
 * activity and sees its figures whole: an admin's sheet without the column made activities run by no one, whose
 * partner then saw them suppressed, and a partner with two organizations in a project could load no new activity by
 * sheet (a tester's).
 */
@Repository
class OrganizerChecks {

	/**
	 * Each activity whose rows name an organizer, in one way (a disagreement is told as one), with what the checks
	 * compare: the organization of that code in another case (a merged one's is recorded as the one it went into,
	 * {@link OrganizationChecks#merged}), the project's code and whether the organization leads it or is a partner of
	 * it. A disagreement is known from the match: looked for in the rows of each activity whose rows disagreed on
	 * anything, a sheet of 60,000 rows took 31 s (a review's). A partner is asked of new activities and its own alone,
	 * of its own projects ({@link PartnerSheetChecks} refuses the others), and is told no other organization's code.
	 */
	private static final String NAMED = """
			SELECT a.organizer_row, a.organizer_code, a.organizer_id, a.activity_code,
			       (SELECT o.code FROM organization o WHERE lower(o.code) = lower(a.organizer_code)) AS stored_code,
			       p.code AS project,
			       a.organizer_id = p.lead_organization_id OR EXISTS (
			           SELECT 1 FROM project_partner pp
			           WHERE pp.project_id = p.id AND pp.organization_id = a.organizer_id) AS part,
			       (SELECT string_agg(o.code, ', ' ORDER BY o.code) FROM organization o
			        WHERE o.id = ANY(CAST(:organizations AS bigint[]))) AS own
			FROM import_activity a
			JOIN project p
			  ON p.id = coalesce(a.stored_project_id, (SELECT x.id FROM project x WHERE x.code = a.project_code))
			WHERE a.organizer_code IS NOT NULL
			  AND NOT a.organizers_differ
			  AND (CAST(:organizations AS bigint[]) IS NULL
			       OR p.id = ANY(CAST(:allowed AS bigint[]))
			          AND (a.stored_id IS NULL OR a.stored_organizer_id = ANY(CAST(:organizations AS bigint[]))))
			ORDER BY a.organizer_row""";

	/** How an activity's organizer is named. */
	private static final String NAMING = " (an organizer_code column, or updateActivity)";

	private final JdbcClient jdbc;

	OrganizerChecks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The organizer each activity's rows name: a stored organization (a partner's own), leading the activity's project
	 * or a partner of it. A stored activity keeps the organizer it has ({@link #kept}); one run by no one is given it.
	 */
	void named(PartnerSheet partner, List<ImportMessage> errors) {
		this.jdbc.sql(NAMED)
			.param("organizations", PartnerSheet.organizationIds(partner))
			.param("allowed", partner == null ? null : partner.projectIds())
			.query((ResultSet rs) -> {
				var problem = problem(rs, partner != null);
				if (problem != null) {
					errors.add(new ImportMessage(rs.getInt("organizer_row"), Columns.ORGANIZER_CODE,
							rs.getString("organizer_code"), problem));
				}
			});
	}

	private static String problem(ResultSet rs, boolean partner) throws SQLException {
		var code = rs.getString("organizer_code");
		var id = rs.getObject("organizer_id");
		var own = rs.getString("own");
		if (partner && (id == null || !List.of(own.split(", ")).contains(code))) {
			// the same whether the code is stored or not: a partner learns no other organization's code so
			var spelt = List.of(own.split(", ")).stream().filter(code::equalsIgnoreCase).findFirst();
			return spelt.isPresent() ? "Your organization's code is written " + spelt.get()
					: "Organization " + code + " is not one of yours (" + own + "): a partner's sheet names one of"
							+ " its own organizations as organizer; an admin names another";
		}
		if (id == null) {
			var stored = rs.getString("stored_code");
			return "No organization has this code"
					+ (stored == null ? "" : Validation.meant("organization", code, stored));
		}
		if (!rs.getBoolean("part")) {
			return "Organization " + code + " neither leads project " + rs.getString("project") + " nor is a partner"
					+ " of it, as an activity's organizer does: " + ProjectPartner.howToAdd(partner);
		}
		return null;
	}

	/**
	 * A warning at the first row naming each stored activity's organizer as another than it has: a sheet does not
	 * change who runs an activity, and keeps it (refused, the sheets of an activity an admin gave another organizer
	 * could not be sent again: a tester's). To a partner, of its own activities alone, run by one of its own.
	 */
	List<ImportMessage> kept(PartnerSheet partner) {
		return this.jdbc.sql("""
				SELECT a.organizer_row, a.activity_code, a.organizer_code, o.code
				FROM import_activity a JOIN organization o ON o.id = a.stored_organizer_id
				WHERE a.organizer_id <> a.stored_organizer_id AND %s
				ORDER BY a.organizer_row""".formatted(PartnerSheet.toldOf("a")))
			.param("organizations", PartnerSheet.organizationIds(partner))
			.query((rs, row) -> new ImportMessage(rs.getInt(1), Columns.ORGANIZER_CODE, rs.getString(3), "Activity "
					+ rs.getString(2) + " is run by " + rs.getString(4) + ": a sheet does not change an activity's"
					+ " organizer, so the sheet's is ignored (updateActivity changes it)"))
			.list();
	}

	/**
	 * A partner's new activity naming no organizer, of a project in which more than one of its organizations take
	 * part, once at its first row: the one of smaller id was made its organizer, whichever ran it, and a sheet of the
	 * other was refused as of another's activity (a review's).
	 */
	void chosen(PartnerSheet partner, List<ImportMessage> errors) {
		if (partner.organizationIds().length < 2) {
			return;
		}
		this.jdbc.sql("""
				SELECT a.first_row, a.activity_code, a.project_code,
				       (SELECT string_agg(o.code, ', ' ORDER BY o.code) FROM organization o
				        WHERE o.id = ANY(:organizations)
				          AND (o.id = p.lead_organization_id
				               OR EXISTS (SELECT 1 FROM project_partner pp
				                          WHERE pp.project_id = p.id AND pp.organization_id = o.id))) AS runners
				FROM import_activity a JOIN project p ON p.code = a.project_code
				WHERE a.stored_id IS NULL AND a.organizer_code IS NULL
				  -- a code refused as written is its own error: told to name one as well, the row was told twice
				  AND NOT EXISTS (SELECT 1 FROM import_row r WHERE r.activity_code = a.activity_code
				                  AND r.flagged @> '{organizer_code}')
				ORDER BY a.first_row""")
			.param("organizations", partner.organizationIds())
			.query((ResultSet rs) -> {
				var runners = rs.getString(4);
				if (runners != null && runners.contains(", ")) {
					errors.add(new ImportMessage(rs.getInt(1), Columns.ACTIVITY_CODE, rs.getString(2), "Activity "
							+ rs.getString(2) + " is new, and your organizations " + runners + " all take part in"
							+ " project " + rs.getString(3) + ": name the one that runs it in an organizer_code"
							+ " column"));
				}
			});
	}

	/**
	 * One warning of an admin's sheet's new activities naming no organizer, of projects an organization leads or
	 * partners: no partner sees their figures in full or loads them until one is named.
	 */
	List<ImportMessage> unrun() {
		return this.jdbc.sql("""
				SELECT min(first_row), count(*), (array_agg(activity_code ORDER BY first_row))[1 : 3]
				FROM import_activity a
				WHERE a.stored_id IS NULL AND a.organizer_code IS NULL
				  AND EXISTS (SELECT 1 FROM project p WHERE p.code = a.project_code
				              AND (p.lead_organization_id IS NOT NULL
				                   OR EXISTS (SELECT 1 FROM project_partner pp WHERE pp.project_id = p.id)))
				HAVING count(*) > 0""")
			.query((rs, row) -> {
				int activities = rs.getInt(2);
				var codes = List.of((String[]) rs.getArray(3).getArray());
				return new ImportMessage(rs.getInt(1), Columns.ACTIVITY_CODE, codes.get(0), activities == 1
						? "New activity " + codes.get(0) + " names no organizer: no partner loads it or sees its"
								+ " figures in full until one is named" + NAMING
						: activities + " new activities (" + Text.someOf(codes, activities) + ") name no organizer:"
								+ " no partner loads them or sees their figures in full until one is named" + NAMING);
			})
			.list();
	}

}
