package org.kvali.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Whether any breakdown beside a partner's (by some of its dimensions, or a coarser one in a finer one's place, and
 * those beside these in turn) may hold a small group as it is weighed asked alone, told from the partner's groups
 * without counting: where none may, nothing beside them is withheld, and their line totals and replays, a scan each
 * over the strangers and over everyone, are not needed. Asked where the groups hold none of 1 to k-1 and some of the
 * partner's own people alone shown by their key (weighed as none). A group beside them holds the strangers of each of
 * its groups, so at least k where one is theirs; it holds the partner's own people alone where all of its groups do,
 * and is then small unless its own key holds them ({@link OwnKeys}), as in the question, and when held its neighbours
 * are weighed in turn. Where unsure (no index to read a project's programme from, a dimension leaving some people
 * out of its coarser values' lines), it answers that one may.
 */
final class OwnGroupsBeside {

	/** A group beside the question's: its values, and whether it holds the partner's own people alone. */
	private record Beside(Map<Dimension, Object> values, boolean own) {
	}

	private final FactIndex index;

	private final Grouping grouping;

	private final Function<List<Dimension>, OwnKeys> ownKeys;

	private final int k;

	OwnGroupsBeside(FactIndex index, Grouping grouping, Function<List<Dimension>, OwnKeys> ownKeys, int k) {
		this.index = index;
		this.grouping = grouping;
		this.ownKeys = ownKeys;
		this.k = k;
	}

	/** Whether a breakdown beside these weighed groups by {@code by} may hold a small group. */
	boolean maySmall(List<Dimension> by, List<ParticipationGroup> weights) {
		if (Dimension.leaveSomeOut(by)
				|| weights.stream().anyMatch(weight -> SmallCells.tooSmall(weight.participants(), this.k))) {
			return true;
		}
		var dimensions = by.stream().sorted().toList();
		var groups = new ArrayList<Beside>(weights.size());
		for (var weight : weights) {
			var values = new EnumMap<Dimension, Object>(Dimension.class);
			var key = weight.values(dimensions);
			for (int d = 0; d < dimensions.size(); d++) {
				values.put(dimensions.get(d), key.get(d));
			}
			groups.add(new Beside(values, weight.participants() == 0));
		}
		return maySmall(dimensions, groups, new HashSet<>());
	}

	private boolean maySmall(List<Dimension> dimensions, List<Beside> groups, Set<List<Dimension>> seen) {
		for (var beside : BreakdownBeside.of(dimensions)) {
			if (seen.add(beside.by()) && maySmallBeside(beside.finer(), beside.coarser(), beside.by(), groups, seen)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the breakdown by {@code told} may: without {@code finer}, or with {@code coarser} (null for none) in its
	 * place.
	 */
	private boolean maySmallBeside(Dimension finer, Dimension coarser, List<Dimension> told, List<Beside> groups,
			Set<List<Dimension>> seen) {
		if (Dimension.leaveSomeOut(told)) {
			return true;
		}
		var merged = new LinkedHashMap<List<Object>, Beside>();
		for (var group : groups) {
			var values = new EnumMap<Dimension, Object>(Dimension.class);
			for (var dimension : told) {
				if (dimension == coarser) {
					var value = coarser(finer, coarser, group);
					if (value == NONE) {
						return true;
					}
					values.put(dimension, value);
				}
				else {
					values.put(dimension, group.values().get(dimension));
				}
			}
			var key = told.stream().map(values::get).toList();
			var known = merged.get(key);
			merged.put(key, new Beside(values, (known == null || known.own()) && group.own()));
		}
		var own = merged.values().stream().filter(Beside::own).toList();
		if (own.isEmpty()) {
			// every group holds some strangers, at least k: none is small, and nothing beside it is weighed
			return false;
		}
		var keys = this.ownKeys.apply(told);
		if (own.stream().anyMatch(group -> !keys.holds(group.values()))) {
			return true;
		}
		return maySmall(told, List.copyOf(merged.values()), seen);
	}

	/** A coarser value not known. */
	private static final Object NONE = new Object();

	/**
	 * The coarser value of the group's finer one: a period's from the first day its key names (a month in place of
	 * an activity beside a breakdown by year is not the year of the groups merged into it), others' from the index.
	 */
	private Object coarser(Dimension finer, Dimension coarser, Beside group) {
		var value = group.values().get(finer);
		if (finer.isPeriod()) {
			var period = value instanceof String key ? Period.ofKey(key) : Optional.<Period>empty();
			return period.isEmpty() ? NONE
					: Period.holding(coarser, period.get().start(), this.grouping.yearStart()).key();
		}
		var of = this.index.storedCoarser(finer, coarser);
		return of != null && of.knows(value) ? of.coarser(value) : NONE;
	}

}
