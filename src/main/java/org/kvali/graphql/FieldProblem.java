package org.kvali.graphql;

/** One thing wrong with one input field: which argument (e.g. {@code input.code}), its value, and why. */
public record FieldProblem(String argument, Object value, String message) {
}
