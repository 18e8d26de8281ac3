package org.kvali.report;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import org.kvali.graphql.InvalidArgumentException;

/** The checks of a breakdown's arguments, each refusal naming the argument and what to ask instead. */
final class BreakdownArguments {

	private BreakdownArguments() {
	}

	/** The dimensions, the month years begin in, and the groups of ages. */
	static void check(List<Dimension> by, Grouping grouping) {
		if (by.isEmpty() || by.size() > ReportService.MAX_DIMENSIONS) {
			throw new InvalidArgumentException("by", by, "A breakdown takes 1 to " + ReportService.MAX_DIMENSIONS
					+ " dimensions; " + by.size() + " were given");
		}
		if (EnumSet.copyOf(by).size() != by.size()) {
			throw new InvalidArgumentException("by", by, "Each dimension may appear in `by` only once");
		}
		if (by.stream().filter(Dimension::isPeriod).count() > 1) {
			throw new InvalidArgumentException("by", by, "Only one of YEAR, QUARTER and MONTH may be in `by`");
		}
		int yearStart = grouping.yearStart();
		if (yearStart < 1 || yearStart > 12) {
			throw new InvalidArgumentException("yearStart", yearStart,
					"yearStart is the month years begin in, 1 (January) to 12 (December), not " + yearStart);
		}
		AgeGroups.check(by, grouping);
	}

	/** An order by the dimensions of the breakdown, and a page of at most {@link ReportService#MAX_FIRST}. */
	static void checkPage(List<GroupOrder> order, List<Dimension> by, Integer first) {
		var named = EnumSet.noneOf(GroupOrderField.class);
		for (var key : order) {
			if (!named.add(key.by())) {
				// the second key of a field never decides an order the first left open
				throw new InvalidArgumentException("orderBy", key.by(), "Each field may appear in `orderBy` only once;"
						+ " " + key.by() + " is given twice");
			}
			if (key.by().dimension != null && !by.contains(key.by().dimension)) {
				throw new InvalidArgumentException("orderBy", key.by(),
						"Cannot order by " + key.by() + ": it is not one of the dimensions in `by`");
			}
		}
		if (first != null && (first < 0 || first > ReportService.MAX_FIRST)) {
			throw new InvalidArgumentException("first", first,
					"first must be between 0 and " + ReportService.MAX_FIRST);
		}
	}

	/** An offset of 0 to {@link ReportService#MAX_OFFSET}, and with {@code first}: the page after it. */
	static void checkOffset(Integer first, int offset) {
		if (offset < 0 || offset > ReportService.MAX_OFFSET) {
			throw new InvalidArgumentException("offset", offset,
					"offset must be between 0 and " + ReportService.MAX_OFFSET);
		}
		if (offset > 0 && first == null) {
			throw new InvalidArgumentException("offset", offset,
					"offset skips groups before a page of them: give first too, the groups after it");
		}
	}

	/** No order by a measure withheld, which would tell what its numbers are withheld to hide. */
	static void checkOrderShown(List<GroupOrder> orderBy, MeasureSet shown) {
		for (var key : orderBy == null ? List.<GroupOrder>of() : orderBy) {
			if (key.by() == GroupOrderField.ACTIVITIES && !shown.activities()
					|| key.by() == GroupOrderField.ORGANIZATIONS && !shown.organizations()) {
				throw withheldCount("orderBy", key.by(), "order by " + key.by(),
						key.by().name().toLowerCase(Locale.ROOT));
			}
		}
	}

	/**
	 * A question that would tell a distinct count withheld from the caller ({@code measure}, "activities" or
	 * "organizations"), by ordering or keeping groups by it ({@code asked}): refused naming the argument.
	 */
	static InvalidArgumentException withheldCount(String argument, Object value, String asked, String measure) {
		return new InvalidArgumentException(argument, value, "Cannot " + asked + ": distinct " + measure
				+ " are withheld from you where a question selects or groups people by what they are (gender, age,"
				+ " disability, home region or municipality, organization"
				+ (measure.equals("activities") ? " or its kind" : "") + ")");
	}

	/**
	 * A breakdown by AGE_BAND of a range that meets a band in 1 to 4 ages is refused to a caller whose answers are
	 * suppressed: its group would count those ages alone, as a filter of them may not (a tester's ages 14 to 18 by
	 * band told the 18-year-olds); and one by AGE_GROUP whose group holds 1 to 4 of the ages the filter selects.
	 */
	static void checkAgesOfGroups(ParticipationFilter filter, List<Dimension> by, Grouping grouping) {
		var problem = by.contains(Dimension.AGE_BAND) ? AgeRange.bandsProblem(filter) : null;
		if (problem != null) {
			throw new InvalidArgumentException("by", by, problem);
		}
		problem = by.contains(Dimension.AGE_GROUP) ? AgeGroups.suppressedProblem(filter, grouping) : null;
		if (problem != null) {
			throw new InvalidArgumentException("ageGroupStarts", grouping.ageGroupStarts(), problem);
		}
	}

	/** A breakdown of more groups than small ones can be withheld from, which weighs all of them together. */
	static InvalidArgumentException tooManyToWithhold(List<Dimension> by) {
		return new InvalidArgumentException("by", by, "The breakdown has more than "
				+ ReportService.MAX_SUPPRESSED_GROUPS + " groups, more than small groups can be withheld from (that"
				+ " weighs all groups together): narrow the filter or group by fewer dimensions");
	}

	static InvalidArgumentException tooManyGroups() {
		return new InvalidArgumentException("first", null, "The breakdown has more than " + ReportService.MAX_FIRST
				+ " groups, more than are answered at once: give first (at most " + ReportService.MAX_FIRST
				+ "), with orderBy for the largest groups and offset for the pages after, or narrow the filter, or"
				+ " group by fewer dimensions");
	}

}
