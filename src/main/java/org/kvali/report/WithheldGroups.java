package org.kvali.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The suppressed groups, with how many of each line are suppressed and how many participants they hold. Groups are
 * told apart by identity: those added and asked about are the lines' own objects, not copies ({@code hidden()}).
 */
final class WithheldGroups {

	private final Lines lines;

	/** By identity: a group's hash would read its 23 fields, the most of the weighing's time at 70,000 groups. */
	private final Set<ParticipationGroup> groups = Collections.newSetFromMap(new IdentityHashMap<>());

	/** Of each line: its suppressed groups and their participants. */
	private final IdentityHashMap<List<ParticipationGroup>, int[]> counts = new IdentityHashMap<>();

	/** None of the lines' groups suppressed yet. */
	WithheldGroups(Lines lines) {
		this.lines = lines;
		for (var line : lines.all()) {
			this.counts.put(line, new int[2]);
		}
	}

	/**
	 * A breakdown's lines as the weighing reads them, whatever is suppressed: read once for both ways of choosing.
	 *
	 * @param all the lines, the whole breakdown last
	 * @param overlap of each line: the distinct participants it is told with ({@link LineTotals}) less those of its
	 * groups added up: 0 where each person is in one group or no total is told, below 0 where some are in several (a
	 * person aged 19 at one activity and 20 at the next is in both groups of ages, 19 and younger, and 20 and older),
	 * above 0 where some are in none (a line within a region: its people of no known municipality)
	 * @param linesOf of each group: the lines it lies on, the whole breakdown left out (every group lies on it)
	 * @param withheldTotals the lines whose total the breakdown by their coarser value withholds (a region's
	 * municipalities)
	 */
	record Lines(List<List<ParticipationGroup>> all, int k, IdentityHashMap<List<ParticipationGroup>, Integer> overlap,
			IdentityHashMap<ParticipationGroup, List<List<ParticipationGroup>>> linesOf,
			Set<List<ParticipationGroup>> withheldTotals) {

		static Lines of(List<List<ParticipationGroup>> all, int k, Map<List<ParticipationGroup>, Integer> told,
				Set<List<ParticipationGroup>> withheldTotals) {
			var overlap = new IdentityHashMap<List<ParticipationGroup>, Integer>();
			var linesOf = new IdentityHashMap<ParticipationGroup, List<List<ParticipationGroup>>>();
			for (var line : all) {
				var total = told.get(line);
				overlap.put(line, total == null ? 0
						: total - line.stream().mapToInt(ParticipationGroup::participants).sum());
			}
			for (var line : all.subList(0, all.size() - 1)) {
				for (var group : line) {
					linesOf.computeIfAbsent(group, any -> new ArrayList<>()).add(line);
				}
			}
			return new Lines(all, k, overlap, linesOf, withheldTotals);
		}

	}

	void add(ParticipationGroup group) {
		if (!this.groups.add(group)) {
			return;
		}
		for (var line : this.lines.linesOf().getOrDefault(group, List.of())) {
			count(line, group);
		}
		count(this.lines.all().get(this.lines.all().size() - 1), group);
	}

	private void count(List<ParticipationGroup> line, ParticipationGroup group) {
		this.counts.get(line)[0]++;
		this.counts.get(line)[1] += group.participants();
	}

	boolean contains(ParticipationGroup group) {
		return this.groups.contains(group);
	}

	int size() {
		return this.groups.size();
	}

	/**
	 * Whether the line's total, less what it shows, tells a suppressed group or a small sum of them, or 1 to k-1
	 * people: where people are in several groups, the suppressed groups' sum counts some twice, and the totals less
	 * one group shown told the 4 people in none of it whose three suppressed groups of ages added up to 5 (a
	 * tester's).
	 */
	boolean exposes(List<ParticipationGroup> line) {
		var count = this.counts.get(line);
		return exposes(line, count[0], count[1]);
	}

	/**
	 * How many of the group's lines other than {@code line} it would leave exposing, less those it would mend,
	 * were it suppressed.
	 */
	int exposedBy(ParticipationGroup group, List<ParticipationGroup> line) {
		int change = 0;
		for (var other : this.lines.linesOf().getOrDefault(group, List.of())) {
			if (other != line) {
				var count = this.counts.get(other);
				change += (exposes(other, count[0] + 1, count[1] + group.participants()) ? 1 : 0)
						- (exposes(other, count[0], count[1]) ? 1 : 0);
			}
		}
		return change;
	}

	/**
	 * People the line is told with beyond its groups, a region's of no known municipality beside its municipalities,
	 * are 1 to k-1 withheld wherever they are a group (by region and municipality): here one more withheld, told alone
	 * where no group is, and with the groups withheld as their sum. Of k or more they are shown there, and known. A
	 * line whose total is withheld where it is a group (a region withheld beside a small one, by region or by region
	 * and gender) tells that total, its participations at least, when all its groups are shown and no one beyond them
	 * is withheld (of all meetings, a region withheld was the sum of its municipalities, and told the one person of no
	 * known region, a tester's). Its total is still weighed as known: taken as unknown, a line of one withheld needed
	 * no other, and of trainings a solver over a donor's breakdowns by region, gender and disability then told the 4
	 * and 2 people with a disability of each region.
	 */
	private boolean exposes(List<ParticipationGroup> line, int suppressed, int participants) {
		int overlap = this.lines.overlap().get(line);
		int k = this.lines.k();
		if (this.lines.withheldTotals().contains(line) && suppressed == 0 && !SmallCells.tooSmall(overlap, k)) {
			return true;
		}
		if (overlap > 0) {
			return overlap < k ? suppressed == 0 || SmallCells.tooSmall(participants + overlap, k)
					: suppressed == 1 || suppressed > 1 && SmallCells.tooSmall(participants, k);
		}
		return suppressed == 1 || suppressed > 1 && SmallCells.tooSmall(participants, k)
				|| suppressed > 0 && SmallCells.tooSmall(Math.max(0, participants + overlap), k);
	}

}
