package org.kvali.activity;

import java.time.LocalDate;
import java.util.List;

/** An event of a project; its project, venue and organizer are loaded by their own fields. */
public record Activity(long id, String code, long projectId, ActivityKind kind, String title, String titleKa,
		LocalDate startDate, LocalDate endDate, String venueCode, String venueName, Long organizerId,
		List<String> topics) {
}
