package org.kvali.programme;

import java.time.LocalDate;

import org.kvali.graphql.Validation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A programme's projects lie within its dates: a project's own dates, and the programme's when they move; and the
 * activities it holds stay within them when they move.
 */
@Repository
class ProgrammeDates implements WithinProgramme {

	private final JdbcClient jdbc;

	ProgrammeDates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void checkMove(long programme, LocalDate start, LocalDate end, Validation validation) {
		WithinProgramme.problems(this.jdbc, """
				SELECT 'input.startDate', 'Project ' || code || CASE WHEN start_date IS NOT NULL
				       THEN ' starts on ' || start_date ELSE ' ends on ' || end_date END || ', before it'
				FROM project WHERE programme_id = :programme AND coalesce(start_date, end_date) < CAST(:start AS date)
				UNION ALL
				SELECT 'input.endDate', 'Project ' || code || CASE WHEN end_date IS NOT NULL
				       THEN ' ends on ' || end_date ELSE ' starts on ' || start_date END || ', after it'
				FROM project WHERE programme_id = :programme AND coalesce(end_date, start_date) > CAST(:end AS date)
				ORDER BY 1 DESC, 2""", programme, start, end, validation);
		// activities its dates hold now (those outside were never counted): indicators count no activity outside
		WithinProgramme.problems(this.jdbc, """
				SELECT side, count(*) || CASE WHEN count(*) = 1 THEN ' activity of it starts ' ELSE ' activities of it start ' END
				       || CASE side WHEN 'input.startDate' THEN 'before' ELSE 'after' END || ' it ('
				       || array_to_string((array_agg(code || ' on ' || start_date ORDER BY start_date, code))[1 : 3], ', ')
				       || CASE WHEN count(*) > 3 THEN ', ...' ELSE '' END
				       || '): its indicators would no longer count their participations; move them first'
				FROM (SELECT CASE WHEN a.start_date < CAST(:start AS date) THEN 'input.startDate' ELSE 'input.endDate' END AS side,
				             a.code, a.start_date
				      FROM activity a JOIN project p ON p.id = a.project_id JOIN programme g ON g.id = p.programme_id
				      WHERE g.id = :programme
				        AND (a.start_date < CAST(:start AS date) OR a.start_date > CAST(:end AS date))
				        AND a.start_date BETWEEN coalesce(g.start_date, a.start_date) AND coalesce(g.end_date, a.start_date)) o
				GROUP BY side
				ORDER BY 1 DESC""", programme, start, end, validation);
	}

	/** A project's start and end, each where given, within its programme's. */
	static void checkProject(Programme programme, LocalDate start, LocalDate end, Validation validation) {
		within("input.startDate", start, programme, validation);
		within("input.endDate", end, programme, validation);
	}

	private static void within(String argument, LocalDate day, Programme programme, Validation validation) {
		if (day != null && programme.startDate() != null && day.isBefore(programme.startDate())) {
			validation.problem(argument, day, "Before its programme starts (" + programme.startDate() + ")");
		}
		else if (day != null && programme.endDate() != null && day.isAfter(programme.endDate())) {
			validation.problem(argument, day, "After its programme ends (" + programme.endDate() + ")");
		}
	}

}
