package org.kvali.activity;

import java.time.LocalDate;
import java.util.List;

/** An event of a project; its project, venue and organizer are loaded by their own fields. */
public record Activity(long id, String code, long projectId, ActivityKind kind, String title, String titleKa,
		LocalDate startDate, LocalDate endDate, String venueCode, String venueName, Long organizerId,
		List<String> topics) {

	/**
	 * The days an activity under way at its programme's or project's end may last past it: a training from 29 December
	 * to 3 January in a programme's last week was loaded from a sheet, then could not be corrected (a tester's).
	 * Longer is refused, by mutation and by sheet alike.
	 */
	public static final int DAYS_PAST_END = 31;

}
