package org.kvali.indicator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.kvali.access.Access;
import org.kvali.access.Role;
import org.kvali.graphql.Validation;
import org.kvali.report.Period;
import org.kvali.sql.WritersQueue;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sets an indicator's targets, each checked against its programme's periods, the others given and its baseline. */
@Service
@Transactional
class IndicatorTargets {

	record TargetInput(String period, Double value) {
	}

	private final IndicatorRepository indicators;

	private final JdbcClient jdbc;

	IndicatorTargets(IndicatorRepository indicators, JdbcClient jdbc) {
		this.indicators = indicators;
		this.jdbc = jdbc;
	}

	Indicator setTargets(String code, List<TargetInput> targets) {
		Access.require(Role.ADMIN);
		// the programme's dates, baseline and direction checked are those at the write: no move comes between
		WritersQueue.join(this.jdbc);
		var stored = this.indicators.named("code", code);
		var validation = new Validation();
		var periods = new ArrayList<Period>();
		var seen = new HashSet<String>();
		for (int i = 0; i < targets.size(); i++) {
			var target = targets.get(i);
			var argument = "targets[" + i + "]";
			var period = IndicatorWindows.programmePeriod(stored, argument + ".period", target.period(), validation);
			var overlapped = period.flatMap(p -> periods.stream().filter(p::overlaps).findFirst());
			if (period.isPresent() && !seen.add(period.get().key())) {
				validation.problem(argument + ".period", target.period(), "The period has a target already in this list");
			}
			else if (overlapped.isPresent()) {
				// a status judges the day against one target: a year's and its quarter's told two different things
				validation.problem(argument + ".period", target.period(), "The period overlaps " + overlapped.get().key()
						+ ", which has a target in this list: give targets for years or for quarters, not both for one year");
			}
			else {
				period.ifPresent(periods::add);
			}
			IndicatorWindows.checkValue(stored.unit(), argument + ".value", target.value(), "A target", validation);
			var side = TargetSides.problem(stored.direction(), stored.baselineValue(), target.value());
			if (side != null && !validation.refused(argument + ".value")) {
				validation.problem(argument + ".value", target.value(), side);
			}
		}
		if (stored.cumulative() && Progress.Course.of(stored) == Progress.Course.GROWS) {
			TargetSides.neverFalling(targets, periods, validation);
		}
		validation.check();
		this.jdbc.sql("DELETE FROM indicator_target WHERE indicator_id = :id").param("id", stored.id()).update();
		for (int i = 0; i < periods.size(); i++) {
			this.jdbc.sql("""
					INSERT INTO indicator_target (indicator_id, period_key, period_start, period_end, value)
					VALUES (:id, :key, :start, :end, :value)""")
				.param("id", stored.id()).param("key", periods.get(i).key()).param("start", periods.get(i).start())
				.param("end", periods.get(i).end()).param("value", targets.get(i).value())
				.update();
		}
		return this.indicators.named("code", code);
	}

}
