package org.kvali.indicator;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.kvali.report.Period;

/**
 * Where a count's values for each gender, or each region, add up to more than its value for all of a period: 5 women
 * of a count of 2 were taken, and shown beside it. A count of values added up (not levels) adds its parts of every
 * period within the whole's: women reported by quarter beside a count reported for the year had never been compared
 * with it, and 50 were shown beside an actual of 10 (a review's). A year's parts beside its quarters' counts are
 * compared once all four are reported, with their sum: the quarters reported so far are not the year. Levels compare
 * one period's values alone.
 */
final class PartsWithinWholes {

	/** A current value of a period, of the whole (no dimension) or of one gender or region. */
	record Part(Period period, String dimension, BigDecimal value) {

		static Part of(ReportedValue reported) {
			return new Part(reported.period(), reported.dimension(), BigDecimal.valueOf(reported.value()));
		}

	}

	/** What a part may be of: one gender, or one region. */
	static final List<String> SPLITS = List.of("GENDER", "REGION");

	private PartsWithinWholes() {
	}

	/** The values that count now as parts and wholes, 0 among them: not those withdrawn. */
	static List<Part> current(List<ReportedValue> reported) {
		return reported.stream().filter(value -> value.current() && !value.withdrawn()).map(Part::of).toList();
	}

	/**
	 * What is wrong in {@code values} (current values other than 0) within each of {@code windows}, for each of
	 * {@code splits} (GENDER, REGION): the parts' sum set beside the whole's, in the order found.
	 */
	static List<String> beyond(List<Part> values, List<Period> windows, List<String> splits, boolean summed) {
		var problems = new ArrayList<String>();
		for (var window : windows) {
			var within = values.stream()
				.filter(part -> summed ? window.holds(part.period()) : part.period().key().equals(window.key()))
				.toList();
			var wholes = within.stream().filter(part -> part.dimension() == null).toList();
			if (wholes.isEmpty() || wholes.stream().mapToLong(whole -> days(whole.period())).sum() != days(window)) {
				continue;
			}
			// in decimals: 0.1 and 0.2 of 0.3 came to 0.30000000000000004 in doubles (a tester's)
			var whole = wholes.stream().map(Part::value).reduce(BigDecimal.ZERO, BigDecimal::add);
			for (var split : splits) {
				var parts = within.stream()
					.filter(part -> split.equals(part.dimension()))
					.map(Part::value)
					.reduce(BigDecimal.ZERO, BigDecimal::add);
				if (parts.compareTo(whole) > 0) {
					problems.add("The values for each " + split.toLowerCase(Locale.ROOT) + " of " + window.key()
							+ " would add up to " + number(parts) + ", more than the " + number(whole)
							+ (wholes.size() == 1 ? " reported for all of it"
									: " its periods' values for all of it add up to"));
				}
			}
		}
		return problems;
	}

	private static long days(Period period) {
		return ChronoUnit.DAYS.between(period.start(), period.end()) + 1;
	}

	private static String number(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}

}
