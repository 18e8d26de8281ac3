package org.kvali.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The distinct participants each line of a breakdown is told with: the whole breakdown's are its totals, and a line
 * that varies one dimension (the groups of one project by group of ages) is a group of the breakdown by the other
 * dimensions, which the caller can ask beside it. Where a person can be in several groups of the line (two ages, two
 * years, two projects), the line's groups add up to more people than it holds, and its total less the groups shown
 * tells the people of the withheld ones better than their sum; where a person is in one group alone (by gender,
 * region, municipality or disability), the sum is exact and no total is needed ({@code byDimension} leaves it out).
 * The groups of the breakdown by the other dimensions are keyed by their values in the dimensions' own order.
 */
public record LineTotals(int whole, Map<Dimension, Map<List<Object>, Integer>> byDimension) {

	/** The whole breakdown's participants alone. */
	static LineTotals whole(int participants) {
		return new LineTotals(participants, Map.of());
	}

	/**
	 * The participants of the line holding the two groups of these keys (their values of {@code dimensions}, in that
	 * order), which differ in one dimension only, or null where they are the sum of its groups or not known.
	 */
	Integer of(List<Object> first, List<Object> second, List<Dimension> dimensions) {
		for (int d = 0; d < dimensions.size(); d++) {
			if (!Objects.equals(first.get(d), second.get(d))) {
				var totals = this.byDimension.get(dimensions.get(d));
				if (totals == null) {
					return null;
				}
				var rest = new ArrayList<>();
				for (var other : dimensions.stream().sorted().toList()) {
					if (other != dimensions.get(d)) {
						rest.add(first.get(dimensions.indexOf(other)));
					}
				}
				// a row the breakdown by the others lacks has no one
				return totals.getOrDefault(rest, 0);
			}
		}
		return null;
	}

	/** The participants the line is told with, as {@link #of}: the whole's when it holds every group. */
	public <T> Integer of(List<T> line, List<T> all, Function<T, List<Object>> key,
			List<Dimension> dimensions) {
		if (line == all) {
			return this.whole;
		}
		return line.size() < 2 ? null : of(key.apply(line.get(0)), key.apply(line.get(1)), dimensions);
	}

}
