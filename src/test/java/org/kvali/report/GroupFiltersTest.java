package org.kvali.report;

import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A filter covers another where each of its conditions holds the other's; narrowed to a group, a share's whole is
 * covered by its numerator where the numerator holds the group by definition (the women of a share of women).
 */
class GroupFiltersTest {

	private static final UnaryOperator<String> REGION_OF = municipality -> municipality.substring(0, 5);

	private static final ParticipationFilter EVERYONE = ParticipationFilter.ALL;

	private static ParticipationFilter filter(List<String> regions, List<Gender> genders, List<AgeBand> bands,
			AgeRange ages, List<ParticipationRole> roles, LocalDate from) {
		return new ParticipationFilter(null, null, regions, null, null, null, null, null, genders, bands, ages, null,
				null, null, null, roles, from, null);
	}

	private static ParticipationGroup group(String region, String municipality, Gender gender, AgeBand band) {
		return new ParticipationGroup(null, null, region, municipality, null, null, null, null, null, gender, band,
				null, null, null, null, null, null, 1, 1, null, null, null, false);
	}

	private static boolean whole(ParticipationFilter numerator, ParticipationFilter denominator,
			ParticipationGroup group, List<Dimension> by) {
		var narrowed = GroupFilters.narrowed(denominator, group, by, REGION_OF);
		return narrowed != null && GroupFilters.covers(numerator, narrowed);
	}

	@Test
	void aShareOfWomenHoldsTheWomensGroupWholeAndNoOther() {
		var women = filter(null, List.of(Gender.FEMALE), null, null, null, null);
		var by = List.of(Dimension.REGION, Dimension.GENDER);
		assertThat(whole(women, EVERYONE, group("GE-KK", null, Gender.FEMALE, null), by)).isTrue();
		assertThat(whole(women, EVERYONE, group("GE-KK", null, Gender.MALE, null), by)).isFalse();
		// the unknown of a code is no condition a filter can name
		assertThat(GroupFilters.narrowed(EVERYONE, group("GE-KK", null, null, null), by, REGION_OF)).isNull();
		assertThat(GroupFilters.covers(women, EVERYONE)).isFalse();
		assertThat(GroupFilters.covers(EVERYONE, women)).isTrue();
	}

	/** A denominator of every role narrowed to a group still counts them all (a review's: it counted participants). */
	@Test
	void aGroupKeepsTheRolesItsFilterCounts() {
		var everyRole = filter(null, null, null, null, List.of(ParticipationRole.values()), null);
		var by = List.of(Dimension.GENDER);
		assertThat(whole(EVERYONE, everyRole, group(null, null, Gender.FEMALE, null), by)).isFalse();
		assertThat(whole(everyRole, everyRole, group(null, null, Gender.FEMALE, null), by)).isTrue();
	}

	/** Ages are compared as the ages each selects: a band within a range, a range within bands, the unknown apart. */
	@Test
	void agesAreHeldAsTheAgesEachSelects() {
		var young = filter(null, null, null, new AgeRange(15, 29), null, null);
		var by = List.of(Dimension.AGE_BAND);
		assertThat(whole(young, EVERYONE, group(null, null, null, AgeBand.AGE_18_29), by)).isTrue();
		assertThat(whole(young, EVERYONE, group(null, null, null, AgeBand.UNDER_18), by)).isFalse();
		assertThat(whole(young, EVERYONE, group(null, null, null, AgeBand.UNKNOWN), by)).isFalse();
		var adults = filter(null, null, List.of(AgeBand.AGE_18_29, AgeBand.AGE_30_44), null, null, null);
		assertThat(GroupFilters.covers(adults, young)).isFalse();
		assertThat(GroupFilters.covers(adults, filter(null, null, null, new AgeRange(20, 40), null, null))).isTrue();
		assertThat(GroupFilters.covers(filter(null, null, List.of(AgeBand.UNKNOWN), null, null, null),
				filter(null, null, List.of(AgeBand.UNKNOWN), null, null, null))).isTrue();
	}

	/** A municipality's group is within its region: a share of people from a region holds each of its municipalities. */
	@Test
	void aMunicipalitysGroupIsWithinItsRegion() {
		var kvemoKartli = filter(List.of("GE-KK"), null, null, null, null, null);
		var by = List.of(Dimension.MUNICIPALITY);
		assertThat(whole(kvemoKartli, EVERYONE, group(null, "GE-KK-BOLNISI", null, null), by)).isTrue();
		assertThat(whole(kvemoKartli, EVERYONE, group(null, "GE-SJ-BORJOMI", null, null), by)).isFalse();
	}

	/** A share's numerator selects none of a group by definition where their conditions do not meet. */
	@Test
	void filtersWhoseConditionsDoNotMeetAreDisjoint() {
		var kvemoKartli = filter(List.of("GE-KK"), null, null, null, null, null);
		var by = List.of(Dimension.MUNICIPALITY);
		assertThat(GroupFilters.disjoint(kvemoKartli, GroupFilters.narrowed(EVERYONE,
				group(null, "GE-SJ-BORJOMI", null, null), by, REGION_OF))).isTrue();
		assertThat(GroupFilters.disjoint(kvemoKartli, GroupFilters.narrowed(EVERYONE,
				group(null, "GE-KK-BOLNISI", null, null), by, REGION_OF))).isFalse();
		var women = filter(null, List.of(Gender.FEMALE), null, null, null, null);
		assertThat(GroupFilters.disjoint(women, filter(null, List.of(Gender.MALE), null, null, null, null))).isTrue();
		assertThat(GroupFilters.disjoint(filter(null, null, null, new AgeRange(15, 29), null, null),
				filter(null, null, List.of(AgeBand.AGE_30_44), null, null, null))).isTrue();
		assertThat(GroupFilters.disjoint(filter(null, null, null, null, null, LocalDate.of(2025, 1, 1)),
				new ParticipationFilter(null, null, null, null, null, null, null, null, null, null, null, null, null,
						null, null, null, null, LocalDate.of(2024, 12, 31)))).isTrue();
		assertThat(GroupFilters.disjoint(women, EVERYONE)).isFalse();
	}

	@Test
	void datesAreHeldWithinEachOther() {
		var fromJune = filter(null, null, null, null, null, LocalDate.of(2024, 6, 1));
		assertThat(GroupFilters.covers(fromJune, filter(null, null, null, null, null, LocalDate.of(2024, 7, 1))))
			.isTrue();
		assertThat(GroupFilters.covers(fromJune, EVERYONE)).isFalse();
	}

}
