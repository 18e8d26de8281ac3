package org.kvali.graphql;

import java.util.Map;

import graphql.GraphqlErrorBuilder;
import graphql.ExecutionResultImpl;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL text cannot hold the NUL character, so a request carrying one anywhere, in its document or variables,
 * is refused whole with a clear error before any of it runs.
 */
@Component
class NulCharacterInterceptor implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (request.getDocument().indexOf('\0') >= 0 || containsNul(request.getVariables())) {
			var error = GraphqlErrorBuilder.newError()
				.errorType(ErrorType.BAD_REQUEST)
				.message("The request holds the NUL character (\\u0000), which no text in Kvali may contain")
				.build();
			var result = ExecutionResultImpl.newExecutionResult().addError(error).build();
			return Mono.just(new WebGraphQlResponse(new org.springframework.graphql.support.DefaultExecutionGraphQlResponse(
					request.toExecutionInput(), result)));
		}
		return chain.next(request);
	}

	private static boolean containsNul(Object value) {
		if (value instanceof String text) {
			return text.indexOf('\0') >= 0;
		}
		if (value instanceof Map<?, ?> map) {
			return map.keySet().stream().anyMatch(NulCharacterInterceptor::containsNul)
					|| map.values().stream().anyMatch(NulCharacterInterceptor::containsNul);
		}
		if (value instanceof Iterable<?> items) {
			for (var item : items) {
				if (containsNul(item)) {
					return true;
				}
			}
		}
		return false;
	}

}
