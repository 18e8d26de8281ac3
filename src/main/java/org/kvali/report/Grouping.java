package org.kvali.report;

import java.util.List;
import java.util.stream.IntStream;

/**
 * How a breakdown groups what is not a code: the month its years and quarters begin in ({@code yearStart}, 1 for the
 * calendar's), and the ages its groups of ages after the first begin at ({@code ageGroupStarts}, null when not given;
 * {@link AgeGroups#check} holds them to AGE_GROUP and to ascending ages). Starts of 15, 25 and 30 make the groups 0
 * to 14, 15 to 24, 25 to 29 and 30 and over, numbered 0 to 3; people of unknown age are the group after the last
 * ({@link #ageGroups()}).
 */
public record Grouping(int yearStart, List<Integer> ageGroupStarts) {

	/** Calendar years and quarters, no groups of ages. */
	public static final Grouping CALENDAR = years(1);

	public Grouping {
		ageGroupStarts = ageGroupStarts == null ? null : List.copyOf(ageGroupStarts);
	}

	/** Years and quarters from month {@code yearStart}, no groups of ages. */
	public static Grouping years(int yearStart) {
		return new Grouping(yearStart, null);
	}

	/** How many groups of known ages there are; the number of the group of unknown ages. */
	int ageGroups() {
		return starts().size() + 1;
	}

	/** The number of the group holding this known age: how many starts are at or below it. */
	int ageGroupOf(int age) {
		int group = 0;
		while (group < starts().size() && starts().get(group) <= age) {
			group++;
		}
		return group;
	}

	/** The ages of group {@code group} (0 to {@link #ageGroups()} - 1), the last open; null for the unknown ages. */
	AgeRange ageGroup(int group) {
		if (group == ageGroups()) {
			return null;
		}
		return new AgeRange(group == 0 ? 0 : starts().get(group - 1),
				group == starts().size() ? null : starts().get(group) - 1);
	}

	/** The starts, none when not given. */
	List<Integer> starts() {
		return this.ageGroupStarts == null ? List.of() : this.ageGroupStarts;
	}

	/** Every group of known ages, youngest first. */
	List<AgeRange> ageRanges() {
		return IntStream.range(0, ageGroups()).mapToObj(this::ageGroup).toList();
	}

}
