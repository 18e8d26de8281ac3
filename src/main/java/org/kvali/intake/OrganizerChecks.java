package org.kvali.intake;

import java.sql.ResultSet;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who runs the activities a partner's sheet makes, which no column of it names: its one organization taking part in
 * the project. The organizer decides which partner loads an activity and sees its figures whole. (An admin's sheet
 * makes them without one, which a partner's sheet naming one is told, with what to ask.)
 */
@Repository
class OrganizerChecks {

	private final JdbcClient jdbc;

	OrganizerChecks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A partner's new activity of a project in which more than one of its organizations take part, once at its first
	 * row: the one of smaller id was made its organizer, whichever ran it, and a sheet of the other was refused as of
	 * another's activity (a review's).
	 */
	void check(PartnerSheet partner, List<ImportMessage> errors) {
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
				WHERE a.stored_id IS NULL
				ORDER BY a.first_row""")
			.param("organizations", partner.organizationIds())
			.query((ResultSet rs) -> {
				var runners = rs.getString(4);
				if (runners != null && runners.contains(", ")) {
					errors.add(new ImportMessage(rs.getInt(1), Columns.ACTIVITY_CODE, rs.getString(2), "Activity "
							+ rs.getString(2) + " is new, and your organizations " + runners + " all take part in"
							+ " project " + rs.getString(3) + ": a sheet does not tell which runs it; create it first,"
							+ " naming its organizer (createActivity), then send the sheet"));
				}
			});
	}

}
