package org.kvali.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A breakdown by a dimension the filter leaves one value of, and others, derived from the breakdown by the others
 * ({@link PinnedValues}), is the breakdown counted, on both paths, over the demo data.
 */
@IntegrationTest
class PinnedValuesTest {

	/** Each dimension of codes with its column of {@code participation_fact}. */
	private static final Map<Dimension, String> COLUMNS = Map.of(Dimension.PROGRAMME, "programme_code",
			Dimension.PROJECT, "project_code", Dimension.REGION, "region", Dimension.MUNICIPALITY, "municipality",
			Dimension.VENUE_REGION, "venue_region", Dimension.VENUE_MUNICIPALITY, "venue_municipality",
			Dimension.ORGANIZATION, "organization_code", Dimension.ORGANIZER, "organizer_code", Dimension.ACTIVITY,
			"activity_code");

	@Autowired
	ReportCounts counts;

	@Autowired
	FactIndexLoader loader;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aBreakdownByAPinnedDimensionAndOthersIsTheOthersGroupsOfItsValue() {
		var paths = List.of(Optional.of(this.loader.load(null)), Optional.<FactIndex>empty());
		for (var pinned : COLUMNS.entrySet()) {
			var dimension = pinned.getKey();
			// the value with the most participants
			var code = this.jdbc.queryForObject("""
					SELECT %1$s FROM participation_fact WHERE role = 'PARTICIPANT' AND %1$s IS NOT NULL
					GROUP BY %1$s ORDER BY count(DISTINCT participant_id) DESC, %1$s LIMIT 1"""
				.formatted(pinned.getValue()), String.class);
			var filter = only(dimension, List.of(code, code));
			for (var others : List.of(List.of(Dimension.GENDER), List.of(Dimension.GENDER, Dimension.AGE_BAND),
					List.of(Dimension.MONTH))) {
				var by = new ArrayList<>(others);
				by.add(dimension);
				var sorted = by.stream().sorted().toList();
				for (var index : paths) {
					var derived = new PinnedValues(filter).derived(sorted, rest -> breakdown(index, filter, rest));
					var counted = breakdown(index, filter, sorted);
					assertThat(derived).as("%s of %s by %s, index %s", dimension, code, sorted, index.isPresent())
						.isEqualTo(counted)
						.isNotEmpty()
						.allSatisfy(group -> assertThat(group.value(dimension)).isEqualTo(code));
				}
			}
		}
	}

	@Test
	void aFilterOfSeveralValuesOrNoneOfADimensionPinsNone() {
		var by = List.of(Dimension.PROJECT, Dimension.GENDER);
		var projects = this.jdbc.queryForList("SELECT code FROM project ORDER BY code LIMIT 2", String.class);
		assertThat(new PinnedValues(only(Dimension.PROJECT, projects)).derived(by, rest -> List.of())).isNull();
		assertThat(new PinnedValues(only(Dimension.PROJECT, List.of())).derived(by, rest -> List.of())).isNull();
		assertThat(new PinnedValues(ParticipationFilter.ALL).derived(by, rest -> List.of())).isNull();
		// alone, the pinned dimension is the whole filter's one group: counted, not derived
		assertThat(new PinnedValues(only(Dimension.PROJECT, projects.subList(0, 1)))
			.derived(List.of(Dimension.PROJECT), rest -> List.of())).isNull();
		// a code the data does not hold: no groups either way
		var unknown = only(Dimension.PROJECT, List.of("NO-SUCH-PROJECT"));
		var index = Optional.of(this.loader.load(null));
		assertThat(new PinnedValues(unknown).derived(by, rest -> breakdown(index, unknown, rest))).isEmpty();
		assertThat(breakdown(index, unknown, by)).isEmpty();
	}

	private List<ParticipationGroup> breakdown(Optional<FactIndex> index, ParticipationFilter filter,
			List<Dimension> by) {
		return this.counts.breakdown(index, filter, by, Grouping.CALENDAR, List.of(), null, MeasureSet.PEOPLE,
				ReportService.MAX_SUPPRESSED_GROUPS);
	}

	/** Participants of these codes of one dimension. */
	private static ParticipationFilter only(Dimension dimension, List<String> codes) {
		return new ParticipationFilter(dimension == Dimension.PROGRAMME ? codes : null,
				dimension == Dimension.PROJECT ? codes : null, dimension == Dimension.REGION ? codes : null,
				dimension == Dimension.MUNICIPALITY ? codes : null, dimension == Dimension.VENUE_REGION ? codes : null,
				dimension == Dimension.VENUE_MUNICIPALITY ? codes : null,
				dimension == Dimension.ORGANIZATION ? codes : null, null, null, null, null, null, null,
				dimension == Dimension.ACTIVITY ? codes : null, dimension == Dimension.ORGANIZER ? codes : null, null,
				null, null);
	}

}
