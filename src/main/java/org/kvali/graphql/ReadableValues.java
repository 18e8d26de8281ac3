package org.kvali.graphql;

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
 * instead (FEMAL, "2024-7-18"), the rest of each message as it is (a tester's). Their messages are shown as the
 * service's own are ({@link ErrorHandling#shown}): an enum's repeated a variable of 1 MB whole (a review's).
 */
@Component
class ReadableValues implements WebGraphQlInterceptor {

	/** A parsed literal as its toString() gives it: an enum value, a string, a number, a boolean or null. */
	private static final Pattern LITERAL = Pattern.compile("(EnumValue)\\{name='([^']*)'}"
			+ "|(StringValue)\\{value='([^']*)'}|(?:IntValue|FloatValue|BooleanValue)\\{value=([^}]*)}"
			+ "|(NullValue)\\{}");

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request).map(response -> {
			var errors = response.getExecutionResult().getErrors();
			// each message rewritten once; an error whose message stays is passed on as it is
			var shown = errors.stream().map(ReadableValues::readable).toList();
			return shown.equals(errors) ? response : response.transform(answer -> answer.errors(shown));
		});
	}

	/** The error with its message as it is shown, or the error itself where that is its message already. */
	private static GraphQLError readable(GraphQLError error) {
		var message = error.getMessage();
		var shown = message == null ? null
				: ErrorHandling.shown(LITERAL.matcher(message).replaceAll(ReadableValues::written));
		if (shown == null || shown.equals(message)) {
			return error;
		}
		return GraphqlErrorBuilder.newError()
			.message(shown)
			.errorType(error.getErrorType())
			.locations(error.getLocations())
			.path(error.getPath())
			.extensions(error.getExtensions())
			.build();
	}

	private static String written(MatchResult literal) {
		var text = literal.group(1) != null ? literal.group(2)
				: literal.group(3) != null ? "\"" + literal.group(4) + "\""
						: literal.group(6) != null ? "null" : literal.group(5);
		return Matcher.quoteReplacement(text);
	}

}
