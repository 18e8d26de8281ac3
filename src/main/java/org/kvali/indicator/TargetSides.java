package org.kvali.indicator;

import java.math.BigDecimal;

import org.kvali.indicator.IndicatorEnums.Direction;

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
					+ plain(baseline) + ")" : null;
		}
		return baseline != null && target < baseline
				? "A higher-is-better indicator's targets lie at or above its baseline (" + plain(baseline) + ")" : null;
	}

	static String plain(double value) {
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

}
