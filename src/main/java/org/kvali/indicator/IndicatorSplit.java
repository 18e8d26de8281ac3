package org.kvali.indicator;

import java.util.ArrayList;
import java.util.List;

import org.kvali.report.Dimension;
import org.kvali.report.Grouping;

/**
 * What an indicator is split by: its dimensions, and with AGE_GROUP among them the ages its groups after the first
 * begin at (null when not given), as a breakdown takes them.
 */
record IndicatorSplit(List<Dimension> by, List<Integer> ageGroupStarts) {

	IndicatorSplit {
		by = List.copyOf(by);
		ageGroupStarts = ageGroupStarts == null ? null : List.copyOf(ageGroupStarts);
	}

	/** A split by these dimensions, no groups of ages. */
	static IndicatorSplit by(List<Dimension> by) {
		return new IndicatorSplit(by, null);
	}

	/** The same split with periods of this length first, as a line of periods splits one period. */
	IndicatorSplit afterPeriods(Dimension length) {
		var lineBy = new ArrayList<Dimension>(List.of(length));
		lineBy.addAll(this.by);
		return new IndicatorSplit(lineBy, this.ageGroupStarts);
	}

	/** How its breakdowns group periods and ages, with the programme's years from month {@code yearStart}. */
	Grouping grouping(int yearStart) {
		return new Grouping(yearStart, this.ageGroupStarts);
	}

}
