package org.kvali.graphql;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import graphql.schema.DataFetchingEnvironment;

/**
 * The fields of an input object given as null rather than left out, which its record cannot tell apart: an update
 * clears those that may be empty and refuses the others, where it had kept them all without a word.
 */
public final class ExplicitNulls {

	private ExplicitNulls() {
	}

	public static Set<String> of(DataFetchingEnvironment environment, String argument) {
		if (!(environment.getArgument(argument) instanceof Map<?, ?> fields)) {
			return Set.of();
		}
		return fields.entrySet()
			.stream()
			.filter(field -> field.getValue() == null)
			.map(field -> String.valueOf(field.getKey()))
			.collect(Collectors.toUnmodifiableSet());
	}

	/** Refuses, in {@code validation}, each of {@code required} given as null: an update keeps what is left out. */
	public static void refuse(Set<String> nulls, Validation validation, String... required) {
		for (var field : required) {
			if (nulls.contains(field)) {
				validation.problem("input." + field, null, "May not be cleared; leave it out to keep it as it is");
			}
		}
	}

}
