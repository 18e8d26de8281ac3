package org.kvali.programme;

import java.time.LocalDate;

import org.kvali.graphql.Validation;

/**
 * What lies within a project's dates and must stay there when they move: kept by their features, its activities and
 * the periods of its indicators' targets and reported values.
 */
public interface WithinProject {

	/**
	 * Adds a problem to {@code input.startDate} or {@code input.endDate} for what the new start or end (either null
	 * when unchanged) would leave outside the project ({@link WithinProgramme#problems} runs the statement).
	 */
	void checkProjectMove(long project, LocalDate start, LocalDate end, Validation validation);

}
