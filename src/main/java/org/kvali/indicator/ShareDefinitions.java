package org.kvali.indicator;

import java.util.List;
import java.util.function.UnaryOperator;

import org.kvali.report.Dimension;
import org.kvali.report.GroupFilters;
import org.kvali.report.ParticipationFilter;
import org.kvali.report.ParticipationGroup;

/**
 * What a split share's filters alone tell of a group: that its numerator has none of it, or all of it, so that a
 * share of 0 % or 100 % there tells nothing (the men and the women of a share of women). {@code regionOf} gives a
 * municipality's region, asked only where a group of municipalities needs it.
 */
record ShareDefinitions(ParticipationFilter numerator, ParticipationFilter denominator, List<Dimension> by,
		UnaryOperator<String> regionOf) {

	/**
	 * Whether the group has none of the numerator because the numerator's filter leaves its values out (the men of a
	 * share of women; the group of 30 and over of a share of people aged 15 to 29; the municipalities of another
	 * region of a share of one region's people, which a tester's were withheld): a 0 that tells nothing, shown as
	 * 0 %, where left out it took the group beside it along.
	 */
	boolean noneOf(ParticipationGroup group, ParticipationGroup whole) {
		if (group.participants() > 0) {
			return false;
		}
		var values = group.values(this.by);
		for (int i = 0; i < this.by.size(); i++) {
			var value = this.by.get(i) == Dimension.AGE_GROUP ? group.ageGroup() : values.get(i);
			if (this.numerator.excludes(this.by.get(i), value)) {
				return true;
			}
		}
		var narrowed = GroupFilters.narrowed(this.denominator, whole, this.by, this.regionOf);
		return narrowed != null && GroupFilters.disjoint(this.numerator, narrowed);
	}

	/**
	 * Whether the numerator's filter selects every participation of the whole's group (the women of a share of women;
	 * 15 to 24 of a share of people aged 15 to 29; a municipality of a share of its region's people): a rest of none
	 * that tells nothing.
	 */
	boolean allOf(ParticipationGroup whole) {
		var narrowed = GroupFilters.narrowed(this.denominator, whole, this.by, this.regionOf);
		return narrowed != null && GroupFilters.covers(this.numerator, narrowed);
	}

}
