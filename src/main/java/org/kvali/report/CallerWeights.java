package org.kvali.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.kvali.access.Caller;
import org.kvali.access.Role;

import org.springframework.stereotype.Component;

/**
 * How the current caller's small numbers are weighed, once {@link Withholding#suppresses} has decided they are
 * withheld at all: by everyone the filter selects, or for a partner by the strangers to it alone ({@link #strangers}),
 * its own people's groups weighed as small ones unless their keys hold them ({@link OwnKeys}).
 */
@Component
final class CallerWeights {

	private final ReportCounts counts;

	private final ReportRepository repository;

	private final int k;

	CallerWeights(ReportCounts counts, ReportRepository repository, SuppressionProperties suppression) {
		this.counts = counts;
		this.repository = repository;
		this.k = suppression.k();
	}

	/**
	 * For a partner, its filter of the people who never took part in an activity its organizations run, nor were
	 * removed from one: small cells are weighed by these strangers to it alone, wherever they took part. Its own people
	 * are left out even at others' activities, since its sheets give them what it likes: weighed by everyone, four
	 * made-up women with a disability of one village lifted one woman of another organization's over k, and every
	 * activity of hers was then told by a filter of it and the sheet's; weighed by others' activities, real people it
	 * loaded gained an organization, moved into its region at others' activities too, and lifted a group of them
	 * (testers'); removed from its activities, its people were strangers again (a review's). So for what is published
	 * for a partner as a donor sees it (an IATI file: {@code Access.published}). Empty for a donor, whose answers are
	 * weighed as they are.
	 */
	static Optional<ParticipationFilter> strangers(ParticipationFilter filter) {
		return partnerOrganizations().map(filter::strangersTo);
	}

	/** The organizations of the current caller whose answers are weighed by its strangers; empty for any other. */
	private static Optional<Set<Long>> partnerOrganizations() {
		return Caller.find().map(Caller::organizations).filter(organizations -> !organizations.isEmpty());
	}

	/**
	 * The groups of the caller's breakdown as counted, before any is withheld; for a partner, the index counts its
	 * strangers' groups beside them where it can, and keeps them for {@link #weighed} to read ({@link ReportCounts}).
	 */
	List<ParticipationGroup> counted(Optional<FactIndex> index, ParticipationFilter filter, List<Dimension> by,
			Grouping grouping, List<GroupOrder> order, MeasureSet measures, int most) {
		return partnerOrganizations()
			.map(organizations -> this.counts.breakdown(index, filter, organizations, by, grouping, order, measures,
					most))
			.orElseGet(() -> this.counts.breakdown(index, filter, by, grouping, order, null, measures, most));
	}

	/**
	 * The groups, those withheld from the caller marked and placed last ({@link SmallCells}),
	 * weighed for a partner by the people each holds who are strangers to it ({@link #strangers}). For a partner, a
	 * group of its own people alone is weighed as a small one, unless no activity of others' the filter selects could
	 * fall in it by its key ({@link OwnKeys}: one of its activities, a project or a month only it ran): shown, it would
	 * tell that no stranger is of the group, where 1 to k-1 withhold it; withheld alone in its line, that the line's
	 * others are all shown (a review's). Where a partner is not told the total, no group tells its share: its own
	 * activity shown in full beside another's, 17 at a share of 0.739, told a total of 23 that was withheld, and so 6
	 * people of the other's, and with a filter of women, of 60 and over or with a disability, how many of them were so
	 * (a tester's).
	 */
	List<ParticipationGroup> weighed(Optional<FactIndex> index, ParticipationFilter filter, List<Dimension> by,
			Grouping grouping, List<ParticipationGroup> groups, int most) {
		var strangers = strangers(filter);
		if (strangers.isEmpty()) {
			return SmallCells.suppress(groups, by, this.k,
					this.counts.lineTotals(index, filter, by, grouping, groups));
		}
		var weights = asStrangers(index, filter, by, grouping, groups,
				this.counts.breakdown(index, strangers.get(), by, grouping, List.of(), null, MeasureSet.PEOPLE, most));
		var counted = new HashMap<List<Object>, ParticipationGroup>();
		for (var group : groups) {
			counted.put(group.values(by), group);
		}
		var lines = this.counts.lineTotals(index, strangers.get(), by, grouping, weights,
				neighbours(index, filter, by, grouping, groups));
		// the strangers' total, as their groups' shares tell it
		boolean totalTold = lines.whole() >= this.k;
		return SmallCells.suppress(weights, by, this.k, lines)
			.stream()
			.map(weight -> {
				var group = counted.get(weight.values(by));
				return weight.suppressed() ? group.hidden() : totalTold ? group : group.withoutShare();
			})
			.toList();
	}

	/**
	 * The breakdowns beside a partner's, by some of its dimensions or a coarser one in a finer one's place, weighed as
	 * each is asked alone: their groups of the filter's set as the strangers in them ({@link #asStrangers}). Those by
	 * some of its dimensions are the groups' keys cut to them, as a breakdown by them would count them, not counted
	 * again; those by a coarser dimension are counted.
	 */
	private Neighbours neighbours(Optional<FactIndex> index, ParticipationFilter filter,
			List<Dimension> by, Grouping grouping, List<ParticipationGroup> groups) {
		var ownKeys = new HashMap<List<Dimension>, OwnKeys>();
		var beside = index.map(facts -> new OwnGroupsBeside(facts, grouping,
				told -> ownKeys.computeIfAbsent(told, dimensions -> ownKeys(index, filter, dimensions, grouping)),
				this.k));
		return new Neighbours() {

			@Override
			public List<ParticipationGroup> weighed(List<Dimension> told, List<ParticipationGroup> theirs) {
				var counted = by.containsAll(told) ? cut(groups, told)
						: CallerWeights.this.counts.breakdown(index, filter, told, grouping, List.of(), null,
								MeasureSet.PEOPLE, ReportService.MAX_SUPPRESSED_GROUPS);
				return asStrangers(index, filter, told, grouping, counted, theirs);
			}

			@Override
			public boolean ownShown() {
				return true;
			}

			@Override
			public boolean maySmallBeside(List<Dimension> told, List<ParticipationGroup> weights) {
				return beside.map(groups -> groups.maySmall(told, weights)).orElse(true);
			}

		};
	}

	/** One group for each of the groups' distinct values of {@code told}, as the breakdown by those is keyed. */
	private static List<ParticipationGroup> cut(List<ParticipationGroup> groups, List<Dimension> told) {
		var cut = new LinkedHashMap<List<Object>, ParticipationGroup>();
		for (var group : groups) {
			cut.putIfAbsent(group.values(told), group);
		}
		return List.copyOf(cut.values());
	}

	/**
	 * Each of the groups (of the filter's set) as the strangers in it ({@code theirs}), in the groups' order; one of
	 * the partner's own people alone weighed as one person, or as none where its key holds them ({@link OwnKeys}).
	 */
	private List<ParticipationGroup> asStrangers(Optional<FactIndex> index, ParticipationFilter filter,
			List<Dimension> by, Grouping grouping, List<ParticipationGroup> groups, List<ParticipationGroup> theirs) {
		var strangers = new HashMap<List<Object>, ParticipationGroup>();
		for (var group : theirs) {
			strangers.put(group.values(by), group);
		}
		OwnKeys own = null;
		var weights = new ArrayList<ParticipationGroup>(groups.size());
		for (var group : groups) {
			var weight = strangers.get(group.values(by));
			if (weight == null && own == null) {
				own = ownKeys(index, filter, by, grouping);
			}
			weights.add(weight != null ? weight : own.hold(group) ? group.noneOf() : group.asFew());
		}
		return weights;
	}

	/** Whether the filter's set is fewer than k as the caller's answers weigh it, counted here. */
	boolean fewInAll(Optional<FactIndex> index, ParticipationFilter filter) {
		return this.counts.totals(index, strangers(filter).orElse(filter)).participants() < this.k;
	}

	/** Whether these participants of the filter's set, counted already, are fewer than k as they are weighed. */
	boolean few(Optional<FactIndex> index, ParticipationFilter filter, int participants) {
		return participants < this.k || weight(index, filter, participants) < this.k;
	}

	/**
	 * Whether a share's rest, its whole's participants less its numerator's (the numerator's filter lies within the
	 * whole's), is fewer than k as it is weighed: for a partner, the rest of its strangers, not of their whole.
	 */
	boolean restFew(Optional<FactIndex> index, ParticipationFilter numerator, int numeratorParticipants,
			ParticipationFilter whole, int wholeParticipants) {
		return wholeParticipants - numeratorParticipants < this.k
				|| weight(index, whole, wholeParticipants) - weight(index, numerator, numeratorParticipants) < this.k;
	}

	/** The participants of the filter's set its numbers are weighed by: all of them, or the strangers alone. */
	private int weight(Optional<FactIndex> index, ParticipationFilter filter, int participants) {
		return strangers(filter).map(theirs -> this.counts.totals(index, theirs).participants()).orElse(participants);
	}

	/** The groups of the breakdown in strangers to the caller ({@link #strangers}); empty where none weigh it. */
	Optional<List<ParticipationGroup>> strangersOf(Optional<FactIndex> index, ParticipationFilter filter,
			List<Dimension> by, Grouping grouping) {
		return strangers(filter).map(theirs -> this.counts.breakdown(index, theirs, by, grouping, List.of(), null,
				MeasureSet.PEOPLE, ReportService.MAX_SUPPRESSED_GROUPS));
	}

	/** The participants each line of the groups in strangers ({@link #strangersOf}) is told with, among them. */
	LineTotals strangersLineTotals(Optional<FactIndex> index, ParticipationFilter filter, List<Dimension> by,
			Grouping grouping, List<ParticipationGroup> groups) {
		var theirs = strangers(filter).orElseThrow(() -> new IllegalStateException("No strangers weigh the current "
				+ "caller's answers"));
		return this.counts.toldTotals(index, theirs, by, grouping, groups);
	}

	/**
	 * Whether a group holds the current partner's own people alone by its key ({@link #ownKeys}), asked of each
	 * group in turn: their keys are read when a group is first asked about, not before.
	 */
	Predicate<ParticipationGroup> ownByKey(Optional<FactIndex> index, ParticipationFilter filter, List<Dimension> by,
			Grouping grouping) {
		var own = new ArrayList<OwnKeys>(1);
		return group -> {
			if (own.isEmpty()) {
				own.add(ownKeys(index, filter, by, grouping));
			}
			return own.get(0).hold(group);
		};
	}

	/**
	 * Which groups of the breakdown hold the current partner's own people alone by their keys ({@link OwnKeys}); none
	 * for what is published for it ({@code Access.published}): a group of its own people shown in full beside others'
	 * withheld told them by the total less the groups shown in its IATI file, as its own answers withhold none (a
	 * review's).
	 */
	private OwnKeys ownKeys(Optional<FactIndex> index, ParticipationFilter filter, List<Dimension> by,
			Grouping grouping) {
		var caller = Caller.current();
		var organizations = caller.organizations();
		var dimensions = caller.is(Role.PARTNER) ? OwnKeys.dimensions(by) : List.<Dimension>of();
		if (dimensions.isEmpty()) {
			return new OwnKeys(List.of(), Set.of());
		}
		return new OwnKeys(by, index.map(facts -> facts.valuesBeyond(filter, organizations, dimensions, grouping))
			.orElseGet(() -> this.repository.valuesBeyond(filter, organizations, dimensions, grouping)));
	}

}
