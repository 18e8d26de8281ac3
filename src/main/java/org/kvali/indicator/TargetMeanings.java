package org.kvali.indicator;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.kvali.graphql.Text;
import org.kvali.graphql.Validation;

import org.springframework.stereotype.Component;

/**
 * What an indicator's stored figures mean rests on its definition: a target of 120 participants is no target of 120
 * activities, nor of 120 %, and a cumulative target of 200 by 2025 is no target of 200 within 2025. A change of unit,
 * measure or cumulation is taken only once the figures it would misread are restated: targets removed (and set anew
 * after), a baseline given anew or cleared with it; values reported in another unit are the partners' record and
 * stay, so an indicator with any keeps its unit. Found through a change of measure by a reviewer: donors saw 9
 * activities against a target of 120 participants, off track.
 */
@Component
class TargetMeanings {

	private final IndicatorRepository indicators;

	TargetMeanings(IndicatorRepository indicators) {
		this.indicators = indicators;
	}

	/** Each change of unit, measure, cumulation and aggregation, told at once (one a round trip was told before). */
	void check(Indicator stored, IndicatorDefinitions.UpdateInput input, Set<String> nulls, Validation validation) {
		if (input.unit() != null && input.unit() != stored.unit()) {
			var was = "in " + lower(stored.unit()) + "s";
			restated(stored, input, nulls, "unit", input.unit(), was, validation);
			int reported = this.indicators.valuesReported(stored.id());
			if (reported > 0) {
				validation.problem("input.unit", input.unit(), reported + (reported == 1 ? " value was" : " values were")
						+ " reported for the indicator " + was + ", the partners' record, which a new unit would"
						+ " misread: define another indicator for the new unit");
			}
		}
		// a reported indicator has no measure, and is refused one (IndicatorRedefinition)
		if (input.measure() != null && stored.measure() != null && input.measure() != stored.measure()) {
			restated(stored, input, nulls, "measure", input.measure(), "of " + lower(stored.measure()), validation);
		}
		if (input.cumulative() != null && input.cumulative() != stored.cumulative()) {
			restated(stored, input, nulls, "cumulative", input.cumulative(), stored.cumulative()
					? "counted from the programme's start" : "counted within each period", validation);
		}
		// a target of 7 municipalities added up over a year is no target of 7 at its end; the values reported are
		// the partners' record and stay, now read the new way (as they may have been meant)
		boolean sameUnit = input.unit() == null || input.unit() == stored.unit();
		if (input.aggregation() != null && stored.aggregation() != null && input.aggregation() != stored.aggregation()
				&& stored.unit() == IndicatorEnums.Unit.NUMBER && sameUnit) {
			restated(stored, input, nulls, "aggregation", input.aggregation(), stored.levels()
					? "levels, the latest of a period's values" : "sums of the values reported within a period",
					validation);
			if (input.aggregation() == IndicatorEnums.Aggregation.SUM) {
				partsAddedUp(stored, validation);
			}
		}
	}

	/**
	 * Levels become sums: a count's parts reported as levels, the latest of a period's, are added up from then on, and
	 * stay within their wholes as any reported under SUM do ({@link PartsWithinWholes}). Women at 8 in each quarter of
	 * a year counted 10 came to 32 once added up, and were taken without a word (a review's).
	 */
	private void partsAddedUp(Indicator stored, Validation validation) {
		var values = PartsWithinWholes.current(this.indicators.reportedValues(stored.id()));
		var windows = values.stream().map(PartsWithinWholes.Part::period).distinct().toList();
		var problems = PartsWithinWholes.beyond(values, windows, PartsWithinWholes.SPLITS, true);
		if (!problems.isEmpty()) {
			validation.problem("input.aggregation", IndicatorEnums.Aggregation.SUM, "Added up, the values reported "
					+ "would not stay within their wholes: " + problems.stream().limit(3)
						.map(problem -> problem.substring(0, 1).toLowerCase(Locale.ROOT) + problem.substring(1))
						.collect(Collectors.joining("; "))
					+ (problems.size() > 3 ? "; and " + (problems.size() - 3) + " more" : "")
					+ ". Correct or withdraw them first (reportIndicatorValue, withdrawIndicatorValue)");
		}
	}

	/**
	 * The targets, and for a unit or measure the baseline, that are {@code was} (in numbers, of participants) and
	 * must be restated with the change of {@code field}.
	 */
	private static void restated(Indicator stored, IndicatorDefinitions.UpdateInput input, Set<String> nulls,
			String field, Object value, String was, Validation validation) {
		boolean counting = field.equals("cumulative") || field.equals("aggregation");
		var kind = counting ? "way of counting" : field;
		if (!stored.targets().isEmpty()) {
			validation.problem("input." + field, value, "The indicator's targets (" + stored.targets().stream()
				.map(Indicator.Target::periodKey)
				.limit(3)
				.collect(Collectors.joining(", ")) + (stored.targets().size() > 3 ? ", ..." : "") + ") are " + was
					+ "; remove them first (setIndicatorTargets with an empty list), then set them anew in the new "
					+ kind);
		}
		if (!counting && stored.baselineValue() != null && input.baseline() == null
				&& !nulls.contains("baseline")) {
			validation.problem("input." + field, value, "The indicator's baseline ("
					+ Text.decimal(stored.baselineValue()) + ") is " + was + ": give a baseline in the new " + kind
					+ " with it, or null for none");
		}
	}

	private static String lower(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

}
