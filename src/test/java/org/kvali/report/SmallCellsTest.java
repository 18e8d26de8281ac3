package org.kvali.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The suppression rule on groups made up for it, k = 5. */
class SmallCellsTest {

	/**
	 * Region A's 2 women are withheld, then A's 20 men beside them (the row adds up to 2), then C's 25 women (the
	 * women's column had one withheld). The men's column then has one withheld group of 20, which adds up to k: were
	 * that enough, A's men would be told as the column's total minus the others, and A's women as A's total minus
	 * them. C's 35 men are withheld too.
	 */
	@Test
	void aLineWithOneWithheldGroupLosesAnotherWhateverItsSize() {
		var groups = List.of(group("A", Gender.FEMALE, 2), group("A", Gender.MALE, 20), group("B", Gender.FEMALE, 30),
				group("B", Gender.MALE, 40), group("C", Gender.FEMALE, 25), group("C", Gender.MALE, 35));
		var suppressed = SmallCells.suppress(groups, List.of(Dimension.REGION, Dimension.GENDER), 5, LineTotals.whole(sum(groups)));
		assertThat(suppressed).extracting(group -> group.regionCode() + " " + group.gender() + " " + group.suppressed())
			.containsExactly("B FEMALE false", "B MALE false", "A FEMALE true", "A MALE true", "C FEMALE true",
					"C MALE true");
	}

	/** Two withheld groups of 1 beside a shown total would be told exactly: they add up to less than k. */
	@Test
	void withheldGroupsAddingUpToLessThanKLoseAnother() {
		var groups = List.of(group("A", Gender.FEMALE, 12), group("A", Gender.OTHER, 1), group("A", Gender.UNDISCLOSED, 1),
				group("A", Gender.MALE, 9));
		var suppressed = SmallCells.suppress(groups, List.of(Dimension.GENDER), 5, LineTotals.whole(sum(groups)));
		assertThat(suppressed).extracting(group -> group.gender() + " " + group.suppressed())
			.containsExactly("FEMALE false", "MALE true", "OTHER true", "UNDISCLOSED true");
	}

	/**
	 * Where people are in several groups (their age changes between two activities' years), the totals less the
	 * groups shown tell more than the withheld groups' sum: a tester's 22 people of two activities, 18 of 25 and over
	 * shown, told the 4 others though the withheld groups of 2, 2 and 1 added up to 5 (one person of 19 and 20 is in
	 * two of them). Where the totals less those shown are k or more, or the groups shown overlap so that they tell
	 * nothing, the rest stays shown.
	 */
	@Test
	void theTotalsLessTheGroupsShownTellNoFewPeopleWherePeopleAreInSeveralGroups() {
		var groups = List.of(ages(0, 19, 2), ages(20, 24, 2), ages(25, null, 18), ages(null, null, 1));
		assertThat(SmallCells.suppress(groups, List.of(Dimension.AGE_GROUP), 5, LineTotals.whole(22)))
			.allMatch(ParticipationGroup::suppressed);
		assertThat(SmallCells.suppress(groups, List.of(Dimension.AGE_GROUP), 5, LineTotals.whole(23)))
			.extracting(group -> group.suppressed())
			.containsExactly(false, true, true, true);
		// 45 people of groups adding up to 54: those shown, 48, hold some of the same people, and tell no rest
		var overlapping = List.of(ages(0, 19, 3), ages(20, 24, 3), ages(25, 29, 18), ages(30, null, 30));
		assertThat(SmallCells.suppress(overlapping, List.of(Dimension.AGE_GROUP), 5, LineTotals.whole(45)))
			.extracting(group -> group.ageGroup().lowest() + " " + group.suppressed())
			.containsExactly("25 false", "30 false", "0 true", "20 true");
	}

	/**
	 * The same in each line of a breakdown of two dimensions, whose total the breakdown by the other tells (a
	 * reviewer's): a project of 22 people, 18 of 25 and over shown, told the 4 others beside the project's own total.
	 */
	@Test
	void eachLineIsWeighedAgainstItsOwnTotal() {
		var groups = new ArrayList<ParticipationGroup>();
		for (var group : List.of(ages(0, 19, 2), ages(20, 24, 2), ages(25, null, 18), ages(null, null, 1))) {
			groups.add(inProject("P1", group));
		}
		for (var group : List.of(ages(0, 19, 30), ages(20, 24, 30), ages(25, null, 30), ages(null, null, 30))) {
			groups.add(inProject("P2", group));
		}
		var by = List.of(Dimension.PROJECT, Dimension.AGE_GROUP);
		var byProject = Map.of(Dimension.AGE_GROUP, Map.<List<Object>, Integer>of(List.of("P1"), 22, List.of("P2"), 110));
		var shown = SmallCells.suppress(groups, by, 5, new LineTotals(132, byProject))
			.stream()
			.filter(group -> !group.suppressed())
			.map(group -> group.projectCode() + " " + group.ageGroup())
			.toList();
		// and every column then lacks P1's group, whose other group each withholds too
		assertThat(shown).isEmpty();
		// without the project's total, its 18 were shown
		assertThat(SmallCells.suppress(groups, by, 5, LineTotals.whole(132))
			.stream()
			.filter(group -> !group.suppressed())
			.map(group -> group.projectCode() + " " + group.ageGroup())).contains("P1 {from: 25, to: null}");
	}

	/**
	 * Over random groups of people who may be in several (a total between the largest group and their sum), the
	 * totals less the groups shown are never 1 to k-1 where some are withheld and the totals are told.
	 */
	@Test
	void theTotalsLessTheGroupsShownAreNeverAFewOverRandomOverlaps() {
		var random = new Random(20261203);
		for (int round = 0; round < 1000; round++) {
			var groups = new ArrayList<ParticipationGroup>();
			int sum = 0;
			int largest = 0;
			int from = 0;
			for (int g = 1 + random.nextInt(6); g > 0; g--) {
				int participants = 1 + random.nextInt(random.nextBoolean() ? 6 : 30);
				groups.add(ages(from, from + 4, participants));
				from += 5;
				sum += participants;
				largest = Math.max(largest, participants);
			}
			int total = largest + random.nextInt(sum - largest + 1);
			var suppressed = SmallCells.suppress(groups, List.of(Dimension.AGE_GROUP), 5, LineTotals.whole(total));
			int shown = suppressed.stream().filter(group -> !group.suppressed()).mapToInt(ParticipationGroup::participants)
				.sum();
			boolean withheld = suppressed.stream().anyMatch(ParticipationGroup::suppressed);
			// a total under 5 is itself withheld
			assertThat(withheld && total >= 5 && total - shown > 0 && total - shown < 5)
				.as("round %d: %s of %d", round, groups, total)
				.isFalse();
		}
	}

	/**
	 * The other withheld group a line needs is one that mends another line rather than one that breaks a new one: a
	 * donor's projects by years (P1 12, 7, 2; P2 7, 8, 7) came back blank, the smallest of P2 chosen beside P1's 2
	 * breaking 2024's column, where P2's 2025 joined the column P1's 7 had opened; 2024 is shown whole now.
	 */
	@Test
	void aWithheldGroupIsChosenToMendAnotherLine() {
		var groups = List.of(year("P1", "2024", 12), year("P1", "2025", 7), year("P1", "2026", 2),
				year("P2", "2024", 7), year("P2", "2025", 8), year("P2", "2026", 7));
		var suppressed = SmallCells.suppress(groups, List.of(Dimension.PROJECT, Dimension.YEAR), 5, LineTotals.whole(sum(groups)));
		assertThat(suppressed).extracting(group -> group.projectCode() + " " + group.period().key() + " "
				+ (group.suppressed() ? "withheld" : group.participants()))
			.containsExactly("P1 2024 12", "P2 2024 7", "P1 2025 withheld", "P1 2026 withheld", "P2 2025 withheld",
					"P2 2026 withheld");
	}

	/**
	 * Whichever way the other groups are chosen, no line of random breakdowns of two and three dimensions that shows
	 * a group is left with one withheld group, or withheld groups of fewer than k participants, and every small group
	 * is withheld.
	 */
	@Test
	void noLineTellsAWithheldGroupOverRandomBreakdowns() {
		var random = new Random(20261202);
		var regions = List.of("A", "B", "C", "D");
		for (int round = 0; round < 500; round++) {
			var by = round % 2 == 0 ? List.of(Dimension.REGION, Dimension.GENDER)
					: List.of(Dimension.REGION, Dimension.GENDER, Dimension.AGE_BAND);
			var groups = new ArrayList<ParticipationGroup>();
			for (var region : regions.subList(0, 2 + random.nextInt(3))) {
				for (var gender : List.of(Gender.FEMALE, Gender.MALE, Gender.OTHER)) {
					for (var band : by.size() == 2 ? Collections.<AgeBand>singletonList(null)
							: List.of(AgeBand.AGE_18_29, AgeBand.AGE_30_44)) {
						int participants = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(random.nextBoolean() ? 6 : 40);
						if (participants > 0) {
							groups.add(new ParticipationGroup(null, null, region, null, null, null, null, null, null,
									gender, band, null, null, null, null, null, null, participants, participants, null,
									null, null, false));
						}
					}
				}
			}
			var withheld = SmallCells.suppress(groups, by, 5, LineTotals.whole(sum(groups))).stream()
				.filter(ParticipationGroup::suppressed)
				.map(group -> group.values(by))
				.collect(Collectors.toSet());
			var lines = new ArrayList<List<ParticipationGroup>>();
			SmallCells.rows(groups, by.size(), group -> group.values(by), (varying, rest, line) -> lines.add(line));
			lines.add(groups);
			for (var line : lines) {
				var hidden = line.stream().filter(group -> withheld.contains(group.values(by))).toList();
				int sum = hidden.stream().mapToInt(ParticipationGroup::participants).sum();
				// a line withheld whole tells no total (the lines are no answer's totals, the whole breakdown's is)
				assertThat(hidden.size() < line.size() && (hidden.size() == 1 || hidden.size() > 1 && sum < 5))
					.as("round %d, line %s", round, line)
					.isFalse();
			}
			assertThat(groups.stream().filter(group -> group.participants() < 5).map(group -> group.values(by)))
				.allMatch(withheld::contains);
			// the same groups in another order, their dimensions too, have the same withheld (asked in another
			// order, a breakdown withheld others, and the two answers told what each withheld: a reviewer's)
			var shuffled = new ArrayList<>(groups);
			Collections.shuffle(shuffled, random);
			var reversed = new ArrayList<>(by);
			Collections.reverse(reversed);
			assertThat(SmallCells.suppress(shuffled, reversed, 5, LineTotals.whole(sum(groups))).stream()
				.filter(ParticipationGroup::suppressed)
				.map(group -> group.values(by))
				.collect(Collectors.toSet())).as("round %d", round).isEqualTo(withheld);
		}
	}

	private static ParticipationGroup year(String project, String year, int participants) {
		var period = new Period(year, LocalDate.parse(year + "-01-01"), LocalDate.parse(year + "-12-31"));
		return new ParticipationGroup(null, project, null, null, null, null, null, null, null, null, null, null, null,
				null, null, null, period, participants, participants, null, null, null, false);
	}

	private static ParticipationGroup ages(Integer from, Integer to, int participants) {
		return new ParticipationGroup(null, null, null, null, null, null, null, null, null, null, null,
				from == null ? null : new AgeRange(from, to), null, null, null, null, null, participants, participants,
				null, null, null, false);
	}

	private static ParticipationGroup inProject(String project, ParticipationGroup group) {
		return new ParticipationGroup(null, project, null, null, null, null, null, null, null, null, null,
				group.ageGroup(), null, null, null, null, null, group.participants(), group.participants(), null, null,
				null, false);
	}

	private static int sum(List<ParticipationGroup> groups) {
		return groups.stream().mapToInt(ParticipationGroup::participants).sum();
	}

	private static ParticipationGroup group(String region, Gender gender, int participants) {
		return new ParticipationGroup(null, null, region, null, null, null, null, null, null, gender, null, null, null,
				null, null, null, null, participants, participants, null, null, null, false);
	}

}
