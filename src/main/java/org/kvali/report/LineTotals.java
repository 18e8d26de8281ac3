package org.kvali.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The distinct participants each line of a breakdown is told with: the whole breakdown's are its totals, and a line
 * that varies one dimension (the groups of one project by group of ages) is a group of the breakdown by the other
 * dimensions, which the caller can ask beside it. Where a person can be in several groups of the line (two ages, two
 * years, two projects), the line's groups add up to more people than it holds, and its total less the groups shown
 * tells the people of the withheld ones better than their sum; where a person is in one group alone (by gender,
 * region, municipality or disability), the sum is exact and no total is needed ({@code byDimension} leaves it out).
 * The groups of the breakdown by the other dimensions are keyed by their values in the dimensions' own order, and
 * so are those it withholds from the caller ({@code withheldRows}, by the dimension the line varies).
 * {@code within} are the coarser dimensions the groups' values lie in ({@link Within}).
 */
public record LineTotals(int whole, Map<Dimension, Map<List<Object>, Integer>> byDimension, List<Within> within,
		Map<Dimension, Set<List<Object>>> withheldRows) {

	/** What a finer value lying in no coarser one the index knows is looked up as (its coarser value may be null). */
	static final Object NOT_WITHIN = new Object();

	public LineTotals(int whole, Map<Dimension, Map<List<Object>, Integer>> byDimension) {
		this(whole, byDimension, List.of(), Map.of());
	}

	/**
	 * Whether the breakdown by the dimensions other than {@code varying} withholds from the caller the group of these
	 * values ({@code rest}, in the dimensions' own order): the total of the line of groups that vary it alone.
	 */
	boolean withheld(Dimension varying, List<Object> rest) {
		var withheld = this.withheldRows.get(varying);
		return withheld != null && withheld.contains(rest);
	}

	/**
	 * The participants of the line of groups that vary {@code varying} alone, of these values of the other dimensions
	 * ({@code rest}, in the dimensions' own order), or null where they are the sum of its groups or not known.
	 */
	Integer row(Dimension varying, List<Object> rest) {
		var totals = this.byDimension.get(varying);
		// a row the breakdown by the others lacks has no one
		return totals == null ? null : totals.getOrDefault(rest, 0);
	}

	/**
	 * Whether the lines that vary this dimension alone are told a total ({@link #row}) or may be withheld ({@link
	 * #withheld}).
	 */
	boolean weighsRows(Dimension varying) {
		return this.byDimension.containsKey(varying) || this.withheldRows.containsKey(varying);
	}

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
				var rest = new ArrayList<>();
				for (var other : dimensions.stream().sorted().toList()) {
					if (other != dimensions.get(d)) {
						rest.add(first.get(dimensions.indexOf(other)));
					}
				}
				return row(dimensions.get(d), rest);
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

	/**
	 * The lines of groups whose values of one dimension lie in one value of a coarser one it is not broken down by
	 * (the municipalities of a region, with the other dimensions' values alike), each with the participants of that
	 * value and whether the breakdown by the coarser one withholds it: those of a group of no value lie in the one
	 * coarser value they all lie in (no organization, no kind), else in none (no known municipality), and are left out.
	 */
	public <T> List<WithinLine<T>> within(List<T> items, List<Dimension> dimensions, Function<T, List<Object>> key) {
		var lines = new ArrayList<WithinLine<T>>();
		// each item's key read once for all the coarser dimensions (an activity lies in five)
		List<List<Object>> keys = null;
		for (var within : this.within) {
			int at = dimensions.indexOf(within.finer());
			if (at < 0) {
				continue;
			}
			if (keys == null) {
				keys = items.stream().map(key).toList();
			}
			var told = within.told(dimensions);
			var byKey = new LinkedHashMap<List<Object>, List<T>>();
			for (int n = 0; n < keys.size(); n++) {
				var values = keys.get(n);
				var coarse = within.coarserOf().getOrDefault(values.get(at), NOT_WITHIN);
				if (coarse != NOT_WITHIN) {
					byKey.computeIfAbsent(within.key(values, dimensions, told, coarse), line -> new ArrayList<>())
						.add(items.get(n));
				}
			}
			byKey.forEach((line, groups) -> lines.add(new WithinLine<>(groups,
					within.participants().getOrDefault(line, 0), within.withheld().contains(line), within.finer(),
					within.coarser(), told, line)));
		}
		return lines;
	}

	/**
	 * The participants of the coarser value of a line within one ({@link #within}) among these totals' (a share's
	 * numerator's, where the line is its whole's): 0 where they have none of it, null where they are not told within
	 * that coarser dimension.
	 */
	public Integer participants(WithinLine<?> line) {
		return this.within.stream()
			.filter(within -> within.finer() == line.finer() && within.coarser() == line.coarser())
			.findFirst()
			.map(within -> within.participants().getOrDefault(line.key(), 0))
			.orElse(null);
	}

	/** Whether a breakdown by these has lines within coarser values: a dimension it has lies in one it has not. */
	public static boolean anyWithin(List<Dimension> by) {
		return BreakdownBeside.of(by.stream().sorted().toList()).stream().anyMatch(beside -> !beside.byOthers());
	}

	/**
	 * The groups within one coarser value, its participants, whether the breakdown by the coarser dimension withholds
	 * it from the caller (a share's split asks the split by that dimension instead), and which it is: the finer
	 * dimension, the coarser, the breakdown's dimensions with the coarser one in the finer one's place, sorted
	 * ({@code told}), and its key by them.
	 */
	public record WithinLine<T>(List<T> groups, int participants, boolean withheld, Dimension finer, Dimension coarser,
			List<Dimension> told, List<Object> key) {
	}

	/**
	 * A coarser dimension that each value of a finer one lies in, the participants of each of its groups by it and
	 * the breakdown's other dimensions (keyed by their values in the dimensions' own order), and those of its groups
	 * that breakdown withholds from the caller: a region's people are those of its municipalities and those of no
	 * known municipality placed in it by their organization, so the breakdown by region less the municipalities shown
	 * would tell the latter, or a municipality withheld alone; and a region withheld there is the sum of its
	 * municipalities where all are shown.
	 */
	public record Within(Dimension finer, Dimension coarser, Map<Object, Object> coarserOf,
			Map<List<Object>, Integer> participants, Set<List<Object>> withheld) {

		/** The dimensions the participants are keyed by: the breakdown's, the coarser one for the finer. */
		List<Dimension> told(List<Dimension> dimensions) {
			return BreakdownBeside.inPlace(dimensions, this.finer, this.coarser);
		}

		/** The key of a group of these values, its finer value lying in {@code coarse}, by the dimensions told. */
		List<Object> key(List<Object> values, List<Dimension> dimensions, List<Dimension> told, Object coarse) {
			var key = new ArrayList<>(dimensions.size());
			for (var dimension : told) {
				key.add(dimension == this.coarser ? coarse : values.get(dimensions.indexOf(dimension)));
			}
			return key;
		}

	}

}
