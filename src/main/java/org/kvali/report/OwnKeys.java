package org.kvali.report;

import java.util.List;
import java.util.Set;

/**
 * The codes of a partner's activities and of its organizations as organizers: a breakdown's group by activity or
 * organizer of one of these holds the partner's own activities alone, and so its own people alone.
 */
record OwnKeys(Set<String> activities, Set<String> organizers) {

	OwnKeys {
		activities = Set.copyOf(activities);
		organizers = Set.copyOf(organizers);
	}

	/**
	 * Whether the group, of a breakdown by {@code by}, is one of the partner's activities or of its organizations (not
	 * the group of activities run by no one, whose code is null).
	 */
	boolean hold(ParticipationGroup group, List<Dimension> by) {
		return by.contains(Dimension.ACTIVITY) && group.activityCode() != null
				&& this.activities.contains(group.activityCode())
				|| by.contains(Dimension.ORGANIZER) && group.organizerCode() != null
						&& this.organizers.contains(group.organizerCode());
	}

}
