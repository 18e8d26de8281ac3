package org.kvali.graphql;

import java.util.Map;

import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * A request naming a persisted query by its hash instead of sending its document is refused with the code that
 * clients of automatic persisted queries (Apollo's) take as "send the whole document from now on": it was told an
 * invalid syntax about a token it never sent, and such a client stopped (a dashboard developer's). Kvali keeps no
 * documents: a store of them that any key could fill would be memory for the taking.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PersistedQueriesRefused implements WebGraphQlInterceptor {

	static final String CODE = "PERSISTED_QUERY_NOT_SUPPORTED";

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		// the marker Spring puts for a missing document, and not a document of that word sent as one
		if (!PersistedQuerySupport.PERSISTED_QUERY_MARKER.equals(request.getDocument())
				|| !request.getExtensions().containsKey("persistedQuery")) {
			return chain.next(request);
		}
		return Mono.just(RefusedRequests.answer(request, GraphqlErrorBuilder.newError()
			.errorType(ErrorType.BAD_REQUEST)
			.message("Persisted queries are not kept here: send the document itself in \"query\"")
			.extensions(Map.of("code", CODE))
			.build()));
	}

}
