package org.kvali.indicator;

/** The enums of the indicator schema, named as there. */
final class IndicatorEnums {

	private IndicatorEnums() {
	}

	enum Level {

		IMPACT, OUTCOME, OUTPUT

	}

	enum Unit {

		NUMBER, PERCENT

	}

	enum Direction {

		HIGHER_IS_BETTER, LOWER_IS_BETTER

	}

	enum Method {

		COMPUTED, REPORTED

	}

	enum Measure {

		PARTICIPANTS, PARTICIPATIONS, ACTIVITIES, ORGANIZATIONS

	}

	enum Status {

		NOT_STARTED, ON_TRACK, AT_RISK, OFF_TRACK, ACHIEVED

	}

	enum Granularity {

		YEAR, QUARTER

	}

}
