package org.kvali.graphql;

import java.util.List;

/** An input with one or more invalid fields; each becomes an error of its own that names the field. */
public class ValidationException extends RuntimeException {

	private final List<FieldProblem> problems;

	public ValidationException(List<FieldProblem> problems) {
		super(problems.size() + " invalid input field(s)");
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

}
