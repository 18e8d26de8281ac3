package org.kvali.report;

import java.util.List;
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
		var withheld = SmallCells.suppress(groups, by, 5, null, totals).stream()
			.filter(ParticipationGroup::suppressed)
			.count();
		assertThat(withheld).isEqualTo(202);
		// the same from the index
		var fromIndex = counts.lineTotals(this.index.current(), meetings, by, Grouping.CALENDAR, groups);
		assertThat(SmallCells.suppress(groups, by, 5, null, fromIndex).stream()
			.filter(ParticipationGroup::suppressed)
			.count()).isEqualTo(202);
	}

}
