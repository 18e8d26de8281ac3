package org.kvali.graphql;

import java.util.Map;
import java.util.regex.Pattern;

import graphql.GraphqlErrorBuilder;
import graphql.ExecutionResultImpl;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL text cannot hold the NUL character, so a request carrying one anywhere, in its document (as itself or
 * escaped in a string) or variables, is refused whole with a clear error before any of it runs. The escape is looked
 * for in the text, so it is refused in a comment or block string too, where it would be harmless.
 */
@Component
class NulCharacterInterceptor implements WebGraphQlInterceptor {

	/** A backslash, u, then 0000 or {0}: the document's escapes of NUL. */
	private static final Pattern ESCAPED_NUL = Pattern.compile("\\\\u(0000|\\{0+})");

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		var document = request.getDocument();
		if (document.indexOf('\0') >= 0 || ESCAPED_NUL.matcher(document).find() || containsNul(request.getVariables())) {
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
