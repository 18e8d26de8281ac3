package org.kvali.programme;

import java.time.LocalDate;

import org.kvali.graphql.Validation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A programme's projects lie within its dates: a project's own dates, and the programme's when they move. */
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
				FROM project WHERE programme_id = :id AND coalesce(start_date, end_date) < CAST(:start AS date)
				UNION ALL
				SELECT 'input.endDate', 'Project ' || code || CASE WHEN end_date IS NOT NULL
				       THEN ' ends on ' || end_date ELSE ' starts on ' || start_date END || ', after it'
				FROM project WHERE programme_id = :id AND coalesce(end_date, start_date) > CAST(:end AS date)
				ORDER BY 1 DESC, 2""", programme, start, end, validation);
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
