package org.kvali.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A breakdown a caller can ask beside one, which suppression weighs that one's groups against: by its dimensions but
 * {@code finer} ({@code coarser} null), or with a coarser dimension in its place ({@link Dimension#within}). Listed
 * here alone, so that the line totals that replay them ({@link LineTotalsQuery}) and the proof that none may hold a
 * small group ({@link OwnGroupsBeside}) consider the same ones.
 *
 * @param by the breakdown's dimensions, sorted
 */
record BreakdownBeside(Dimension finer, Dimension coarser, List<Dimension> by) {

	/**
	 * Those beside a breakdown by these sorted dimensions: for each in turn, by the others where there are others,
	 * then by each coarser one it has not in its place.
	 */
	static List<BreakdownBeside> of(List<Dimension> dimensions) {
		var beside = new ArrayList<BreakdownBeside>();
		for (var finer : dimensions) {
			if (dimensions.size() > 1) {
				beside.add(new BreakdownBeside(finer, null,
						dimensions.stream().filter(dimension -> dimension != finer).toList()));
			}
			for (var coarser : finer.within()) {
				if (!dimensions.contains(coarser)) {
					beside.add(new BreakdownBeside(finer, coarser, inPlace(dimensions, finer, coarser)));
				}
			}
		}
		return beside;
	}

	/**
	 * The dimensions with {@code coarser} in {@code finer}'s place, sorted; a period put in an activity's place takes
	 * the breakdown's own period's too, as a breakdown is by one period and an activity's month lies in one quarter
	 * and one year.
	 */
	static List<Dimension> inPlace(List<Dimension> dimensions, Dimension finer, Dimension coarser) {
		return dimensions.stream()
			.filter(dimension -> dimension == finer || !(coarser.isPeriod() && dimension.isPeriod()))
			.map(dimension -> dimension == finer ? coarser : dimension)
			.sorted()
			.toList();
	}

	/** Whether it is by the others alone, a row's line. */
	boolean byOthers() {
		return this.coarser == null;
	}

}
