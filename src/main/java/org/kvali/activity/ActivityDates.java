package org.kvali.activity;

import java.sql.ResultSet;
import java.time.LocalDate;

import org.kvali.access.Caller;
import org.kvali.access.PartnerScope;
import org.kvali.access.Role;
import org.kvali.graphql.Text;
import org.kvali.graphql.Validation;
import org.kvali.programme.Programme;
import org.kvali.programme.Project;
import org.kvali.programme.WithinProgramme;
import org.kvali.programme.WithinProject;
import org.kvali.sql.ErasedReferences;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.kvali.activity.Activity.DAYS_PAST_END;

/**
 * An activity starts within its programme's dates (by mutation, its project's too), and those a programme's or
 * project's dates hold stay within them when they move: indicators count no activity outside a programme's, so
 * shortening a programme past an 8-person training took it out of every indicator without a word, as did an activity
 * created or moved outside. Those outside already do not stop a move. Nor does an activity start before the year
 * someone who took part in it was born ({@link #bornAfter}).
 */
@Repository
class ActivityDates implements WithinProgramme, WithinProject {

	/**
	 * The activities, of the programme or project {@code g} the joins ({@code %1$s}) name, that a new start or end
	 * would leave outside its dates, counted on each side with the first three named, and why it matters
	 * ({@code %2$s}).
	 */
	private static final String OUTSIDE = """
			SELECT side, count(*)
			       || CASE WHEN count(*) = 1 THEN ' activity of it starts ' ELSE ' activities of it start ' END
			       || CASE side WHEN 'input.startDate' THEN 'before' ELSE 'after' END || ' it ('
			       || array_to_string((array_agg(code || ' on ' || start_date ORDER BY start_date, code))[1 : 3], ', ')
			       || CASE WHEN count(*) > 3 THEN ', ...' ELSE '' END || ')%2$s; move them first'
			FROM (SELECT CASE WHEN a.start_date < CAST(:start AS date) THEN 'input.startDate'
			                  ELSE 'input.endDate' END AS side, a.code, a.start_date
			      FROM %1$s
			      WHERE g.id = :id
			        AND (a.start_date < CAST(:start AS date) OR a.start_date > CAST(:end AS date))
			        AND a.start_date BETWEEN coalesce(g.start_date, a.start_date)
			                             AND coalesce(g.end_date, a.start_date)) o
			GROUP BY side
			ORDER BY 1 DESC""";

	/**
	 * The activities, of the programme or project {@code g} the joins ({@code %s}) name, that start by a new end but
	 * would end more than {@link Activity#DAYS_PAST_END} days after it, counted with the first three named: an
	 * activity's end by mutation lies within them too (those starting after are told by {@link #OUTSIDE}, those
	 * ending after the present bound stop nothing).
	 */
	private static final String ENDING = """
			SELECT 'input.endDate', count(*)
			       || CASE WHEN count(*) = 1 THEN ' activity of it ends ' ELSE ' activities of it end ' END
			       || 'more than %2$d days after it ('
			       || array_to_string((array_agg(a.code || ' on ' || a.end_date ORDER BY a.end_date DESC, a.code))[1 : 3],
			                          ', ')
			       || CASE WHEN count(*) > 3 THEN ', ...' ELSE '' END || '); move their ends first'
			FROM %1$s
			WHERE g.id = :id AND a.start_date <= CAST(:end AS date) AND a.end_date > CAST(:end AS date) + %2$d
			  AND a.end_date <= coalesce(g.end_date + %2$d, a.end_date)
			HAVING count(*) > 0""";

	private final JdbcClient jdbc;

	ActivityDates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The start of an activity created or moved by mutation, where given, within its project's dates and its
	 * programme's: a sheet records what took place, and only warns of a start outside its project's dates. Its stored
	 * start ({@code given} false), checked against the project it moves to, is told as the move's problem.
	 */
	static void checkStart(Project project, Programme programme, LocalDate start, boolean given,
			Validation validation) {
		if (start == null) {
			return;
		}
		var outsideProgramme = outside(start, "programme " + programme.code(), programme.startDate(),
				programme.endDate());
		var outsideProject = outside(start, "project " + project.code(), project.startDate(), project.endDate());
		if (outsideProgramme != null) {
			problem(validation, project, "input.startDate", "start", start, given, outsideProgramme
					+ ": its indicators would count none of its participations; an admin may move the programme's dates");
		}
		else if (outsideProject != null) {
			problem(validation, project, "input.startDate", "start", start, given, outsideProject
					+ ": an admin may move the project's dates, or the right project be given (input.project)");
		}
	}

	/**
	 * The end of an activity created or changed by mutation, where given, by its programme's end and its project's,
	 * as its start is held within them, or at most {@link Activity#DAYS_PAST_END} days after (one under way at that
	 * end): a mistyped year made a training of 73 years. A sheet warns of an end after its project's ({@code
	 * PlausibilityChecks}).
	 */
	static void checkEnd(Project project, Programme programme, LocalDate end, boolean given, Validation validation) {
		// a start refused already says where the activity must lie
		if (end == null || validation.refused("input.endDate") || validation.refused("input.startDate")
				|| validation.refused("input.project")) {
			return;
		}
		var past = " by more than " + DAYS_PAST_END + " days, which an activity under way then may last past it";
		if (programme.endDate() != null && end.isAfter(programme.endDate().plusDays(DAYS_PAST_END))) {
			problem(validation, project, "input.endDate", "end", end, given, "After its programme "
					+ programme.code() + " ends (" + programme.endDate() + ")" + past
					+ ": an admin may move the programme's dates");
		}
		else if (project.endDate() != null && end.isAfter(project.endDate().plusDays(DAYS_PAST_END))) {
			problem(validation, project, "input.endDate", "end", end, given, "After its project " + project.code()
					+ " ends (" + project.endDate() + ")" + past
					+ ": an admin may move the project's dates, or the right project be given (input.project)");
		}
	}

	/**
	 * The problem of a day given, or of the stored day an activity moving to another project keeps: told as the
	 * move's, which is what the caller sent (a tester was told of input.endDate, never sent), with the project as
	 * its value (it had the day).
	 */
	private static void problem(Validation validation, Project project, String argument, String which, LocalDate day,
			boolean given, String message) {
		if (given) {
			validation.problem(argument, day, message);
		}
		else {
			validation.problem("input.project", project.code(), "Its " + which + " (" + day + ") falls "
					+ Character.toLowerCase(message.charAt(0)) + message.substring(1) + "; give a new "
					+ argument.substring("input.".length()) + " with the move");
		}
	}

	/** Why the day is outside the dates of what is named, or null. */
	private static String outside(LocalDate day, String what, LocalDate first, LocalDate last) {
		return first != null && day.isBefore(first) ? "Before its " + what + " starts (" + first + ")"
				: last != null && day.isAfter(last) ? "After its " + what + " ends (" + last + ")" : null;
	}

	/**
	 * No one takes part in an activity that starts before the year they were born in (as sheets are checked): an
	 * earlier start is refused when people born after its year took part. A partner is told how many, not who; and
	 * where people other organizations recorded too took part, a partner moves it to no earlier year at all: checked
	 * against their stored years, as an admin's move is, the answer would tell those years (left unchecked, a
	 * partner's move put one at age -6, whose year an admin could then not restate).
	 */
	void bornAfter(long activity, LocalDate start, Caller caller, Validation validation) {
		boolean partner = caller.is(Role.PARTNER);
		if (partner && this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM participation here WHERE here.activity_id = :activity AND %s)"""
			.formatted(PartnerScope.hostedElsewhere("here.participant_id")))
			.param("activity", activity)
			.param("organizations", caller.organizations().toArray(Long[]::new))
			.query(Boolean.class)
			.single()) {
			validation.problem("input.startDate", start, PartnerScope.EARLIER_FOR_ADMIN);
			return;
		}
		// an erased person's reference is not named: nothing links it to the old one (see ActivityDeletion)
		this.jdbc.sql("""
				SELECT count(*), (array_agg(pt.ref ORDER BY pt.ref) FILTER (WHERE NOT %s))[1 : 3]
				FROM participation pn JOIN participant pt ON pt.id = pn.participant_id
				WHERE pn.activity_id = :activity AND pt.birth_year > :year
				HAVING count(*) > 0""".formatted(ErasedReferences.erased("pt.ref")))
			.param("activity", activity)
			.param("year", start.getYear())
			.query((ResultSet rs) -> {
				int people = rs.getInt(1);
				var refs = partner || rs.getArray(2) == null ? ""
						: Text.namedAmong((String[]) rs.getArray(2).getArray(), people);
				validation.problem("input.startDate", start, "It would start before " + (people == 1
						? "a participant stored at it was born" : people + " of the participants stored at it were born")
						+ refs);
			});
	}

	@Override
	public void checkMove(long programme, LocalDate start, LocalDate end, Validation validation) {
		var joins = "activity a JOIN project p ON p.id = a.project_id JOIN programme g ON g.id = p.programme_id";
		WithinProgramme.problems(this.jdbc, OUTSIDE.formatted(joins,
				": its indicators would no longer count their participations"), programme, start, end, validation);
		WithinProgramme.problems(this.jdbc, ENDING.formatted(joins, DAYS_PAST_END), programme, start, end, validation);
	}

	/**
	 * A project's dates hold the activities they hold now, as its programme's do: narrowed past one, the project is
	 * published (IATI) as over before an activity of it, or run for a shorter time than its activities say.
	 */
	@Override
	public void checkProjectMove(long project, LocalDate start, LocalDate end, Validation validation) {
		var joins = "activity a JOIN project g ON g.id = a.project_id";
		WithinProgramme.problems(this.jdbc, OUTSIDE.formatted(joins, ""), project, start, end, validation);
		WithinProgramme.problems(this.jdbc, ENDING.formatted(joins, DAYS_PAST_END), project, start, end, validation);
	}

}
