package org.kvali.graphql;

import java.util.List;
import java.util.Objects;

import graphql.ExecutionResult;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.QueryComplexityCalculator;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLTypeUtil;

import org.kvali.report.ReportService;

/**
 * The complexity limit: a field weighs 1 plus its fields, times the items of a list (its {@code first}, else a page
 * of 10; the regions and municipalities there are; for a breakdown the most groups its dimensions can have). A
 * document past the limit is refused naming the list weighed at the most items and what lowers it: graphql-java's own
 * message gave two numbers, and an analyst whose breakdown by project (weighed at 10,000 groups) was refused could
 * not tell why. The document is weighed with each fragment written out at each of its spreads: graphql-java's
 * traversal enters a fragment's fields once, as nodes it has seen, so a fragment spread eight times weighed as one
 * and a tester's answer of 3.5 million weighed passed.
 * <p>
 * A field weighs at most the limit plus one, so that one past it is refused alone: graphql-java adds weights in an
 * int, and two fields of the int's greatest weight added up below 0 and passed. The fields a document may hold times
 * that much must fit in an int, which the start checks.
 */
final class ComplexityLimit extends SimplePerformantInstrumentation {

	/** Page size assumed for a list field without {@code first}. */
	private static final int DEFAULT_PAGE = 10;

	/** A list of the document: where it is, how many items it is weighed at, what would lower it, its weight. */
	private record Listed(String path, long items, String advice, long weight) {
	}

	/** One document's weighing: the list weighed at the most items so far, and whether a field's weight was capped. */
	private static final class Weighing {

		Listed largest;

		boolean capped;

	}

	private final int maxComplexity;

	private final List<ListSizes> sizes;

	ComplexityLimit(int maxComplexity, int maxFields, List<ListSizes> sizes) {
		if ((long) maxFields * (maxComplexity + 1L) > Integer.MAX_VALUE) {
			throw new IllegalStateException("kvali.graphql.max-fields (" + maxFields + ") times kvali.graphql."
					+ "max-complexity plus one (" + (maxComplexity + 1L) + ") must stay within " + Integer.MAX_VALUE
					+ ", which graphql-java adds weights in");
		}
		this.maxComplexity = maxComplexity;
		this.sizes = sizes;
	}

	private int weight(FieldComplexityEnvironment field, int children, Weighing weighing) {
		long page = 1;
		if (connection(field)) {
			// a connection's page, its edges weighed once in it: weighed at first and then again as a list of 10, a
			// page of 2 imports with their errors weighed 20 of them, and one without first 10 of its 20 (a review's)
			page = field.getArguments().get("first") instanceof Integer given ? Math.max(1, given) : Page.FIRST;
		}
		else if (field.getParentEnvironment() != null && connection(field.getParentEnvironment())
				&& field.getField().getName().equals("edges")) {
			page = 1;
		}
		else if (field.getFieldDefinition().getType().toString().startsWith("[")) {
			// a breakdown without first answers every group, up to 10,000: weighed as 10 it was cheap to ask for
			var most = this.sizes.stream().map(size -> size.most(field)).filter(Objects::nonNull).findFirst();
			page = field.getArguments().get("first") instanceof Integer given ? Math.max(1, given)
					: most.isPresent() ? Integer.MAX_VALUE : DEFAULT_PAGE;
			page = Math.max(1, Math.min(page, most.orElse(Integer.MAX_VALUE)));
			// a page after an offset counts the items before it too: weighed as all it counts, not the 10,000 a
			// breakdown answers at most (a page of 1 after a million weighed 2); one past the most a breakdown takes
			// is not counted, and the breakdown refuses it naming the most (it had been told to weigh less)
			if (field.getArguments().get("offset") instanceof Integer offset && offset > 0
					&& offset <= ReportService.MAX_OFFSET) {
				page += offset;
			}
		}
		else if (field.getArguments().get("first") instanceof Integer given) {
			page = Math.max(1, given);
		}
		else {
			// whether a breakdown withheld groups is answered by counting it whole: weighed as it (it weighed 1, and
			// fifty of them asked for ten thousand groups each)
			page = this.sizes.stream().map(size -> size.most(field)).filter(Objects::nonNull).findFirst().orElse(1);
		}
		long weight = page * (1 + children);
		if (weight > this.maxComplexity + 1L) {
			weight = this.maxComplexity + 1L;
			weighing.capped = true;
		}
		// the list weighed at the most items, the heavier of two alike: a list's weight holds the lists within it, so
		// the heaviest by weight was always the outermost (indicators, of 10, named for a disaggregation of 10,000)
		var largest = weighing.largest;
		if (page > 1 && (largest == null || page > largest.items()
				|| page == largest.items() && weight > largest.weight())) {
			weighing.largest = new Listed(path(field), page, advice(field), weight);
		}
		return (int) weight;
	}

	/** Whether the field answers a page of a list, as {@link Connection}: its items are {@code edges}. */
	private static boolean connection(FieldComplexityEnvironment field) {
		return GraphQLTypeUtil.unwrapAll(field.getFieldDefinition().getType()) instanceof GraphQLObjectType type
				&& type.getName().endsWith("Connection") && type.getFieldDefinition("edges") != null;
	}

	/** What asks for fewer of the list's items. */
	private static String advice(FieldComplexityEnvironment field) {
		if (field.getFieldDefinition().getArgument("first") == null) {
			// a list, or a field counting one whole (whether a breakdown withheld groups)
			return field.getFieldDefinition().getType().toString().startsWith("[") ? "ask for fewer fields within it"
					: "ask it by fewer dimensions, or fewer times";
		}
		if (field.getArguments().get("offset") instanceof Integer offset && offset > 0) {
			return "give it a smaller first or offset";
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
		var weighing = new Weighing();
		int total = QueryComplexityCalculator.newCalculator()
			.fieldComplexityCalculator((field, children) -> weight(field, children, weighing))
			.schema(context.getGraphQLSchema())
			.document(WrittenOut.of(context))
			.operationName(context.getExecutionInput().getOperationName())
			.variables(context.getCoercedVariables())
			.build()
			.calculate();
		if (total > this.maxComplexity) {
			throw refusal(total, weighing);
		}
		return SimpleInstrumentationContext.noOp();
	}

	private AbortExecutionException refusal(int total, Weighing weighing) {
		var message = new StringBuilder("maximum query complexity exceeded: the document weighs "
				+ (weighing.capped ? "" : total + ", ") + "more than the " + this.maxComplexity + " allowed; a field "
				+ "weighs 1 plus its fields, times the items a list may hold (its first, else its default page: 10, a "
				+ "connection's 20; for a breakdown the most groups its dimensions can have), so lists within lists "
				+ "multiply");
		var largest = weighing.largest;
		if (largest != null) {
			message.append("; the largest list, ").append(Text.preview(largest.path(), 120)).append(", is weighed at ")
				.append(largest.items()).append(" items: ").append(largest.advice());
		}
		return DocumentRefused.because(message.toString());
	}

}
