package org.kvali.indicator;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseDataSource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An indicator defined by mistake is deleted with its targets; values partners reported for it go with it only when
 * the caller says so.
 */
@IntegrationTest
class IndicatorDeletionTest {

	// language=GraphQL
	private static final String CREATE = """
			mutation($code: ID!) {
			  createIndicator(input: {code: $code, programme: "EU-CSO-EQUAL", name: "Mistaken", level: OUTPUT,
			      unit: NUMBER, method: REPORTED}) { code }
			  setIndicatorTargets(code: $code, targets: [{period: "2025", value: 10}]) { code }
			}""";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	@LiquibaseDataSource
	DataSource ownerDataSource;

	@AfterEach
	void clean() {
		new JdbcTemplate(this.ownerDataSource).update("DELETE FROM indicator WHERE code LIKE 'TD-%'");
	}

	@Test
	void anIndicatorGoesWithItsTargetsAndItsValuesOnlyWhenAskedTo() {
		var owner = new JdbcTemplate(this.ownerDataSource);
		for (var code : new String[] { "TD-EMPTY", "TD-REPORTED" }) {
			this.graphQl.document(CREATE).variable("code", code).execute().path("setIndicatorTargets.code")
				.entity(String.class).isEqualTo(code);
		}
		// a value and its correction
		owner.update("""
				INSERT INTO indicator_value (indicator_id, period_key, period_start, period_end, value, reported_by)
				SELECT id, '2025', DATE '2025-01-01', DATE '2025-12-31', v, 'td test'
				FROM indicator, unnest(ARRAY[3, 4]) v WHERE code = 'TD-REPORTED'""");
		long empty = owner.queryForObject("SELECT id FROM indicator WHERE code = 'TD-EMPTY'", Long.class);
		assertThat(owner.queryForObject("SELECT count(*) FROM indicator_target WHERE indicator_id = ?", Integer.class,
				empty)).isOne();
		this.graphQl.document("mutation { deleteIndicator(code: \"TD-EMPTY\") }").execute().path("deleteIndicator")
			.entity(String.class).isEqualTo("TD-EMPTY");
		this.graphQl.document("mutation { deleteIndicator(code: \"TD-REPORTED\") }").execute().errors()
			.expect(error -> error.getErrorType().toString().equals("BAD_REQUEST") && error.getMessage().equals(
					"code: Indicator TD-REPORTED has 2 reported values, corrections included: give"
							+ " discardReportedValues: true to delete them with the indicator"))
			.verify();
		// refused whole: its values and its target kept
		assertThat(owner.queryForObject("SELECT count(*) FROM indicator_value v JOIN indicator i"
				+ " ON i.id = v.indicator_id WHERE i.code = 'TD-REPORTED'", Integer.class)).isEqualTo(2);
		assertThat(owner.queryForObject("SELECT count(*) FROM indicator_target t JOIN indicator i"
				+ " ON i.id = t.indicator_id WHERE i.code = 'TD-REPORTED'", Integer.class)).isOne();
		this.graphQl.document("mutation { deleteIndicator(code: \"TD-REPORTED\", discardReportedValues: true) }")
			.execute().path("deleteIndicator").entity(String.class).isEqualTo("TD-REPORTED");
		assertThat(owner.queryForObject("SELECT count(*) FROM indicator WHERE code LIKE 'TD-%'", Integer.class)).isZero();
		assertThat(owner.queryForObject("SELECT count(*) FROM indicator_target WHERE indicator_id = ?", Integer.class,
				empty)).isZero();
		assertThat(owner.queryForObject("SELECT count(*) FROM indicator_value WHERE reported_by = 'td test'",
				Integer.class)).isZero();
		this.graphQl.document("{ indicators { code } }").execute().path("indicators[*].code").entityList(String.class)
			.doesNotContain("TD-EMPTY", "TD-REPORTED");
	}

	@Test
	void anUnknownCodeIsNotFoundAndNamesTheStoredCase() {
		this.graphQl.document("mutation { deleteIndicator(code: \"out-1.1\") }").execute().errors()
			.expect(error -> error.getErrorType().toString().equals("NOT_FOUND")
					&& error.getMessage().equals("No indicator has the code 'out-1.1'; it is written OUT-1.1"))
			.verify();
	}

}
