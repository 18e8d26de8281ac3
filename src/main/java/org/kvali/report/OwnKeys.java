package org.kvali.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.kvali.activity.ActivityKind;

/**
 * Which groups of a partner's breakdown hold its own people alone by their keys: those no activity of others' that
 * the filter selects could fall in, told by what a group says of its activities (programme, project, venue, kind, the
 * activity, its organizer, its period). One of its own activities, of its organizations as organizer, a project or a
 * month only it ran. Decided on the activities alone, never on who took part.
 */
final class OwnKeys {

	/** What a group tells of an activity of others' the filter selects. */
	record Beyond(String programme, String project, String venueRegion, String venueMunicipality, ActivityKind kind,
			String activity, String organizer, LocalDate start) {

		/** Its values of these dimensions, as a group of them has them, its years from month {@code yearStart}. */
		List<Object> values(List<Dimension> dimensions, int yearStart) {
			var values = new ArrayList<Object>(dimensions.size());
			for (var dimension : dimensions) {
				values.add(switch (dimension) {
					case PROGRAMME -> this.programme;
					case PROJECT -> this.project;
					case VENUE_REGION -> this.venueRegion;
					case VENUE_MUNICIPALITY -> this.venueMunicipality;
					case ACTIVITY_KIND -> this.kind;
					case ACTIVITY -> this.activity;
					case ORGANIZER -> this.organizer;
					case YEAR, QUARTER, MONTH -> Period.holding(dimension, this.start, yearStart).key();
					default -> throw new IllegalArgumentException(dimension + " does not describe an activity");
				});
			}
			return values;
		}

	}

	private final List<Dimension> dimensions;

	private final Set<List<Object>> others;

	/**
	 * Of a breakdown by {@code by}, beside the values of its dimensions of activities ({@link #dimensions}) that
	 * activities of others' have.
	 */
	OwnKeys(List<Dimension> by, Set<List<Object>> others) {
		this.dimensions = dimensions(by);
		this.others = others;
	}

	/** The dimensions of {@code by} that describe activities, in its order. */
	static List<Dimension> dimensions(List<Dimension> by) {
		return by.stream().filter(dimension -> FactIndex.Level.of(dimension) == FactIndex.Level.ACTIVITY).toList();
	}

	/** The values of the dimensions of these activities of others', its periods' years from {@code yearStart}. */
	static Set<List<Object>> values(List<Beyond> beyond, List<Dimension> dimensions, int yearStart) {
		var values = new HashSet<List<Object>>();
		beyond.forEach(activity -> values.add(activity.values(dimensions, yearStart)));
		return values;
	}

	/**
	 * Whether the group holds the partner's own people alone by its key: no activity of others' is of its values
	 * (a breakdown by no dimension of activities has none such).
	 */
	boolean hold(ParticipationGroup group) {
		return !this.dimensions.isEmpty() && !this.others.contains(group.values(this.dimensions));
	}

}
