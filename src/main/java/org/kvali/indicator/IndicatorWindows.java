package org.kvali.indicator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.kvali.graphql.InvalidArgumentException;
import org.kvali.indicator.IndicatorEnums.Granularity;
import org.kvali.report.Period;

/** The periods and date windows an indicator's values are taken over. */
final class IndicatorWindows {

	private IndicatorWindows() {
	}

	/** The activities a period's value counts: from the programme's start when cumulative; never after {@code day}. */
	static IndicatorValues.Key window(Indicator indicator, Period period, LocalDate day) {
		var from = indicator.cumulative() ? indicator.programmeStart() : period.start();
		var to = day != null && day.isBefore(period.end()) ? day : period.end();
		return new IndicatorValues.Key(indicator, from, to);
	}

	static Period period(String key) {
		return Period.ofKey(key)
			.orElseThrow(() -> new InvalidArgumentException("period", key,
					"A period is a year (2024), a quarter (2024-Q3) or a month (2024-07)"));
	}

	static Double target(Indicator indicator, String key) {
		return indicator.targets().stream().filter(t -> t.periodKey().equals(key)).map(Indicator.Target::value)
			.findFirst().orElse(null);
	}

	/** The target whose period holds the day, else the last that ended before it, else the first to come. */
	static Indicator.Target currentTarget(List<Indicator.Target> targets, LocalDate day) {
		Indicator.Target last = null;
		for (var target : targets) {
			if (!day.isBefore(target.start()) && !day.isAfter(target.end())) {
				return target;
			}
			if (target.end().isBefore(day)) {
				last = target;
			}
		}
		return last != null ? last : targets.stream().findFirst().orElse(null);
	}

	static List<Period> periods(Indicator indicator, Granularity granularity) {
		LocalDate first = indicator.programmeStart();
		LocalDate last = indicator.programmeEnd();
		if (first == null || last == null) {
			if (indicator.targets().isEmpty()) {
				return List.of();
			}
			first = indicator.targets().get(0).start();
			last = indicator.targets().get(indicator.targets().size() - 1).end();
		}
		var periods = new ArrayList<Period>();
		for (int year = first.getYear(); year <= last.getYear(); year++) {
			if (granularity == Granularity.YEAR) {
				periods.add(Period.ofKey(Integer.toString(year)).orElseThrow());
			}
			else {
				for (int quarter = 1; quarter <= 4; quarter++) {
					var period = Period.ofKey(year + "-Q" + quarter).orElseThrow();
					if (!period.end().isBefore(first) && !period.start().isAfter(last)) {
						periods.add(period);
					}
				}
			}
		}
		return periods;
	}

}
