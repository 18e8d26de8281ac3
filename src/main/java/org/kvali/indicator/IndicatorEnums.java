package org.kvali.indicator;

import org.kvali.report.Measures;

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

	/** How a reported indicator's values of the periods within one make its value. */
	enum Aggregation {

		SUM, LATEST

	}

	enum Measure {

		PARTICIPANTS, PARTICIPATIONS, ACTIVITIES, ORGANIZATIONS;

		/** Whether it counts people or their participations, rather than activities or organizations. */
		boolean countsPeople() {
			return this == PARTICIPANTS || this == PARTICIPATIONS;
		}

		double of(Measures measures) {
			return switch (this) {
				case PARTICIPANTS -> measures.participants();
				case PARTICIPATIONS -> measures.participations();
				case ACTIVITIES -> measures.activities();
				case ORGANIZATIONS -> measures.organizations();
			};
		}

	}

	enum Status {

		NOT_STARTED, ON_TRACK, AT_RISK, OFF_TRACK, ACHIEVED, NOT_ACHIEVED

	}

	enum Granularity {

		YEAR, QUARTER

	}

}
