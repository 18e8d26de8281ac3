package org.kvali.graphql;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
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

/**
 * Refuses a document past a limit of {@link RequestLimits} before it is validated or run, so a hostile document
 * costs a parse at most: size and tokens when parsed, then aliases and fields (fragments counted at each spread,
 * which also stops a fragment cycle from being expanded), then depth and complexity.
 */
@Configuration(proxyBeanMethods = false)
class DocumentLimits {

	/** Page size assumed for a list field without {@code first}. */
	private static final int DEFAULT_PAGE = 10;

	@Bean
	Instrumentation requestLimits(RequestLimits limits) {
		var parser = ParserOptions.getDefaultOperationParserOptions()
			.transform(options -> options.maxCharacters(limits.maxCharacters()).maxTokens(limits.maxTokens()));
		ParserOptions.setDefaultOperationParserOptions(parser);
		FieldComplexityCalculator weight = (field, children) -> {
			var first = field.getArguments().get("first");
			int page = first instanceof Integer size ? Math.max(1, size)
					: field.getFieldDefinition().getType().toString().startsWith("[") ? DEFAULT_PAGE : 1;
			return (int) Math.min(Integer.MAX_VALUE, (long) page * (1 + children));
		};
		return new ChainedInstrumentation(List.of(new Shape(limits),
				new MaxQueryDepthInstrumentation(limits.maxDepth()),
				new MaxQueryComplexityInstrumentation(limits.maxComplexity(), weight)));
	}

	/** Counts aliases and fields, spreading fragments, and stops past a limit. */
	private static final class Shape extends SimplePerformantInstrumentation {

		private final RequestLimits limits;

		Shape(RequestLimits limits) {
			this.limits = limits;
		}

		@Override
		public InstrumentationContext<List<ValidationError>> beginValidation(
				InstrumentationValidationParameters parameters, InstrumentationState state) {
			var document = parameters.getDocument();
			var fragments = new HashMap<String, FragmentDefinition>();
			document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
			var count = new int[2];
			for (var operation : document.getDefinitionsOfType(OperationDefinition.class)) {
				count(operation.getSelectionSet(), fragments, count, 0);
			}
			return super.beginValidation(parameters, state);
		}

		/** Adds the fields and aliases below a selection set to {@code count}, stopping as soon as one is too many. */
		private void count(SelectionSet set, Map<String, FragmentDefinition> fragments, int[] count, int spreads) {
			if (set == null) {
				return;
			}
			for (Node<?> selection : set.getSelections()) {
				if (selection instanceof Field field) {
					if (++count[0] > this.limits.maxFields()) {
						throw refused("The document selects more than " + this.limits.maxFields() + " fields");
					}
					if (field.getAlias() != null && ++count[1] > this.limits.maxAliases()) {
						throw refused("The document uses more than " + this.limits.maxAliases() + " aliases");
					}
					count(field.getSelectionSet(), fragments, count, spreads);
				}
				else if (selection instanceof FragmentSpread spread) {
					if (spreads > this.limits.maxDepth()) {
						throw refused("Fragments spread inside each other more than " + this.limits.maxDepth()
								+ " deep (a cycle?)");
					}
					var fragment = fragments.get(spread.getName());
					count(fragment == null ? null : fragment.getSelectionSet(), fragments, count, spreads + 1);
				}
				else if (selection instanceof InlineFragment inline) {
					count(inline.getSelectionSet(), fragments, count, spreads);
				}
			}
		}

		private static AbortExecutionException refused(String message) {
			return new AbortExecutionException(message);
		}

	}

}
