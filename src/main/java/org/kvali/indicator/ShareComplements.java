package org.kvali.indicator;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.kvali.report.Dimension;
import org.kvali.report.ParticipationGroup;
import org.kvali.report.SmallCells;

/**
 * Complementary withholding in a split share, as in a breakdown: the groups of a line (those that differ in one
 * dimension only, and the whole split) add up to the indicator's whole, so one group left out alone was the whole
 * minus the others (a tester's: 5 women of 7 trained with a disability, from the actual and the two groups shown).
 * Where one group of a line is left out, or those left out number 1 to k-1 people in the numerator or in the rest
 * (none tells nothing of anyone: the men of a share of women have none by definition), the smallest other is left
 * out too, until nothing changes.
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

	/** The keys of the groups to leave out as well, given those left out already. */
	static Set<List<Object>> more(List<Share> shares, Set<List<Object>> leftOut, List<Dimension> by, int k) {
		var hidden = new HashSet<>(leftOut);
		var lines = SmallCells.lines(shares, by.size(), Share::key);
		for (int before = -1; before != hidden.size();) {
			before = hidden.size();
			for (var line : lines) {
				var out = line.stream().filter(share -> hidden.contains(share.key())).toList();
				if (line.size() < 2 || out.isEmpty() || out.size() == line.size()) {
					continue;
				}
				int numerator = out.stream().mapToInt(Share::numerator).sum();
				int rest = out.stream().mapToInt(Share::rest).sum();
				if (out.size() == 1 || numerator > 0 && numerator < k || rest > 0 && rest < k) {
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

}
