package org.kvali.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
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

	/**
	 * The lines over which a total is told: each set of items whose keys (their values of {@code dimensions}
	 * dimensions, in order) differ in one place only, where there are two dimensions or more, and all the items.
	 */
	public static <T> List<List<T>> lines(List<T> items, int dimensions, Function<T, List<Object>> key) {
		var lines = new ArrayList<List<T>>();
		rows(items, dimensions, key, (varying, rest, line) -> lines.add(line));
		lines.add(items);
		return lines;
	}

	/** Receives a row of a breakdown: the index of the dimension it varies, the others' values, its items. */
	public interface RowSink<T> {

		void accept(int varying, List<Object> rest, List<T> line);

	}

	/** Each line of {@link #lines} but the whole, with the dimension it varies and the others' values. */
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
	 * caller is told each line with ({@link LineTotals}).
	 */
	static List<ParticipationGroup> suppress(List<ParticipationGroup> groups, List<Dimension> by, int k,
			LineTotals totals) {
		var dimensions = by.stream().sorted().toList();
		var weighed = ParticipationGroup.inNaturalOrder(groups, dimensions);
		// lines whose total the breakdown by their other dimensions, or by their coarser value, withholds: shown
		// whole, they would tell it
		var withheldTotals = Collections.newSetFromMap(new IdentityHashMap<List<ParticipationGroup>, Boolean>());
		var lines = new ArrayList<List<ParticipationGroup>>();
		rows(weighed, dimensions.size(), group -> group.values(dimensions), (varying, rest, line) -> {
			lines.add(line);
			if (totals.withheld(dimensions.get(varying), rest)) {
				withheldTotals.add(line);
			}
		});
		lines.add(weighed);
		var told = new IdentityHashMap<List<ParticipationGroup>, Integer>();
		for (var line : lines) {
			told.put(line, totals.of(line, weighed, group -> group.values(dimensions), dimensions));
		}
		// the lines within coarser values, before the whole, which is last; compared with the others only where
		// there are some (most suppressed breakdowns have none)
		var withinLines = totals.within(weighed, dimensions, group -> group.values(dimensions));
		var place = new IdentityHashMap<ParticipationGroup, Integer>();
		var seen = new HashMap<LineKey, List<ParticipationGroup>>();
		if (!withinLines.isEmpty()) {
			for (int n = 0; n < weighed.size(); n++) {
				place.put(weighed.get(n), n);
			}
			for (var line : lines) {
				seen.put(LineKey.of(line, place, Objects.requireNonNullElse(told.get(line), -1)), line);
			}
		}
		// groups that are a coarser value shown (no organization, of no kind): withheld beside another, they hide
		// nothing, and are taken last
		var known = Collections.newSetFromMap(new IdentityHashMap<ParticipationGroup, Boolean>());
		for (var within : withinLines) {
			// a group alone within its coarser value, with no one beyond it, can tell nothing but that value
			boolean alone = within.groups().size() == 1
					&& within.participants() <= within.groups().get(0).participants();
			if (alone && !within.withheld()) {
				known.add(within.groups().get(0));
			}
			var key = LineKey.of(within.groups(), place, within.participants());
			var line = seen.get(key);
			if (line == null && (!alone || within.withheld())) {
				line = within.groups();
				seen.put(key, line);
				lines.add(lines.size() - 1, line);
				told.put(line, within.participants());
			}
			if (line != null && within.withheld()) {
				withheldTotals.add(line);
			}
		}
		var weighing = new Weighing(WithheldGroups.Lines.of(lines, k, told, withheldTotals), known);
		var smallest = withheld(weighed, weighing, dimensions, false);
		// one dimension has a line alone, where both choose alike
		var mending = dimensions.size() > 1 ? withheld(weighed, weighing, dimensions, true) : smallest;
		var hidden = shown(groups, mending) > shown(groups, smallest) ? mending : smallest;
		var shown = new ArrayList<ParticipationGroup>(groups.size());
		var withheld = new ArrayList<ParticipationGroup>();
		for (var group : groups) {
			if (hidden.contains(group)) {
				withheld.add(group.hidden());
			}
			else {
				shown.add(group);
			}
		}
		shown.addAll(ParticipationGroup.inNaturalOrder(withheld, by));
		return shown;
	}

	/** The lines a breakdown is weighed by, and the groups shown elsewhere as a coarser value. */
	private record Weighing(WithheldGroups.Lines lines, Set<ParticipationGroup> known) {
	}

	/** The groups suppressed, the others a line needs chosen mending first or smallest first. */
	private static WithheldGroups withheld(List<ParticipationGroup> groups, Weighing weighing, List<Dimension> by,
			boolean mending) {
		// each line of groups that differ in one dimension only, and the whole breakdown, until nothing changes
		var hidden = new WithheldGroups(weighing.lines());
		for (var group : groups) {
			if (tooSmall(group.participants(), weighing.lines().k())) {
				hidden.add(group);
			}
		}
		for (int before = -1; before != hidden.size();) {
			before = hidden.size();
			weighing.lines().all().forEach(line -> secondary(line, hidden, by, mending, weighing.known()));
		}
		return hidden;
	}

	/** The participants the groups shown hold, then (below them) how many groups are shown. */
	private static long shown(List<ParticipationGroup> groups, WithheldGroups hidden) {
		long participants = 0;
		long shown = 0;
		for (var group : groups) {
			if (!hidden.contains(group)) {
				participants += group.participants();
				shown++;
			}
		}
		return participants * (groups.size() + 1L) + shown;
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
	private static void secondary(List<ParticipationGroup> line, WithheldGroups hidden, List<Dimension> by,
			boolean mending, Set<ParticipationGroup> known) {
		if (!hidden.exposes(line)) {
			return;
		}
		// a group of no one (a partner's own activity, weighed by its strangers: ReportService) hides nothing
		line.stream()
			.filter(group -> !hidden.contains(group) && group.participants() > 0)
			.min(Comparator.comparing((ParticipationGroup group) -> known.contains(group))
				.thenComparingInt(group -> mending ? hidden.exposedBy(group, line) : 0)
				.thenComparingInt(ParticipationGroup::participants)
				.thenComparingInt(ParticipationGroup::participations)
				.thenComparing(group -> group.values(by), NATURAL))
			.ifPresent(hidden::add);
	}

}
