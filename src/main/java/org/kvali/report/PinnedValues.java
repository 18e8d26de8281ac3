package org.kvali.report;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The dimensions of codes that a filter leaves one value of (one programme or project, say): a breakdown by one of
 * them and others holds the groups of the breakdown by the others, each of that value. It rests on both paths
 * matching each list of codes exactly against the value their groups are read from ({@link Allowed}, {@link
 * ReportSql}): every row the filter leaves in has that code. Weighing a donor's breakdown of one project by activity
 * and gender counts, beside it, the breakdowns by project and gender and by gender alone; the first is then no scan, or
 * statement, of its own.
 */
final class PinnedValues {

	private final Map<Dimension, String> codes = new EnumMap<>(Dimension.class);

	PinnedValues(ParticipationFilter filter) {
		for (var dimension : ParticipationGroup.CODES) {
			var listed = filter.selected(dimension);
			if (listed != null && listed.stream().distinct().count() == 1) {
				this.codes.put(dimension, (String) listed.get(0));
			}
		}
	}

	/**
	 * The groups by these dimensions, participations and participants alone as the breakdowns weighed are counted,
	 * from the groups {@code breakdown} gives by all of them but a pinned one; null where none is pinned, or the one
	 * pinned is alone.
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
				return breakdown.apply(others)
					.stream()
					.map(group -> group.withCode(dimension, code).only(MeasureSet.PEOPLE))
					.toList();
			}
		}
		return null;
	}

}
