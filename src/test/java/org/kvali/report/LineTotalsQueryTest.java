package org.kvali.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.StatementCounter;
import org.kvali.activity.ActivityKind;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A donor's breakdown is weighed against the breakdowns beside it, each as it would be asked alone, and those against
 * theirs in turn; each is counted once for the question. Weighed again for each way down to it, the breakdown of all
 * meetings by month, project, venue municipality and organization asked the SQL path 1,129 statements (a review's).
 */
@IntegrationTest
class LineTotalsQueryTest {

	@Autowired
	ReportRepository repository;

	@Autowired
	ReportIndex index;

	@Autowired
	SuppressionProperties suppression;

	@Autowired
	StatementCounter statements;

	@Test
	void eachBreakdownBesideIsCountedOnceForTheQuestion() {
		var counts = new ReportCounts(this.repository, this.index, this.suppression);
		var meetings = new ParticipationFilter(null, null, null, null, null, null, null, null, null, null, null, null,
				List.of(ActivityKind.MEETING), null, null, null, null, null);
		var by = List.of(Dimension.MONTH, Dimension.PROJECT, Dimension.VENUE_MUNICIPALITY, Dimension.ORGANIZATION);
		var groups = counts.breakdown(Optional.empty(), meetings, by, Grouping.CALENDAR, List.of(), null,
				MeasureSet.PEOPLE, ReportService.MAX_SUPPRESSED_GROUPS);
		assertThat(groups).hasSize(203);
		this.statements.reset();
		var totals = counts.lineTotals(Optional.empty(), meetings, by, Grouping.CALENDAR, groups);
		// the breakdowns by the sets of these dimensions and of the coarser ones in their places that hold a small
		// group, or are by venue municipality
		assertThat(this.statements.count()).isEqualTo(109);
		var withheld = SmallCells.suppress(groups, by, 5, totals).stream()
			.filter(ParticipationGroup::suppressed)
			.count();
		assertThat(withheld).isEqualTo(202);
		// the same from the index
		var fromIndex = counts.lineTotals(this.index.current(), meetings, by, Grouping.CALENDAR, groups);
		assertThat(SmallCells.suppress(groups, by, 5, fromIndex).stream()
			.filter(ParticipationGroup::suppressed)
			.count()).isEqualTo(202);
	}

	/**
	 * A breakdown beside the question's by fewer of its dimensions, where those left out describe a person, is the
	 * sum of the question's groups: weighed alike as counted, from either path, with fewer statements on the SQL path
	 * (by activity alone beside activity and gender; by project and municipality, and by project and disability,
	 * beside all three).
	 */
	@Test
	void breakdownsBesideByFewerDimensionsAreSumsOfTheQuestions() {
		var counts = new ReportCounts(this.repository, this.index, this.suppression);
		var saved = Map.of(List.of(Dimension.ACTIVITY, Dimension.GENDER), 1,
				List.of(Dimension.PROJECT, Dimension.MUNICIPALITY, Dimension.DISABILITY), 2);
		for (var by : saved.keySet()) {
			for (var index : List.of(Optional.<FactIndex>empty(), this.index.current())) {
				var groups = counts.breakdown(index, ParticipationFilter.ALL, by, Grouping.CALENDAR, List.of(), null,
						MeasureSet.PEOPLE, ReportService.MAX_SUPPRESSED_GROUPS);
				this.statements.reset();
				var counted = new LineTotalsQuery(counts, index, ParticipationFilter.ALL, Grouping.CALENDAR, 5,
						Neighbours.AS_COUNTED).weighed(by, groups);
				int countedStatements = this.statements.count();
				this.statements.reset();
				var summed = counts.lineTotals(index, ParticipationFilter.ALL, by, Grouping.CALENDAR, groups);
				assertThat(summed).as("%s, from the index: %s", by, index.isPresent()).isEqualTo(counted);
				assertThat(countedStatements - this.statements.count()).as("%s, statements saved", by)
					.isEqualTo(index.isPresent() ? 0 : saved.get(by));
			}
		}
	}

	/**
	 * Where the filter names one project, the breakdown by project and gender beside a breakdown by activity and
	 * gender is the one by gender with that project ({@link PinnedValues}): weighed alike as counted over a filter of
	 * the same rows that pins none (the project and one not held), from either path, with fewer statements on the SQL
	 * path.
	 */
	@Test
	void aBreakdownBesideByAProjectTheFilterPinsIsDerived() {
		var counts = new ReportCounts(this.repository, this.index, this.suppression);
		var by = List.of(Dimension.ACTIVITY, Dimension.GENDER);
		var pinned = projects(List.of("CSO-CAPACITY"));
		var unpinned = projects(List.of("CSO-CAPACITY", "NO-SUCH-PROJECT"));
		for (var index : List.of(Optional.<FactIndex>empty(), this.index.current())) {
			var groups = counts.breakdown(index, pinned, by, Grouping.CALENDAR, List.of(), null, MeasureSet.PEOPLE,
					ReportService.MAX_SUPPRESSED_GROUPS);
			assertThat(groups).as("the project's groups").hasSizeGreaterThan(10)
				.isEqualTo(counts.breakdown(index, unpinned, by, Grouping.CALENDAR, List.of(), null,
						MeasureSet.PEOPLE, ReportService.MAX_SUPPRESSED_GROUPS));
			this.statements.reset();
			var counted = counts.lineTotals(index, unpinned, by, Grouping.CALENDAR, groups);
			int countedStatements = this.statements.count();
			this.statements.reset();
			var derived = counts.lineTotals(index, pinned, by, Grouping.CALENDAR, groups);
			assertThat(derived).as("from the index: %s", index.isPresent()).isEqualTo(counted);
			assertThat(derived.within()).as("weighed within the activities' projects")
				.anyMatch(within -> within.coarser() == Dimension.PROJECT);
			// by project and gender, and by project and activity (which project each activity is of: the index
			// stores it)
			assertThat(countedStatements - this.statements.count()).as("statements saved")
				.isEqualTo(index.isPresent() ? 0 : 2);
		}
	}

	private static ParticipationFilter projects(List<String> projects) {
		return new ParticipationFilter(null, projects, null, null, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null);
	}

}
