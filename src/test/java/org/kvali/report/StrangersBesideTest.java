package org.kvali.report;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner's breakdown counts its strangers' groups in the same scan and keeps them: the question its weighing
 * asks next is answered from the index's answers, equal to the SQL path's count of it alone.
 */
@IntegrationTest
class StrangersBesideTest {

	private static final List<Dimension> BY = List.of(Dimension.PROJECT, Dimension.GENDER);

	private static final int MOST = ReportService.MAX_SUPPRESSED_GROUPS;

	@Autowired
	ReportRepository sql;

	@Autowired
	ReportIndex reportIndex;

	@Autowired
	FactIndexLoader loader;

	@Autowired
	SuppressionProperties suppression;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theStrangersGroupsCountedBesideAnswerTheirOwnQuestion() {
		// an index of its own, whose answers no other test has asked
		var facts = this.loader.load(null);
		var counts = new ReportCounts(this.sql, this.reportIndex, this.suppression);
		var sccsf = Set.of(organization("SCCSF"));
		var all = ParticipationFilter.ALL;
		var groups = counts.breakdown(Optional.of(facts), all, sccsf, BY, Grouping.CALENDAR, List.of(),
				MeasureSet.PEOPLE, MOST);
		assertThat(groups).isEqualTo(this.sql.breakdown(all, BY, Grouping.CALENDAR, List.of(), null,
				MeasureSet.PEOPLE, MOST));
		long hits = facts.answers.hits();
		long misses = facts.answers.misses();
		var strangers = all.strangersTo(sccsf);
		var theirs = counts.breakdown(Optional.of(facts), strangers, BY, Grouping.CALENDAR, List.of(), null,
				MeasureSet.PEOPLE, MOST);
		assertThat(List.of(facts.answers.hits(), facts.answers.misses())).as("hits and misses")
			.containsExactly(hits + 1, misses);
		var counted = this.sql.breakdown(strangers, BY, Grouping.CALENDAR, List.of(), null, MeasureSet.PEOPLE,
				MOST);
		assertThat(theirs).isEqualTo(counted).isNotEqualTo(groups);
		// a filter of others' strangers already is not counted beside: its scan leaves out people SCCSF's keeps
		var cif = Set.of(organization("CIF"));
		var again = this.loader.load(null);
		counts.breakdown(Optional.of(again), all.strangersTo(cif), sccsf, BY, Grouping.CALENDAR, List.of(),
				MeasureSet.PEOPLE, MOST);
		misses = again.answers.misses();
		assertThat(counts.breakdown(Optional.of(again), strangers, BY, Grouping.CALENDAR, List.of(), null,
				MeasureSet.PEOPLE, MOST)).isEqualTo(counted);
		assertThat(again.answers.misses()).as("the strangers to SCCSF counted on their own").isEqualTo(misses + 1);
	}

	private long organization(String code) {
		return this.jdbc.queryForObject("SELECT id FROM organization WHERE code = ?", Long.class, code);
	}

}
