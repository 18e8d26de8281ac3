package org.kvali.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The distinct participants each line of a breakdown is told with: the whole breakdown's are its totals, and a line
 * that varies one dimension (the groups of one project by group of ages) is a group of the breakdown by the other
 * dimensions, which the caller can ask beside it. Where a person can be in several groups of the line (two ages, two
 * years, two projects), the line's groups add up to more people than it holds, and its total less the groups shown
 * tells the people of the withheld ones better than their sum; where a person is in one group alone (by gender,
 * region, municipality or disability), the sum is exact and no total is needed ({@code byDimension} leaves it out).
 */
record LineTotals(int whole, Map<Dimension, Map<List<Object>, Integer>> byDimension) {

	/** The whole breakdown's participants alone. */
	static LineTotals whole(int participants) {
		return new LineTotals(participants, Map.of());
	}

	/**
	 * The participants the line is told with, or null where they are the sum of its groups or not known: the line
	 * is the whole breakdown when it holds every group, else its groups differ in one of {@code dimensions} only.
	 */
	Integer of(List<ParticipationGroup> line, List<ParticipationGroup> all, List<Dimension> dimensions) {
		if (line == all) {
			return this.whole;
		}
		if (line.size() < 2) {
			return null;
		}
		var first = line.get(0).values(dimensions);
		var second = line.get(1).values(dimensions);
		for (int d = 0; d < dimensions.size(); d++) {
			if (!Objects.equals(first.get(d), second.get(d))) {
				var totals = this.byDimension.get(dimensions.get(d));
				if (totals == null) {
					return null;
				}
				var rest = new ArrayList<>(first);
				rest.remove(d);
				return totals.get(rest);
			}
		}
		return null;
	}

}
