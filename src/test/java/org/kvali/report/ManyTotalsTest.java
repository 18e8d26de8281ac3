package org.kvali.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.access.ServiceScope;
import org.kvali.activity.ActivityKind;
import org.kvali.organization.OrganizationKind;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQL path's totals of many filters at once, as a series by quarter of many indicators asks them: more than
 * PostgreSQL's 65,535 parameters of one statement, they failed as an internal error (a review's); they are asked
 * 250 at a time, in their order.
 */
@IntegrationTest
class ManyTotalsTest {

	@Autowired
	ReportRepository sql;

	@Autowired
	@LiquibaseDataSource
	DataSource owner;

	@AfterEach
	void clean() {
		new JdbcTemplate(this.owner).update("DELETE FROM participant WHERE ref LIKE 'TD-MT-%'");
	}

	@Test
	void filtersOfMoreParametersThanAStatementTakesAreAnsweredInTheirOrder() {
		// 19 parameters each (a list is one): 3,500 of them more than PostgreSQL's 65,535 in one statement
		var cif = new ParticipationFilter(List.of("EU-CSO-EQUAL"), List.of("CSO-CAPACITY"), List.of("GE-KK"),
				List.of("GE-KK-MARNEULI"), List.of("GE-SJ"), List.of("GE-SJ-BORJOMI"), List.of("CIF"),
				List.of(OrganizationKind.CSO), List.of(Gender.FEMALE), List.of(AgeBand.AGE_18_29), new AgeRange(18, 29),
				false, List.of(ActivityKind.TRAINING), List.of("TRN-2024-BAKURIANI"), List.of("HEKS-EPER"),
				List.of(ParticipationRole.PARTICIPANT), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
		var all = ParticipationFilter.ALL;
		var filters = new ArrayList<>(Collections.nCopies(3_500, cif));
		filters.set(3_499, all);
		var totals = ServiceScope.call(() -> this.sql.totals(filters));
		assertThat(totals).hasSize(3_500);
		assertThat(totals.subList(0, 3_499)).containsOnly(ServiceScope.call(() -> this.sql.totals(cif)));
		// the last, in its place
		assertThat(totals.get(3_499)).isEqualTo(ServiceScope.call(() -> this.sql.totals(all)));
		assertThat(totals.get(3_499).participations()).isPositive();
	}

	/**
	 * Totals asked in several statements count the same data, while sheets commit between them: a load committed
	 * between two statements had been counted by the later filters only (a review's).
	 */
	@Test
	void totalsOfSeveralStatementsAreOfOneSnapshot() throws Exception {
		var owner = new JdbcTemplate(this.owner);
		var writing = new AtomicBoolean(true);
		// a participation committed at a time, as fast as they go
		var writer = CompletableFuture.runAsync(() -> {
			for (int i = 0; writing.get(); i++) {
				owner.update("""
						WITH p AS (INSERT INTO participant (ref, gender) VALUES (?, 'FEMALE') RETURNING id)
						INSERT INTO participation (activity_id, participant_id)
						SELECT (SELECT id FROM activity WHERE code = 'TRN-2024-BAKURIANI'), id FROM p""", "TD-MT-" + i);
			}
		});
		try {
			var filters = Collections.nCopies(2 * ReportRepository.FILTERS_A_STATEMENT, ParticipationFilter.ALL);
			int before = written(owner);
			var totals = ServiceScope.call(() -> this.sql.totals(filters));
			// the writer committed while the totals were asked, or the test proves nothing
			assertThat(written(owner)).isGreaterThan(before);
			assertThat(totals).hasSize(filters.size()).containsOnly(totals.get(0));
		}
		finally {
			writing.set(false);
			writer.get(30, TimeUnit.SECONDS);
		}
	}

	private static int written(JdbcTemplate owner) {
		return owner.queryForObject("SELECT count(*) FROM participant WHERE ref LIKE 'TD-MT-%'", Integer.class);
	}

}
