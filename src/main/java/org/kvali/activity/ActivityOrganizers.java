package org.kvali.activity;

import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;

import org.kvali.access.Caller;
import org.kvali.access.Role;
import org.kvali.graphql.InvalidArgumentException;
import org.kvali.graphql.Text;
import org.kvali.graphql.Validation;
import org.kvali.organization.Organization;
import org.kvali.organization.OrganizationService;
import org.kvali.programme.KeptInProject;
import org.kvali.programme.ProgrammeService;
import org.kvali.programme.Project;
import org.kvali.programme.ProjectPartner;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who runs an activity: an organization that leads its project or is a partner of it, and for a partner one of its
 * own. The organizer's staff see the activity's numbers in full, which is for the projects they have a part in: an
 * organizer from outside, named so or left outside by a change of the project's partners, saw in full those of an
 * activity it could not list. Callers join the writers' queue first, so that a change of partners and a new organizer
 * do not each miss the other.
 */
@Component
class ActivityOrganizers implements KeptInProject {

	private final ProgrammeService programmes;

	private final JdbcClient jdbc;

	private final OrganizationService organizations;

	ActivityOrganizers(ProgrammeService programmes, JdbcClient jdbc, OrganizationService organizations) {
		this.programmes = programmes;
		this.jdbc = jdbc;
		this.organizations = organizations;
	}

	/**
	 * Checks an organizer named (by {@code code}, with its id) for an activity of the project: one with a part in it
	 * (a partner's, one of its own, {@link #othersNamed} checked first).
	 */
	void check(Long organizer, String code, Project project) {
		if (organizer != null && project != null && !hasPart(organizer, project)) {
			new Validation().problem("input.organizer", code, "Organization " + code + " neither leads project "
					+ project.code() + " nor is a partner of it: "
					+ ProjectPartner.howToAdd(Caller.current().is(Role.PARTNER)))
				.check();
		}
	}

	/** Whether the organization leads the project or is a partner of it, as an activity's organizer must. */
	boolean hasPart(long organizer, Project project) {
		return project.leadOrganizationId() != null && project.leadOrganizationId() == organizer
				|| this.programmes.partnersOfProjects(List.of(project.id())).getOrDefault(project.id(), List.of())
					.stream()
					.anyMatch(partner -> partner.organizationId() == organizer);
	}

	/**
	 * Whether a partner names as organizer an organization that is not one of its own ({@code row} the one of that
	 * code, or null): refused the same whether the code is stored or not, with a spelling told of its own
	 * organizations alone (into {@code validation}). Told apart, a partner learnt which codes of organizations hidden
	 * from it are stored, and how.
	 */
	boolean othersNamed(Caller caller, String code, Organization row, Validation validation) {
		if (!caller.is(Role.PARTNER) || code == null || row != null && caller.organizations().contains(row.id())) {
			return false;
		}
		var codes = this.organizations.organizationsById(caller.organizations()).values().stream()
			.map(Organization::code)
			.toList();
		// with spaces around it too: 'CIF ' was refused as another's (a tester's)
		var trimmed = Text.trim(code);
		var own = codes.stream().filter(stored -> stored.equalsIgnoreCase(trimmed)).findFirst();
		// a code merged into its own is told so, as its sheets' organizer_code is (a tester's was refused as another's)
		var merged = this.organizations.mergedInto(trimmed).filter(codes::contains);
		if (merged.isPresent()) {
			validation.problem("input.organizer", code, "Organization " + code + " was merged into " + merged.get()
					+ ": write " + merged.get());
			return true;
		}
		if (own.isEmpty()) {
			throw new AccessDeniedException("Organization " + code + " is not one of yours; only an admin may make it "
					+ "an activity's organizer");
		}
		validation.problem("input.organizer", code, own.get().equals(trimmed)
				? "Your organization's code has spaces or invisible characters around it here: write " + own.get()
				: "Your organization's code is written " + own.get());
		return true;
	}

	/**
	 * The partner's organization with a part in the project (leading it, or a partner of it); of several, none is
	 * chosen: the one of smaller id had been, whichever ran the activity, and the other's sheets of it were then
	 * refused as of another's activity (a review's).
	 */
	Long organizerFor(Caller caller, Project project) {
		var part = new HashSet<Long>();
		part.add(project.leadOrganizationId());
		this.programmes.partnersOfProjects(List.of(project.id())).getOrDefault(project.id(), List.of())
			.forEach(partner -> part.add(partner.organizationId()));
		var candidates = caller.organizations().stream().filter(part::contains).sorted().toList();
		if (candidates.size() > 1) {
			var codes = this.jdbc
				.sql("SELECT string_agg(code, ', ' ORDER BY code) FROM organization WHERE id = ANY(:ids)")
				.param("ids", candidates.toArray(Long[]::new))
				.query(String.class)
				.single();
			throw new InvalidArgumentException("input.organizer", null, "Your organizations " + codes + " all take part"
					+ " in project " + project.code() + ": name the one that runs the activity");
		}
		return candidates.isEmpty() ? null : candidates.get(0);
	}

	@Override
	public void checkChange(long project, boolean leadGiven, Long lead, boolean partnersGiven, List<Long> partners,
			Validation validation) {
		this.jdbc.sql("""
				SELECT o.code, count(*), (array_agg(a.code ORDER BY a.code))[1 : 3]
				FROM activity a JOIN organization o ON o.id = a.organizer_id
				WHERE a.project_id = :project
				  AND a.organizer_id IS DISTINCT FROM
				      CASE WHEN :leadGiven THEN CAST(:lead AS bigint)
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
				// named, as a refusal names what it leaves out (a tester's had to find the two)
				var codes = List.of((String[]) rs.getArray(3).getArray());
				validation.problem(partnersGiven ? "input.partners" : "input.lead", rs.getString(1), "Organization "
						+ rs.getString(1) + " runs " + activities + (activities == 1 ? " activity" : " activities")
						+ " of the project (" + Text.someOf(codes, activities) + ") and would have no part in it: keep"
						+ " it as lead or partner, or give " + (activities == 1 ? "it" : "them")
						+ " another organizer first");
			});
	}

}
