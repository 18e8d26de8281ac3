package org.kvali.report;

import java.util.List;
import java.util.Optional;

import static org.kvali.report.ReportService.MAX_FIRST;
import static org.kvali.report.ReportService.MAX_SUPPRESSED_GROUPS;

/** A breakdown's groups from one index, those withheld from the caller weighed over all of them and placed last. */
final class BreakdownGroups {

	private final ReportCounts counts;

	private final CallerWeights weights;

	BreakdownGroups(ReportCounts counts, CallerWeights weights) {
		this.counts = counts;
		this.weights = weights;
	}

	/** The groups of a breakdown, as many as {@code page} and {@code offset} together: the caller cuts the page. */
	List<ParticipationGroup> breakdown(ParticipationReport report, Optional<FactIndex> index,
			boolean suppressed, List<Dimension> by, Grouping grouping, List<GroupOrder> orderBy, Integer page,
			int offset, MeasureSet measures, GroupConditions having) {
		BreakdownArguments.check(by, grouping);
		var order = orderBy == null ? List.<GroupOrder>of() : orderBy;
		BreakdownArguments.checkPage(order, by, page);
		var first = page == null ? null : page + offset;
		// no order by counts withheld from the caller, nor groups kept by them: they would tell those counts
		var shown = Withholding.shownUnits(suppressed, report.filter(), by);
		BreakdownArguments.checkOrderShown(order, shown);
		having.check(shown);
		if (suppressed) {
			BreakdownArguments.checkAgesOfGroups(report.filter(), by, grouping);
			// suppressed groups move to the end, so the page is cut after suppression; without first, every group
			// is answered, so no more than that may be counted
			int most = first == null && having.isNone() ? MAX_FIRST : MAX_SUPPRESSED_GROUPS;
			try {
				// what is withheld is weighed over all the groups, in their natural order, and those shown are then
				// put in the order asked for; the conditions keep some of those shown
				var groups = this.weights.counted(index, report.filter(), by, grouping, List.of(),
						having.counted(measures.orderedBy(order)), most);
				var weighed = this.weights.weighed(index, report.filter(), by, grouping, groups, most);
				return GroupOrdering.page(having.isNone() ? weighed : kept(weighed, having, first), order, by, first);
			}
			catch (TooManyGroups ex) {
				throw most == MAX_FIRST ? BreakdownArguments.tooManyGroups() : BreakdownArguments.tooManyToWithhold(by);
			}
		}
		try {
			return this.counts.breakdown(index, report.filter(), by, grouping, order, first, measures, having,
					MAX_FIRST);
		}
		catch (TooManyGroups ex) {
			throw BreakdownArguments.tooManyGroups();
		}
	}

	/**
	 * Whether the breakdown leaves groups out for a caller from whom small ones are withheld: its whole total is, or
	 * one of its groups weighed over all of them.
	 */
	boolean withheld(Optional<FactIndex> index, ParticipationFilter filter, List<Dimension> by, Grouping grouping) {
		if (this.weights.fewInAll(index, filter)) {
			return true;
		}
		try {
			// as many groups as a breakdown with first may weigh; it has none to cut with
			var groups = this.weights.counted(index, filter, by, grouping, List.of(), MeasureSet.PEOPLE,
					MAX_SUPPRESSED_GROUPS);
			return this.weights.weighed(index, filter, by, grouping, groups, MAX_SUPPRESSED_GROUPS)
				.stream()
				.anyMatch(ParticipationGroup::suppressed);
		}
		catch (TooManyGroups ex) {
			throw BreakdownArguments.tooManyToWithhold(by);
		}
	}

	/** The groups shown that the conditions hold and those withheld; no more shown than a breakdown answers whole. */
	private static List<ParticipationGroup> kept(List<ParticipationGroup> weighed, GroupConditions having,
			Integer first) {
		var kept = weighed.stream().filter(group -> group.suppressed() || having.holds(group.measures())).toList();
		if (first == null && kept.stream().filter(group -> !group.suppressed()).count() > MAX_FIRST) {
			throw BreakdownArguments.tooManyGroups();
		}
		return kept;
	}

}
