package org.kvali.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;

/**
 * Small-cell suppression of one breakdown for callers who see aggregates only. A group of 1 to k-1 participants is
 * suppressed. So that no suppressed group can be recovered as a total minus the others, every line of groups that
 * differ in one dimension only (a row or a column of a two-dimension breakdown), and the whole breakdown, with
 * exactly one suppressed group, or whose suppressed groups' counts add up to fewer than k participants, has another
 * group suppressed too ({@link #secondary}), repeated until nothing changes. Exactly one was the rule before; two of 1
 * each were then told exactly:
 * of a total of 14 at a workshop, 12 without a disability shown, the 2 others could only be 1 with a disability and
 * 1 not known, since one hidden group alone would have hidden a second. Suppressed groups are placed
 * after the others, in the order of their dimension values, so that a page cut by {@code first} holds the same shown
 * groups whatever their sizes; the schema leaves them out ({@link ReportService#shownBreakdown}). The groups are
 * weighed in one order, of their dimensions' values with the dimensions in the schema's order, whatever order the
 * question asks for: what is withheld depends only on the groups (asked in another order, a breakdown withheld other
 * groups, and the two answers told what each withheld, a reviewer's).
 */
public final class SmallCells {

	/**
	 * The natural order of groups' keys, as the schema gives it for breakdowns: codes, enum names and period keys
	 * ascending, age bands and groups of ages youngest first, false before true, unknown last; dimension by dimension.
	 */
	static final Comparator<List<Object>> NATURAL = (left, right) -> {
		for (int n = 0; n < left.size(); n++) {
			int compared = compareValues(left.get(n), right.get(n));
			if (compared != 0) {
				return compared;
			}
		}
		return 0;
	};

	private SmallCells() {
	}

	/** Two values of one dimension in their natural order ({@link #NATURAL}), no value last. */
	static int compareValues(Object left, Object right) {
		if (left == null || right == null) {
			return left == null ? (right == null ? 0 : 1) : -1;
		}
		if (left instanceof AgeBand band) {
			return band.compareTo((AgeBand) right);
		}
		if (left instanceof Enum<?> value) {
			return value.name().compareTo(((Enum<?>) right).name());
		}
		if (left instanceof Boolean value) {
			return value.compareTo((Boolean) right);
		}
		if (left instanceof Integer youngest) {
			return youngest.compareTo((Integer) right);
		}
		return ((String) left).compareTo((String) right);
	}

	/** Whether a set of this many participants is too small to show. */
	public static boolean tooSmall(int participants, int k) {
		return participants > 0 && participants < k;
	}

	/** Receives a row of a breakdown: the index of the dimension it varies, the others' values, its items. */
	public interface RowSink<T> {

		void accept(int varying, List<Object> rest, List<T> line);

	}

	/**
	 * Each line over which a total is told but the whole: each set of items whose keys (their values of {@code
	 * dimensions} dimensions, in order) differ in one place only, where there are two dimensions or more, with the
	 * dimension it varies and the others' values.
	 */
	public static <T> void rows(List<T> items, int dimensions, Function<T, List<Object>> key, RowSink<T> rows) {
		for (int varying = 0; varying < dimensions && dimensions > 1; varying++) {
			var byRest = new LinkedHashMap<List<Object>, List<T>>();
			for (var item : items) {
				var rest = new ArrayList<>(key.apply(item));
				rest.remove(varying);
				byRest.computeIfAbsent(rest, fixed -> new ArrayList<>()).add(item);
			}
			for (var row : byRest.entrySet()) {
				rows.accept(varying, row.getKey(), row.getValue());
			}
		}
	}

	/**
	 * The groups, in their order, with the suppressed ones moved last ({@link GroupOrdering} cuts a page). Of the two
	 * ways of choosing the other groups a line needs ({@link #secondary}), the one that shows more participants (then
	 * more groups) is taken, the smallest first where both show as much. {@code totals} are the participants the
	 * caller is told each line with ({@link LineTotals}). The groups are weighed by their places in natural order,
	 * and the lines by theirs ({@link NumberedGroups}, {@link Weighing}). The groups are a breakdown's: each once, and
	 * no two of the same values of {@code by}.
	 */
	static List<ParticipationGroup> suppress(List<ParticipationGroup> groups, List<Dimension> by, int k,
			LineTotals totals) {
		var keys = NumberedGroups.of(groups, by.stream().sorted().toList());
		var weighing = Weighing.of(keys, totals, k);
		var smallest = withheld(weighing, false);
		// one dimension has a line alone, where both choose alike
		var mending = by.size() > 1 ? withheld(weighing, true) : smallest;
		var hidden = shown(weighing, mending) > shown(weighing, smallest) ? mending : smallest;
		var given = new boolean[groups.size()];
		var withheld = new ArrayList<Integer>();
		for (int group = 0; group < keys.size(); group++) {
			if (hidden.contains(group)) {
				given[keys.given(group)] = true;
				withheld.add(group);
			}
		}
		var shown = new ArrayList<ParticipationGroup>(groups.size());
		for (int n = 0; n < groups.size(); n++) {
			if (!given[n]) {
				shown.add(groups.get(n));
			}
		}
		withheld.sort(keys.order(by));
		for (int group : withheld) {
			shown.add(keys.groups().get(group).hidden());
		}
		return shown;
	}

	/** The groups suppressed, the others a line needs chosen mending first or smallest first. */
	private static WithheldGroups withheld(Weighing weighing, boolean mending) {
		// each line of groups that differ in one dimension only, and the whole breakdown, until nothing changes
		var lines = weighing.lines();
		var hidden = new WithheldGroups(lines);
		for (int group = 0; group < lines.participants().length; group++) {
			if (tooSmall(lines.participants()[group], lines.k())) {
				hidden.add(group);
			}
		}
		for (int before = -1; before != hidden.size();) {
			before = hidden.size();
			for (int line = 0; line < lines.all().length; line++) {
				secondary(line, hidden, weighing, mending);
			}
		}
		return hidden;
	}

	/** The participants the groups shown hold, then (below them) how many groups are shown. */
	private static long shown(Weighing weighing, WithheldGroups hidden) {
		var participants = weighing.lines().participants();
		long shownParticipants = 0;
		long shown = 0;
		for (int group = 0; group < participants.length; group++) {
			if (!hidden.contains(group)) {
				shownParticipants += participants[group];
				shown++;
			}
		}
		return shownParticipants * (participants.length + 1L) + shown;
	}

	/**
	 * When exactly one group of the line is suppressed, or the suppressed ones' counts add up to 1 to k-1
	 * participants, suppresses another one too. One alone can be of k or more, suppressed for another line: told as
	 * this line's total minus the others, it would tell the small group it was suppressed to hide. The one chosen is
	 * the smallest, or, {@code mending}, the one that leaves the fewest of its other lines needing one more (it joins
	 * one that has one suppressed rather than start one that has none), then the smallest: the smallest alone blanked
	 * a donor's table of 2 projects by 3 years whose first year could be shown (a tester's), and mending first hid 36
	 * men without a disability where the smallest hid 8 men whose disability is not known. A group {@code known} as
	 * a coarser value shown is taken last: the organizations' breakdown by region withheld the people of no
	 * organization of one region beside the 2 of no region, the kinds' by region those of the other, and the two told
	 * the 2 (a tester's).
	 */
	private static void secondary(int line, WithheldGroups hidden, Weighing weighing, boolean mending) {
		if (!hidden.exposes(line)) {
			return;
		}
		int chosen = -1;
		int chosenExposes = 0;
		for (int group : weighing.lines().all()[line]) {
			// a group of no one (a partner's own activity, weighed by its strangers: ReportService) hides nothing
			if (hidden.contains(group) || weighing.lines().participants()[group] <= 0) {
				continue;
			}
			int exposes = mending ? hidden.exposedBy(group, line) : 0;
			if (chosen < 0 || before(weighing, group, exposes, chosen, chosenExposes)) {
				chosen = group;
				chosenExposes = exposes;
			}
		}
		if (chosen >= 0) {
			hidden.add(chosen);
		}
	}

	/**
	 * Whether a group is chosen before another ({@link #secondary}): not known as a coarser value, then leaving fewer
	 * lines exposing, then of fewer participants, then of fewer participations; else the one first in natural order,
	 * the other, met first.
	 */
	private static boolean before(Weighing weighing, int group, int exposes, int other, int otherExposes) {
		if (weighing.known()[group] != weighing.known()[other]) {
			return !weighing.known()[group];
		}
		if (exposes != otherExposes) {
			return exposes < otherExposes;
		}
		var participants = weighing.lines().participants();
		if (participants[group] != participants[other]) {
			return participants[group] < participants[other];
		}
		return weighing.participations()[group] < weighing.participations()[other];
	}

}
