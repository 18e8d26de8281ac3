package org.kvali.graphql;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.util.UrlPathHelper;

/**
 * Requests that are no GraphQL request at all (a body that is not JSON, no query, variables that are not an object):
 * a 400 with one GraphQL-shaped error saying what is wrong, where Spring's default named nothing.
 */
@RestControllerAdvice
class MalformedRequests {

	/** How Jackson's message for a member given twice begins; the member's quoted name follows. */
	private static final String DUPLICATE = "Duplicate Object property \"";

	@ExceptionHandler
	ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException ex, HttpServletRequest request) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof GraphQlBodyLimit.TooLarge tooLarge) {
				return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(body(tooLarge.getMessage()));
			}
			if (cause instanceof GraphQlBodyLimit.TooSlow tooSlow) {
				return ResponseEntity.status(HttpStatus.REQUEST_TIMEOUT).body(body(tooSlow.getMessage()));
			}
		}
		if (!graphQl(request)) {
			return badRequest("The request body is not readable");
		}
		var twice = givenTwice(ex);
		if (twice != null) {
			return badRequest("The body is not a GraphQL request: " + twice);
		}
		var unreadable = unreadableJson(ex);
		if (unreadable != null) {
			return badRequest("The body is not a GraphQL request: " + unreadable);
		}
		var member = member(ex);
		return badRequest("The body is not a GraphQL request: " + switch (member) {
			case "query", "operationName" -> "\"" + member + "\" must be a string";
			case "variables", "extensions" -> "\"" + member + "\" must be an object";
			default -> "JSON with the document as a string in \"query\", and \"variables\", if any, an object";
		});
	}

	/**
	 * Why JSON of the right shape could not be read, where the member it stopped in would mislead: nested deeper than
	 * the parser goes (told as "variables must be an object"), or not UTF-8; null otherwise (a tester's).
	 */
	private static String unreadableJson(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof StreamConstraintsException) {
				return "its JSON nests deeper than the parser reads (values within values, 500 levels at most)";
			}
			if (cause instanceof JacksonException json && json.getOriginalMessage() != null
					&& json.getOriginalMessage().startsWith("Invalid UTF-8")) {
				return "it is not UTF-8 text; send JSON in UTF-8";
			}
		}
		return null;
	}

	/** The request's member whose value had the wrong type, or "" when the body is not JSON of an object at all. */
	private static String member(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
				var name = json.getPath().get(0).getPropertyName();
				return name == null ? "" : name;
			}
		}
		return "";
	}

	/**
	 * Which member the body gives twice (refused by {@link StrictRequestJson}), and where, as words; null when none
	 * is. Jackson says so only in its message, and the path it gives leads to the object holding the member.
	 */
	private static String givenTwice(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException json && json.getOriginalMessage() != null
					&& json.getOriginalMessage().startsWith(DUPLICATE)) {
				var name = json.getOriginalMessage().substring(DUPLICATE.length() - 1);
				var holder = member(json);
				return name + " is given twice" + (holder.isEmpty() ? "" : " in \"" + holder + "\"");
			}
		}
		return null;
	}

	@ExceptionHandler
	ResponseEntity<ErrorBody> noQuery(ServerWebInputException ex, HttpServletRequest request) {
		return badRequest(graphQl(request) ? "The request holds no GraphQL document (" + ex.getReason()
				+ "): send JSON with the document as a string in \"query\"" : "The request is not valid: " + ex.getReason());
	}

	/** Whether the request went to the GraphQL endpoint; the advice answers every handler's requests. */
	private static boolean graphQl(HttpServletRequest request) {
		// as the router reads it: /%67raphql is GraphQL too
		return "/graphql".equals(UrlPathHelper.defaultInstance.getPathWithinApplication(request));
	}

	private static ResponseEntity<ErrorBody> badRequest(String message) {
		return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(body(message));
	}

	/** The body of a request refused before GraphQL ran: one error, shaped as GraphQL's are. */
	static ErrorBody body(String message) {
		return ErrorBody.of("BAD_REQUEST", message);
	}

	/** Answers a request a filter refuses, before any handler: the status and {@link #body}. */
	static void refuse(HttpServletResponse response, JsonMapper json, HttpStatus status, String message)
			throws IOException {
		ErrorBody.write(response, json, status, "BAD_REQUEST", message);
	}

}
