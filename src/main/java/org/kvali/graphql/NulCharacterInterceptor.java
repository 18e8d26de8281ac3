package org.kvali.graphql;

import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import graphql.GraphqlErrorBuilder;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL text cannot hold the NUL character, so a request carrying one anywhere, in its document (as itself or
 * escaped in a string) or variables, is refused whole with a clear error before any of it runs. The escape is looked
 * for in the text, so it is refused in a comment or block string too, where it would be harmless. Nor is half of a
 * character valid text (a lone UTF-16 surrogate, as JSON can write it): it was stored as '?'.
 */
@Component
class NulCharacterInterceptor implements WebGraphQlInterceptor {

	/** A backslash, u, then 0000 or {0}: the document's escapes of NUL. */
	private static final Pattern ESCAPED_NUL = Pattern.compile("\\\\u(0000|\\{0+})");

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		var document = request.getDocument();
		String problem = null;
		if (document.indexOf('\0') >= 0 || ESCAPED_NUL.matcher(document).find() || any(request.getVariables(),
				text -> text.indexOf('\0') >= 0)) {
			problem = "The request holds the NUL character (\\u0000), which no text in Kvali may contain";
		}
		else if (Text.halfACharacter(document) || any(request.getVariables(), Text::halfACharacter)) {
			problem = "The request holds half of a character (a lone UTF-16 surrogate), which is not valid text";
		}
		if (problem != null) {
			return Mono.just(RefusedRequests.answer(request, GraphqlErrorBuilder.newError()
				.errorType(ErrorType.BAD_REQUEST)
				.message(problem)
				.build()));
		}
		return chain.next(request);
	}

	/** Whether any text in the value (keys of maps too) is {@code bad}. */
	private static boolean any(Object value, Predicate<String> bad) {
		if (value instanceof String text) {
			return bad.test(text);
		}
		if (value instanceof Map<?, ?> map) {
			return map.keySet().stream().anyMatch(key -> any(key, bad)) || map.values().stream().anyMatch(v -> any(v, bad));
		}
		if (value instanceof Iterable<?> items) {
			for (var item : items) {
				if (any(item, bad)) {
					return true;
				}
			}
		}
		return false;
	}

}
