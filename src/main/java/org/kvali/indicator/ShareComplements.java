package org.kvali.indicator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 * that value beside it, with its people beyond them (of no known municipality).
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
	 * unknown), and whether it is within a coarser value.
	 */
	private record Line(List<Share> shares, Supplier<Integer> numerator, Supplier<Integer> whole, boolean within) {
	}

	/**
	 * The keys of the groups to leave out as well, given those left out already, each line weighed against the
	 * participants of the numerator and of the whole it is told with.
	 */
	static Set<List<Object>> more(List<Share> shares, Set<List<Object>> leftOut, List<Dimension> by, int k,
			Supplier<LineTotals> numeratorTotals, Supplier<LineTotals> wholeTotals) {
		// counted only where a line's sums do not decide (a breakdown more of each for each row's dimension)
		var numerators = once(numeratorTotals);
		var wholes = once(wholeTotals);
		var hidden = new HashSet<>(leftOut);
		var lines = new ArrayList<Line>();
		for (var line : SmallCells.lines(shares, by.size(), Share::key)) {
			lines.add(new Line(line, () -> numerators.get().of(line, shares, Share::key, by),
					() -> wholes.get().of(line, shares, Share::key, by), false));
		}
		// the lines within coarser values, before the whole, which is last: a region's share less its municipalities'
		// shown told the one left out alone
		if (LineTotals.anyWithin(by)) {
			for (var within : wholes.get().within(shares, by, Share::key)) {
				lines.add(lines.size() - 1, new Line(within.groups(), () -> numerators.get().participants(within),
						within::participants, true));
			}
		}
		for (int before = -1; before != hidden.size();) {
			before = hidden.size();
			for (var line : lines) {
				var out = line.shares().stream().filter(share -> hidden.contains(share.key())).toList();
				if (line.shares().size() < 2 && !line.within() || out.size() == line.shares().size()) {
					continue;
				}
				if (exposes(out, line, k)) {
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
	 * Whether the line, told with its numerator and its whole, tells a group left out or 1 to k-1 people of either:
	 * where those left out number 1 to k-1 in the numerator or in the rest, added up or as the line's less the groups
	 * shown; where one group alone is left out, as the line's less the others, unless people lie beyond the line's
	 * groups (a region's of no known municipality) whom a line in its place withholds, 1 to k-1 in the numerator or in
	 * the rest; and where none is left out, where those beyond are 1 to k-1 (2 women of no known municipality in a
	 * region whose municipalities held 20 women and 20 others).
	 */
	private static boolean exposes(List<Share> out, Line line, int k) {
		if (out.isEmpty() && !line.within()) {
			return false;
		}
		int outNumerator = out.stream().mapToInt(Share::numerator).sum();
		int outRest = out.stream().mapToInt(Share::rest).sum();
		if (SmallCells.tooSmall(outNumerator, k) || SmallCells.tooSmall(outRest, k)
				|| out.size() == 1 && !line.within()) {
			return true;
		}
		var numerator = line.numerator().get();
		var whole = line.whole().get();
		int shownNumerator = line.shares().stream().mapToInt(Share::numerator).sum() - outNumerator;
		int shownRest = line.shares().stream().mapToInt(Share::rest).sum() - outRest;
		if (line.within()) {
			// only a line within a coarser value has people beyond its groups
			int beyondNumerator = numerator == null ? 0 : numerator - shownNumerator - outNumerator;
			int beyondRest = numerator == null || whole == null ? 0 : whole - numerator - shownRest - outRest;
			boolean fewBeyond = SmallCells.tooSmall(beyondNumerator, k) || SmallCells.tooSmall(beyondRest, k);
			if (out.size() < 2) {
				return out.isEmpty() == fewBeyond;
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
