package org.kvali.access;

import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Repository;

/**
 * What a PARTNER's organizations own: the projects they lead or partner (where it may load sheets and change
 * activities) and the activities they run (organize), over which it sees aggregates in full.
 */
@Repository
public class PartnerScope {

	/** The ids of the projects that the organizations bound to {@code :organizations} lead or partner. */
	private static final String OWN_PROJECTS = """
			SELECT id FROM project WHERE lead_organization_id = ANY(:organizations)
			UNION SELECT project_id FROM project_partner WHERE organization_id = ANY(:organizations)""";

	/**
	 * Why a partner may not move an activity to an earlier year: its stored people's birth years would be checked
	 * against it, and those of people other organizations recorded too are not the partner's to learn.
	 */
	public static final String EARLIER_FOR_ADMIN = "People other organizations recorded too took part in it: moving it "
			+ "to an earlier year is an admin's to do, since it is checked against their birth years";

	private final JdbcClient jdbc;

	PartnerScope(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * SQL: the caller is a partner, its organizations bound to {@code :organizations}, and the stored person whose id
	 * is {@code person} took part in an activity that none of them runs; false when {@code :organizations} is null (an
	 * admin). A partner neither compares nor changes such a person's details, nor is told of their stored ones: they
	 * are what other organizations recorded. Its own participation table is aliased {@code pn}: {@code person} names
	 * another alias's column.
	 */
	public static String hostedElsewhere(String person) {
		return """
				(CAST(:organizations AS bigint[]) IS NOT NULL
				 AND EXISTS (SELECT 1 FROM participation pn JOIN activity a ON a.id = pn.activity_id
				             WHERE pn.participant_id = %s
				               AND (a.organizer_id IS NULL OR a.organizer_id <> ALL(CAST(:organizations AS bigint[])))))"""
			.formatted(person);
	}

	/** The details of a person an admin may correct, as {@code participant.admin_corrected} names them. */
	public static final List<String> DETAILS = List.of("gender", "birth_year", "disability", "home_municipality",
			"organization");

	/**
	 * SQL: the caller is a partner ({@code :organizations} bound, as for {@link #hostedElsewhere}) whose sheets keep
	 * the stored person's details as they are, neither compared nor changed: the person took part in another
	 * organization's activity, or in none (nobody's participant, whom the sheet may not name).
	 */
	public static String keptAsStored(String person) {
		return "(" + hostedElsewhere(person) + " OR " + hostedNowhere(person) + ")";
	}

	/**
	 * SQL: as {@link #keptAsStored(String)}, or the partner's sheet keeps this one detail ({@link #DETAILS}) as an
	 * admin corrected it ({@code correctParticipant}): a sheet sent again must not undo it.
	 */
	public static String keptAsStored(String person, String detail) {
		return "(" + keptAsStored(person) + " OR " + correctedByAdmin(person, detail) + ")";
	}

	/** SQL: the caller is a partner ({@code :organizations} bound) and the stored person took part in nothing. */
	public static String hostedNowhere(String person) {
		return """
				(CAST(:organizations AS bigint[]) IS NOT NULL
				 AND NOT EXISTS (SELECT 1 FROM participation pn WHERE pn.participant_id = %s))""".formatted(person);
	}

	/**
	 * SQL: the caller is a partner ({@code :organizations} bound) and an admin corrected the detail ({@link #DETAILS})
	 * of the stored person whose id is {@code person} ({@code correctParticipant}); false for an admin.
	 */
	public static String correctedByAdmin(String person, String detail) {
		if (!DETAILS.contains(detail)) {
			throw new IllegalArgumentException("No detail of a person: " + detail);
		}
		return """
				(CAST(:organizations AS bigint[]) IS NOT NULL
				 AND EXISTS (SELECT 1 FROM participant kept WHERE kept.id = %s AND '%s' = ANY(kept.admin_corrected)))"""
			.formatted(person, detail);
	}

	/** The ids of the projects the caller's organizations lead or partner. */
	public Set<Long> projects(Caller caller) {
		return Set.copyOf(this.jdbc.sql(OWN_PROJECTS)
			.param("organizations", caller.organizations().toArray(Long[]::new))
			.query(Long.class)
			.list());
	}

	/**
	 * The projects whose activities and organizations the current caller may list: for a PARTNER its organizations'
	 * projects, for everyone else null (all). A thread without a caller fails rather than list all: the database
	 * shows such a thread nothing protected, and these tables every role may read.
	 */
	public Long[] listable() {
		var caller = Caller.current();
		return caller.is(Role.PARTNER) ? projects(caller).toArray(Long[]::new) : null;
	}

	/** The codes of those projects. */
	public List<String> projectCodes(Caller caller) {
		return this.jdbc.sql("SELECT code FROM project WHERE id IN (" + OWN_PROJECTS + ") ORDER BY code")
			.param("organizations", caller.organizations().toArray(Long[]::new))
			.query(String.class)
			.list();
	}

	/** The codes of the programmes of those projects. */
	public List<String> programmeCodes(Caller caller) {
		return this.jdbc.sql("SELECT DISTINCT pg.code FROM programme pg JOIN project pj ON pj.programme_id = pg.id"
				+ " WHERE pj.id IN (" + OWN_PROJECTS + ") ORDER BY pg.code")
			.param("organizations", caller.organizations().toArray(Long[]::new))
			.query(String.class)
			.list();
	}

	/**
	 * Lets ADMIN change anything and a PARTNER change what belongs to a project of its organizations; refuses the
	 * rest with a FORBIDDEN error naming the project.
	 */
	public Caller requireProject(long projectId, String projectCode) {
		var caller = Access.require(Role.ADMIN, Role.PARTNER);
		if (caller.is(Role.PARTNER) && !projects(caller).contains(projectId)) {
			throw new AccessDeniedException("Project " + projectCode + " is not one of your organizations' projects");
		}
		return caller;
	}

}
