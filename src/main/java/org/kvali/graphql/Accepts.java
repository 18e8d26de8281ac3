package org.kvali.graphql;

import java.util.List;

import org.springframework.http.MediaType;

/** What a request's Accept takes, as both the GraphQL endpoint and the sheets' endpoint read it. */
public final class Accepts {

	private Accepts() {
	}

	/**
	 * Whether the types accepted (none: any) take one of the answers at a quality above 0: {@code q=0} says "not
	 * this one", which Spring's own matching does not heed.
	 */
	public static boolean any(List<MediaType> accepted, MediaType... answers) {
		return best(accepted, answers) != null;
	}

	/**
	 * Of the answers (the first preferred on a tie), the one the request takes at the highest quality, each at the
	 * quality of the most specific range naming it ({@code application/xml;q=0} beside {@code *}{@code /*} says "not
	 * that one", as HTTP has it); the first when nothing is accepted (any), null when none is taken.
	 */
	public static MediaType best(List<MediaType> accepted, MediaType... answers) {
		if (accepted.isEmpty()) {
			return answers[0];
		}
		MediaType best = null;
		double highest = 0;
		for (var answer : answers) {
			double quality = quality(accepted, answer);
			if (quality > highest) {
				best = answer;
				highest = quality;
			}
		}
		return best;
	}

	/** The quality the most specific of the ranges including the type gives it, 0 when none does. */
	private static double quality(List<MediaType> accepted, MediaType type) {
		MediaType closest = null;
		for (var range : accepted) {
			if (range.includes(type) && (closest == null || specificity(range) > specificity(closest))) {
				closest = range;
			}
		}
		return closest == null ? 0 : closest.getQualityValue();
	}

	private static int specificity(MediaType range) {
		return range.isWildcardType() ? 0 : range.isWildcardSubtype() ? 1 : 2;
	}

}
