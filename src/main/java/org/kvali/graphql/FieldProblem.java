package org.kvali.graphql;

/**
 * One thing wrong with one input field: which argument (e.g. {@code input.code}), its value, and why. The error shows
 * the value as {@link Text#visible} does ({@link ErrorHandling}).
 */
public record FieldProblem(String argument, Object value, String message) {
}
