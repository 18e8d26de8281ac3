package org.kvali.report;

/** Measures as a caller sees them: all null when suppressed for that caller. */
public record ShownMeasures(Integer participations, Integer participants, Integer activities, Integer organizations,
		boolean suppressed) {

	/** The measures, none if suppressed, and the distinct activities and organizations only those {@code shown}. */
	static ShownMeasures of(Measures measures, boolean suppressed, MeasureSet shown) {
		return suppressed ? new ShownMeasures(null, null, null, null, true)
				: new ShownMeasures(measures.participations(), measures.participants(),
						shown.activities() ? measures.activities() : null,
						shown.organizations() ? measures.organizations() : null, false);
	}

}
