package org.kvali.report;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order asked for, put on a suppressed caller's groups after they are weighed, on groups made up for it: as
 * {@link SmallCells#suppress} answers them, the shown ones in their natural order and the withheld ones after them.
 */
class GroupOrderingTest {

	private static final List<Dimension> BY = List.of(Dimension.REGION, Dimension.AGE_BAND);

	/** Shown, in their natural order: a region not known last, an age band not known last within its region. */
	private static final List<ParticipationGroup> SHOWN = List.of(group("GE-KK", AgeBand.AGE_18_29, 12),
			group("GE-KK", AgeBand.UNKNOWN, 12), group("GE-SJ", AgeBand.AGE_30_44, 30),
			group(null, AgeBand.AGE_18_29, 7));

	private static final List<ParticipationGroup> WITHHELD = List.of(group("GE-KK", AgeBand.AGE_30_44, 4).hidden(),
			group("GE-SJ", AgeBand.AGE_18_29, 3).hidden());

	@Test
	void theShownAreOrderedAsAskedTiesByTheDimensionsAndTheWithheldStayLast() {
		assertThat(page(List.of(order(GroupOrderField.PARTICIPANTS, Direction.DESC)), null)).containsExactly(
				"GE-SJ AGE_30_44 30", "GE-KK AGE_18_29 12", "GE-KK UNKNOWN 12", "null AGE_18_29 7",
				"GE-KK AGE_30_44 withheld", "GE-SJ AGE_18_29 withheld");
		assertThat(page(List.of(order(GroupOrderField.PARTICIPANTS, Direction.ASC)), null)).containsExactly(
				"null AGE_18_29 7", "GE-KK AGE_18_29 12", "GE-KK UNKNOWN 12", "GE-SJ AGE_30_44 30",
				"GE-KK AGE_30_44 withheld", "GE-SJ AGE_18_29 withheld");
	}

	@Test
	void aValueNotKnownIsLastInEitherDirection() {
		assertThat(page(List.of(order(GroupOrderField.AGE_BAND, Direction.DESC)), null)).startsWith(
				"GE-SJ AGE_30_44 30", "GE-KK AGE_18_29 12", "null AGE_18_29 7", "GE-KK UNKNOWN 12");
		assertThat(page(List.of(order(GroupOrderField.REGION, Direction.DESC)), null)).startsWith(
				"GE-SJ AGE_30_44 30", "GE-KK AGE_18_29 12", "GE-KK UNKNOWN 12", "null AGE_18_29 7");
		assertThat(page(List.of(order(GroupOrderField.REGION, Direction.ASC)), null)).startsWith(
				"GE-KK AGE_18_29 12", "GE-KK UNKNOWN 12", "GE-SJ AGE_30_44 30", "null AGE_18_29 7");
	}

	@Test
	void thePageIsCutWhereverFirstFalls() {
		var byParticipants = List.of(order(GroupOrderField.PARTICIPANTS, Direction.DESC));
		assertThat(page(byParticipants, 0)).isEmpty();
		assertThat(page(byParticipants, 2)).containsExactly("GE-SJ AGE_30_44 30", "GE-KK AGE_18_29 12");
		assertThat(page(byParticipants, 4)).containsExactly("GE-SJ AGE_30_44 30", "GE-KK AGE_18_29 12",
				"GE-KK UNKNOWN 12", "null AGE_18_29 7");
		assertThat(page(byParticipants, 5)).containsExactly("GE-SJ AGE_30_44 30", "GE-KK AGE_18_29 12",
				"GE-KK UNKNOWN 12", "null AGE_18_29 7", "GE-KK AGE_30_44 withheld");
		assertThat(page(byParticipants, 10)).hasSize(6).endsWith("GE-SJ AGE_18_29 withheld");
		// without an order, the natural one they came in
		assertThat(page(List.of(), 3)).containsExactly("GE-KK AGE_18_29 12", "GE-KK UNKNOWN 12",
				"GE-SJ AGE_30_44 30");
	}

	private static List<String> page(List<GroupOrder> orderBy, Integer first) {
		var groups = new ArrayList<>(SHOWN);
		groups.addAll(WITHHELD);
		return GroupOrdering.page(groups, orderBy, BY, first)
			.stream()
			.map(group -> group.regionCode() + " " + group.ageBand() + " "
					+ (group.suppressed() ? "withheld" : group.participants()))
			.toList();
	}

	private static GroupOrder order(GroupOrderField field, Direction direction) {
		return new GroupOrder(field, direction);
	}

	private static ParticipationGroup group(String region, AgeBand band, int participants) {
		return new ParticipationGroup(null, null, region, null, null, null, null, null, null, null, band, null, null,
				null, null, null, null, participants, participants, null, null, null, false);
	}

}
