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
 * of ages), those left out add up to more than that, as in a breakdown ({@code SmallCells}).
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
	 * The keys of the groups to leave out as well, given those left out already, each line weighed against the
	 * participants of the numerator and of the whole it is told with.
	 */
	static Set<List<Object>> more(List<Share> shares, Set<List<Object>> leftOut, List<Dimension> by, int k,
			Supplier<LineTotals> numeratorTotals, Supplier<LineTotals> wholeTotals) {
		// counted only where a line's sums do not decide (a breakdown more of each for each row's dimension)
		var numerators = once(numeratorTotals);
		var wholes = once(wholeTotals);
		var hidden = new HashSet<>(leftOut);
		var lines = SmallCells.lines(shares, by.size(), Share::key);
		for (int before = -1; before != hidden.size();) {
			before = hidden.size();
			for (var line : lines) {
				var out = line.stream().filter(share -> hidden.contains(share.key())).toList();
				if (line.size() < 2 || out.isEmpty() || out.size() == line.size()) {
					continue;
				}
				if (out.size() == 1 || tells(out, line, () -> numerators.get().of(line, shares, Share::key, by),
						() -> wholes.get().of(line, shares, Share::key, by), k)) {
					line.stream()
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
	 * Whether the groups left out of the line number 1 to k-1 people in the numerator or in the rest, added up or as
	 * the line's numerator ({@code numerator}) or its whole's rest less the groups shown (either null where unknown).
	 */
	private static boolean tells(List<Share> out, List<Share> line, Supplier<Integer> numerators,
			Supplier<Integer> wholes, int k) {
		int outNumerator = out.stream().mapToInt(Share::numerator).sum();
		int outRest = out.stream().mapToInt(Share::rest).sum();
		if (SmallCells.tooSmall(outNumerator, k) || SmallCells.tooSmall(outRest, k)) {
			return true;
		}
		var numerator = numerators.get();
		var whole = wholes.get();
		int shownNumerator = line.stream().mapToInt(Share::numerator).sum() - outNumerator;
		int shownRest = line.stream().mapToInt(Share::rest).sum() - outRest;
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
