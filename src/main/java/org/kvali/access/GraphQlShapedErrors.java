package org.kvali.access;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

import org.kvali.graphql.ErrorBody;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** A request without a valid token (401) or without the role it needs (403) is answered as a GraphQL error. */
@Component
class GraphQlShapedErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		if (ex instanceof TwoCallers two) {
			write(response, HttpStatus.BAD_REQUEST, "BAD_REQUEST", two.getMessage());
			return;
		}
		var header = request.getHeader("Authorization");
		String message;
		if (header == null || header.isBlank()) {
			message = "Authentication required: send Authorization: Bearer <API key or token>";
		}
		else if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			message = "Authorization holds no bearer token: send Authorization: Bearer <API key or token>";
		}
		else if (ex instanceof JwtCallers.ClaimsRefused refused) {
			message = "The bearer token is refused: " + refused.getMessage();
		}
		else {
			message = "The bearer token is not valid: unknown, revoked, expired or malformed";
		}
		response.setHeader("WWW-Authenticate", "Bearer");
		write(response, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", message);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		write(response, HttpStatus.FORBIDDEN, "FORBIDDEN", "Your role may not use " + request.getRequestURI());
	}

	/**
	 * A request of several Authorization headers: which caller it is cannot be told. An OAuth2 exception, as the bearer
	 * filter answers those of its token resolver by the entry point (others propagated).
	 */
	static final class TwoCallers extends OAuth2AuthenticationException {

		TwoCallers(int headers) {
			this("Send one Authorization header; this request has " + headers
					+ " (a proxy may add one), and is not answered as any of them");
		}

		private TwoCallers(String message) {
			super(BearerTokenErrors.invalidRequest(message), message);
		}

	}

	private static void write(HttpServletResponse response, HttpStatus status, String classification, String message)
			throws IOException {
		ErrorBody.write(response, JSON, status, classification, message);
	}

}
