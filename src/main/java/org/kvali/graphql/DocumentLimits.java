package org.kvali.graphql;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.ExecutionResult;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Node;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import graphql.parser.ParserOptions;
import graphql.validation.ValidationError;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Refuses a document past a limit of {@link RequestLimits} before it is validated or run, so a hostile document
 * costs a parse at most: size and tokens when parsed, then aliases and fields (fragments counted in full at each
 * spread; cycles and undefined fragments refused), then depth and complexity.
 */
@Configuration(proxyBeanMethods = false)
class DocumentLimits {

	/** First of the instrumentations, so that nothing else looks at a document before its limits are checked. */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	Instrumentation requestLimits(RequestLimits limits, List<ListSizes> sizes) {
		var parser = ParserOptions.getDefaultOperationParserOptions()
			.transform(options -> options.maxCharacters(limits.maxCharacters()).maxTokens(limits.maxTokens()));
		ParserOptions.setDefaultOperationParserOptions(parser);
		return new ChainedInstrumentation(List.of(new Shape(limits),
				new Depth(limits.maxDepth()),
				new ComplexityLimit(limits.maxComplexity(), limits.maxFields(), sizes),
				new RequestDeadline(limits.requestTimeout())));
	}

	/**
	 * The depth limit, but for an operation that asks about the schema alone: GraphiQL's own question for its
	 * documentation pane goes 15 deep. Such an operation may go 20 deep, as graphql-java's own check of them
	 * (GoodFaithIntrospection, which also allows 500 fields and each list of types' members once) allows. Measured
	 * with each fragment written out at each of its spreads: graphql-java's own measure entered a fragment's fields at
	 * its first spread alone, so spread again deeper down it went unmeasured there.
	 */
	private static final class Depth extends SimplePerformantInstrumentation {

		/** The deepest an operation about the schema alone may go. */
		private static final int SCHEMA_DEPTH = 20;

		private final int maxDepth;

		Depth(int maxDepth) {
			this.maxDepth = maxDepth;
		}

		@Override
		public InstrumentationContext<ExecutionResult> beginExecuteOperation(
				InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
			var context = parameters.getExecutionContext();
			boolean schemaAlone = context.getOperationDefinition()
				.getSelectionSet()
				.getSelections()
				.stream()
				.allMatch(selection -> selection instanceof Field field && field.getName().startsWith("__"));
			int most = schemaAlone ? SCHEMA_DEPTH : this.maxDepth;
			int depth = QueryTraverser.newQueryTraverser()
				.schema(context.getGraphQLSchema())
				.document(WrittenOut.of(context))
				.operationName(context.getExecutionInput().getOperationName())
				.coercedVariables(context.getCoercedVariables())
				.build()
				.reducePreOrder((field, deepest) -> Math.max(deepest, depth(field)), 0);
			if (depth > most) {
				throw DocumentRefused.because("maximum query depth exceeded " + depth + " > " + most
						+ ": the document nests fields " + depth + " deep, and " + most
						+ " is the most; ask for fewer levels, or in two requests");
			}
			return SimpleInstrumentationContext.noOp();
		}

		/** How deep a field lies: 1 at the operation's own fields. */
		private static int depth(QueryVisitorFieldEnvironment field) {
			int depth = 0;
			for (var at = field; at != null; at = at.getParentEnvironment()) {
				depth++;
			}
			return depth;
		}

	}

	/**
	 * Counts the fields and aliases a document selects, each fragment counted in full wherever it is spread. Every
	 * fragment is counted once and its counts multiplied by its spreads, so a document of fragments spread into each
	 * other many times over costs no more to count than to read; a fragment that spreads itself, directly or not, or
	 * one that is not defined, stops the document.
	 */
	private static final class Shape extends SimplePerformantInstrumentation {

		private final RequestLimits limits;

		Shape(RequestLimits limits) {
			this.limits = limits;
		}

		@Override
		public InstrumentationContext<List<ValidationError>> beginValidation(
				InstrumentationValidationParameters parameters, InstrumentationState state) {
			var document = parameters.getDocument();
			var counter = new Counter(document.getDefinitionsOfType(FragmentDefinition.class));
			long fields = 0;
			long aliases = 0;
			for (var operation : document.getDefinitionsOfType(OperationDefinition.class)) {
				var count = counter.count(operation.getSelectionSet());
				fields += count[0];
				aliases += count[1];
			}
			if (fields > this.limits.maxFields()) {
				throw DocumentRefused.because("The document selects more than " + this.limits.maxFields() + " fields");
			}
			if (aliases > this.limits.maxAliases()) {
				throw DocumentRefused.because("The document uses more than " + this.limits.maxAliases() + " aliases");
			}
			return super.beginValidation(parameters, state);
		}

	}

	/** Fields and aliases below a selection set, fragments counted once each (memoised), saturating at a cap. */
	private static final class Counter {

		/** Far above any limit; counts stop growing here so they cannot overflow. */
		private static final long CAP = 1L << 40;

		private final Map<String, FragmentDefinition> fragments = new HashMap<>();

		private final Map<String, long[]> counted = new HashMap<>();

		private final Set<String> counting = new HashSet<>();

		Counter(List<FragmentDefinition> definitions) {
			definitions.forEach(fragment -> this.fragments.put(fragment.getName(), fragment));
		}

		long[] count(SelectionSet set) {
			var total = new long[2];
			if (set == null) {
				return total;
			}
			for (Node<?> selection : set.getSelections()) {
				long[] part;
				if (selection instanceof Field field) {
					part = count(field.getSelectionSet());
					part[0] = Math.min(CAP, part[0] + 1);
					part[1] = Math.min(CAP, part[1] + (field.getAlias() != null ? 1 : 0));
				}
				else if (selection instanceof FragmentSpread spread) {
					part = fragment(spread.getName()).clone();
				}
				else if (selection instanceof InlineFragment inline) {
					part = count(inline.getSelectionSet());
				}
				else {
					continue;
				}
				total[0] = Math.min(CAP, total[0] + part[0]);
				total[1] = Math.min(CAP, total[1] + part[1]);
			}
			return total;
		}

		private long[] fragment(String name) {
			var known = this.counted.get(name);
			if (known != null) {
				return known;
			}
			var fragment = this.fragments.get(name);
			if (fragment == null) {
				throw DocumentRefused.because("The document spreads the fragment " + name + ", which it does not define");
			}
			if (!this.counting.add(name)) {
				throw DocumentRefused.because("The fragment " + name + " spreads itself (a cycle)");
			}
			var count = count(fragment.getSelectionSet());
			this.counting.remove(name);
			this.counted.put(name, count);
			return count;
		}

	}

}
