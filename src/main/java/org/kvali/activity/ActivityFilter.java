package org.kvali.activity;

import java.time.LocalDate;
import java.util.List;

/** The schema's ActivityFilter; null fields select everything. */
public record ActivityFilter(String programme, String project, List<ActivityKind> activityKinds,
		List<String> venueRegions, List<String> venueMunicipalities, List<String> organizers, LocalDate from,
		LocalDate to) {

	static final ActivityFilter ALL = new ActivityFilter(null, null, null, null, null, null, null, null);

}
