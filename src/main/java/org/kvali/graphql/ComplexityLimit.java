package org.kvali.graphql;

import java.util.List;
import java.util.Objects;

import graphql.ExecutionResult;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.QueryComplexityCalculator;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;

/**
 * The complexity limit: a field weighs 1 plus its fields, times the items of a list (its {@code first}, else a page
 * of 10; the regions and municipalities there are; for a breakdown the most groups its dimensions can have). A
 * document past the limit is refused naming the list weighed at the most items and what lowers it: graphql-java's own
 * message gave two numbers, and an analyst whose breakdown by project (weighed at 10,000 groups) was refused could
 * not tell why. The document is weighed with each fragment written out at each of its spreads: graphql-java's
 * traversal enters a fragment's fields once, as nodes it has seen, so a fragment spread eight times weighed as one
 * and a tester's answer of 3.5 million weighed passed.
 */
final class ComplexityLimit extends SimplePerformantInstrumentation {

	/** Page size assumed for a list field without {@code first}. */
	private static final int DEFAULT_PAGE = 10;

	/**
	 * The most one field weighs: graphql-java adds the weights of a field's fields in an int, and two fields of the
	 * int's greatest weight added up below 0 and passed. At most 500 fields of this weight add up within an int.
	 */
	static final int MOST = 4_000_000;

	/** The list of the document being weighed that is weighed at the most items, on the thread that weighs it. */
	private static final ThreadLocal<Heaviest> HEAVIEST = new ThreadLocal<>();

	/** A list of the document: where it is, how many items it is weighed at, what would lower it, its weight. */
	private record Heaviest(String path, long items, String advice, long weight) {
	}

	private final int maxComplexity;

	private final FieldComplexityCalculator weight;

	ComplexityLimit(int maxComplexity, List<ListSizes> sizes) {
		this.maxComplexity = maxComplexity;
		this.weight = (field, children) -> weight(field, children, sizes);
	}

	private static int weight(FieldComplexityEnvironment field, int children, List<ListSizes> sizes) {
		long page = 1;
		if (field.getFieldDefinition().getType().toString().startsWith("[")) {
			// a breakdown without first answers every group, up to 10,000: weighed as 10 it was cheap to ask for
			var most = sizes.stream().map(size -> size.most(field)).filter(Objects::nonNull).findFirst();
			page = field.getArguments().get("first") instanceof Integer given ? Math.max(1, given)
					: most.isPresent() ? Integer.MAX_VALUE : DEFAULT_PAGE;
			page = Math.max(1, Math.min(page, most.orElse(Integer.MAX_VALUE)));
		}
		else if (field.getArguments().get("first") instanceof Integer given) {
			page = Math.max(1, given);
		}
		long weight = Math.min(MOST, page * (1 + children));
		// the list weighed at the most items, the heavier of two alike: a list's weight holds the lists within it, so
		// the heaviest by weight was always the outermost (indicators, of 10, named for a disaggregation of 10,000)
		var heaviest = HEAVIEST.get();
		if (page > 1 && (heaviest == null || page > heaviest.items()
				|| page == heaviest.items() && weight > heaviest.weight())) {
			HEAVIEST.set(new Heaviest(path(field), page, advice(field), weight));
		}
		return (int) weight;
	}

	/** What asks for fewer of the list's items. */
	private static String advice(FieldComplexityEnvironment field) {
		if (field.getFieldDefinition().getArgument("first") == null) {
			return "ask for fewer fields within it";
		}
		return field.getArguments().get("first") instanceof Integer ? "give it a smaller first"
				: "give it first to ask for fewer";
	}

	/** The field's place in the document: the names (or aliases) of the fields it is in, and its own. */
	private static String path(FieldComplexityEnvironment field) {
		var path = new StringBuilder(field.getField().getResultKey());
		for (var parent = field.getParentEnvironment(); parent != null; parent = parent.getParentEnvironment()) {
			path.insert(0, parent.getField().getResultKey() + ".");
		}
		return path.toString();
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		var context = parameters.getExecutionContext();
		HEAVIEST.remove();
		try {
			int total = QueryComplexityCalculator.newCalculator()
				.fieldComplexityCalculator(this.weight)
				.schema(context.getGraphQLSchema())
				.document(WrittenOut.fragments(context.getDocument()))
				.operationName(context.getExecutionInput().getOperationName())
				.variables(context.getCoercedVariables())
				.build()
				.calculate();
			if (total > this.maxComplexity) {
				throw refusal(total);
			}
		}
		finally {
			HEAVIEST.remove();
		}
		return SimpleInstrumentationContext.noOp();
	}

	private AbortExecutionException refusal(int totalComplexity) {
		var heaviest = HEAVIEST.get();
		var message = new StringBuilder("maximum query complexity exceeded: the document weighs "
				+ (totalComplexity >= MOST ? "over " + MOST : totalComplexity) + ", more than the " + this.maxComplexity
				+ " allowed; a field weighs 1 plus its fields, times the items a list may hold (its first, else 10; for "
				+ "a breakdown the most groups its dimensions can have)");
		if (heaviest != null) {
			message.append("; the largest list, ").append(Text.preview(heaviest.path(), 120)).append(", is weighed at ")
				.append(heaviest.items()).append(" items: ").append(heaviest.advice());
		}
		return new AbortExecutionException(message.toString());
	}

}
