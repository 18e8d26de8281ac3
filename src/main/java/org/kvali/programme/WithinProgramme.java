package org.kvali.programme;

import java.sql.ResultSet;
import java.time.LocalDate;

import org.kvali.graphql.Validation;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What lies within a programme's dates and must stay there when they move: its projects ({@link ProgrammeDates}),
 * and, kept by their features, the periods of its indicators' targets and reported values, and its activities.
 */
public interface WithinProgramme {

	/**
	 * Adds a problem to {@code input.startDate} or {@code input.endDate} for each item the new start or end (either
	 * null when unchanged) would leave outside the programme.
	 */
	void checkMove(long programme, LocalDate start, LocalDate end, Validation validation);

	/**
	 * Adds a problem to {@code input.yearStart} for each item that would not be of the programme's years were they to
	 * begin in month {@code yearStart}.
	 */
	default void checkYearStart(long programme, int yearStart, Validation validation) {
	}

	/**
	 * Runs {@code sql}, which binds {@code :id} (of the programme, or project, whose dates move), {@code :start} and
	 * {@code :end} and gives the argument ({@code input.startDate} or {@code input.endDate}) and the message of each
	 * problem, into {@code validation}.
	 */
	static void problems(JdbcClient jdbc, String sql, long id, LocalDate start, LocalDate end,
			Validation validation) {
		jdbc.sql(sql)
			.param("id", id)
			.param("start", start)
			.param("end", end)
			.query((ResultSet rs) -> {
				validation.problem(rs.getString(1), rs.getString(1).equals("input.startDate") ? start : end,
						rs.getString(2));
			});
	}

}
