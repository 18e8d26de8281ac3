package org.kvali.graphql;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

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
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionSystemException;
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

	/**
	 * What the client is told. A change is one transaction, rolled back when it fails, but a connection lost while it
	 * committed leaves it unknown whether the commit arrived.
	 */
	static final String MESSAGE = "The database cannot be reached or gave no connection in time. Try again shortly; "
			+ "a change this request asked for may not have been stored, so check before sending it again";

	/** Seconds a client waits before it asks again. */
	private static final String RETRY_AFTER = "5";

	/**
	 * PostgreSQL's codes of a server that is stopping, starting or full: an administrator's shutdown, a crash, a
	 * server not yet taking connections, too many connections.
	 */
	private static final Set<String> SERVER_GOING = Set.of("57P01", "57P02", "57P03", "53300");

	private final JsonMapper json;

	DatabaseUnavailable(JsonMapper json) {
		this.json = json;
	}

	/**
	 * Asked on the asynchronous dispatch too: a GraphQL answer is given there, and a failure while the operation
	 * starts (the data version of a question not yet kept) surfaces there.
	 */
	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
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
			// the headers written so far (the security filters') stay
			response.resetBuffer();
			response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER);
			ErrorBody.write(response, this.json, HttpStatus.SERVICE_UNAVAILABLE, KvaliErrorType.UNAVAILABLE.name(),
					MESSAGE);
		}
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
	 * Whether a failure comes from the database's connection: none given by the pool in time, one that PostgreSQL's
	 * driver reports broken or refused (SQLSTATE class 08), or a server stopping, starting or full.
	 */
	static boolean causedBy(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLTransientConnectionException) {
				return true;
			}
			// a rollback that failed as well carries the statement's failure aside, not as its cause
			if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
					&& causedBy(rollback.getApplicationException())) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || SERVER_GOING.contains(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}

}
