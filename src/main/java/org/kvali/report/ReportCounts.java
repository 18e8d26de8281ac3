package org.kvali.report;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.kvali.graphql.BusyException;
import org.kvali.graphql.InvalidArgumentException;

import org.springframework.stereotype.Component;

/**
 * What a report counts before anything is withheld from its caller: totals and breakdowns of a filter from the index
 * given, whose answers it keeps ({@link AnswerCache}), else in SQL; and the line totals suppression weighs groups by.
 */
@Component
final class ReportCounts {

	private final ReportRepository repository;

	private final ReportIndex index;

	private final int k;

	ReportCounts(ReportRepository repository, ReportIndex index, SuppressionProperties suppression) {
		this.repository = repository;
		this.index = index;
		this.k = suppression.k();
	}

	/** The filter's totals, from the index when one is given, else in SQL. */
	Measures totals(Optional<FactIndex> index, ParticipationFilter filter) {
		return index.map(facts -> totals(facts, filter)).orElseGet(() -> this.repository.totals(filter));
	}

	/**
	 * The totals from the index. Those of one gender are that gender's group of the set's split by gender, counted
	 * in one scan as a total is, and kept: an indicator's value for women, for men, and whether its split shows both
	 * then read one scan instead of three (the IATI file of 36 indicators at 10 million asked 600 scans of about 30
	 * ms each, 120 of each kind; with {@link #totals(FactIndex, ParticipationFilter, MeasureSet)}, 120).
	 */
	private Measures totals(FactIndex facts, ParticipationFilter filter) {
		if (filter.genders() != null && filter.genders().size() == 1) {
			var gender = filter.genders().get(0);
			return split(facts, filter).stream()
				.filter(group -> group.gender() == gender)
				.map(ParticipationGroup::measures)
				.findFirst()
				.orElse(NONE);
		}
		return facts.answers.get(new Totals(filter), () -> new IndexQuery(facts, filter).totals(),
				totals -> 1 + filter.values() / 2);
	}

	/** The groups by gender of the filter's set, whatever genders it selects, as a breakdown by gender keeps them. */
	private List<ParticipationGroup> split(FactIndex facts, ParticipationFilter filter) {
		return breakdown(Optional.of(facts), filter.withGenders(null), List.of(Dimension.GENDER), Grouping.CALENDAR,
				List.of(), null, MeasureSet.ALL, ReportService.MAX_FIRST);
	}

	/**
	 * The totals of the filter with the distinct counts {@code measures} asks for (others may be null). Without
	 * distinct activities and organizations, the index reads a set of no gender or of several from the set's split by
	 * gender, whose groups' people are apart (a person is of one gender): an indicator's value then reads the split
	 * that its values for women and for men read.
	 */
	private Measures totals(FactIndex facts, ParticipationFilter filter, MeasureSet measures) {
		var genders = filter.genders();
		if (measures.activities() || measures.organizations() || genders != null && genders.size() == 1) {
			return totals(facts, filter);
		}
		var groups = split(facts, filter).stream()
			.filter(group -> genders == null || genders.contains(group.gender()))
			.toList();
		return new Measures(groups.stream().mapToInt(ParticipationGroup::participations).sum(),
				groups.stream().mapToInt(ParticipationGroup::participants).sum(), null, null);
	}

	/**
	 * Totals of several filters at once, each with the distinct counts its measures ask for (the others may be null):
	 * from the index, or on the SQL path in one statement.
	 */
	List<Measures> totals(Optional<FactIndex> index, List<ParticipationFilter> filters, List<MeasureSet> measures) {
		return index
			.map(facts -> IntStream.range(0, filters.size())
				.mapToObj(i -> totals(facts, filters.get(i), measures.get(i)))
				.toList())
			.orElseGet(() -> this.repository.totals(filters));
	}

	/**
	 * The participants each line of the groups is told with, and what the breakdowns beside it withhold, as
	 * suppression weighs the groups ({@link LineTotalsQuery}): all the groups of the breakdown, as counted over the
	 * filter, which the breakdowns beside them by fewer dimensions may be sums of.
	 */
	LineTotals lineTotals(Optional<FactIndex> index, ParticipationFilter filter, List<Dimension> by,
			Grouping grouping, List<ParticipationGroup> groups) {
		return new LineTotalsQuery(this, index, filter, grouping, this.k, Neighbours.AS_COUNTED)
			.counted(by, groups)
			.weighed(by, groups);
	}

	/** The line totals ({@link #lineTotals}), the breakdowns beside the groups weighed as {@code neighbours} has. */
	LineTotals lineTotals(Optional<FactIndex> index, ParticipationFilter filter, List<Dimension> by,
			Grouping grouping, List<ParticipationGroup> groups, Neighbours neighbours) {
		return new LineTotalsQuery(this, index, filter, grouping, this.k, neighbours).weighed(by, groups);
	}

	/** The line totals alone, of the rows and within coarser values ({@link LineTotalsQuery#told}). */
	LineTotals toldTotals(Optional<FactIndex> index, ParticipationFilter filter, List<Dimension> by,
			Grouping grouping, List<ParticipationGroup> groups) {
		return new LineTotalsQuery(this, index, filter, grouping, this.k, Neighbours.AS_COUNTED).told(by,
				groups);
	}

	/** The groups; without {@code first}, {@link TooManyGroups} when there are more than {@code most}. */
	List<ParticipationGroup> breakdown(Optional<FactIndex> index, ParticipationFilter filter,
			List<Dimension> by, Grouping grouping, List<GroupOrder> order, Integer first, MeasureSet measures,
			int most) {
		return breakdown(index, filter, by, grouping, order, first, measures, GroupConditions.NONE, most);
	}

	/**
	 * The groups {@code having} holds; without {@code first}, {@link TooManyGroups} when there are more than
	 * {@code most} of them.
	 */
	List<ParticipationGroup> breakdown(Optional<FactIndex> index, ParticipationFilter filter,
			List<Dimension> by, Grouping grouping, List<GroupOrder> order, Integer first, MeasureSet measures,
			GroupConditions having, int most) {
		var counted = having.counted(measures.orderedBy(order));
		var kept = kept(by, grouping);
		return counting(by, () -> index
			.map(facts -> facts.answers.get(new Breakdown(filter, by, kept, order, first, counted, having, most),
					() -> List.copyOf(new IndexQuery(facts, filter).breakdown(by, kept, order, first, counted, having,
							most)),
					groups -> weight(groups, filter)))
			.orElseGet(() -> this.repository.breakdown(filter, by, grouping, order, first, counted, having, most)));
	}

	/**
	 * The groups, all of them ({@link #breakdown}), of a question whose answer is weighed by the strangers to these
	 * organizations (a partner's): on the index, their groups, as {@link CallerWeights} asks for them, are counted in
	 * the same scan where it can and kept for it to read, unless too many to keep. At 10 million participations the
	 * two scans of a partner's project by gender read every row twice, the strangers' the dearer.
	 */
	List<ParticipationGroup> breakdown(Optional<FactIndex> index, ParticipationFilter filter, Set<Long> strangersTo,
			List<Dimension> by, Grouping grouping, List<GroupOrder> order, MeasureSet measures, int most) {
		var kept = kept(by, grouping);
		var strangers = filter.strangersTo(strangersTo);
		var theirs = new Breakdown(strangers, by, kept, List.of(), null, MeasureSet.PEOPLE, GroupConditions.NONE,
				most);
		// the groups the strangers' answer may have and surely be kept, its question's codes weighed with them
		long room = index.map(facts -> facts.answers.heaviest() - weight(0, strangers)).orElse(0L);
		// a filter of strangers already (the differential test's) is not counted beside: its scan leaves out people
		// known to others than these, whom the strangers' question keeps
		if (room < 1 || filter.strangersTo() != null || index.get().answers.holds(theirs)) {
			return breakdown(index, filter, by, grouping, order, null, measures, most);
		}
		var facts = index.get();
		var counted = measures.orderedBy(order);
		return counting(by, () -> facts.answers.get(
				new Breakdown(filter, by, kept, order, null, counted, GroupConditions.NONE, most), () -> {
					var both = new IndexQuery(facts, filter).breakdownWithStrangers(by, kept, order, counted, most,
							new IndexScan.Beside(facts.knownTo(strangersTo), room));
					if (both.strangers() != null) {
						facts.answers.offer(theirs, List.copyOf(both.strangers()),
								groups -> weight(groups, strangers));
					}
					return List.copyOf(both.groups());
				}, groups -> weight(groups, filter)));
	}

	/**
	 * How a breakdown's answer is kept: by no period and no groups of ages, one answer whatever the grouping, so that
	 * an indicator's split by gender (its programme's years) is the split its totals of one gender read.
	 */
	private static Grouping kept(List<Dimension> by, Grouping grouping) {
		return by.stream().anyMatch(dimension -> dimension.isPeriod() || dimension == Dimension.AGE_GROUP)
				? grouping : Grouping.CALENDAR;
	}

	/** What an answer of these groups weighs in the answers kept: its groups and its question's codes. */
	private static int weight(List<ParticipationGroup> groups, ParticipationFilter filter) {
		return weight(groups.size(), filter);
	}

	private static int weight(int groups, ParticipationFilter filter) {
		return groups + filter.values() / 2;
	}

	/** A breakdown counted, its failures for lack of memory told as the caller's to act on. */
	private static List<ParticipationGroup> counting(List<Dimension> by, Supplier<List<ParticipationGroup>> count) {
		try {
			return count.get();
		}
		catch (ScanMemory.Busy ex) {
			throw new BusyException("Other large questions were being counted, and this one waited " + ex.waited
					+ " ms for its turn; ask again shortly, or ask a smaller question, which needs no turn");
		}
		catch (ScanMemory.TooLarge ex) {
			// PostgreSQL would count it on disk, for longer than the statement timeout at this size
			throw new InvalidArgumentException("by", by, "Counting this breakdown would take more than the "
					+ (ex.limit >> 20) + " MB of memory one question may use: group by fewer dimensions, narrow the "
					+ "filter, or leave out distinct activities and organizations, which take the most");
		}
	}

	/**
	 * The codes of the organizations that at least {@code people} distinct people represented at the participations
	 * {@code filter} selects, counted by the report index without suppression: for a list of organizations to decide
	 * which it names, never shown. Empty when the index does not hold the data as committed now, or the scan found no
	 * turn: SQL decides then (at 10 million participations, 5 to 8 s for a programme's organizations).
	 */
	Optional<Set<String>> organizationsRepresented(ParticipationFilter filter, int people) {
		return this.index.current().flatMap(facts -> {
			try {
				return Optional.of(new IndexQuery(facts, filter)
					.breakdown(List.of(Dimension.ORGANIZATION), Grouping.CALENDAR, List.of(), null,
							MeasureSet.PEOPLE, Integer.MAX_VALUE)
					.stream()
					.filter(group -> group.organizationCode() != null && group.participants() >= people)
					.map(ParticipationGroup::organizationCode)
					.collect(Collectors.toSet()));
			}
			catch (ScanMemory.Busy | ScanMemory.TooLarge ex) {
				return Optional.empty();
			}
		});
	}

	/** The questions the index keeps answers to, in its {@link AnswerCache}. */
	private record Totals(ParticipationFilter filter) {
	}

	/** The totals of an empty set. */
	private static final Measures NONE = new Measures(0, 0, 0, 0);

	private record Breakdown(ParticipationFilter filter, List<Dimension> by, Grouping grouping,
			List<GroupOrder> order, Integer first, MeasureSet measures, GroupConditions having, int most) {
	}

}
