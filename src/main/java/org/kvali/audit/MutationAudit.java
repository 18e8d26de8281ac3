package org.kvali.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.AstPrinter;
import graphql.language.Directive;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;

import org.kvali.access.Caller;
import org.kvali.access.Role;
import org.kvali.graphql.Text;

import org.springframework.stereotype.Component;

/**
 * Records every GraphQL mutation in the audit log once it has run: its root fields as written (those of fragments at
 * the root too), the variables, and how many errors it had.
 */
@Component
class MutationAudit extends SimplePerformantInstrumentation {

	/** The most characters kept of a mutation that changed nothing. */
	static final int REFUSED = 1000;

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
		var fields = new ArrayList<String>();
		var keys = new ArrayList<String>();
		rootFields(operation.getSelectionSet(), context.getFragmentsByName(), fields, keys);
		var variables = context.getCoercedVariables().toMap();
		boolean changesNothing = Caller.find().filter(caller -> caller.is(Role.DONOR, Role.ANALYST)).isPresent();
		return SimpleInstrumentationContext.whenCompleted((result, failure) -> {
			int errors = failure != null ? 1 : result.getErrors().size();
			// a mutation that changed nothing (every field refused or in error, or the caller's role changes nothing)
			// is kept in part, so that such requests cannot fill the log: a donor's ten of a million characters each
			// took 11 MB, and a partner's mutation refused for a 900,000-character title was kept whole. One that
			// stored something is kept whole, its values bounded by the checks it passed.
			boolean refused = changesNothing || failure == null && errors > 0 && everyFieldFailed(result, keys);
			var sent = String.join(" ", fields) + (variables.isEmpty() ? "" : " variables " + variables);
			this.log.record("mutation", (refused ? Text.preview(sent, REFUSED) : sent)
					+ (errors == 0 ? "" : " (" + errors + " error(s))"));
		});
	}

	/**
	 * Whether no root field ({@code keys}, as answered) changed anything: each failed itself (an error at the field,
	 * not below it) or did not run (skipped, so not answered). A field stored and then failing in what it selects
	 * (its project, past the request's time) is no failed change; a skipped one beside refused ones was kept whole.
	 */
	private static boolean everyFieldFailed(ExecutionResult result, List<String> keys) {
		var failed = result.getErrors().stream()
			.map(error -> error.getPath())
			.filter(path -> path != null && path.size() == 1)
			.map(path -> String.valueOf(path.get(0)))
			.collect(Collectors.toSet());
		var answered = result.getData() instanceof Map<?, ?> data ? data.keySet() : Set.of();
		return keys.stream().allMatch(key -> failed.contains(key) || !answered.contains(key));
	}

	/**
	 * The root fields as written, without what they select, those of inline fragments and fragment spreads at the
	 * root too (a removal inside {@code ... on Mutation} was left out of the entry), and the keys they are answered
	 * under.
	 */
	private static void rootFields(SelectionSet selections, Map<String, FragmentDefinition> fragments,
			List<String> fields, List<String> keys) {
		for (var selection : selections.getSelections()) {
			if (selection instanceof Field field) {
				fields.add(AstPrinter.printAstCompact(field.transform(builder -> builder.selectionSet(null))));
				keys.add(field.getResultKey());
			}
			else if (selection instanceof InlineFragment inline) {
				directed(inline.getDirectives(), inline.getSelectionSet(), fragments, fields, keys);
			}
			else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
				var fragment = fragments.get(spread.getName());
				var directives = new ArrayList<>(spread.getDirectives());
				directives.addAll(fragment.getDirectives());
				directed(directives, fragment.getSelectionSet(), fragments, fields, keys);
			}
		}
	}

	/**
	 * The fields of a fragment, under its directives when it has any ({@code @include(if: $no)}): without them, a
	 * skipped deletion read as one asked for.
	 */
	private static void directed(List<Directive> directives, SelectionSet selections,
			Map<String, FragmentDefinition> fragments, List<String> fields, List<String> keys) {
		if (directives.isEmpty()) {
			rootFields(selections, fragments, fields, keys);
			return;
		}
		var inner = new ArrayList<String>();
		rootFields(selections, fragments, inner, keys);
		fields.add(directives.stream().map(AstPrinter::printAstCompact).collect(Collectors.joining(" ")) + "{"
				+ String.join(" ", inner) + "}");
	}

}
