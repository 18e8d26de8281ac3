package org.kvali.report;

/**
 * The suppressed groups, with how many of each line are suppressed and how many participants they hold. Groups and
 * lines are named by their places: a group by its place among the breakdown's in natural order ({@link
 * NumberedGroups}), a line by its place among the lines ({@link Lines}).
 */
final class WithheldGroups {

	private final Lines lines;

	private final boolean[] groups;

	private int size;

	/** Of each line, its suppressed groups. */
	private final int[] suppressed;

	/** Of each line, the participants of its suppressed groups. */
	private final int[] participants;

	/** None of the lines' groups suppressed yet. */
	WithheldGroups(Lines lines) {
		this.lines = lines;
		this.groups = new boolean[lines.participants().length];
		this.suppressed = new int[lines.all().length];
		this.participants = new int[lines.all().length];
	}

	/**
	 * A breakdown's lines as the weighing reads them, whatever is suppressed: read once for both ways of choosing.
	 *
	 * @param all of each line, its groups in order; the whole breakdown last
	 * @param overlap of each line: the distinct participants it is told with ({@link LineTotals}) less those of its
	 * groups added up: 0 where each person is in one group or no total is told, below 0 where some are in several (a
	 * person aged 19 at one activity and 20 at the next is in both groups of ages, 19 and younger, and 20 and older),
	 * above 0 where some are in none (a line within a region: its people of no known municipality)
	 * @param linesOf of each group: the lines it lies on, the whole breakdown left out (every group lies on it)
	 * @param withheldTotals of each line, whether the breakdown by its coarser value withholds its total (a region's
	 * municipalities)
	 * @param participants of each group, its participants
	 */
	record Lines(int[][] all, int k, int[] overlap, int[][] linesOf, boolean[] withheldTotals, int[] participants) {

	}

	void add(int group) {
		if (this.groups[group]) {
			return;
		}
		this.groups[group] = true;
		this.size++;
		for (int line : this.lines.linesOf()[group]) {
			count(line, group);
		}
		count(this.lines.all().length - 1, group);
	}

	private void count(int line, int group) {
		this.suppressed[line]++;
		this.participants[line] += this.lines.participants()[group];
	}

	boolean contains(int group) {
		return this.groups[group];
	}

	int size() {
		return this.size;
	}

	/**
	 * Whether the line's total, less what it shows, tells a suppressed group or a small sum of them, or 1 to k-1
	 * people: where people are in several groups, the suppressed groups' sum counts some twice, and the totals less
	 * one group shown told the 4 people in none of it whose three suppressed groups of ages added up to 5 (a
	 * tester's).
	 */
	boolean exposes(int line) {
		return exposes(line, this.suppressed[line], this.participants[line]);
	}

	/**
	 * How many of the group's lines other than {@code line} it would leave exposing, less those it would mend,
	 * were it suppressed.
	 */
	int exposedBy(int group, int line) {
		int change = 0;
		int participants = this.lines.participants()[group];
		for (int other : this.lines.linesOf()[group]) {
			if (other != line) {
				change += (exposes(other, this.suppressed[other] + 1, this.participants[other] + participants) ? 1 : 0)
						- (exposes(other, this.suppressed[other], this.participants[other]) ? 1 : 0);
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
	private boolean exposes(int line, int suppressed, int participants) {
		int overlap = this.lines.overlap()[line];
		int k = this.lines.k();
		if (this.lines.withheldTotals()[line] && suppressed == 0 && !SmallCells.tooSmall(overlap, k)) {
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
