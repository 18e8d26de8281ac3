package org.kvali.report;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

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

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

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

	@Test
	void theStrangersAreCountedBesideOnlyWhereTheirAnswerIsKept() {
		var sccsf = Set.of(organization("SCCSF"));
		var all = ParticipationFilter.ALL;
		var strangers = all.strangersTo(sccsf);
		var facts = this.loader.load(null);
		long combinations = (long) facts.dictionaries.get(Dimension.PROJECT).size()
				* facts.dictionaries.get(Dimension.GENDER).size();
		var known = facts.knownTo(sccsf);
		var query = new IndexQuery(facts, all);
		var theirs = this.sql.breakdown(strangers, BY, Grouping.CALENDAR, List.of(), null, MeasureSet.PEOPLE, MOST);
		// fewer than the combinations: an answer one group lighter than all of them would still be kept, so that a
		// miss below is the rule's, not their weight's
		assertThat((long) theirs.size()).as("the strangers' groups").isLessThan(combinations);
		assertThat(query.breakdownWithStrangers(BY, Grouping.CALENDAR, List.of(), MeasureSet.PEOPLE, MOST,
				new IndexScan.Beside(known, combinations)).strangers()).as("as many combinations as asked")
			.isEqualTo(theirs);
		assertThat(query.breakdownWithStrangers(BY, Grouping.CALENDAR, List.of(), MeasureSet.PEOPLE, MOST,
				new IndexScan.Beside(known, combinations - 1)).strangers()).as("more combinations than asked")
			.isNull();
		// answers kept as heavy as all the combinations: the strangers' question a hit; one group lighter, a miss,
		// though their answer would fit: not counted beside where it might not
		for (long heaviest : List.of(combinations, combinations - 1)) {
			var light = new FactIndexLoader(this.dataSource, this.transactions,
					new IndexSettings(16, 20 * heaviest, ScanMemory.defaultLimit())).load(null);
			var counts = new ReportCounts(this.sql, this.reportIndex, this.suppression);
			counts.breakdown(Optional.of(light), all, sccsf, BY, Grouping.CALENDAR, List.of(), MeasureSet.PEOPLE,
					MOST);
			long hits = light.answers.hits();
			counts.breakdown(Optional.of(light), strangers, BY, Grouping.CALENDAR, List.of(), null,
					MeasureSet.PEOPLE, MOST);
			assertThat(light.answers.hits()).as("strangers' answer kept as heavy as %d groups", heaviest)
				.isEqualTo(hits + (heaviest == combinations ? 1 : 0));
		}
	}

	private long organization(String code) {
		return this.jdbc.queryForObject("SELECT id FROM organization WHERE code = ?", Long.class, code);
	}

}
