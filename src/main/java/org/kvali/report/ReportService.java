package org.kvali.report;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.kvali.graphql.InvalidArgumentException;
import org.kvali.graphql.InvalidArguments;

import org.springframework.stereotype.Service;

/**
 * Participation totals and breakdowns over any filter and combination of dimensions, counted exactly. Not one
 * transaction: each answer is counted from the index, or on the SQL path in a read-only snapshot of its own
 * ({@link #inOneState}), and a request that waits for the index to catch up with a change holds no connection while
 * it waits. What is withheld from the caller is left out here, where {@link Withholding} says it must be.
 */
@Service
public class ReportService {

	public static final int MAX_DIMENSIONS = 4;

	public static final int MAX_FIRST = 10_000;

	/**
	 * The most groups a page of a breakdown may come after: a page counts those before it too, as many as
	 * suppression weighs at once.
	 */
	public static final int MAX_OFFSET = 100_000;

	/**
	 * The most groups a breakdown may have when small cells are suppressed: suppression weighs all of them together
	 * (with {@code first} too), so they are all read into memory.
	 */
	public static final int MAX_SUPPRESSED_GROUPS = 100_000;

	private final ReportRepository repository;

	private final ReportIndex index;

	private final ReportCounts counts;

	private final CallerWeights weights;

	private final Withholding withholding;

	private final FilterProblems filterProblems;

	private final BreakdownGroups groups;

	ReportService(ReportRepository repository, ReportIndex index, ReportCounts counts, CallerWeights weights,
			Withholding withholding, FilterProblems filterProblems) {
		this.repository = repository;
		this.index = index;
		this.counts = counts;
		this.weights = weights;
		this.withholding = withholding;
		this.filterProblems = filterProblems;
		this.groups = new BreakdownGroups(counts, weights);
	}

	/**
	 * The filter, once its range of ages is one and every code in it names something. Else a BAD_REQUEST for the
	 * range and for each of its fields with unknown codes, in the order of the fields, naming the first and the others
	 * of its field.
	 */
	public ParticipationReport report(ParticipationFilter filter) {
		var checked = filter == null ? ParticipationFilter.ALL : filter;
		var report = new ParticipationReport(checked);
		// a range of a few ages is withheld as small groups are: a partner over its own activities sees it in full, as
		// it sees their groups by age band (a tester's)
		boolean suppressed = checked.ages() != null && this.withholding.suppresses(checked, report.data());
		var problems = this.filterProblems.of(checked, "filter", suppressed);
		if (!problems.isEmpty()) {
			throw new InvalidArguments(problems);
		}
		if (checked.ages() != null && !suppressed) {
			report.data().allowNarrowAges();
		}
		return report;
	}

	/**
	 * The totals as the current caller may see them: suppressed when under k participants for a caller who needs
	 * that, none included. A filter is the caller's own: a 0 shown beside a suppressed 1 to k-1 would tell, of each
	 * narrow filter (a gender of one village at one activity), whether someone of it took part, which leaving the
	 * small groups out of breakdowns is there to hide.
	 */
	public ShownMeasures shownTotals(ParticipationReport report) {
		// the totals and whether they are withheld from one state of the data
		return inOneState(report, counted -> {
			var index = counted.data().of(this.index);
			var totals = this.counts.totals(index, counted.filter());
			boolean suppressed = this.withholding.suppresses(counted.filter(), counted.data());
			boolean few = suppressed && this.weights.few(index, counted.filter(), totals.participants());
			return ShownMeasures.of(totals, few, Withholding.shownUnits(suppressed, counted.filter(), List.of()));
		});
	}

	/**
	 * A field's answer from one state of the data: the index chosen for the report's fields (waited for, as the first
	 * of them waits, while no connection is held), or on the SQL path a read-only snapshot of the field's own, in
	 * which whether small numbers are withheld is decided again, on the data its statements count. Decided in one
	 * statement and counted in the next, a partner's breakdown over a project only its organizations had run counted,
	 * not withheld, the one woman of another organization's workshop committed between the two (a review's). A range
	 * of ages let through as one shown in full ({@link #report}) is refused if that decision withholds.
	 */
	private <T> T inOneState(ParticipationReport report, Function<ParticipationReport, T> answer) {
		return inOneState(report.data(), data -> {
			var counted = new ParticipationReport(report.filter(), data);
			var ages = counted.filter().ages();
			if (data != report.data() && report.data().narrowAgesAllowed()
					&& this.withholding.suppresses(counted.filter(), data)) {
				var problem = AgeRange.problem(ages, counted.filter().ageBands(), true);
				if (problem != null) {
					throw new InvalidArgumentException("filter.ages", ages, problem);
				}
			}
			return answer.apply(counted);
		});
	}

	/**
	 * An answer counted from one state of the data ({@link #inOneState(ParticipationReport, Function)}): on the SQL
	 * path, outside a snapshot, in one of its own with decisions of its own; else over {@code data}. In a snapshot
	 * already (an indicator's results, the IATI file), it takes that one and its decisions.
	 */
	public <T> T inOneState(ParticipationReport.Data data, Function<ParticipationReport.Data, T> answer) {
		if (data.of(this.index).isPresent() || DataVersions.inSnapshot()) {
			return answer.apply(data);
		}
		return this.repository.inSnapshot(() -> answer.apply(data.apart()));
	}

	/** Whether reports are answered from the in-memory index right now (it holds the committed data). */
	public boolean indexIsCurrent() {
		return this.index.current().isPresent();
	}

	/**
	 * Waits, as a report would, for the index to catch up with a change, before a transaction in which reports do not
	 * wait for it but take the SQL path.
	 */
	public void awaitIndex() {
		this.index.current();
	}

	/**
	 * Totals of several filters at once, each with the distinct counts its measures ask for (the others may be null):
	 * the index's freshness check (unless the data was chosen before), or on the SQL path one statement.
	 */
	public List<Measures> totals(List<ParticipationFilter> filters, List<MeasureSet> measures,
			ParticipationReport.Data data) {
		if (measures.size() != filters.size()) {
			throw new IllegalArgumentException(filters.size() + " filters, and measures for " + measures.size());
		}
		return this.counts.totals(data.of(this.index), filters, measures);
	}

	/**
	 * The codes of the organizations that at least {@code people} distinct people represented at the participations
	 * {@code filter} selects, counted without suppression, never shown; empty when SQL decides
	 * ({@link ReportCounts#organizationsRepresented}).
	 */
	public Optional<Set<String>> organizationsRepresented(ParticipationFilter filter, int people) {
		return this.counts.organizationsRepresented(filter, people);
	}

	/**
	 * The groups of a breakdown that the current caller may see, those withheld left out: that a group exists at all
	 * tells of its few people (that some woman with a disability from one village was at these activities).
	 */
	public List<ParticipationGroup> shownBreakdown(ParticipationReport report, List<Dimension> by, Grouping grouping,
			List<GroupOrder> orderBy, Integer first, MeasureSet measures) {
		return shownBreakdown(report, by, grouping, orderBy, first, measures, GroupConditions.NONE);
	}

	/** The groups shown ({@link #shownBreakdown}) that {@code having} holds, cut to {@code first}. */
	public List<ParticipationGroup> shownBreakdown(ParticipationReport report, List<Dimension> by, Grouping grouping,
			List<GroupOrder> orderBy, Integer first, MeasureSet measures, GroupConditions having) {
		return shownPage(report, by, grouping, orderBy, first, 0, measures, having);
	}

	/**
	 * A page of the groups shown that {@code having} holds: {@code first} of them after the first {@code offset}.
	 * Groups are sorted in a total order (the natural order after {@code orderBy}), so that the pages of one data
	 * version neither repeat a group nor miss one.
	 */
	public List<ParticipationGroup> shownPage(ParticipationReport report, List<Dimension> by, Grouping grouping,
			List<GroupOrder> orderBy, Integer first, int offset, MeasureSet measures, GroupConditions having) {
		BreakdownArguments.checkOffset(first, offset);
		// an empty page counts none before it
		int before = first != null && first == 0 ? 0 : offset;
		// the data and whether groups are withheld decided once, for the measures told and the groups alike
		var shown = inOneState(report, counted -> {
			boolean suppressed = this.withholding.suppresses(counted.filter(), counted.data());
			var units = Withholding.shownUnits(suppressed, counted.filter(), by);
			return this.groups.breakdown(counted, counted.data().of(this.index), suppressed, by, grouping, orderBy,
					first, before, measures.and(units), having)
				.stream()
				.filter(group -> !group.suppressed())
				.toList();
		});
		// the page alone, not the groups before it, held until the answer is written
		return before == 0 ? shown : List.copyOf(shown.subList(Math.min(before, shown.size()), shown.size()));
	}

	/**
	 * How a breakdown groups its periods and ages: years and quarters from the month asked, else (left out or null: a
	 * dashboard with no programme chosen sent null, and lost the whole answer, a tester's) from that of the one
	 * programme its filter names, as that programme's indicators take them (a tester's programme of years from April
	 * was given calendar years), else the calendar's; groups of ages from the starts given, checked with the
	 * breakdown ({@link AgeGroups#check}). Months are the calendar's either way, but are weighed against the quarters
	 * a breakdown by quarter beside them shows ({@link Dimension#within}).
	 */
	Grouping grouping(ParticipationReport report, List<Dimension> by, Integer yearStart, List<Integer> ageGroupStarts) {
		if (yearStart != null) {
			return new Grouping(yearStart, ageGroupStarts);
		}
		var filter = report.filter();
		boolean years = by.stream().anyMatch(Dimension::isPeriod);
		boolean named = filter.programmes() != null && !filter.programmes().isEmpty()
				|| filter.projects() != null && !filter.projects().isEmpty();
		return new Grouping(years && named ? report.data().yearStart(filter, this.repository::yearStart) : 1,
				ageGroupStarts);
	}

	/**
	 * Whether the current caller's breakdown leaves groups out: one is withheld, or its whole total is (told alike of
	 * none and of 1 to 4 people, as the total is). Whether alone, not how many: that would tell more of their few
	 * people; that some are withheld a total beside the groups' participations tells anyway.
	 */
	public boolean withheld(ParticipationReport report, List<Dimension> by, Grouping grouping) {
		BreakdownArguments.check(by, grouping);
		return inOneState(report, counted -> {
			if (!this.withholding.suppresses(counted.filter(), counted.data())) {
				return false;
			}
			BreakdownArguments.checkAgesOfGroups(counted.filter(), by, grouping);
			return this.groups.withheld(counted.data().of(this.index), counted.filter(), by, grouping);
		});
	}

	/**
	 * The groups of a breakdown, those withheld from the current caller marked {@code suppressed} and placed last
	 * ({@code first} counts them last, so the page holds the same shown groups as {@link #shownBreakdown}); distinct
	 * activities and organizations are counted only where {@code measures} asks for them (or the order sorts by
	 * them). Periods and ages are grouped as {@code grouping} has them.
	 */
	public List<ParticipationGroup> breakdown(ParticipationReport report, List<Dimension> by, Grouping grouping,
			List<GroupOrder> orderBy, Integer first, MeasureSet measures) {
		return breakdown(report, by, grouping, orderBy, first, measures, GroupConditions.NONE);
	}

	/**
	 * The groups of a breakdown ({@link #breakdown}) that {@code having} holds, or are withheld; those withheld from
	 * the current caller are weighed with all the others, whatever {@code having} keeps.
	 */
	public List<ParticipationGroup> breakdown(ParticipationReport report, List<Dimension> by, Grouping grouping,
			List<GroupOrder> orderBy, Integer first, MeasureSet measures, GroupConditions having) {
		// the groups and whether they are suppressed from one index, so that both see the same data
		var index = report.data().of(this.index);
		boolean suppressed = this.withholding.suppresses(report.filter(), report.data());
		return this.groups.breakdown(report, index, suppressed, by, grouping, orderBy, first, 0, measures, having);
	}

	/**
	 * The participants each line of a breakdown's groups is told with, the rows' counted whether or not a group is
	 * small, and those within coarser values, without what the breakdowns beside them withhold: a share's groups left
	 * out are weighed against its numerator's and its whole's, and its lines against the splits beside it ({@code
	 * ShareComplements}).
	 */
	public LineTotals lineTotals(ParticipationReport report, List<Dimension> by, Grouping grouping,
			List<ParticipationGroup> groups) {
		return this.counts.toldTotals(report.data().of(this.index), report.filter(), by, grouping, groups);
	}

}
