package org.kvali.indicator;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import org.kvali.graphql.Text;
import org.kvali.graphql.Validation;
import org.kvali.indicator.IndicatorEnums.Direction;
import org.kvali.report.Period;

/**
 * Targets lie on the side of the baseline that the indicator's direction points to, since progress runs from the
 * baseline to the target: a higher-is-better target below its baseline turned an indicator that exceeded it OFF_TRACK,
 * and a baseline raised above the target turned one that fell short ACHIEVED. A lower-is-better indicator needs a
 * baseline for its targets, as it counts down from it (without one, progress would grow with the actual).
 */
final class TargetSides {

	private TargetSides() {
	}

	/** Why the target cannot be the indicator's with this direction and baseline, or null when it can. */
	static String problem(Direction direction, Double baseline, double target) {
		if (direction == Direction.LOWER_IS_BETTER) {
			if (baseline == null) {
				return "A lower-is-better indicator's targets lie at or below its baseline, and it has none yet";
			}
			return target > baseline ? "A lower-is-better indicator's targets lie at or below its baseline ("
					+ Text.decimal(baseline) + ")" : null;
		}
		return baseline != null && target < baseline
				? "A higher-is-better indicator's targets lie at or above its baseline (" + Text.decimal(baseline) + ")"
				: null;
	}

	/**
	 * A new baseline ({@code baseline}, the one the update leaves, given or cleared when {@code baselineGiven}) or
	 * direction must keep every stored target on its side.
	 */
	static void checkStored(Indicator stored, IndicatorDefinitions.UpdateInput input, Double baseline,
			boolean baselineGiven, Validation validation) {
		var direction = input.direction() != null ? input.direction() : stored.direction();
		for (var target : stored.targets()) {
			var problem = problem(direction, baseline, target.value());
			if (problem != null) {
				boolean byBaseline = baselineGiven && input.direction() == null;
				validation.problem(byBaseline ? "input.baseline" : "input.direction",
						byBaseline ? input.baseline() : direction, problem + "; the target of " + target.periodKey()
								+ " is " + Text.decimal(target.value()));
				return;
			}
		}
	}

	/**
	 * A cumulative higher-is-better count, from the programme's start, never falls: a target below one of an earlier
	 * period is a slip (20 for 2025, 15 for 2026 was taken, and 2026 was ACHIEVED on its first day: a tester's), each
	 * told against the highest before it. An equal one is taken: an end target restated. Each target given is at one
	 * of {@code periods} when the list was valid so far; one refused already is not told again.
	 */
	static void neverFalling(List<IndicatorTargets.TargetInput> targets, List<Period> periods, Validation validation) {
		if (periods.size() != targets.size()) {
			return;
		}
		var order = IntStream.range(0, periods.size()).boxed()
			.sorted(Comparator.comparing(i -> periods.get(i).start()))
			.toList();
		IndicatorTargets.TargetInput highest = null;
		for (int i : order) {
			var target = targets.get(i);
			var argument = "targets[" + i + "].value";
			if (highest != null && target.value() < highest.value() && !validation.refused(argument)) {
				validation.problem(argument, target.value(), "A cumulative indicator counts from the programme's"
						+ " start, so its count never falls: this target of " + target.period() + " is below "
						+ Text.decimal(highest.value()) + ", the target of " + highest.period());
			}
			if (highest == null || target.value() > highest.value()) {
				highest = target;
			}
		}
	}

}
