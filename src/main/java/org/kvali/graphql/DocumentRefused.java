package org.kvali.graphql;

import java.util.List;

import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;

import org.springframework.graphql.execution.ErrorType;

/**
 * A document refused for its shape before it runs (too deep, too heavy, too many fields or aliases, a fragment
 * undefined or spreading itself): a BAD_REQUEST as every other request the client must change, where graphql-java
 * classed it ExecutionAborted, which no other refusal uses.
 */
final class DocumentRefused {

	private DocumentRefused() {
	}

	static AbortExecutionException because(String message) {
		return new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
			.errorType(ErrorType.BAD_REQUEST)
			.message(message)
			.build()));
	}

}
