package org.kvali.indicator;

import org.kvali.access.Access;
import org.kvali.access.Role;
import org.kvali.graphql.Validation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes an indicator defined by mistake with its targets; values partners reported for it go only when the caller
 * says so, as they are the partners' record.
 */
@Service
@Transactional
class IndicatorDeletion {

	private final IndicatorRepository indicators;

	private final JdbcClient jdbc;

	IndicatorDeletion(IndicatorRepository indicators, JdbcClient jdbc) {
		this.indicators = indicators;
		this.jdbc = jdbc;
	}

	String delete(String code, boolean discardReportedValues) {
		Access.require(Role.ADMIN);
		// no value is reported for it between the count and the deletion
		this.indicators.queueWriters();
		var stored = this.indicators.named("code", code);
		int reported = this.indicators.valuesReported(stored.id());
		if (reported > 0 && !discardReportedValues) {
			new Validation().problem("code", code, "Indicator " + stored.code() + " has " + reported + " reported value"
					+ (reported == 1 ? "" : "s") + ", corrections included: give discardReportedValues: true to delete "
					+ (reported == 1 ? "it" : "them") + " with the indicator").check();
		}
		// its targets and reported values go with it (changesets 016 and 017)
		this.jdbc.sql("DELETE FROM indicator WHERE id = :id").param("id", stored.id()).update();
		return stored.code();
	}

}
