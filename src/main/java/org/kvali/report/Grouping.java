package org.kvali.report;

import java.util.List;
import java.util.stream.IntStream;

/**
 * How a breakdown groups what is not a code: the month its years and quarters begin in ({@code yearStart}, 1 for the
 * calendar's), and the ages its groups of ages after the first begin at ({@code ageGroupStarts}, ascending; empty
 * unless it groups by AGE_GROUP). Starts of 15, 25 and 30 make the groups 0 to 14, 15 to 24, 25 to 29 and 30 and
 * over, numbered 0 to 3; people of unknown age are the group after the last ({@link #ageGroups()}).
 */
public record Grouping(int yearStart, List<Integer> ageGroupStarts) {

	/** Calendar years and quarters, no groups of ages. */
	public static final Grouping CALENDAR = years(1);

	public Grouping {
		ageGroupStarts = List.copyOf(ageGroupStarts);
	}

	/** Years and quarters from month {@code yearStart}, no groups of ages. */
	public static Grouping years(int yearStart) {
		return new Grouping(yearStart, List.of());
	}

	/** How many groups of known ages there are; the number of the group of unknown ages. */
	int ageGroups() {
		return this.ageGroupStarts.size() + 1;
	}

	/** The number of the group holding this known age: how many starts are at or below it. */
	int ageGroupOf(int age) {
		int group = 0;
		while (group < this.ageGroupStarts.size() && this.ageGroupStarts.get(group) <= age) {
			group++;
		}
		return group;
	}

	/** The ages of group {@code group} (0 to {@link #ageGroups()} - 1): the last is open. */
	AgeRange ageGroup(int group) {
		return new AgeRange(group == 0 ? 0 : this.ageGroupStarts.get(group - 1),
				group == this.ageGroupStarts.size() ? null : this.ageGroupStarts.get(group) - 1);
	}

	/** Every group of known ages, youngest first. */
	List<AgeRange> ageRanges() {
		return IntStream.range(0, ageGroups()).mapToObj(this::ageGroup).toList();
	}

}
