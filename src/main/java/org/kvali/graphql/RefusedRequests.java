package org.kvali.graphql;

import graphql.ExecutionResultImpl;
import graphql.GraphQLError;

import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;

/** The answer to a request an interceptor refuses whole, before any of it runs: one error, no data. */
final class RefusedRequests {

	private RefusedRequests() {
	}

	static WebGraphQlResponse answer(WebGraphQlRequest request, GraphQLError error) {
		var result = ExecutionResultImpl.newExecutionResult().addError(error).build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
	}

}
