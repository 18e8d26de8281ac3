package org.kvali.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The line totals of one question's breakdown ({@link LineTotals}) and what the breakdowns a caller can ask beside it
 * withhold: by a line's other dimensions, and by a coarser value in a finer one's place, each weighed as it would be
 * asked alone, which weighs the breakdowns beside it in turn. Each breakdown is counted and weighed once for the
 * question: weighed again for each way down to it, a donor's breakdown by month, project, venue municipality and
 * organization asked 1,129 statements of the SQL path (a review's).
 */
final class LineTotalsQuery {

	private final ReportCounts counts;

	private final Optional<FactIndex> index;

	private final ParticipationFilter filter;

	private final Grouping grouping;

	private final int k;

	private final Neighbours neighbours;

	private final PinnedValues pinned;

	/**
	 * The breakdowns counted, summed or derived, by their dimensions in their own order, the question's first where it
	 * is given.
	 */
	private final Map<List<Dimension>, List<ParticipationGroup>> breakdowns = new LinkedHashMap<>();

	/** The groups each breakdown weighed withholds, by their values of its dimensions in their own order. */
	private final Map<List<Dimension>, Set<List<Object>>> withheld = new HashMap<>();

	LineTotalsQuery(ReportCounts counts, Optional<FactIndex> index, ParticipationFilter filter, Grouping grouping,
			int k, Neighbours neighbours) {
		this.counts = counts;
		this.index = index;
		this.filter = filter;
		this.grouping = grouping;
		this.k = k;
		this.neighbours = neighbours;
		this.pinned = new PinnedValues(filter);
	}

	/**
	 * The totals suppression weighs the groups by: without a small group nothing is withheld, whatever the lines'
	 * totals (most groups at scale), but where a region's people of no known municipality, in no group of its line,
	 * are few, or a region withheld beside others is the sum of its municipalities. For a partner, a group of its own
	 * people shown by its key (weighed as none) counts as small: by its other dimensions alone they are a group
	 * withheld, with another beside it, whose row shown whole here would tell that one (6 women shown at another's
	 * meeting told that none of the others' people was of the gender of the partner's own 2).
	 */
	LineTotals weighed(List<Dimension> by, List<ParticipationGroup> groups) {
		boolean small = small(by, groups);
		return totals(by, groups, small, small || Dimension.leaveSomeOut(by));
	}

	/**
	 * The participants each line of the groups is told with: the whole's, as the groups' shares tell it (counted with
	 * them, so of the same data; every group has one), and, with {@code rows}, of each dimension a person can be in
	 * several groups of, the groups of the breakdown by the others, from the same index (the SQL path's are
	 * statements of their own, as the totals told beside a breakdown are). With {@code within}, the lines within
	 * coarser values, and with both, the rows' totals the breakdown by the others withholds.
	 */
	LineTotals totals(List<Dimension> by, List<ParticipationGroup> groups, boolean rows, boolean within) {
		var told = groups.stream()
			.filter(group -> group.share() != null && group.share() > 0)
			.findFirst()
			.map(group -> (int) Math.round(group.participants() / group.share()))
			.orElse(0);
		var byDimension = new EnumMap<Dimension, Map<List<Object>, Integer>>(Dimension.class);
		var withheldRows = new EnumMap<Dimension, Set<List<Object>>>(Dimension.class);
		var dimensions = by.stream().sorted().toList();
		for (var beside : rows ? BreakdownBeside.of(dimensions) : List.<BreakdownBeside>of()) {
			if (!beside.byOthers()) {
				continue;
			}
			var dimension = beside.finer();
			var rest = beside.by();
			var lines = new HashMap<List<Object>, Integer>();
			for (var line : breakdown(rest)) {
				lines.put(line.values(rest), line.participants());
			}
			// where a person is in one group of the line, its groups add up to its total, which is not needed
			if (Level.of(dimension) != Level.PERSON) {
				byDimension.put(dimension, lines);
			}
			if (within) {
				withheldRows.put(dimension, withheld(rest, lines));
			}
		}
		return new LineTotals(told, byDimension, within ? within(dimensions, groups, true) : List.of(), withheldRows);
	}

	/**
	 * The participants each line of the groups is told with, the rows' and those within coarser values, and not what
	 * the breakdowns beside them withhold: a share's split weighs its lines by the splits beside it.
	 */
	LineTotals told(List<Dimension> by, List<ParticipationGroup> groups) {
		var rows = totals(by, groups, true, false);
		return new LineTotals(rows.whole(), rows.byDimension(), within(by.stream().sorted().toList(), groups, false),
				Map.of());
	}

	/**
	 * Of each dimension the breakdown has, the coarser ones its values lie in that it has not ({@link
	 * BreakdownBeside}), each with the coarser value of each finer one and the participants of the breakdown by the
	 * coarser one in its place, and, where {@code weigh}, the groups that breakdown withholds.
	 */
	private List<LineTotals.Within> within(List<Dimension> dimensions, List<ParticipationGroup> groups,
			boolean weigh) {
		var within = new ArrayList<LineTotals.Within>();
		var finerValues = new EnumMap<Dimension, StoredCoarser.Finer>(Dimension.class);
		for (var beside : BreakdownBeside.of(dimensions)) {
			if (beside.byOthers()) {
				continue;
			}
			var finer = beside.finer();
			var coarser = beside.coarser();
			var told = beside.by();
			var participants = new HashMap<List<Object>, Integer>();
			Map<Object, Object> of;
			if (Level.of(finer) == Level.PERSON) {
				of = ofPeople(dimensions, finer, coarser, told, participants);
			}
			else {
				of = coarserOf(finer, coarser, groups, finerValues);
				for (var group : breakdown(told)) {
					participants.put(group.values(told), group.participants());
				}
			}
			within.add(new LineTotals.Within(finer, coarser, of, participants,
					weigh ? withheld(told, participants) : Set.of()));
		}
		return within;
	}

	/**
	 * Within a coarser value of a dimension that describes a person, as a municipality its region: one breakdown by
	 * both and the others gives each municipality's region and each region's people, the sum of its groups, since a
	 * person is in one of them (two at 10 million took a donor's breakdown by municipality from 60 to 141 ms). The
	 * participants are put into {@code participants}; the coarser value of each finer one is returned.
	 */
	private Map<Object, Object> ofPeople(List<Dimension> dimensions, Dimension finer, Dimension coarser,
			List<Dimension> told, Map<List<Object>, Integer> participants) {
		var both = new ArrayList<>(dimensions);
		both.add(coarser);
		var of = new CoarserValues();
		for (var group : breakdown(both)) {
			of.add(group.values(List.of(finer)).get(0), group.values(List.of(coarser)).get(0));
			participants.merge(group.values(told), group.participants(), Integer::sum);
		}
		return of.values();
	}

	/**
	 * The coarser value of each finer one the groups have: a period's from the first day of the breakdown's groups'
	 * (its one period), others from the index's columns where it stores both ({@link StoredCoarser}), else from the
	 * groups by both over the filter ({@link CoarserValues}). The finer values the groups have are read once for all
	 * the coarser dimensions ({@code finerValues}).
	 */
	private Map<Object, Object> coarserOf(Dimension finer, Dimension coarser, List<ParticipationGroup> groups,
			Map<Dimension, StoredCoarser.Finer> finerValues) {
		var of = new HashMap<Object, Object>();
		if (finer.isPeriod()) {
			for (var group : groups) {
				var start = group.period().start();
				of.put(group.period().key(), Period.holding(coarser, start, this.grouping.yearStart()).key());
			}
			return of;
		}
		var stored = this.index.map(index -> index.storedCoarser(finer, coarser))
			.map(values -> values.of(finerValues.computeIfAbsent(finer, dimension -> values.finer(dimension, groups))));
		if (stored.isPresent()) {
			return stored.get();
		}
		var both = List.of(finer, coarser);
		var values = new CoarserValues();
		for (var group : breakdown(both)) {
			var pair = group.values(both);
			values.add(pair.get(0), pair.get(1));
		}
		return values.values();
	}

	/**
	 * The groups, by their values of {@code told}, that the breakdown by a line's other dimensions or by a coarser
	 * dimension in a finer one's place withholds from a caller whose answers are weighed, as that breakdown asked
	 * alone would: none where none of its groups ({@code participants}; for a partner, with its own beside them) is
	 * small, as nothing is then withheld, unless by a dimension that leaves some people out of its coarser values'
	 * lines ({@link Dimension#leaveSomeOut}).
	 */
	private Set<List<Object>> withheld(List<Dimension> told, Map<List<Object>, Integer> participants) {
		// a partner's own groups are not among its strangers' participants: they are weighed with them below
		boolean ownShown = this.neighbours.ownShown();
		boolean someOut = Dimension.leaveSomeOut(told);
		if (!ownShown && !someOut && participants.values().stream().noneMatch(n -> SmallCells.tooSmall(n, this.k))) {
			return Set.of();
		}
		var known = this.withheld.get(told);
		if (known != null) {
			return known;
		}
		var groups = this.neighbours.weighed(told, breakdown(told));
		boolean small = small(told, groups);
		var withheld = !someOut && !small ? Set.<List<Object>>of() : withheldOf(told, groups, small);
		this.withheld.put(told, withheld);
		return withheld;
	}

	/**
	 * The groups, by their values of {@code told}, that suppression withholds of these, weighed as {@link #weighed}
	 * weighs them, whether one is small told already ({@link #small} is not asked twice).
	 */
	private Set<List<Object>> withheldOf(List<Dimension> told, List<ParticipationGroup> groups, boolean small) {
		return SmallCells.suppress(groups, told, this.k,
				totals(told, groups, small, small || Dimension.leaveSomeOut(told)))
			.stream()
			.filter(ParticipationGroup::suppressed)
			.map(group -> group.values(told))
			.collect(Collectors.toSet());
	}

	/**
	 * Whether the groups are weighed as holding a small one: of 1 to k-1, or for a partner one of its own people
	 * alone shown by its key ({@link #weighed(List, List)}), unless no breakdown beside them may hold a small one.
	 */
	private boolean small(List<Dimension> by, List<ParticipationGroup> groups) {
		return groups.stream().anyMatch(group -> SmallCells.tooSmall(group.participants(), this.k))
				|| this.neighbours.ownShown() && groups.stream().anyMatch(group -> group.participants() == 0)
						&& this.neighbours.maySmallBeside(by, groups);
	}

	/**
	 * The question's groups, all of them as counted over this filter by {@code by}: the breakdowns by fewer of its
	 * dimensions are their sums where only dimensions that describe a person are left out ({@link #breakdown}).
	 */
	LineTotalsQuery counted(List<Dimension> by, List<ParticipationGroup> groups) {
		this.breakdowns.put(by.stream().sorted().toList(), groups);
		return this;
	}

	/**
	 * The groups of the breakdown by these dimensions, counted once for the question: the sums of those of a
	 * breakdown by more dimensions counted already where the others describe a person, who is in one group of them
	 * (a donor's project by activity and gender at 10 million participations counted its activities' alone again),
	 * or those by the others where the filter leaves one value of a dimension ({@link PinnedValues}).
	 */
	private List<ParticipationGroup> breakdown(List<Dimension> by) {
		var sorted = by.stream().sorted().toList();
		var groups = this.breakdowns.get(sorted);
		if (groups == null) {
			groups = summed(sorted);
		}
		if (groups == null) {
			groups = this.pinned.derived(sorted, this::breakdown);
		}
		if (groups == null) {
			groups = this.counts.breakdown(this.index, this.filter, sorted, this.grouping, List.of(), null,
					MeasureSet.PEOPLE, ReportService.MAX_SUPPRESSED_GROUPS);
		}
		this.breakdowns.put(sorted, groups);
		return groups;
	}

	/**
	 * The groups by these dimensions as sums of those of a breakdown counted (or derived) by them and others that
	 * describe a person, in the order a breakdown has them; null where none was.
	 */
	private List<ParticipationGroup> summed(List<Dimension> by) {
		for (var counted : this.breakdowns.entrySet()) {
			var more = counted.getKey();
			if (more.containsAll(by)
					&& more.stream().allMatch(d -> by.contains(d) || Level.of(d) == Level.PERSON)) {
				// in the order met: where the counted groups are in natural order and these dimensions come first
				// in it, so are the sums, and the sort only checks them (sorted from a hash map's order, they took
				// 9 % of a donor's breakdown of a project's 16,456 activities by gender)
				var sums = new LinkedHashMap<List<Object>, ParticipationGroup>();
				for (var group : counted.getValue()) {
					sums.merge(group.values(by), group.partOf(by), ParticipationGroup::plus);
				}
				return List.copyOf(ParticipationGroup.inNaturalOrder(sums.values(), by));
			}
		}
		return null;
	}

}
