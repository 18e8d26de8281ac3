package org.kvali.report;

import java.util.List;

import org.kvali.graphql.InvalidArgumentException;

/**
 * The rules of a breakdown's groups of ages (AGE_GROUP): where they begin ({@code ageGroupStarts}), given with
 * AGE_GROUP alone, and, for a caller whose answers are suppressed, how many ages each group counts.
 */
public final class AgeGroups {

	/** The most starts a breakdown gives: 21 groups of known ages. */
	static final int MOST_STARTS = 20;

	private AgeGroups() {
	}

	/**
	 * Refuses starts that make no groups: missing with AGE_GROUP, given without it, beside AGE_BAND, more than
	 * {@link #MOST_STARTS}, outside 1 to {@link AgeRange#OLDEST} (a start of 0 would begin an empty first group), or
	 * not ascending (the groups' numbers count the starts at or below an age).
	 */
	public static void check(List<Dimension> by, Grouping grouping) {
		var starts = grouping.ageGroupStarts();
		boolean grouped = by.contains(Dimension.AGE_GROUP);
		if (grouped && starts == null) {
			throw new InvalidArgumentException("ageGroupStarts", null, "AGE_GROUP groups ages where `ageGroupStarts`"
					+ " begins them, and it is not given: [15, 25, 30] makes the groups 0 to 14, 15 to 24, 25 to 29"
					+ " and 30 and over");
		}
		if (!grouped && starts != null) {
			throw new InvalidArgumentException("ageGroupStarts", starts,
					"ageGroupStarts begins the groups of AGE_GROUP, which `by` does not hold");
		}
		if (!grouped) {
			return;
		}
		if (by.contains(Dimension.AGE_BAND)) {
			throw new InvalidArgumentException("by", by, "Group by AGE_GROUP or by AGE_BAND, not both: groups that"
					+ " begin at the bands' starts (18, 30, 45, 60) and others split the bands");
		}
		if (starts.size() > MOST_STARTS) {
			throw new InvalidArgumentException("ageGroupStarts", starts, "ageGroupStarts holds " + MOST_STARTS
					+ " starts at most; " + starts.size() + " were given");
		}
		for (int i = 0; i < starts.size(); i++) {
			int start = starts.get(i);
			if (start < 1 || start > AgeRange.OLDEST) {
				throw new InvalidArgumentException("ageGroupStarts", starts, "A group of ages after the first begins"
						+ " at 1 to " + AgeRange.OLDEST + "; " + start + " is none");
			}
			if (i > 0 && start <= starts.get(i - 1)) {
				throw new InvalidArgumentException("ageGroupStarts", starts, "ageGroupStarts ascend, each after the"
						+ " one before: " + start + " follows " + starts.get(i - 1));
			}
		}
	}

	/**
	 * What is wrong with these groups for a caller whose answers are suppressed, or null: a group holding 1 to 4 of
	 * the ages the filter selects would count people of those few birth years alone, as a range of them may not.
	 */
	static String suppressedProblem(ParticipationFilter filter, Grouping grouping) {
		boolean narrowed = filter.ages() != null || filter.ageBands() != null;
		for (var group : grouping.ageRanges()) {
			var ages = group.agesSelectedBy(filter);
			if (ages.length > 0 && ages.length < AgeRange.FEWEST_SUPPRESSED) {
				int first = ages[0];
				int last = ages[ages.length - 1];
				var which = ages.length == 1 ? "the age " + first
						: (last - first + 1 == ages.length ? "the ages " : ages.length + " ages of ") + first + " to "
								+ last;
				return "A group of ages " + group.text() + " would count " + which
						+ (narrowed ? " of those the filter selects" : "") + " alone; groups shown to you span "
						+ AgeRange.FEWEST_SUPPRESSED + " ages at least: begin them " + AgeRange.FEWEST_SUPPRESSED
						+ " ages apart or more (the first at " + AgeRange.FEWEST_SUPPRESSED + " or after)"
						+ (narrowed ? ", within the ages the filter selects" : "");
			}
		}
		return null;
	}

	/**
	 * What is wrong with splitting a share by these groups for a caller whose answers are suppressed, or null: a
	 * group where the denominator's ages the numerator leaves out are 1 to 4 (the youth of 15 to 29 among everyone, in
	 * a group of 25 to 31: 30 and 31), whose whole less its people would tell them.
	 */
	public static String restProblem(ParticipationFilter numerator, ParticipationFilter denominator,
			Grouping grouping) {
		for (var group : grouping.ageRanges()) {
			int rest = AgeRange.restAges(numerator, denominator, group::contains);
			if (rest > 0 && rest < AgeRange.FEWEST_SUPPRESSED) {
				return "A group of ages " + group.text() + " would tell, as its whole less its people, the"
						+ " denominator's people of " + rest + (rest == 1 ? " age" : " ages") + " alone; groups"
						+ " shown to you span " + AgeRange.FEWEST_SUPPRESSED + " such ages or none: begin them where"
						+ " the numerator's ages begin or end, or " + AgeRange.FEWEST_SUPPRESSED + " ages from there,"
						+ " or leave AGE_GROUP out where the denominator's ages beyond the numerator's are fewer than "
						+ AgeRange.FEWEST_SUPPRESSED;
			}
		}
		return null;
	}

}
