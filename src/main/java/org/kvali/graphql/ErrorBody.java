package org.kvali.graphql;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The body of a request answered outside GraphQL's execution (refused before it, or failed around it): one error,
 * shaped as GraphQL's are, its message before its classification.
 */
public record ErrorBody(List<Error> errors) {

	/** One error: what went wrong, and its classification under extensions. */
	public record Error(String message, Map<String, String> extensions) {
	}

	public static ErrorBody of(String classification, String message) {
		return new ErrorBody(List.of(new Error(message, Map.of("classification", classification))));
	}

	/** Answers with the status and one error, before any handler or in place of what it would have answered. */
	public static void write(HttpServletResponse response, JsonMapper json, HttpStatus status, String classification,
			String message) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		json.writeValue(response.getOutputStream(), of(classification, message));
	}

}
