package org.kvali.report;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which groups of a partner's breakdown hold its own people alone by their keys: those no activity of others' that
 * the filter selects could fall in, told by what a group says of its activities (programme, project, venue, kind, the
 * activity, its organizer, its period). One of its own activities, of its organizations as organizer, a project or a
 * month only it ran. Decided on the activities alone, never on who took part.
 */
final class OwnKeys {

	private final List<Dimension> dimensions;

	private final Set<List<Object>> others;

	/**
	 * Of a breakdown by {@code by}, beside the keys of its dimensions of activities ({@link #dimensions}) that
	 * activities of others' have, as its groups are keyed ({@link FactIndex#valuesBeyond}).
	 */
	OwnKeys(List<Dimension> by, Set<List<Object>> others) {
		this.dimensions = dimensions(by);
		this.others = others;
	}

	/** The dimensions of {@code by} that describe activities, in its order. */
	static List<Dimension> dimensions(List<Dimension> by) {
		return by.stream().filter(dimension -> Level.of(dimension) == Level.ACTIVITY).toList();
	}

	/**
	 * Whether the group holds the partner's own people alone by its key: no activity of others' is of its values
	 * (a breakdown by no dimension of activities has none such).
	 */
	boolean hold(ParticipationGroup group) {
		return holdsKey(group.values(this.dimensions));
	}

	/** Whether a group of these values holds the partner's own people alone by its key ({@link #hold}). */
	boolean holds(Map<Dimension, Object> values) {
		return holdsKey(this.dimensions.stream().map(values::get).toList());
	}

	/** Whether a group keyed so by the dimensions of activities holds the partner's own people alone. */
	private boolean holdsKey(List<Object> key) {
		return !this.dimensions.isEmpty() && !this.others.contains(key);
	}

}
