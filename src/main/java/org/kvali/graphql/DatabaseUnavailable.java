package org.kvali.graphql;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request that fails because the database cannot be reached, or gave no connection in time, is answered 503 with
 * one GraphQL-shaped error of classification {@code UNAVAILABLE} and a {@code Retry-After}, on every path: the key's
 * look-up, before GraphQL runs, failed with Spring's error page of status 500 before. Asked before the security
 * filters, which look keys up.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1)
class DatabaseUnavailable extends OncePerRequestFilter {

	/** What the client is told; nothing of a change that failed so is stored. */
	static final String MESSAGE = "The database cannot be reached or gave no connection in time; nothing was stored. "
			+ "Try again shortly";

	/** Seconds a client waits before it asks again. */
	private static final String RETRY_AFTER = "5";

	private final JsonMapper json;

	DatabaseUnavailable(JsonMapper json) {
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (RuntimeException | ServletException ex) {
			if (!causedBy(ex) || response.isCommitted()) {
				throw ex;
			}
			this.logger.warn("Answered 503 to " + request.getRequestURI() + ": " + ex.getMessage());
			response.reset();
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER);
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			this.json.writeValue(response.getOutputStream(), new Body(List.of(new Error(MESSAGE,
					Map.of("classification", KvaliErrorType.UNAVAILABLE.name())))));
		}
	}

	/** The answer's body, in the order of GraphQL's own: the message before its extensions. */
	private record Body(List<Error> errors) {
	}

	private record Error(String message, Map<String, String> extensions) {
	}

	/**
	 * The same failure while a field is fetched: an error of classification {@code UNAVAILABLE} at the field, where
	 * GraphQL told an internal error; any other failure is left to the other resolvers.
	 */
	@Component
	static class AtField extends DataFetcherExceptionResolverAdapter {

		@Override
		protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
			return causedBy(ex) ? GraphqlErrorBuilder.newError(env)
				.errorType(KvaliErrorType.UNAVAILABLE)
				.message(MESSAGE)
				.build() : null;
		}

	}

	/**
	 * Whether a failure comes from the database's connection: none given by the pool in time, or one that PostgreSQL's
	 * driver reports broken or refused (SQLSTATE class 08).
	 */
	static boolean causedBy(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLTransientConnectionException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
				return true;
			}
		}
		return false;
	}

}
