package org.kvali.programme;

import java.time.LocalDate;

import org.kvali.graphql.Validation;

/**
 * What lies within a programme's dates and must stay there when they move: its projects ({@link ProgrammeDates}),
 * and, kept by the indicator feature, the periods of its indicators' targets and reported values.
 */
public interface WithinProgramme {

	/**
	 * Adds a problem to {@code input.startDate} or {@code input.endDate} for each item the new start or end (either
	 * null when unchanged) would leave outside the programme.
	 */
	void checkMove(long programme, LocalDate start, LocalDate end, Validation validation);

}
