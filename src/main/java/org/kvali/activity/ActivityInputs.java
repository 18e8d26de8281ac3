package org.kvali.activity;

import java.time.LocalDate;
import java.util.List;

/** The inputs of the activity mutations, as the schema defines them. */
final class ActivityInputs {

	private ActivityInputs() {
	}

	record Create(String code, String project, ActivityKind kind, String title, String titleKa, LocalDate startDate,
			LocalDate endDate, String venue, String venueName, String organizer, List<String> topics) {
	}

	record Update(ActivityKind kind, String title, String titleKa, LocalDate startDate, LocalDate endDate,
			String venue, String venueName, String organizer, List<String> topics, String project) {
	}

}
