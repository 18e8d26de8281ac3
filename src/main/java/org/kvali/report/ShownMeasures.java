package org.kvali.report;

/** Measures as a caller sees them: all null when suppressed for that caller. */
public record ShownMeasures(Integer participations, Integer participants, Integer activities, Integer organizations,
		boolean suppressed) {

	static ShownMeasures of(Measures measures, boolean suppressed) {
		return suppressed ? new ShownMeasures(null, null, null, null, true)
				: new ShownMeasures(measures.participations(), measures.participants(), measures.activities(),
						measures.organizations(), false);
	}

}
