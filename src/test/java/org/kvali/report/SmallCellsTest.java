package org.kvali.report;

import java.util.List;

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
		var suppressed = SmallCells.suppress(groups, List.of(Dimension.REGION, Dimension.GENDER), 5, null);
		assertThat(suppressed).extracting(group -> group.regionCode() + " " + group.gender() + " " + group.suppressed())
			.containsExactly("B FEMALE false", "B MALE false", "A FEMALE true", "A MALE true", "C FEMALE true",
					"C MALE true");
	}

	/** Two withheld groups of 1 beside a shown total would be told exactly: they add up to less than k. */
	@Test
	void withheldGroupsAddingUpToLessThanKLoseAnother() {
		var groups = List.of(group("A", Gender.FEMALE, 12), group("A", Gender.OTHER, 1), group("A", Gender.UNDISCLOSED, 1),
				group("A", Gender.MALE, 9));
		var suppressed = SmallCells.suppress(groups, List.of(Dimension.GENDER), 5, null);
		assertThat(suppressed).extracting(group -> group.gender() + " " + group.suppressed())
			.containsExactly("FEMALE false", "MALE true", "OTHER true", "UNDISCLOSED true");
	}

	private static ParticipationGroup group(String region, Gender gender, int participants) {
		return new ParticipationGroup(null, null, region, null, null, null, null, null, gender, null, null, null, null,
				null, participants, participants, null, null, null, false);
	}

}
