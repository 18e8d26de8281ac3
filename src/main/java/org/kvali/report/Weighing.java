package org.kvali.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines a breakdown's groups are weighed by ({@link SmallCells}), built from the groups' numbers ({@link
 * NumberedGroups}): each row of groups that differ in one dimension only, where there are two dimensions or more, the
 * lines within coarser values ({@link LineTotals#within}), and the whole breakdown, last. With them, the groups that
 * are a coarser value shown ({@code known}: withheld beside another, they hide nothing, and are taken last) and each
 * group's participations.
 */
record Weighing(WithheldGroups.Lines lines, boolean[] known, int[] participations) {

	/** The lines of these groups, each told with the participants {@code totals} give it. */
	static Weighing of(NumberedGroups keys, LineTotals totals, int k) {
		var lines = rows(keys, totals);
		var all = new int[keys.size()];
		Arrays.setAll(all, n -> n);
		var whole = new Line(all, totals.whole(), false);
		var known = new boolean[keys.size()];
		HashMap<LineKey, Line> seen = null;
		for (var within : within(keys, totals)) {
			if (seen == null) {
				seen = new HashMap<>();
				for (var line : lines) {
					seen.put(LineKey.of(line), line);
				}
				seen.put(LineKey.of(whole), whole);
			}
			// a group alone within its coarser value, with no one beyond it, can tell nothing but that value
			int[] groups = within.groups();
			boolean alone = groups.length == 1
					&& within.told() <= keys.groups().get(groups[0]).participants();
			if (alone && !within.withheld()) {
				known[groups[0]] = true;
			}
			var key = new LineKey(groups, within.told());
			var line = seen.get(key);
			if (line == null && (!alone || within.withheld())) {
				line = new Line(groups, within.told(), false);
				seen.put(key, line);
				lines.add(line);
			}
			if (line != null && within.withheld()) {
				line.withholdTotal();
			}
		}
		lines.add(whole);
		var participants = new int[keys.size()];
		var participations = new int[keys.size()];
		for (int group = 0; group < participants.length; group++) {
			participants[group] = keys.groups().get(group).participants();
			participations[group] = keys.groups().get(group).participations();
		}
		return new Weighing(lines(lines, k, participants), known, participations);
	}

	/**
	 * Each set of groups whose keys differ in one place only, where there are two dimensions or more: a line of the
	 * breakdown by the others, told with that group's participants where {@code totals} have them and it has two
	 * groups or more, and marked where that breakdown withholds the group.
	 */
	private static List<Line> rows(NumberedGroups keys, LineTotals totals) {
		var dimensions = keys.dimensions();
		var lines = new ArrayList<Line>();
		for (int varying = 0; varying < dimensions.size() && dimensions.size() > 1; varying++) {
			var dimension = dimensions.get(varying);
			boolean weighs = totals.weighsRows(dimension);
			for (var groups : keys.rest(varying).members()) {
				var rest = weighs ? keys.rest(groups[0], varying) : null;
				lines.add(new Line(groups, weighs && groups.length > 1 ? totals.row(dimension, rest) : null,
						weighs && totals.withheld(dimension, rest)));
			}
		}
		return lines;
	}

	/** A line within a coarser value: its groups, that value's participants, and whether it is withheld. */
	private record Within(int[] groups, int told, boolean withheld) {
	}

	/**
	 * The lines of groups whose values of one dimension lie in one value of a coarser one the breakdown has not, with
	 * the other dimensions' values alike, in the order {@link LineTotals#within} gives them.
	 */
	private static List<Within> within(NumberedGroups keys, LineTotals totals) {
		var dimensions = keys.dimensions();
		var lines = new ArrayList<Within>();
		var placesRead = new IdentityHashMap<Map<Object, Integer>, CoarserOf.Places>();
		for (var within : totals.within()) {
			int at = dimensions.indexOf(within.finer());
			if (at < 0) {
				continue;
			}
			var told = within.told(dimensions);
			// the coarser value of each finer one, numbered
			var coarserOf = CoarserOf.of(within.coarserOf(), keys.values(at), LineTotals.NOT_WITHIN, placesRead);
			var coarseIds = new int[coarserOf.length];
			var coarse = new FirstMet();
			for (int id = 0; id < coarserOf.length; id++) {
				var value = coarserOf[id];
				coarseIds[id] = value == LineTotals.NOT_WITHIN ? -1 : coarse.number(value);
			}
			// the groups of one coarser value and alike in the other dimensions
			var coarseOfGroup = new int[keys.size()];
			for (int group = 0; group < coarseOfGroup.length; group++) {
				coarseOfGroup[group] = coarseIds[keys.ids(at)[group]];
			}
			for (var groups : new GroupNumbers(coarseOfGroup, coarse.values().size()).with(keys.rest(at)).members()) {
				var key = within.key(keys.key(groups[0]), dimensions, told,
						coarse.values().get(coarseIds[keys.ids(at)[groups[0]]]));
				lines.add(new Within(groups, within.participants().getOrDefault(key, 0),
						within.withheld().contains(key)));
			}
		}
		return lines;
	}

	/** The lines in order, the whole breakdown last, as the weighing reads them, of groups of these participants. */
	private static WithheldGroups.Lines lines(List<Line> lines, int k, int[] participants) {
		var all = new int[lines.size()][];
		var overlap = new int[lines.size()];
		var withheldTotals = new boolean[lines.size()];
		var sizes = new int[participants.length];
		for (int n = 0; n < all.length; n++) {
			var line = lines.get(n);
			all[n] = line.groups();
			withheldTotals[n] = line.withheldTotal;
			int sum = 0;
			for (int group : line.groups()) {
				sum += participants[group];
				sizes[group] += n < all.length - 1 ? 1 : 0;
			}
			overlap[n] = line.told() == null ? 0 : line.told() - sum;
		}
		var linesOf = new int[participants.length][];
		for (int group = 0; group < linesOf.length; group++) {
			linesOf[group] = new int[sizes[group]];
			sizes[group] = 0;
		}
		for (int n = 0; n < all.length - 1; n++) {
			for (int group : all[n]) {
				linesOf[group][sizes[group]++] = n;
			}
		}
		return new WithheldGroups.Lines(all, k, overlap, linesOf, withheldTotals, participants);
	}

	/**
	 * A line of groups as it is built: its groups' places, ascending, the participants it is told with (null where
	 * unknown or their sum), and whether the breakdown beside it that has its total as a group withholds it, which a
	 * line within a coarser value found alike marks afterwards.
	 */
	static final class Line {

		private final int[] groups;

		private final Integer told;

		private boolean withheldTotal;

		Line(int[] groups, Integer told, boolean withheldTotal) {
			this.groups = groups;
			this.told = told;
			this.withheldTotal = withheldTotal;
		}

		int[] groups() {
			return this.groups;
		}

		Integer told() {
			return this.told;
		}

		void withholdTotal() {
			this.withheldTotal = true;
		}

	}

}
