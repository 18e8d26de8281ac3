package org.kvali.report;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The dimensions of codes that a filter leaves one value of (one programme or project, say): a breakdown by one of
 * them and others holds the groups of the breakdown by the others, each of that value. Weighing a donor's breakdown
 * of one project by activity and gender counts the breakdown by project and gender beside it, and by gender alone;
 * the first is then no scan of its own.
 */
final class PinnedValues {

	private final Map<Dimension, String> codes = new EnumMap<>(Dimension.class);

	PinnedValues(ParticipationFilter filter) {
		pin(Dimension.PROGRAMME, filter.programmes());
		pin(Dimension.PROJECT, filter.projects());
		pin(Dimension.REGION, filter.regions());
		pin(Dimension.MUNICIPALITY, filter.municipalities());
		pin(Dimension.VENUE_REGION, filter.venueRegions());
		pin(Dimension.VENUE_MUNICIPALITY, filter.venueMunicipalities());
		pin(Dimension.ORGANIZATION, filter.organizations());
		pin(Dimension.ORGANIZER, filter.organizers());
		pin(Dimension.ACTIVITY, filter.activities());
	}

	private void pin(Dimension dimension, List<String> codes) {
		if (codes != null && !codes.isEmpty() && new HashSet<>(codes).size() == 1) {
			this.codes.put(dimension, codes.get(0));
		}
	}

	/**
	 * The groups by these dimensions, from the groups {@code breakdown} gives by all of them but a pinned one; null
	 * where none is pinned, or the one pinned is alone.
	 */
	List<ParticipationGroup> derived(List<Dimension> by,
			Function<List<Dimension>, List<ParticipationGroup>> breakdown) {
		if (by.size() < 2) {
			return null;
		}
		for (var dimension : by) {
			var code = this.codes.get(dimension);
			if (code != null) {
				var others = by.stream().filter(other -> other != dimension).toList();
				// a value the same in every group leaves their natural order as it is
				return breakdown.apply(others).stream().map(group -> group.withCode(dimension, code)).toList();
			}
		}
		return null;
	}

}
