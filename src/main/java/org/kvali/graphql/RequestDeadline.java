package org.kvali.graphql;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import graphql.ExecutionResult;
import graphql.execution.NonNullableFieldWasNullError;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;

/**
 * The request timeout: once a request has run longer than its limit, no field that does work is fetched any more;
 * the first one fails with an error saying so, as does each field of the operation itself (a mutation not run is
 * told, where it had been a null without a word), and the others are left empty. A statement already running is
 * stopped by PostgreSQL's statement timeout. Fields left empty that may not be null are not errors of their own: a
 * tester's answer held one time-out and 341 errors naming each empty field.
 */
final class RequestDeadline extends SimplePerformantInstrumentation {

	private final Duration limit;

	RequestDeadline(Duration limit) {
		this.limit = limit;
	}

	/** A field not fetched because the request had run out of time. */
	static final class TimedOut extends RuntimeException {

		TimedOut(Duration limit) {
			super("The request ran longer than " + limit.toMillis() + " ms and was stopped; ask for less at once");
		}

	}

	/** When the request started, and whether its time-out has been reported. */
	private record Started(long nanos, AtomicBoolean reported) implements InstrumentationState {
	}

	@Override
	public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
		return new Started(System.nanoTime(), new AtomicBoolean());
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
			InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
		if (!(state instanceof Started started) || parameters.isTrivialDataFetcher()) {
			return dataFetcher;
		}
		return environment -> {
			if (System.nanoTime() - started.nanos() > this.limit.toNanos()) {
				// one error says so, and one more for each field of the operation left out (a mutation not run among
				// them); the fields within those are left empty
				if (started.reported().compareAndSet(false, true)
						|| environment.getExecutionStepInfo().getPath().getLevel() == 1) {
					throw new TimedOut(this.limit);
				}
				return null;
			}
			return dataFetcher.get(environment);
		};
	}

	@Override
	public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		if (!(state instanceof Started started) || !started.reported().get()) {
			return CompletableFuture.completedFuture(result);
		}
		var errors = result.getErrors()
			.stream()
			.filter(error -> !(error instanceof NonNullableFieldWasNullError))
			.toList();
		return CompletableFuture.completedFuture(result.transform(answer -> answer.errors(errors)));
	}

}
