package org.kvali.graphql;

import java.sql.SQLException;
import java.util.List;

import graphql.GraphQLError;
import graphql.Scalars;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.MergedField;
import graphql.execution.ResultPath;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DeadlockLoserDataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.graphql.execution.ErrorType;

import static org.assertj.core.api.Assertions.assertThat;

/** What a client is told when PostgreSQL refuses a write the service's checks passed. */
@ExtendWith(OutputCaptureExtension.class)
class ErrorHandlingTest {

	private final ErrorHandling handling = new ErrorHandling();

	@Test
	void aCodeTakenOrARowRemovedInBetweenIsAConflictToSendAgain() {
		for (var state : new String[] { "23505", "23503", "23P01" }) {
			var error = refused(state);
			assertThat(error.getErrorType()).as(state).isEqualTo(KvaliErrorType.CONFLICT);
			assertThat(error.getMessage()).as(state)
				.isEqualTo("The change conflicts with another one saved at the same moment; nothing was stored, try again");
		}
	}

	/** Sent again, it is refused again: no "try again" (a period key the service took and a CHECK refused). */
	@Test
	void aValueTheDatabasesOwnChecksRefuseIsAnInternalError() {
		for (var state : new String[] { "23514", "23502" }) {
			var error = refused(state);
			assertThat(error.getErrorType()).as(state).isEqualTo(ErrorType.INTERNAL_ERROR);
			assertThat(error.getMessage()).as(state).isEqualTo("Internal error; nothing was stored");
			assertThat(error.getPath()).as("at the field").containsExactly("setIndicatorTargets");
		}
		var noState = this.handling.refusedByDatabase(new DataIntegrityViolationException("refused",
				new IllegalStateException("no SQL state")), environment());
		assertThat(noState.getErrorType()).isEqualTo(ErrorType.INTERNAL_ERROR);
	}

	/**
	 * The log keeps what PostgreSQL said without the row it refused, a person's reference and birth year among its
	 * values ("Failing row contains ..."); the constraint and table name it.
	 */
	@Test
	void theLogKeepsNoValueOfTheRowRefused(CapturedOutput output) {
		var server = new ServerErrorMessage("SERROR\0C23514\0Mnew row for relation \"participant\" violates check"
				+ " constraint \"participant_birth_year_check\"\0DFailing row contains (7, P-SECRET, FEMALE, 2090).\0"
				+ "tparticipant\0nparticipant_birth_year_check\0");
		var error = this.handling.refusedByDatabase(new DataIntegrityViolationException("refused",
				new PSQLException(server)), environment());
		assertThat(error.getMessage()).isEqualTo("Internal error; nothing was stored");
		assertThat(output.getAll()).contains("The database refused a change the service's checks passed (SQLSTATE"
				+ " 23514): new row for relation \"participant\" violates check constraint"
				+ " \"participant_birth_year_check\" (constraint participant_birth_year_check of participant)")
			.doesNotContain("P-SECRET");
	}

	/**
	 * A change stopped at the statement timeout, mostly while it waited for the writers' queue, is sent again; a
	 * query's is narrowed. A deadlock lost, or a lock not had, is a conflict to send again, not an internal error.
	 */
	@Test
	void aChangeThatWaitedTooLongOrLostALockIsSentAgain() {
		var timeout = new QueryTimeoutException("canceling statement due to statement timeout");
		var change = this.handling.statementTimedOut(timeout, environment(OperationDefinition.Operation.MUTATION));
		assertThat(change.getErrorType()).isEqualTo(KvaliErrorType.TIMEOUT);
		assertThat(change.getMessage()).isEqualTo("The change waited or ran longer than the database's time limit, as"
				+ " it may while large sheets load; nothing was stored, try again");
		var query = this.handling.statementTimedOut(timeout, environment(OperationDefinition.Operation.QUERY));
		assertThat(query.getMessage()).isEqualTo("The database stopped a statement that ran longer than its time limit"
				+ " (a change it was part of is not stored); ask for less at once, or narrow the filter");
		// a field below a change is read once the change is stored: it is not told that nothing was
		var below = this.handling.statementTimedOut(timeout, environment(OperationDefinition.Operation.MUTATION,
				ResultPath.rootPath().segment("setIndicatorTargets").segment("disaggregate")));
		assertThat(below.getMessage()).isEqualTo(query.getMessage());
		assertThat(this.handling.lockLost(new CannotAcquireLockException("could not obtain lock"),
				environment(OperationDefinition.Operation.MUTATION,
						ResultPath.rootPath().segment("setIndicatorTargets").segment("disaggregate"))).getMessage())
			.isEqualTo("This could not be read for a change saved at the same moment; ask again");
		for (var lost : List.of(new DeadlockLoserDataAccessException("deadlock detected", null),
				new CannotAcquireLockException("could not obtain lock"))) {
			var error = this.handling.lockLost(lost, environment(OperationDefinition.Operation.MUTATION));
			assertThat(error.getErrorType()).isEqualTo(KvaliErrorType.CONFLICT);
			assertThat(error.getMessage())
				.isEqualTo("The change met another one saved at the same moment; nothing was stored, try again");
			assertThat(error.getPath()).containsExactly("setIndicatorTargets");
		}
	}

	private GraphQLError refused(String state) {
		var cause = new SQLException("new row violates a constraint", state);
		return this.handling.refusedByDatabase(new DataIntegrityViolationException("refused", cause), environment());
	}

	private static DataFetchingEnvironment environment() {
		return environment(OperationDefinition.Operation.MUTATION);
	}

	private static DataFetchingEnvironment environment(OperationDefinition.Operation operation) {
		return environment(operation, ResultPath.rootPath().segment("setIndicatorTargets"));
	}

	private static DataFetchingEnvironment environment(OperationDefinition.Operation operation, ResultPath path) {
		var step = ExecutionStepInfo.newExecutionStepInfo()
			.type(Scalars.GraphQLString)
			.path(path)
			.build();
		return DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
			.executionStepInfo(step)
			.mergedField(MergedField.newMergedField(Field.newField("setIndicatorTargets").build()).build())
			.operationDefinition(OperationDefinition.newOperationDefinition().operation(operation).build())
			.build();
	}

}
