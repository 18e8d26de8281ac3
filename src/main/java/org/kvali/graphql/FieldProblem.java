package org.kvali.graphql;

/**
 * One thing wrong with one input field: which argument (e.g. {@code input.code}), its value, and why. A text value is
 * kept as {@link Text#visible} shows it, as a sheet's refused cell is.
 */
public record FieldProblem(String argument, Object value, String message) {

	public FieldProblem {
		value = value instanceof String text ? Text.visible(text) : value;
	}

}
