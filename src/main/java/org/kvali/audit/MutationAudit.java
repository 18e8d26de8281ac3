package org.kvali.audit;

import java.util.stream.Collectors;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.AstPrinter;
import graphql.language.Field;
import graphql.language.OperationDefinition;

import org.springframework.stereotype.Component;

/**
 * Records every GraphQL mutation in the audit log once it has run: its root fields as written, the variables, and
 * how many errors it had.
 */
@Component
class MutationAudit extends SimplePerformantInstrumentation {

	private final AuditLog log;

	MutationAudit(AuditLog log) {
		this.log = log;
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		var context = parameters.getExecutionContext();
		var operation = context.getOperationDefinition();
		if (operation.getOperation() != OperationDefinition.Operation.MUTATION) {
			return super.beginExecuteOperation(parameters, state);
		}
		var fields = operation.getSelectionSet()
			.getSelectionsOfType(Field.class)
			.stream()
			.map(field -> AstPrinter.printAstCompact(field.transform(builder -> builder.selectionSet(null))))
			.collect(Collectors.joining(" "));
		var variables = context.getCoercedVariables().toMap();
		return SimpleInstrumentationContext.whenCompleted((result, failure) -> {
			int errors = failure != null ? 1 : result.getErrors().size();
			this.log.record("mutation", fields + (variables.isEmpty() ? "" : " variables " + variables)
					+ (errors == 0 ? "" : " (" + errors + " error(s))"));
		});
	}

}
