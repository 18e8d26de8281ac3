package org.kvali.report;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kvali.activity.ActivityKind;

import static org.assertj.core.api.Assertions.assertThat;

/** Two filters joined select what both select. */
class ParticipationFilterTest {

	private static ParticipationFilter filter(List<String> regions, List<Gender> genders, Boolean disability,
			List<ParticipationRole> roles, LocalDate from, LocalDate to) {
		return new ParticipationFilter(null, null, regions, null, null, null, null, null, genders, null, null,
				disability, List.of(ActivityKind.TRAINING), null, null, roles, from, to);
	}

	private static ParticipationFilter aged(Integer from, Integer to) {
		return ParticipationFilter.ALL.and(new ParticipationFilter(null, null, null, null, null, null, null, null, null,
				null, new AgeRange(from, to), null, null, null, null, null, null, null));
	}

	@Test
	void eachListHoldsWhatBothAllowAndTheDatesNarrow() {
		var women = filter(null, List.of(Gender.FEMALE), null, null, LocalDate.of(2024, 1, 1), null);
		var kvemoKartli = filter(List.of("GE-KK", "GE-SJ"), null, null, null, LocalDate.of(2023, 1, 1),
				LocalDate.of(2024, 6, 30));
		var both = women.and(kvemoKartli.and(filter(List.of("GE-KK"), null, null, null, null, null)));
		assertThat(both).isEqualTo(filter(List.of("GE-KK"), List.of(Gender.FEMALE), null, null,
				LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30)));
		assertThat(women.and(filter(null, List.of(Gender.MALE, Gender.OTHER), null, null, null, null)).genders())
			.isEmpty();
	}

	@Test
	void rolesAreThoseBothCountAndParticipantsWhenNeitherSays() {
		var unsaid = filter(null, null, null, null, null, null);
		assertThat(unsaid.and(unsaid).roles()).isNull();
		assertThat(unsaid.and(filter(null, null, null, List.of(ParticipationRole.PARTICIPANT, ParticipationRole.TRAINER),
				null, null)).roles()).containsExactly(ParticipationRole.PARTICIPANT);
		assertThat(filter(null, null, null, List.of(ParticipationRole.TRAINER), null, null).and(unsaid).roles())
			.isEmpty();
	}

	@Test
	void differentDisabilityConditionsSelectNothing() {
		var with = filter(null, null, true, null, null, null);
		assertThat(with.and(filter(null, null, null, null, null, null))).isEqualTo(with);
		assertThat(with.and(with)).isEqualTo(with);
		var neither = with.and(filter(null, null, false, null, null, null));
		assertThat(neither.activities()).isEmpty();
		assertThat(neither.withActivities(null)).isEqualTo(with);
	}

	@Test
	void agesJoinedAreThoseOfBothRangesAndNoneWhereTheyDoNotMeet() {
		var young = aged(15, 29);
		assertThat(young.and(aged(null, null)).ages()).isEqualTo(new AgeRange(15, 29));
		assertThat(young.and(aged(25, null)).ages()).isEqualTo(new AgeRange(25, 29));
		assertThat(aged(null, 40).and(aged(18, null)).ages()).isEqualTo(new AgeRange(18, 40));
		assertThat(young.and(ParticipationFilter.ALL)).isEqualTo(young);
		assertThat(young.and(aged(25, null)).activities()).isNull();
		var apart = young.and(aged(30, 44));
		assertThat(apart.ages().holdsNone()).isTrue();
		assertThat(apart.activities()).isEmpty();
		assertThat(young.and(aged(29, 29)).activities()).isNull();
		// open ends of the same side (they failed unboxing a null end)
		assertThat(aged(18, null).and(aged(17, null)).ages()).isEqualTo(new AgeRange(18, null));
		assertThat(aged(null, 40).and(aged(null, 50)).ages()).isEqualTo(new AgeRange(null, 40));
		assertThat(new AgeRange(null, null).and(new AgeRange(null, null))).isEqualTo(new AgeRange(null, null));
		assertThat(AgeRange.agesApart(new AgeRange(17, null), null, new AgeRange(18, null), null)).isEqualTo(1);
		assertThat(AgeRange.agesApart(new AgeRange(13, 18), null, new AgeRange(13, 18), List.of(AgeBand.UNDER_18)))
			.isEqualTo(1);
		assertThat(AgeRange.agesApart(null, null, new AgeRange(15, 29), null)).isGreaterThan(100);
		// a range and bands it does not meet select no one either
		var under18 = new ParticipationFilter(null, null, null, null, null, null, null, null, null,
				List.of(AgeBand.UNDER_18), null, null, null, null, null, null, null, null);
		assertThat(under18.and(aged(30, null)).activities()).isEmpty();
		assertThat(under18.and(aged(15, null)).activities()).isNull();
		assertThat(new AgeRange(15, 29).agesWithin(null)).isEqualTo(15);
		assertThat(new AgeRange(15, 29).agesWithin(List.of(AgeBand.UNDER_18, AgeBand.AGE_30_44))).isEqualTo(3);
		assertThat(new AgeRange(30, null).agesWithin(List.of(AgeBand.UNDER_18, AgeBand.UNKNOWN))).isZero();
		// an open end counts as many ages, whoever is that old
		assertThat(new AgeRange(148, null).agesWithin(null)).isGreaterThanOrEqualTo(AgeRange.FEWEST_SUPPRESSED);
		assertThat(new AgeRange(148, 150).agesWithin(null)).isEqualTo(3);
	}

	@Test
	void aRangeOfAgesSelectsPeopleAndLeavesOutTheBandsItMisses() {
		var young = aged(15, 29);
		assertThat(young.selectsPeople(true)).isTrue();
		assertThat(ParticipationFilter.ALL.selectsPeople(true)).isFalse();
		assertThat(Arrays.stream(AgeBand.values()).filter(band -> young.excludes(Dimension.AGE_BAND, band)))
			.containsExactly(AgeBand.AGE_30_44, AgeBand.AGE_45_59, AgeBand.AGE_60_PLUS, AgeBand.UNKNOWN);
		assertThat(Arrays.stream(AgeBand.values()).filter(band -> aged(60, null).excludes(Dimension.AGE_BAND, band)))
			.containsExactly(AgeBand.UNDER_18, AgeBand.AGE_18_29, AgeBand.AGE_30_44, AgeBand.AGE_45_59, AgeBand.UNKNOWN);
		assertThat(Arrays.stream(AgeBand.values()).filter(band -> aged(17, 18).excludes(Dimension.AGE_BAND, band)))
			.containsExactly(AgeBand.AGE_30_44, AgeBand.AGE_45_59, AgeBand.AGE_60_PLUS, AgeBand.UNKNOWN);
		assertThat(young.excludes(Dimension.GENDER, Gender.MALE)).isFalse();
		// the unknown of a dimension the filter selects values of (it failed for disability: a tester's)
		var disabled = filter(List.of("GE-KK"), null, true, null, null, null);
		assertThat(disabled.excludes(Dimension.DISABILITY, null)).isTrue();
		assertThat(disabled.excludes(Dimension.DISABILITY, false)).isTrue();
		assertThat(disabled.excludes(Dimension.DISABILITY, true)).isFalse();
		assertThat(disabled.excludes(Dimension.REGION, null)).isTrue();
		assertThat(young.excludes(Dimension.REGION, null)).isFalse();
	}

	/** A group of ages is left out by a filter that selects none of its ages; unknown ages by a range or bands. */
	@Test
	void aGroupOfAgesIsLeftOutWhereTheFilterSelectsNoneOfItsAges() {
		var young = aged(15, 29);
		var groups = List.of(new AgeRange(0, 14), new AgeRange(10, 15), new AgeRange(29, 39), new AgeRange(30, null));
		assertThat(groups.stream().filter(group -> young.excludes(Dimension.AGE_GROUP, group)))
			.containsExactly(new AgeRange(0, 14), new AgeRange(30, null));
		assertThat(young.excludes(Dimension.AGE_GROUP, null)).isTrue();
		assertThat(ParticipationFilter.ALL.excludes(Dimension.AGE_GROUP, null)).isFalse();
		assertThat(ParticipationFilter.ALL.excludes(Dimension.AGE_GROUP, new AgeRange(0, 14))).isFalse();
		var bands = ParticipationFilter.ALL.and(new ParticipationFilter(null, null, null, null, null, null, null, null,
				null, List.of(AgeBand.UNDER_18, AgeBand.UNKNOWN), null, null, null, null, null, null, null, null));
		assertThat(bands.excludes(Dimension.AGE_GROUP, null)).isFalse();
		assertThat(bands.excludes(Dimension.AGE_GROUP, new AgeRange(18, 29))).isTrue();
		assertThat(bands.excludes(Dimension.AGE_GROUP, new AgeRange(15, 19))).isFalse();
	}

}
