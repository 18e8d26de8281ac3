package org.kvali.indicator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.kvali.report.Dimension;
import org.kvali.report.Grouping;
import org.kvali.report.LineTotals;
import org.kvali.report.ParticipationGroup;
import org.kvali.report.ParticipationReport;
import org.kvali.report.ReportService;
import org.kvali.report.Withholding;

/**
 * A share's split as the caller's answers weigh it: for a partner, each group's numerator and whole in the people who
 * never took part in its activities ({@link Withholding#strangersOf}), a group of its own people alone by its key
 * as none, and one of its own people alone otherwise as one, as its breakdowns weigh them; for anyone else, as
 * counted. Weighed by everyone, two groups left out beside others told a partner the strangers among them by the
 * line's rest less its own people (a review's).
 */
final class ShareWeights {

	private final List<Dimension> by;

	/** Strangers by group, of the numerator and of the whole; null where the caller's answers are not so weighed. */
	private final Map<List<Object>, Integer> numerators;

	private final Map<List<Object>, Integer> wholes;

	private final Predicate<ParticipationGroup> own;

	private final Supplier<LineTotals> numeratorLines;

	private final Supplier<LineTotals> wholeLines;

	/**
	 * The weights of a split by {@code by} of the numerator's and the whole's reports, whose groups, as counted, are
	 * {@code numeratorGroups} and {@code wholeGroups}.
	 */
	ShareWeights(ReportService reports, Withholding withholding, ParticipationReport numerator,
			ParticipationReport whole, List<Dimension> by, Grouping grouping, List<ParticipationGroup> numeratorGroups,
			List<ParticipationGroup> wholeGroups) {
		this.by = by;
		var wholeStrangers = withholding.strangersOf(whole, by, grouping);
		if (wholeStrangers.isEmpty()) {
			this.numerators = null;
			this.wholes = null;
			this.own = group -> false;
			this.numeratorLines = () -> reports.lineTotals(numerator, by, grouping, numeratorGroups);
			this.wholeLines = () -> reports.lineTotals(whole, by, grouping, wholeGroups);
			return;
		}
		// the numerator's lie within the whole's; of none where it reaches no one else's activities
		var numeratorStrangers = withholding.strangersOf(numerator, by, grouping).orElse(List.of());
		this.numerators = byKey(numeratorStrangers);
		this.wholes = byKey(wholeStrangers.get());
		this.own = withholding.ownByKey(whole, by, grouping);
		this.numeratorLines = () -> withholding.strangersLineTotals(numerator, by, grouping, numeratorStrangers);
		this.wholeLines = () -> withholding.strangersLineTotals(whole, by, grouping, wholeStrangers.get());
	}

	private Map<List<Object>, Integer> byKey(List<ParticipationGroup> groups) {
		var counted = new HashMap<List<Object>, Integer>();
		groups.forEach(group -> counted.put(group.values(this.by), group.participants()));
		return counted;
	}

	/**
	 * The rest of the group of the whole in strangers, where the caller's answers are weighed by them; more than any
	 * where they are not, or the group holds the partner's own people alone by its key (none of them strangers).
	 */
	int rest(ParticipationGroup whole) {
		if (this.wholes == null || this.own.test(whole)) {
			return Integer.MAX_VALUE;
		}
		var key = whole.values(this.by);
		return this.wholes.getOrDefault(key, 0) - this.numerators.getOrDefault(key, 0);
	}

	/** The group of the whole and its numerator's ({@code group}) as the lines beside it weigh them. */
	ShareComplements.Share share(ParticipationGroup group, ParticipationGroup whole) {
		var key = whole.values(this.by);
		if (this.wholes == null) {
			return new ShareComplements.Share(key, group.participants(), whole.participants());
		}
		if (this.own.test(whole)) {
			return new ShareComplements.Share(key, 0, 0);
		}
		int numerator = this.numerators.getOrDefault(key, 0);
		int total = this.wholes.getOrDefault(key, 0);
		// a part of the partner's own people alone is weighed as one, as its breakdowns weigh such a group
		numerator = group.participants() > 0 && numerator == 0 ? 1 : numerator;
		int rest = Math.max(0, total - numerator);
		rest = whole.participants() > group.participants() && rest == 0 ? 1 : rest;
		return new ShareComplements.Share(key, numerator, numerator + rest);
	}

	Supplier<LineTotals> numeratorLines() {
		return this.numeratorLines;
	}

	Supplier<LineTotals> wholeLines() {
		return this.wholeLines;
	}

}
