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
		return accepted.isEmpty() || accepted.stream()
			.filter(type -> type.getQualityValue() > 0)
			.anyMatch(type -> List.of(answers).stream().anyMatch(type::isCompatibleWith));
	}

}
