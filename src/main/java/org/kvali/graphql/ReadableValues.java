package org.kvali.graphql;

import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * graphql-java's messages about a value of the wrong kind name the value as its parser holds it:
 * {@code EnumValue{name='FEMAL'}}, {@code StringValue{value='2024-7-18'}}. They are told as written in the document
 * instead (FEMAL, "2024-7-18"), the rest of each message as it is (a tester's).
 */
@Component
class ReadableValues implements WebGraphQlInterceptor {

	/** A parsed literal as its toString() gives it: an enum value, a string, a number or a boolean. */
	private static final Pattern LITERAL = Pattern.compile("(EnumValue)\\{name='([^']*)'}"
			+ "|(StringValue)\\{value='([^']*)'}|(?:IntValue|FloatValue|BooleanValue)\\{value=([^}]*)}");

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request).map(response -> response.getErrors().stream()
			.noneMatch(error -> error.getMessage() != null && LITERAL.matcher(error.getMessage()).find()) ? response
					: response.transform(answer -> answer.errors(response.getErrors().stream()
						.map(error -> (GraphQLError) ReadableValues.readable(error))
						.toList())));
	}

	private static GraphQLError readable(org.springframework.graphql.ResponseError error) {
		var builder = GraphqlErrorBuilder.newError()
			.message(LITERAL.matcher(error.getMessage()).replaceAll(ReadableValues::written))
			.errorType(error.getErrorType())
			.extensions(error.getExtensions().isEmpty() ? null : error.getExtensions());
		if (!error.getLocations().isEmpty()) {
			builder.locations(error.getLocations());
		}
		if (!error.getParsedPath().isEmpty()) {
			builder.path(error.getParsedPath());
		}
		return builder.build();
	}

	private static String written(MatchResult literal) {
		var text = literal.group(1) != null ? literal.group(2)
				: literal.group(3) != null ? "\"" + literal.group(4) + "\"" : literal.group(5);
		return Matcher.quoteReplacement(text);
	}

}
