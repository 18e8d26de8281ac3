package org.kvali.graphql;

import java.time.Duration;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;

/**
 * The request timeout: once a request has run longer than its limit, every field still to be fetched fails with
 * an error saying so, and no further work is started. A statement already running is stopped by PostgreSQL's
 * statement timeout.
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

	/** When the request started. */
	private record Started(long nanos) implements InstrumentationState {
	}

	@Override
	public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
		return new Started(System.nanoTime());
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
			InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
		if (!(state instanceof Started started)) {
			return dataFetcher;
		}
		return environment -> {
			if (System.nanoTime() - started.nanos() > this.limit.toNanos()) {
				throw new TimedOut(this.limit);
			}
			return dataFetcher.get(environment);
		};
	}

}
