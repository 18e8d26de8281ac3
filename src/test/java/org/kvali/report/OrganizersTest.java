package org.kvali.report;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which activities a set of organizations runs, by the organizer's number each activity holds. */
class OrganizersTest {

	/** Organization numbers 1 to 5 are ids 40, 10, 50, 30, 20; activities run by 0 (none), 1, 2, 3, 4, 5, 2, 4. */
	private final Organizers organizers = new Organizers(new int[] { 0, 1, 2, 3, 4, 5, 2, 4 },
			new long[] { 40, 10, 50, 30, 20 });

	@Test
	void activitiesRunByAnyOfSeveralOrganizationsWhateverTheirOrder() {
		// in this order, 50 is not found unless they are sorted first
		assertThat(this.organizers.runBy(new LinkedHashSet<>(List.of(50L, 10L, 20L, 99L))))
			.containsExactly(false, false, true, true, false, true, true, false);
		assertThat(this.organizers.runBy(Set.of(40L))).containsExactly(false, true, false, false, false, false, false,
				false);
	}

	@Test
	void noOrganizationRunsNothing() {
		assertThat(this.organizers.runBy(Set.of())).containsOnly(false).hasSize(8);
		assertThat(this.organizers.runBy(Set.of(11L, 60L))).containsOnly(false);
	}

}
