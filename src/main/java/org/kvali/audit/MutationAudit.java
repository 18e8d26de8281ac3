package org.kvali.audit;

import java.util.ArrayList;
import java.util.HashSet;
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
import graphql.language.Argument;
import graphql.language.Directive;
import graphql.language.EnumValue;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Node;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.kvali.access.Caller;
import org.kvali.access.Role;
import org.kvali.graphql.Text;

import org.springframework.stereotype.Component;

/**
 * Records every GraphQL mutation in the audit log once it has run: its root fields as written (those of fragments at
 * the root too), the variables, and how many errors it had. A person's details given to a correction are kept as the
 * fields it set, not their values ({@link #PERSONAL}).
 */
@Component
class MutationAudit extends SimplePerformantInstrumentation {

	/** The most characters kept of a mutation that changed nothing, and of what changed nothing beside a change. */
	static final int REFUSED = 1000;

	/**
	 * The arguments, by mutation, that hold a person's details: the entry keeps which fields they set, each value as
	 * {@link #NOT_KEPT}. Kept, a correction's birth year, disability and municipality stayed beside the person's
	 * reference after their erasure, and tied the old reference to the pseudonymous record it became (a review's).
	 */
	private static final Map<String, String> PERSONAL = Map.of("correctParticipant", "input");

	/** What stands for a value of a person's details. */
	static final String NOT_KEPT = "(not kept)";

	private static final Logger LOG = LoggerFactory.getLogger(MutationAudit.class);

	/**
	 * A root field as written (under the directives of the fragment it is in), its answer's key, its variables, and
	 * those of them that hold a person's details.
	 */
	private record RootField(String text, String key, Set<String> variables, Set<String> personal) {
	}

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
		var fields = new ArrayList<RootField>();
		rootFields(operation.getSelectionSet(), context.getFragmentsByName(), List.of(), fields);
		var variables = context.getCoercedVariables().toMap();
		boolean changesNothing = Caller.find().filter(caller -> caller.is(Role.DONOR, Role.ANALYST)).isPresent();
		return SimpleInstrumentationContext.whenCompleted((result, failure) -> {
			int errors = failure != null ? 1 : result.getErrors().size();
			var changed = changesNothing ? Set.<String>of() : failure != null ? keys(fields) : changed(result, fields);
			var entry = entry(fields, variables, changed) + (errors == 0 ? "" : " (" + errors + " error(s))");
			try {
				this.log.record("mutation", entry);
			}
			catch (RuntimeException ex) {
				// after the mutation's own transactions: what it stored stands, and the client is told so (a review's:
				// it had been told the stored change failed); the service's log names the fields, not the values,
				// which an erasure could not reach there
				LOG.error("A mutation's audit entry could not be written (fields {})",
						Text.preview(String.join(", ", keys(fields)), REFUSED), ex);
			}
		});
	}

	/**
	 * The entry. A mutation that changed nothing (every field refused or in error, or skipped, or the caller's role
	 * changes nothing) is kept in its first {@link #REFUSED} characters, so that such requests cannot fill the log: a
	 * donor's ten of a million characters each took 11 MB, and a partner's mutation refused for a 900,000-character
	 * title was kept whole. Beside a change, the fields that changed something ({@code changed}) are kept whole with
	 * the variables they use, their values bounded by the checks they passed, and the rest in their first
	 * {@link #REFUSED} characters together: a variable of 900,000 characters that only a skipped field named was kept
	 * whole beside a change (a review's).
	 */
	private static String entry(List<RootField> fields, Map<String, Object> variables, Set<String> changed) {
		var budget = new Budget(changed.isEmpty() ? Integer.MAX_VALUE : REFUSED);
		var used = new HashSet<String>();
		var personal = new HashSet<String>();
		var parts = new ArrayList<String>();
		for (var field : fields) {
			personal.addAll(field.personal());
			if (changed.contains(field.key())) {
				used.addAll(field.variables());
				parts.add(field.text());
			}
			else {
				parts.add(budget.take(field.text()));
			}
		}
		var values = new ArrayList<String>();
		variables.forEach((name, value) -> {
			var written = name + "=" + (personal.contains(name) ? withoutValues(value) : value);
			values.add(used.contains(name) ? written : budget.take(written));
		});
		var sent = String.join(" ", parts) + (values.isEmpty() ? "" : " variables {" + String.join(", ", values) + "}");
		return changed.isEmpty() ? Text.preview(sent, REFUSED) : sent;
	}

	/** A variable's value of a person's details: the fields it sets, where it is an input object. */
	private static String withoutValues(Object value) {
		return value instanceof Map<?, ?> fields
				? fields.keySet()
					.stream()
					.map(name -> name + "=" + NOT_KEPT)
					.collect(Collectors.joining(", ", "{", "}"))
				: NOT_KEPT;
	}

	/** Characters left for what changed nothing beside a change; once spent, such parts are cut to "...". */
	private static final class Budget {

		private int left;

		Budget(int characters) {
			this.left = characters;
		}

		String take(String text) {
			if (this.left <= 0) {
				return "...";
			}
			int length = Text.length(text);
			if (length <= this.left) {
				this.left -= length;
				return text;
			}
			var cut = Text.preview(text, this.left);
			this.left = 0;
			return cut;
		}

	}

	private static Set<String> keys(List<RootField> fields) {
		return fields.stream().map(RootField::key).collect(Collectors.toSet());
	}

	/**
	 * The root fields ({@code keys}, as answered) that changed something: answered, and not failed themselves (an
	 * error at the field, not below it). A field stored and then failing in what it selects (its project, past the
	 * request's time) is a change; a skipped one, not answered, is none.
	 */
	private static Set<String> changed(ExecutionResult result, List<RootField> fields) {
		var failed = result.getErrors().stream()
			.map(error -> error.getPath())
			.filter(path -> path != null && path.size() == 1)
			.map(path -> String.valueOf(path.get(0)))
			.collect(Collectors.toSet());
		var answered = result.getData() instanceof Map<?, ?> data ? data.keySet() : Set.of();
		return fields.stream()
			.map(RootField::key)
			.filter(key -> answered.contains(key) && !failed.contains(key))
			.collect(Collectors.toSet());
	}

	/**
	 * The root fields as written, without what they select, those of inline fragments and fragment spreads at the
	 * root too (a removal inside {@code ... on Mutation} was left out of the entry), each under the directives of the
	 * fragments it is in ({@code @include(if: $no)}: without them, a skipped deletion read as one asked for).
	 */
	private static void rootFields(SelectionSet selections, Map<String, FragmentDefinition> fragments,
			List<Directive> directives, List<RootField> fields) {
		for (var selection : selections.getSelections()) {
			if (selection instanceof Field field) {
				var personal = new HashSet<String>();
				var written = AstPrinter.printAstCompact(withoutPersonalValues(field, personal)
					.transform(builder -> builder.selectionSet(null)));
				var variables = new HashSet<String>();
				variablesOf(field, variables);
				directives.forEach(directive -> variablesOf(directive, variables));
				fields.add(new RootField(directives.isEmpty() ? written
						: directives.stream().map(AstPrinter::printAstCompact).collect(Collectors.joining(" ")) + "{"
								+ written + "}", field.getResultKey(), variables, personal));
			}
			else if (selection instanceof InlineFragment inline) {
				rootFields(inline.getSelectionSet(), fragments, under(directives, inline.getDirectives()), fields);
			}
			else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
				var fragment = fragments.get(spread.getName());
				var inner = new ArrayList<>(spread.getDirectives());
				inner.addAll(fragment.getDirectives());
				rootFields(fragment.getSelectionSet(), fragments, under(directives, inner), fields);
			}
		}
	}

	/**
	 * The field with the values of its argument of a person's details ({@link #PERSONAL}) written as
	 * {@link #NOT_KEPT}, the variables that argument uses added to {@code personal}.
	 */
	private static Field withoutPersonalValues(Field field, Set<String> personal) {
		var name = PERSONAL.get(field.getName());
		if (name == null) {
			return field;
		}
		var arguments = new ArrayList<Argument>();
		for (var argument : field.getArguments()) {
			if (!argument.getName().equals(name)) {
				arguments.add(argument);
				continue;
			}
			variablesOf(argument, personal);
			arguments.add(argument.transform(builder -> builder.value(withoutValues(argument.getValue()))));
		}
		return field.transform(builder -> builder.arguments(arguments));
	}

	/** An input object written with its fields' values as {@link #NOT_KEPT}; a variable as it is. */
	private static Value<?> withoutValues(Value<?> value) {
		if (value instanceof ObjectValue object) {
			var fields = object.getObjectFields()
				.stream()
				.map(field -> ObjectField.newObjectField().name(field.getName()).value(new EnumValue(NOT_KEPT)).build())
				.toList();
			return ObjectValue.newObjectValue().objectFields(fields).build();
		}
		return value instanceof VariableReference ? value : new EnumValue(NOT_KEPT);
	}

	private static List<Directive> under(List<Directive> outer, List<Directive> inner) {
		var all = new ArrayList<>(outer);
		all.addAll(inner);
		return all;
	}

	/** The names of the variables a node of the document uses, at any depth of its arguments. */
	private static void variablesOf(Node<?> node, Set<String> names) {
		if (node instanceof VariableReference reference) {
			names.add(reference.getName());
		}
		else if (!(node instanceof SelectionSet)) {
			node.getChildren().forEach(child -> variablesOf(child, names));
		}
	}

}
