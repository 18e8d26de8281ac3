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

		/** Its values of these dimensions, as a group of them has them, its years beginning in month {@code yearStart}. */
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

	private final Set<List<Object>> others = new HashSet<>();

	/** Of a breakdown by {@code by}, beside these activities of others', its periods' years from {@code yearStart}. */
	OwnKeys(List<Beyond> beyond, List<Dimension> by, int yearStart) {
		this.dimensions = by.stream().filter(dimension -> FactIndex.Level.of(dimension) == FactIndex.Level.ACTIVITY)
			.toList();
		if (!this.dimensions.isEmpty()) {
			beyond.forEach(activity -> this.others.add(activity.values(this.dimensions, yearStart)));
		}
	}

	/**
	 * Whether the group holds the partner's own people alone by its key: no activity of others' is of its values
	 * (a breakdown by no dimension of activities has none such).
	 */
	boolean hold(ParticipationGroup group) {
		return !this.dimensions.isEmpty() && !this.others.contains(group.values(this.dimensions));
	}

}
