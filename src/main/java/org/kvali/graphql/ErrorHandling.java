package org.kvali.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.GraphQLError;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetchingEnvironment;
import org.postgresql.util.PSQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;

/** Turns the expected failures into typed GraphQL errors that name the argument and value at fault. */
@ControllerAdvice
class ErrorHandling {

	/** The most characters of a refused value repeated in an error. */
	static final int MAX_VALUE = 200;

	/** The most characters of an error's message, which may repeat values given. */
	static final int MAX_MESSAGE = 1000;

	/** Unique, foreign key and exclusion violations: what a change committed in between makes of a checked one. */
	private static final Set<String> RACES = Set.of("23505", "23503", "23P01");

	private static final Logger LOG = LoggerFactory.getLogger(ErrorHandling.class);

	/**
	 * A code that names nothing: NOT_FOUND where it is what was looked up, BAD_REQUEST within a filter, as every
	 * filter's unknown codes are ({@code participation}'s); an unknown project was NOT_FOUND in {@code activities}'
	 * filter and an unknown region BAD_REQUEST (a tester's).
	 */
	@GraphQlExceptionHandler
	GraphQLError notFound(NotFoundException ex, DataFetchingEnvironment env) {
		var filter = ex.argument() != null && ex.argument().startsWith("filter.");
		return error(filter ? ErrorType.BAD_REQUEST : ErrorType.NOT_FOUND, ex.getMessage(), env, ex.argument(),
				ex.code());
	}

	@GraphQlExceptionHandler
	GraphQLError invalidArgument(InvalidArgumentException ex, DataFetchingEnvironment env) {
		return error(ErrorType.BAD_REQUEST, ex.getMessage(), env, ex.argument(), ex.value());
	}

	@GraphQlExceptionHandler
	List<GraphQLError> invalidArguments(InvalidArguments ex, DataFetchingEnvironment env) {
		return ex.each().stream().map(each -> invalidArgument(each, env)).toList();
	}

	@GraphQlExceptionHandler
	List<GraphQLError> invalidInput(ValidationException ex, DataFetchingEnvironment env) {
		return ex.problems()
			.stream()
			.map(problem -> error(ErrorType.BAD_REQUEST, problem.argument() + ": " + problem.message(), env,
					problem.argument(), problem.value()))
			.toList();
	}

	@GraphQlExceptionHandler
	GraphQLError forbidden(AccessDeniedException ex, DataFetchingEnvironment env) {
		return error(ErrorType.FORBIDDEN, ex.getMessage(), env);
	}

	@GraphQlExceptionHandler
	GraphQLError timedOut(RequestDeadline.TimedOut ex, DataFetchingEnvironment env) {
		return error(KvaliErrorType.TIMEOUT, ex.getMessage(), env);
	}

	@GraphQlExceptionHandler
	GraphQLError busy(BusyException ex, DataFetchingEnvironment env) {
		return error(KvaliErrorType.TIMEOUT, ex.getMessage(), env);
	}

	/**
	 * A statement that PostgreSQL stopped at its statement timeout; a change it was part of is not stored. A change's
	 * statement has mostly waited for the writers' queue, behind a large sheet's load or others: it is sent again, not
	 * narrowed (it was told to narrow its filter, a review's). A field below a change is read once the change is
	 * stored, and is told as a query's.
	 */
	@GraphQlExceptionHandler
	GraphQLError statementTimedOut(QueryTimeoutException ex, DataFetchingEnvironment env) {
		if (isChange(env)) {
			return error(KvaliErrorType.TIMEOUT, "The change waited or ran longer than the database's time limit, as"
					+ " it may while large sheets load; nothing was stored, try again", env);
		}
		return error(KvaliErrorType.TIMEOUT, "The database stopped a statement that ran longer than its time limit (a "
				+ "change it was part of is not stored); ask for less at once, or narrow the filter", env);
	}

	/**
	 * A change that met another on the same rows, and lost: a deadlock, or a lock it could not have. Sent again it
	 * goes through; it was an internal error (a review's).
	 */
	@GraphQlExceptionHandler
	GraphQLError lockLost(PessimisticLockingFailureException ex, DataFetchingEnvironment env) {
		return error(KvaliErrorType.CONFLICT, isChange(env)
				? "The change met another one saved at the same moment; nothing was stored, try again"
				: "This could not be read for a change saved at the same moment; ask again", env);
	}

	/** Whether the field is a mutation itself, not one below it, which is read once the change is stored. */
	private static boolean isChange(DataFetchingEnvironment env) {
		return env.getOperationDefinition() != null
				&& env.getOperationDefinition().getOperation() == OperationDefinition.Operation.MUTATION
				&& env.getExecutionStepInfo().getPath().getLevel() == 1;
	}

	@GraphQlExceptionHandler
	GraphQLError conflict(ConflictException ex, DataFetchingEnvironment env) {
		return error(KvaliErrorType.CONFLICT, ex.getMessage(), env, ex.argument(), ex.code());
	}

	/**
	 * The checks before a write passed, yet the database refused it: another change committed in between took the
	 * code, or removed what the change refers to, and the client can send the request again. A value the database's
	 * own checks refuse (a CHECK or NOT NULL) is none of that: the service's checks let it through, and sent again it
	 * is refused again (a period key the service took was told "try again"). Nothing of either was stored.
	 */
	@GraphQlExceptionHandler
	GraphQLError refusedByDatabase(DataIntegrityViolationException ex, DataFetchingEnvironment env) {
		var state = ex.getMostSpecificCause() instanceof java.sql.SQLException sql ? sql.getSQLState() : null;
		if (state != null && RACES.contains(state)) {
			return error(KvaliErrorType.CONFLICT,
					"The change conflicts with another one saved at the same moment; nothing was stored, try again",
					env);
		}
		LOG.error("The database refused a change the service's checks passed (SQLSTATE {}): {}", state,
				withoutRow(ex.getMostSpecificCause()));
		return error(ErrorType.INTERNAL_ERROR, "Internal error; nothing was stored", env);
	}

	/**
	 * What PostgreSQL said of a refusal, without its detail: of a CHECK or NOT NULL it is the row refused ("Failing
	 * row contains (...)"), a person's reference and birth year among its values, which the log would keep (a
	 * review's). The constraint and table name it.
	 */
	private static String withoutRow(Throwable cause) {
		if (cause instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
			var server = psql.getServerErrorMessage();
			return server.getMessage() + (server.getConstraint() == null ? "" : " (constraint "
					+ server.getConstraint() + " of " + server.getTable() + ")");
		}
		return cause.getClass().getSimpleName();
	}

	/** An error of this type and message at the field, without extensions. */
	private static GraphQLError error(graphql.ErrorClassification type, String message, DataFetchingEnvironment env) {
		return GraphQLError.newError()
			.errorType(type)
			.message(shown(message))
			.path(env.getExecutionStepInfo().getPath())
			.location(env.getField().getSourceLocation())
			.build();
	}

	private static GraphQLError error(graphql.ErrorClassification type, String message, DataFetchingEnvironment env, String argument,
			Object value) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("argument", argument);
		if (value != null) {
			// as shown, and no longer than a reader needs: a list of 100,000 dimensions came back whole, 800 KB
			extensions.put("value", Text.preview(Text.visible(value.toString()), MAX_VALUE));
		}
		return GraphQLError.newError()
			.errorType(type)
			.message(shown(message))
			.path(env.getExecutionStepInfo().getPath())
			.location(env.getField().getSourceLocation())
			.extensions(extensions)
			.build();
	}

	/**
	 * A message as it can be shown: with the control characters and overrides of the values it repeats escaped, then
	 * no longer than {@link #MAX_MESSAGE} (a reference of 5,000 characters came back whole in it).
	 */
	static String shown(String message) {
		return Text.preview(Text.visible(message), MAX_MESSAGE);
	}

}
