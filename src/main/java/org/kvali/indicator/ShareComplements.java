package org.kvali.indicator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

import org.kvali.report.Dimension;
import org.kvali.report.LineTotals;
import org.kvali.report.ParticipationGroup;
import org.kvali.report.SmallCells;

/**
 * Complementary withholding in a split share, as in a breakdown: the groups of a line (those that differ in one
 * dimension only, and the whole split) add up to the indicator's whole, so one group left out alone was the whole
 * minus the others (a tester's: 5 women of 7 trained with a disability, from the actual and the two groups shown).
 * Where one group of a line is left out, or those left out number 1 to k-1 people in the numerator or in the rest
 * (none tells nothing of anyone: the men of a share of women have none by definition), the smallest other is left
 * out too, until nothing changes. So too where the line's numerator, or its rest, told by the breakdowns beside it
 * ({@link LineTotals}), less the groups shown, is 1 to k-1: where people are in several groups (two years, two groups
 * of ages), those left out add up to more than that, as in a breakdown ({@code SmallCells}). The groups within a
 * coarser value they lie in and the split is not by (a region's municipalities) are a line too, told by the split by
 * that value beside it, with its people beyond them (of no known municipality). And a line with none left out whose
 * total the split beside it withholds as a group (by the row's other dimensions, by the coarser value) would tell
 * that total shown whole, and gives up one of its groups.
 */
final class ShareComplements {

	/** One group of the whole: its key, its numerator's people and the whole's. */
	record Share(List<Object> key, int numerator, int whole) {

		int rest() {
			return this.whole - this.numerator;
		}

	}

	private ShareComplements() {
	}

	/**
	 * A line of groups, the participants of the numerator and of the whole it is told with (either null where
	 * unknown), whether it is within a coarser value, and whether the split beside it that has its total as a group
	 * withholds that group.
	 */
	private record Line(List<Share> shares, Supplier<Integer> numerator, Supplier<Integer> whole, boolean within,
			BooleanSupplier toldWithheld) {
	}

	/**
	 * The keys of the groups to leave out as well, given those left out already, each line weighed against the
	 * participants of the numerator and of the whole it is told with, and against the split beside it that has its
	 * total as a group: {@code withheldBeside} gives the keys of the groups a split by these sorted dimensions
	 * withholds, by their values in that order.
	 */
	static Set<List<Object>> more(List<Share> shares, Set<List<Object>> leftOut, List<Dimension> by, int k,
			Supplier<LineTotals> numeratorTotals, Supplier<LineTotals> wholeTotals,
			Function<List<Dimension>, Set<List<Object>>> withheldBeside) {
		// the rows' totals counted only where a line's sums do not decide (a breakdown more of each for each row's
		// dimension)
		var numerators = once(numeratorTotals);
		var wholes = once(wholeTotals);
		var hidden = new HashSet<>(leftOut);
		var lines = new ArrayList<Line>();
		SmallCells.rows(shares, by.size(), Share::key, (varying, rest, line) -> {
			var told = by.stream().filter(dimension -> dimension != by.get(varying)).sorted().toList();
			var key = told.stream().map(dimension -> line.get(0).key().get(by.indexOf(dimension))).toList();
			lines.add(new Line(line, () -> numerators.get().of(line, shares, Share::key, by),
					() -> wholes.get().of(line, shares, Share::key, by), false,
					() -> withheldBeside.apply(told).contains(key)));
		});
		// the lines within coarser values: a region's share less its municipalities' shown told the one left out
		// alone
		if (LineTotals.anyWithin(by)) {
			for (var within : wholes.get().within(shares, by, Share::key)) {
				lines.add(new Line(within.groups(), () -> numerators.get().participants(within), within::participants,
						true, () -> withheldBeside.apply(within.told()).contains(within.key())));
			}
		}
		// the whole last, told by the actual, withheld beside none shown
		lines.add(new Line(shares, () -> numerators.get().whole(), () -> wholes.get().whole(), false, () -> false));
		for (int before = -1; before != hidden.size();) {
			before = hidden.size();
			for (var line : lines) {
				var out = line.shares().stream().filter(share -> hidden.contains(share.key())).toList();
				if (out.size() < line.shares().size() && exposes(out, line, k)) {
					line.shares().stream()
						.filter(share -> !hidden.contains(share.key()))
						.min(Comparator.comparingInt(Share::whole).thenComparing(Share::key, ParticipationGroup.KEY_ORDER))
						.ifPresent(share -> hidden.add(share.key()));
				}
			}
		}
		hidden.removeAll(leftOut);
		return hidden;
	}

	/**
	 * Whether the line, told with its numerator and its whole, tells a group left out, 1 to k-1 people of either, or
	 * a total the split beside it withholds:
	 * <ul>
	 * <li>where none is left out, where that split withholds its total as a group (a region withheld by region, all
	 * its municipalities shown), or where people beyond the line's groups (a region's of no known municipality) are 1
	 * to k-1 in the numerator or in the rest (2 women of no known municipality in a region whose municipalities held
	 * 20 women and 20 others);</li>
	 * <li>where one group alone is left out, as the line's less the others, unless people beyond the line's groups
	 * are 1 to k-1 and so with it more than that;</li>
	 * <li>where those left out number 1 to k-1 in the numerator or in the rest, added up or as the line's less the
	 * groups shown.</li>
	 * </ul>
	 */
	private static boolean exposes(List<Share> out, Line line, int k) {
		if (out.isEmpty() && !line.within()) {
			return line.toldWithheld().getAsBoolean();
		}
		int outNumerator = out.stream().mapToInt(Share::numerator).sum();
		int outRest = out.stream().mapToInt(Share::rest).sum();
		if (SmallCells.tooSmall(outNumerator, k) || SmallCells.tooSmall(outRest, k)
				|| (out.size() == 1 && !line.within())) {
			return true;
		}
		var numerator = line.numerator().get();
		var whole = line.whole().get();
		int shownNumerator = line.shares().stream().mapToInt(Share::numerator).sum() - outNumerator;
		int shownRest = line.shares().stream().mapToInt(Share::rest).sum() - outRest;
		if (line.within()) {
			// only a line within a coarser value has people beyond its groups (its totals are always counted)
			if (numerator == null || whole == null) {
				return true;
			}
			boolean fewBeyond = SmallCells.tooSmall(numerator - shownNumerator - outNumerator, k)
					|| SmallCells.tooSmall(whole - numerator - shownRest - outRest, k);
			if (out.isEmpty()) {
				return fewBeyond || line.toldWithheld().getAsBoolean();
			}
			if (out.size() == 1 && !fewBeyond) {
				return true;
			}
		}
		return numerator != null && (SmallCells.tooSmall(numerator - shownNumerator, k)
				|| whole != null && SmallCells.tooSmall(whole - numerator - shownRest, k));
	}

	/** The value, asked for once at its first use. */
	private static <T> Supplier<T> once(Supplier<T> value) {
		var kept = new ArrayList<T>(1);
		return () -> {
			if (kept.isEmpty()) {
				kept.add(value.get());
			}
			return kept.get(0);
		};
	}

}
