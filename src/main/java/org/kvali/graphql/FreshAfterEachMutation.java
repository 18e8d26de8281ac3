package org.kvali.graphql;

import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.OperationDefinition;
import org.dataloader.DataLoader;

import org.springframework.stereotype.Component;

/**
 * Each field of a mutation reads what the ones before it stored: the batch loaders' caches are emptied before each
 * runs. Kept for the whole request, they answered a second updateProject of one document with the partners the first
 * had loaded, before the second replaced them.
 */
@Component
class FreshAfterEachMutation extends SimplePerformantInstrumentation {

	@Override
	public InstrumentationContext<Object> beginFieldFetch(InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		var environment = parameters.getEnvironment();
		if (environment.getOperationDefinition().getOperation() == OperationDefinition.Operation.MUTATION
				&& environment.getExecutionStepInfo().getPath().getLevel() == 1) {
			environment.getDataLoaderRegistry().getDataLoaders().forEach(DataLoader::clearAll);
		}
		return super.beginFieldFetch(parameters, state);
	}

}
