package org.kvali.organization;

/**
 * SQL: which organizations take part in some projects, as the organization list tells them (and a partner's sheet
 * compares a new organization's name with what its list shows).
 */
public final class TakingPart {

	private TakingPart() {
	}

	/**
	 * SQL: the organization whose id is {@code organization} takes part in the projects that {@code projects} selects:
	 * as lead, partner or organizer, or represented by at least {@code :represented} people or at an activity one of
	 * {@code :own} runs (a partner's organizations).
	 */
	public static String in(String organization, String projects) {
		return """
				%1$s IN (
				  SELECT lead_organization_id FROM project WHERE id IN (%2$s)
				  UNION SELECT organization_id FROM project_partner WHERE project_id IN (%2$s)
				  UNION SELECT organizer_id FROM activity WHERE project_id IN (%2$s)
				  UNION SELECT p.organization_id FROM participation p JOIN activity a ON a.id = p.activity_id
				        WHERE a.project_id IN (%2$s)
				        GROUP BY p.organization_id HAVING count(DISTINCT p.participant_id) >= :represented
				               OR bool_or(a.organizer_id = ANY(CAST(:own AS bigint[]))))""".formatted(organization, projects);
	}

}
