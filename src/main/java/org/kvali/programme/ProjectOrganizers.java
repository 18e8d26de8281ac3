package org.kvali.programme;

import java.sql.ResultSet;
import java.util.List;

import org.kvali.graphql.Validation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The organizers of a project's activities keep a part in it, as its lead or a partner: an organizer's staff see the
 * numbers of the activities it runs in full, which is for the projects they have a part in (an organizer left outside
 * by a change of partners saw them for activities it could not list).
 */
@Repository
class ProjectOrganizers {

	private final JdbcClient jdbc;

	ProjectOrganizers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Adds a problem to {@code input.partners} (or {@code input.lead} when only it is given) for each organization that runs activities of the project and would be
	 * neither its lead nor a partner: {@code lead} and {@code partners} are the new ones where given (null given to
	 * clear), else the stored ones stay.
	 */
	void check(long project, boolean leadGiven, Long lead, boolean partnersGiven, List<Long> partners,
			Validation validation) {
		this.jdbc.sql("""
				SELECT o.code, count(*)
				FROM activity a JOIN organization o ON o.id = a.organizer_id
				WHERE a.project_id = :project
				  AND a.organizer_id IS DISTINCT FROM CASE WHEN :leadGiven THEN CAST(:lead AS bigint)
				                                           ELSE (SELECT lead_organization_id FROM project WHERE id = :project) END
				  AND a.organizer_id <> ALL (CASE WHEN :partnersGiven THEN CAST(:partners AS bigint[])
				                                  ELSE ARRAY(SELECT organization_id FROM project_partner
				                                             WHERE project_id = :project) END)
				GROUP BY o.code
				ORDER BY o.code""")
			.param("project", project)
			.param("leadGiven", leadGiven)
			.param("lead", lead)
			.param("partnersGiven", partnersGiven)
			.param("partners", partners.toArray(Long[]::new))
			.query((ResultSet rs) -> {
				int activities = rs.getInt(2);
				validation.problem(partnersGiven ? "input.partners" : "input.lead", rs.getString(1), "Organization " + rs.getString(1) + " runs "
						+ activities + (activities == 1 ? " activity" : " activities") + " of the project and would "
						+ "have no part in it: keep it as lead or partner, or give " + (activities == 1 ? "it" : "them")
						+ " another organizer first");
			});
	}

}
