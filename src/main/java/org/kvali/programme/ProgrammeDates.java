package org.kvali.programme;

import java.sql.ResultSet;
import java.time.LocalDate;

import org.kvali.graphql.Validation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What lies within a programme's dates: its projects, and the periods of its indicators' targets and reported values
 * (which setIndicatorTargets and reportIndicatorValue refuse outside them). Moving a programme's start or end past
 * one of them is refused, naming it: the targets and values would stay stored, no longer counted, and could not be
 * set again. A project's own dates lie within its programme's.
 */
@Repository
class ProgrammeDates {

	private final JdbcClient jdbc;

	ProgrammeDates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Adds a problem to {@code input.startDate} or {@code input.endDate} for each project, target or reported value
	 * the new start or end (either null when unchanged) would leave outside the programme.
	 */
	void checkMove(long programme, LocalDate start, LocalDate end, Validation validation) {
		this.jdbc.sql("""
				SELECT 'input.startDate', 'Project ' || code || ' starts on ' || start_date || ', before it'
				FROM project WHERE programme_id = :programme AND start_date < CAST(:start AS date)
				UNION ALL
				SELECT 'input.endDate', 'Project ' || code || ' ends on ' || end_date || ', after it'
				FROM project WHERE programme_id = :programme AND end_date > CAST(:end AS date)
				UNION ALL
				SELECT DISTINCT CASE WHEN p.period_end < CAST(:start AS date) THEN 'input.startDate' ELSE 'input.endDate' END,
				       'Indicator ' || i.code || ' has ' || p.what || ' for ' || p.period_key || ', which would lie outside it'
				FROM indicator i
				JOIN (SELECT indicator_id, period_key, period_start, period_end, 'a target' AS what FROM indicator_target
				      UNION ALL
				      SELECT indicator_id, period_key, period_start, period_end, 'a value reported' FROM indicator_value) p
				  ON p.indicator_id = i.id
				WHERE i.programme_id = :programme
				  AND (p.period_end < CAST(:start AS date) OR p.period_start > CAST(:end AS date))
				ORDER BY 1 DESC, 2""")
			.param("programme", programme)
			.param("start", start)
			.param("end", end)
			.query((ResultSet rs) -> {
				validation.problem(rs.getString(1), rs.getString(1).equals("input.startDate") ? start : end,
						rs.getString(2));
			});
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
