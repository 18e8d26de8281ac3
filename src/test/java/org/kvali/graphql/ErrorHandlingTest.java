package org.kvali.graphql;

import java.sql.SQLException;

import graphql.GraphQLError;
import graphql.Scalars;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.MergedField;
import graphql.execution.ResultPath;
import graphql.language.Field;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.graphql.execution.ErrorType;

import static org.assertj.core.api.Assertions.assertThat;

/** What a client is told when PostgreSQL refuses a write the service's checks passed. */
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

	private GraphQLError refused(String state) {
		var cause = new SQLException("new row violates a constraint", state);
		return this.handling.refusedByDatabase(new DataIntegrityViolationException("refused", cause), environment());
	}

	private static DataFetchingEnvironment environment() {
		var step = ExecutionStepInfo.newExecutionStepInfo()
			.type(Scalars.GraphQLString)
			.path(ResultPath.rootPath().segment("setIndicatorTargets"))
			.build();
		return DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
			.executionStepInfo(step)
			.mergedField(MergedField.newMergedField(Field.newField("setIndicatorTargets").build()).build())
			.build();
	}

}
