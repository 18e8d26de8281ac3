package org.kvali.graphql;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.kvali.time.Today;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Reads today once for a GraphQL request and keeps it in the request's context ({@link Today#CONTEXT_KEY}): a request
 * running over midnight would otherwise count one indicator to yesterday and the next to today.
 */
@Component
class RequestDay implements WebGraphQlInterceptor {

	private final Today today;

	RequestDay(Today today) {
		this.today = today;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		var day = this.today.date();
		request.configureExecutionInput(
				(input, builder) -> builder.graphQLContext(Map.of(Today.CONTEXT_KEY, day)).build());
		return chain.next(request);
	}

}
