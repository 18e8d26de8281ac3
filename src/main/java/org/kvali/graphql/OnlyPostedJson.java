package org.kvali.graphql;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.webmvc.GraphQlRequestPredicates;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The GraphQL endpoint takes a POST of JSON and answers JSON. Spring's own route answers anything else with an empty
 * 405 or 415, which tells a client's developer nothing; this route, asked first, answers the requests that route
 * would not serve with the same status and one error that says what to send.
 */
@Configuration(proxyBeanMethods = false)
class OnlyPostedJson {

	private static final String PATH = "/graphql";

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	RouterFunction<ServerResponse> refusedGraphQlRequests() {
		// Spring's route takes application/graphql too, then cannot read it: refused here as any other type; so is a
		// request accepting only an event stream, which Spring answered with 200 and an error (no subscription here)
		var served = GraphQlRequestPredicates.graphQlHttp(PATH)
			.and(RequestPredicates.contentType(MediaType.APPLICATION_JSON))
			.and(OnlyPostedJson::acceptsAnswer);
		return RouterFunctions.route(RequestPredicates.path(PATH).and(served.negate()), OnlyPostedJson::refuse);
	}

	/**
	 * Whether the request accepts a JSON answer with a quality above 0: Spring's route took {@code
	 * application/json;q=0}, which says "not this", and ran the mutation it sent (a tester's).
	 */
	private static boolean acceptsAnswer(ServerRequest request) {
		return Accepts.any(request.headers().accept(), MediaType.APPLICATION_JSON,
				MediaType.APPLICATION_GRAPHQL_RESPONSE);
	}

	private static ServerResponse refuse(ServerRequest request) {
		if (!HttpMethod.POST.equals(request.method())) {
			return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED)
				.allow(Set.of(HttpMethod.POST))
				.contentType(MediaType.APPLICATION_JSON)
				.body(MalformedRequests.body("GraphQL requests are sent by POST, not " + request.method()
						+ ": a JSON body with the document as a string in \"query\""));
		}
		var type = request.headers().contentType();
		if (type.isEmpty() || !MediaType.APPLICATION_JSON.includes(type.get())) {
			return ServerResponse.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
				.contentType(MediaType.APPLICATION_JSON)
				.body(MalformedRequests.body("The body is sent as "
						+ type.map(sent -> sent.getType() + "/" + sent.getSubtype()).orElse("no type")
						+ "; send it as application/json"));
		}
		return ServerResponse.status(HttpStatus.NOT_ACCEPTABLE)
			.contentType(MediaType.APPLICATION_JSON)
			.body(MalformedRequests.body("The request accepts only " + request.headers().accept()
					+ "; the answer is application/json or application/graphql-response+json"));
	}

}
