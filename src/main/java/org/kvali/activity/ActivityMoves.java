package org.kvali.activity;

import java.sql.ResultSet;
import java.util.List;

import org.kvali.access.Caller;
import org.kvali.access.PartnerScope;
import org.kvali.access.Role;
import org.kvali.graphql.Validation;
import org.kvali.organization.OrganizationService;
import org.kvali.programme.ProgrammeService;
import org.kvali.programme.Project;
import org.kvali.programme.ProjectPartner;
import org.kvali.sql.ErasedReferences;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An activity moved to another project ({@code updateActivity} with {@code project}): a sheet that named a wrong but
 * existing project code put it there, and its participations count for that project, its programme and its donors
 * until it moves. An admin moves it anywhere, a partner between its organizations' projects. It moves with every
 * participation; its start must lie within the new project's and programme's dates (ActivityEditor), its organizer
 * have a part in the new project, and no indicator count it by name that would count nothing of it after the move.
 */
@Component
class ActivityMoves {

	/**
	 * Indicators whose filter or denominator names the activity {@code :code} and would count nothing of it in the
	 * project {@code :project}: they count their own project's or programme's participation alone, and that filter's
	 * lists of projects and programmes, where it has them, narrow it further, as a share's denominator's narrows its
	 * numerator (a programme's indicator naming the activity and its old project counted 0 after a move within the
	 * programme, as did a share of it within its old project).
	 */
	private static final String NAMING_INDICATORS = """
			SELECT count(*), string_agg(code, ', ' ORDER BY code) FILTER (WHERE n <= 3)
			FROM (SELECT i.code, row_number() OVER (ORDER BY i.code) AS n
			      FROM indicator i JOIN project p ON p.id = :project JOIN programme g ON g.id = p.programme_id
			      WHERE EXISTS (
			          SELECT 1
			          FROM (VALUES (i.filter, i.denominator_filter), (i.denominator_filter, NULL)) f (filter, within),
			               unnest(ARRAY[f.filter, f.within]) AS narrowing
			          WHERE f.filter -> 'activities' @> to_jsonb(CAST(:code AS text))
			            AND (i.programme_id <> p.programme_id OR i.project_id <> p.id
			                 OR jsonb_typeof(narrowing -> 'projects') = 'array'
			                    AND NOT narrowing -> 'projects' @> to_jsonb(p.code)
			                 OR jsonb_typeof(narrowing -> 'programmes') = 'array'
			                    AND NOT narrowing -> 'programmes' @> to_jsonb(g.code)))) named
			HAVING count(*) > 0""";

	private final ProgrammeService programmes;

	private final OrganizationService organizations;

	private final PartnerScope scope;

	private final JdbcClient jdbc;

	private final ActivityOrganizers organizers;

	ActivityMoves(ProgrammeService programmes, OrganizationService organizations, PartnerScope scope, JdbcClient jdbc,
			ActivityOrganizers organizers) {
		this.organizers = organizers;
		this.programmes = programmes;
		this.organizations = organizations;
		this.scope = scope;
		this.jdbc = jdbc;
	}

	/**
	 * The project the activity is to be of: the one of {@code code}, else ({@code code} null) its own, {@code current}.
	 * An unknown code is NOT_FOUND; a partner's move to a project that is not one of its organizations' is refused.
	 */
	Project target(Project current, String code) {
		if (code == null || code.equals(current.code())) {
			return current;
		}
		var project = this.programmes.projectsByCode(List.of(code)).get(code);
		if (project == null) {
			// an argument's code, refused as createActivity refuses it (it was NOT_FOUND here: a tester's)
			var unknown = new Validation().known("input.project", "project", List.of(code), List.of(),
					this.programmes::projectCodeInAnotherCase);
			unknown.check();
			throw new IllegalStateException("An unknown project passed: " + code);
		}
		this.scope.requireProject(project.id(), project.code());
		return project;
	}

	/**
	 * Refuses the move where the organizer it keeps ({@code organizer}, the one given with the move being checked as
	 * any new organizer is) has no part in the project, or indicators count the activity by name that would count
	 * nothing of it after.
	 */
	void check(Activity stored, Project target, Long organizer, boolean organizerGiven) {
		var validation = new Validation();
		if (organizer != null && !organizerGiven && !this.organizers.hasPart(organizer, target)) {
			var code = this.organizations.organizationsById(List.of(organizer)).get(organizer).code();
			validation.problem("input.project", target.code(), "Organization " + code + ", which runs the activity,"
					+ " neither leads project " + target.code() + " nor is a partner of it: "
					+ ProjectPartner.howToAdd(Caller.current().is(Role.PARTNER))
					+ ", or name another organizer with the move");
		}
		// an erasure keeps the projects and organizers of the person's activities, to tell their partners alone of
		// it, and nothing links it to the record it left: after a move they would misstate where the person was, and
		// the answer to a partner's sheet would tell that the reference was erased (a reviewer's)
		int erased = this.jdbc.sql("""
				SELECT count(*) FROM participation pn JOIN participant pt ON pt.id = pn.participant_id
				WHERE pn.activity_id = :activity AND %s""".formatted(ErasedReferences.erased("pt.ref")))
			.param("activity", stored.id())
			.query(Integer.class)
			.single();
		if (erased > 0) {
			validation.problem("input.project", target.code(), erased + (erased == 1 ? " person" : " people")
					+ " who took part in it " + (erased == 1 ? "was" : "were") + " erased at their request: what a"
					+ " partner's sheet is told of an erased reference rests on the projects of that person's"
					+ " activities as they were, and a move would make the answer tell which reference was erased;"
					+ " the activity stays in its project");
		}
		this.jdbc.sql(NAMING_INDICATORS)
			.param("code", stored.code())
			.param("project", target.id())
			.query((ResultSet rs) -> {
				boolean one = rs.getLong(1) == 1;
				validation.problem("input.project", target.code(), rs.getLong(1) + (one ? " indicator counts"
						: " indicators count") + " the activity by name (" + rs.getString(2) + (rs.getLong(1) > 3 ? ", ..."
								: "") + ") and would count nothing of it after the move, "
						+ (one ? "its" : "their") + " own project or programme, or the projects or programmes "
						+ (one ? "its" : "their") + " filter names, being others: an admin changes their filters first"
						+ " (updateIndicator), or, within the programme, makes a project's indicator the programme's for"
						+ " the move (updateIndicator with project: null) and then the new project's");
			});
		validation.check();
	}

}
