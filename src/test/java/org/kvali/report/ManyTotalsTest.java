package org.kvali.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.access.ServiceScope;
import org.kvali.activity.ActivityKind;
import org.kvali.organization.OrganizationKind;

import org.springframework.beans.factory.annotation.Autowired;

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

}
