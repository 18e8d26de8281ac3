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
				SELECT 'input.startDate', 'Project ' || code || ' starts on ' || start_date || ', before it'
				FROM project WHERE programme_id = :programme AND start_date < CAST(:start AS date)
				UNION ALL
				SELECT 'input.endDate', 'Project ' || code || ' ends on ' || end_date || ', after it'
				FROM project WHERE programme_id = :programme AND end_date > CAST(:end AS date)
				ORDER BY 1 DESC, 2""", programme, start, end, validation);
	}

	/** A project's start and end, where given, within its programme's. */
	static void checkProject(Programme programme, LocalDate start, LocalDate end, Validation validation) {
		if (start != null && programme.startDate() != null && start.isBefore(programme.startDate())) {
			validation.problem("input.startDate", start, "Before its programme starts (" + programme.startDate() + ")");
		}
		if (end != null && programme.endDate() != null && end.isAfter(programme.endDate())) {
			validation.problem("input.endDate", end, "After its programme ends (" + programme.endDate() + ")");
		}
	}

}
