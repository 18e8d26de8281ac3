package org.kvali.graphql;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import graphql.GraphQL;
import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request that runs out of time part way through a list of non-null items: one error says so, and the items left
 * empty are not errors of their own.
 */
class RequestDeadlineTest {

	private static final String SCHEMA = """
			type Query { items: [Item!]! }
			type Item { name: String! children: [Item!]! }""";

	@Test
	void aRequestStoppedPartWayHasOneError() {
		// the items at once, their children later (as the service's batch loaders answer), their names then: past the
		// deadline (a second: the parsing of a cold machine stays within it), so every name of every child is left
		// empty, and none may be
		DataFetcher<Object> items = environment -> IntStream.range(0, 10).mapToObj(i -> Map.of()).toList();
		DataFetcher<Object> children = environment -> CompletableFuture.supplyAsync(
				() -> IntStream.range(0, 10).mapToObj(i -> Map.of()).toList(),
				CompletableFuture.delayedExecutor(1500, TimeUnit.MILLISECONDS));
		DataFetcher<Object> name = environment -> "item";
		var wiring = RuntimeWiring.newRuntimeWiring()
			.type("Query", type -> type.dataFetcher("items", items))
			.type("Item", type -> type.dataFetcher("name", name).dataFetcher("children", children))
			.build();
		var schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SCHEMA), wiring);
		var graphQl = GraphQL.newGraphQL(schema).instrumentation(new RequestDeadline(Duration.ofMillis(1000))).build();

		var result = graphQl.execute("{ items { children { name } } }");

		assertThat(result.getErrors()).hasSize(1);
		// graphql-java's own wording around it; the service's error handling gives the message alone
		assertThat(result.getErrors().get(0).getMessage())
			.endsWith(": The request ran longer than 1000 ms and was stopped; ask for less at once");
		assertThat((Object) result.getData()).isNull();

		var quick = GraphQL.newGraphQL(schema).instrumentation(new RequestDeadline(Duration.ofSeconds(30))).build()
			.execute("{ items { children { children { __typename } } } }");
		assertThat(quick.getErrors()).isEmpty();
		assertThat(quick.<Map<String, List<?>>>getData().get("items")).hasSize(10);
	}

	/**
	 * Each field of the operation left out past the deadline is told, a mutation not run among them: with fields
	 * that may be null, those after the first were null without a word.
	 */
	@Test
	void everyMutationLeftOutIsTold() {
		var ran = new java.util.concurrent.atomic.AtomicInteger();
		// well past the deadline, which a cold machine's parsing does not reach before it runs
		DataFetcher<Object> slow = environment -> {
			Thread.sleep(1500);
			return "done";
		};
		DataFetcher<Object> counted = environment -> "ran " + ran.incrementAndGet();
		var wiring = RuntimeWiring.newRuntimeWiring()
			.type("Query", type -> type.dataFetcher("ok", counted))
			.type("Mutation", type -> type.dataFetcher("slow", slow).dataFetcher("next", counted).dataFetcher("last",
					counted))
			.build();
		var schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser()
			.parse("type Query { ok: String } type Mutation { slow: String next: String last: String }"), wiring);
		var graphQl = GraphQL.newGraphQL(schema).instrumentation(new RequestDeadline(Duration.ofMillis(1000))).build();

		var result = graphQl.execute("mutation { slow next last }");

		assertThat(ran).hasValue(0);
		assertThat(result.<Map<String, Object>>getData()).containsEntry("slow", "done")
			.containsEntry("next", null)
			.containsEntry("last", null);
		assertThat(result.getErrors()).extracting(error -> error.getPath().toString())
			.containsExactly("[next]", "[last]");
	}

}
