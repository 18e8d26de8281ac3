package org.kvali.demo;

import java.time.LocalDate;
import java.util.List;

/** The rows of the demo dataset, keyed by codes so they can be written without knowing database ids. */
final class DemoRows {

	private DemoRows() {
	}

	record Org(String code, String name, String nameKa, String kind, String municipality, String region) {
	}

	record Person(String ref, String gender, Integer birthYear, Boolean disability, String home, String org,
			String fullName) {
	}

	record Event(String code, String project, String kind, String title, String titleKa, LocalDate start,
			LocalDate end, String venue, String venueName, String organizer, List<String> topics) {
	}

	record Attendance(String activity, String participant, String org, String role, int days) {
	}

}
