package org.kvali.organization;

/**
 * SQL: which organizations take part in some projects, as the organization list tells them (and a partner's sheet
 * compares a new organization's name with what its list shows).
 */
public final class TakingPart {

	private TakingPart() {
	}

	/**
	 * SQL: the organization whose id is {@code organization} takes part in some programme, as a donor's organization
	 * list and filters know it: funding or publishing one, leading or partnering a project, organizing an activity, or
	 * represented at activities by {@code :represented} people in all, found from the first of its entries in the
	 * index by organization and participant (counted over all participations at once, 10 million took 45 s).
	 */
	public static String anywhere(String organization) {
		return anywhere(organization, """
				(SELECT count(*) FROM (SELECT DISTINCT pn.participant_id FROM participation pn
				                       WHERE pn.organization_id = %s LIMIT :represented) r) >= :represented"""
			.formatted(organization));
	}

	/**
	 * SQL: as {@link #anywhere(String)}, but for those represented by enough people: the organizations whose codes
	 * {@code :represented_anywhere} holds (as the report index counted them).
	 */
	static String anywhereAmong(String organization) {
		return anywhere(organization,
				"%s IN (SELECT id FROM organization WHERE code = ANY(CAST(:represented_anywhere AS text[])))"
					.formatted(organization));
	}

	private static String anywhere(String organization, String represented) {
		return """
				(%1$s IN (SELECT organization_id FROM programme_donor UNION SELECT publisher_id FROM programme
				          UNION SELECT lead_organization_id FROM project UNION SELECT organization_id FROM project_partner)
				 OR EXISTS (SELECT 1 FROM activity a WHERE a.organizer_id = %1$s)
				 OR %2$s)""".formatted(organization, represented);
	}

	/**
	 * SQL: the organization whose id is {@code organization} takes part in the projects that {@code projects} selects:
	 * as lead, partner or organizer, or represented by at least {@code :represented} people or at an activity one of
	 * {@code :own} runs (a partner's organizations).
	 */
	public static String in(String organization, String projects) {
		return in(organization, projects, """
				SELECT p.organization_id FROM participation p JOIN activity a ON a.id = p.activity_id
				        WHERE a.project_id IN (%s)
				        GROUP BY p.organization_id HAVING count(DISTINCT p.participant_id) >= :represented
				               OR bool_or(a.organizer_id = ANY(CAST(:own AS bigint[])))""".formatted(projects));
	}

	/**
	 * SQL: as {@link #in(String, String)}, but for those represented: the organizations whose codes the array bound as
	 * {@code represented} holds (as the report index counted them).
	 */
	static String inAmong(String organization, String projects, String represented) {
		return in(organization, projects,
				"SELECT id FROM organization WHERE code = ANY(CAST(:%s AS text[]))".formatted(represented));
	}

	private static String in(String organization, String projects, String represented) {
		return """
				%1$s IN (
				  SELECT lead_organization_id FROM project WHERE id IN (%2$s)
				  UNION SELECT organization_id FROM project_partner WHERE project_id IN (%2$s)
				  UNION SELECT organizer_id FROM activity WHERE project_id IN (%2$s)
				  UNION %3$s)""".formatted(organization, projects, represented);
	}

}
