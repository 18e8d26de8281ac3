package org.kvali.report;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.kvali.access.Caller;
import org.kvali.access.Role;

import org.springframework.stereotype.Service;

/**
 * What the current caller is not told of the numbers over a filter: whether its small numbers are withheld at all
 * ({@link #suppresses}), and for the values indicators compute beside breakdowns, which are ({@link CallerWeights}
 * weighs them). A breakdown's groups withheld are left out by {@link ReportService}, which asks {@link #suppresses}.
 */
@Service
public class Withholding {

	private final ReportIndex index;

	private final ReportRepository repository;

	private final CallerWeights weights;

	Withholding(ReportIndex index, ReportRepository repository, CallerWeights weights) {
		this.index = index;
		this.repository = repository;
		this.weights = weights;
	}

	/**
	 * Whether small cells are suppressed for the current caller over this filter: never for ADMIN or ANALYST; always
	 * for DONOR, and when no caller is known (a report is always asked for by someone, so a thread that lost its
	 * caller gets the safer answer); for a PARTNER unless the filter's conditions on activities leave in only
	 * activities its organizations run. Decided on the activities alone, never on who took part: decided by whether
	 * the participations a filter selected lay outside its activities, the choice itself told a partner whether
	 * anyone of a filter (a woman with a disability) had attended another organization's workshop. Decided on the
	 * data the answer counts, once for each filter.
	 */
	public boolean suppresses(ParticipationFilter filter, ParticipationReport.Data data) {
		var caller = Caller.find().orElse(null);
		if (caller == null) {
			return true;
		}
		if (caller.is(Role.ADMIN, Role.ANALYST)) {
			return false;
		}
		if (caller.is(Role.DONOR)) {
			return true;
		}
		var index = data.of(this.index);
		return data.suppressed(caller.organizations(), filter,
				asked -> index.map(facts -> facts.reachesBeyond(asked, caller.organizations()))
					.orElseGet(() -> this.repository.reachesBeyond(asked, caller.organizations())));
	}

	/**
	 * Which of distinct activities and organizations a caller who sees small cells suppressed is told: not where the
	 * question selects or groups people by what they are, since each activity or organization counted has someone of
	 * the set, however few: 6 activities with a person with a disability, of 6 named, told that the one person at one
	 * of them has a disability, in one answer. Over activities alone (project, venue, kind, dates) both are told, and
	 * organizations over organizations' kinds too (how many CSOs took part). Not over named organizations: 2 counted
	 * of a large one and a one-person one told whether that person came (a tester's).
	 */
	static MeasureSet shownUnits(boolean suppressed, ParticipationFilter filter, List<Dimension> by) {
		return !suppressed ? MeasureSet.ALL : new MeasureSet(!selectsPeople(filter, by, false),
				!selectsPeople(filter, by, true));
	}

	private static boolean selectsPeople(ParticipationFilter filter, List<Dimension> by, boolean kindAside) {
		return filter.selectsPeople(kindAside) || by.stream().anyMatch(dimension -> dimension.groupsPeople(kindAside));
	}

	/**
	 * Which of distinct activities and organizations over this filter, split by these dimensions (none for a whole),
	 * the current caller is told ({@link #shownUnits}): indicators that count them ask this.
	 */
	public MeasureSet shownUnits(ParticipationFilter filter, List<Dimension> by, ParticipationReport.Data data) {
		return shownUnits(suppresses(filter, data), filter, by);
	}

	/**
	 * Whether a value resting on this many participants of the filter's set must be withheld from the current caller:
	 * they are 1 to k-1 and small cells are suppressed for the caller over the filter, or for a partner, its strangers
	 * are ({@link CallerWeights#strangers}: an indicator's value was lifted over k by a partner's own people as a
	 * breakdown's group was; a review's). An indicator's split by sex asks this of the people of other genders;
	 * values themselves use {@link #withheldUnlessMany}.
	 */
	public boolean withheld(ParticipationFilter filter, int participants, ParticipationReport.Data data) {
		return participants > 0 && withheldUnlessMany(filter, participants, data);
	}

	/**
	 * Whether a count or share resting on this many participants of the filter's set, none included, must be withheld
	 * from the caller, as a total is: an indicator's 0 shown beside a withheld 1 to k-1, asked for day by day, told
	 * the day someone of its set (with a disability, from one municipality) took part, and so the activity.
	 */
	public boolean withheldUnlessMany(ParticipationFilter filter, int participants, ParticipationReport.Data data) {
		return suppresses(filter, data) && this.weights.few(data.of(this.index), filter, participants);
	}

	/**
	 * Whether a share's rest, its whole's people less its own (the numerator's filter lies within the whole's), must
	 * be withheld from the caller, as {@link #withheldUnlessMany} withholds a count: for a partner, the rest of its
	 * strangers is weighed, not their whole (six made-up men of its own beside others' ten women made a rest of 6, and
	 * told that others' activities held no men; a review's).
	 */
	public boolean restWithheld(ParticipationFilter numerator, int numeratorParticipants,
			ParticipationFilter whole, int wholeParticipants, ParticipationReport.Data data) {
		return suppresses(whole, data) && this.weights.restFew(data.of(this.index), numerator,
				numeratorParticipants, whole, wholeParticipants);
	}

	/**
	 * The groups of the report's breakdown in people who are strangers to the current caller ({@link
	 * CallerWeights#strangers}), where its small numbers over the report's filter are weighed by them (a partner's);
	 * empty where they are not. A share's split weighs its groups by them ({@code ShareWeights}).
	 */
	public Optional<List<ParticipationGroup>> strangersOf(ParticipationReport report, List<Dimension> by,
			Grouping grouping) {
		if (!suppresses(report.filter(), report.data())) {
			return Optional.empty();
		}
		return this.weights.strangersOf(report.data().of(this.index), report.filter(), by, grouping);
	}

	/**
	 * The participants each line of a breakdown's groups in strangers ({@link #strangersOf}) is told with, among the
	 * strangers to the current caller, as {@link ReportService#lineTotals} counts them among everyone.
	 */
	public LineTotals strangersLineTotals(ParticipationReport report, List<Dimension> by, Grouping grouping,
			List<ParticipationGroup> groups) {
		return this.weights.strangersLineTotals(report.data().of(this.index), report.filter(), by, grouping, groups);
	}

	/**
	 * Whether a group of the report's breakdown holds the current partner's own people alone by its key ({@link
	 * OwnKeys}), asked of each group in turn: a share's split weighs no such group's rest by its strangers, who are
	 * none by its key.
	 */
	public Predicate<ParticipationGroup> ownByKey(ParticipationReport report, List<Dimension> by, Grouping grouping) {
		return this.weights.ownByKey(report.data().of(this.index), report.filter(), by, grouping);
	}

}
