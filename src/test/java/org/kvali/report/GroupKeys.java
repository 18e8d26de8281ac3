package org.kvali.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static java.util.Map.entry;

/** How each dimension of a breakdown is selected in GraphQL and read back as a key, for comparing with the oracle. */
final class GroupKeys {

	/** The groups of ages a breakdown by AGE_GROUP is asked for, as {@link ParticipationOracle} groups them. */
	static final String AGE_GROUP_STARTS = "[15, 25, 30]";

	/** Dimension → (field, sub-field or null); a group of ages is known by its youngest age. */
	static final Map<Dimension, String[]> FIELDS = Map.ofEntries(entry(Dimension.PROGRAMME, new String[] { "programme", "code" }),
			entry(Dimension.PROJECT, new String[] { "project", "code" }),
			entry(Dimension.REGION, new String[] { "region", "code" }),
			entry(Dimension.MUNICIPALITY, new String[] { "municipality", "code" }),
			entry(Dimension.VENUE_REGION, new String[] { "venueRegion", "code" }),
			entry(Dimension.VENUE_MUNICIPALITY, new String[] { "venueMunicipality", "code" }),
			entry(Dimension.ORGANIZATION, new String[] { "organization", "code" }),
			entry(Dimension.ORGANIZATION_KIND, new String[] { "organizationKind", null }),
			entry(Dimension.ORGANIZER, new String[] { "organizer", "code" }),
			entry(Dimension.GENDER, new String[] { "gender", null }),
			entry(Dimension.AGE_BAND, new String[] { "ageBand", null }),
			entry(Dimension.AGE_GROUP, new String[] { "ageGroup", "from" }),
			entry(Dimension.DISABILITY, new String[] { "disability", null }),
			entry(Dimension.ACTIVITY_KIND, new String[] { "activityKind", null }),
			entry(Dimension.ACTIVITY, new String[] { "activity", "code" }),
			entry(Dimension.ROLE, new String[] { "role", null }),
			entry(Dimension.YEAR, new String[] { "period", "key" }),
			entry(Dimension.QUARTER, new String[] { "period", "key" }),
			entry(Dimension.MONTH, new String[] { "period", "key" }));

	private GroupKeys() {
	}

	/** The arguments of a breakdown by these dimensions beside {@code by}. */
	static String arguments(List<Dimension> by) {
		return by.contains(Dimension.AGE_GROUP) ? ", ageGroupStarts: " + AGE_GROUP_STARTS : "";
	}

	static String selection(List<Dimension> by) {
		var fields = new ArrayList<String>();
		for (var dimension : by) {
			var field = FIELDS.get(dimension);
			fields.add(field[1] == null ? field[0] : field[0] + " { " + field[1] + " }");
		}
		return String.join(" ", fields) + " participations participants activities organizations";
	}

	@SuppressWarnings("unchecked")
	static String key(List<Dimension> by, Map<String, Object> group) {
		var parts = new ArrayList<String>();
		for (var dimension : by) {
			var field = FIELDS.get(dimension);
			Object value = group.get(field[0]);
			if (value != null && field[1] != null) {
				value = ((Map<String, Object>) value).get(field[1]);
			}
			parts.add(String.valueOf(value));
		}
		for (var measure : List.of("participations", "participants", "activities", "organizations")) {
			parts.add(String.valueOf(group.get(measure)));
		}
		return String.join("|", parts);
	}

}
