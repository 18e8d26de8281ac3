package org.kvali.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition.Operation;
import graphql.schema.FieldCoordinates;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

import org.kvali.access.Caller;
import org.kvali.access.Role;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Whole answers to report documents, kept for the data version they were computed at: a dashboard asking the same
 * question again gets the same JSON without the document running, until the data changes. Running a big breakdown
 * costs more in GraphQL than in counting (hundreds of groups, each a handful of fields), which the
 * {@link AnswerCache} below cannot save.
 * <p>
 * Kept only when all of these hold, so that a kept answer is exactly what running the document would give:
 * <ul>
 * <li>the caller's answers depend on its role alone: ADMIN, ANALYST or DONOR (a PARTNER's depend on its projects,
 * which are not part of the data version); the role is part of the key, with the document, operation and
 * variables;</li>
 * <li>the operation is a query that selects only the fields in {@link #KEPT}, which read nothing but tables whose
 * every change bumps the data version (no project partners, donors or indicators, no personal data);</li>
 * <li>the answer has no errors.</li>
 * </ul>
 * A document is judged, and the data version read, when its operation starts: after the document limits, so a
 * refused document runs no SQL, and before any data is read, so an answer is never labelled with a later version
 * than its data. A kept answer is given only while the data version read for the request is the one it was kept at.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ResponseCache extends SimplePerformantInstrumentation implements WebGraphQlInterceptor {

	/** The fields a kept document may select ({@code __typename} anywhere too), by type. */
	static final Set<FieldCoordinates> KEPT = coordinates("""
			Query: participation
			ParticipationReport: totals breakdown withheld
			ParticipationMeasures: participations participants activities organizations suppressed
			ParticipationGroup: programme project region municipality venueRegion venueMunicipality organization \
			organizationKind organizer gender ageBand ageGroup disability activityKind activity role period \
			participations participants activities organizations share suppressed
			CountedAgeRange: from to
			Period: key start end
			Region: code name nameKa municipalities
			Municipality: code name nameKa region
			Programme: code name nameKa description startDate endDate
			Project: code name nameKa programme lead startDate endDate
			Organization: code name nameKa kind municipality region
			Activity: code title titleKa kind project startDate endDate venue venueName organizer topics
			""");

	private final ReportIndex index;

	private final JsonMapper json;

	private final long maxBytes;

	/** Answers of one data version, least recently used first. */
	private final LinkedHashMap<Key, String> answers = new LinkedHashMap<>(64, 0.75f, true);

	/** The data version of the answers, with its epoch. */
	private DataVersions.Stamp version = new DataVersions.Stamp(-1, -1);

	private long bytes;

	private final LongAdder hits = new LongAdder();

	ResponseCache(ReportIndex index, JsonMapper json, ReportProperties settings) {
		this.index = index;
		this.json = json;
		this.maxBytes = settings.cachedResponses().toBytes();
	}

	/** The question: the variables as their JSON, which the size of an entry counts too. */
	private record Key(Role role, String document, String operation, String variables) {
	}

	/**
	 * Where the operation, once started, puts the data version it read when the document may be kept: only while
	 * the caller is still the one whose role is in the key.
	 */
	private static final class Started {

		final Role role;

		volatile DataVersions.Stamp version;

		Started(Role role) {
			this.role = role;
		}

	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		var caller = Caller.find().orElse(null);
		if (this.maxBytes == 0 || caller == null || !caller.is(Role.ADMIN, Role.ANALYST, Role.DONOR)) {
			return chain.next(request);
		}
		var key = new Key(caller.role(), request.getDocument(), request.getOperationName(),
				this.json.writeValueAsString(request.getVariables()));
		var kept = find(key);
		if (kept != null && kept.version().equals(this.index.stamp())) {
			this.hits.increment();
			return Mono.just(answer(request, kept.json()));
		}
		var started = new Started(caller.role());
		request.configureExecutionInput(
				(input, builder) -> builder.graphQLContext(Map.of(Started.class, started)).build());
		return chain.next(request).map(response -> {
			if (started.version == null || !response.isValid() || !response.getErrors().isEmpty()
					|| !response.getExtensions().isEmpty()) {
				return response;
			}
			// turned into JSON once, for the cache and for this answer
			var json = this.json.writeValueAsString(response.getData());
			keep(key, started.version, json);
			return answer(request, json);
		});
	}

	/** A response whose data is this JSON, written as it is. */
	private static WebGraphQlResponse answer(WebGraphQlRequest request, String json) {
		var result = ExecutionResultImpl.newExecutionResult().data(new RawValue(json)).build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		var context = parameters.getExecutionContext();
		Started started = context.getGraphQLContext().get(Started.class);
		if (started != null && Caller.find().map(Caller::role).orElse(null) == started.role && keepable(context)) {
			started.version = this.index.stamp();
		}
		return super.beginExecuteOperation(parameters, state);
	}

	/** Answers given from the cache since start (for tests and the benchmark). */
	long hits() {
		return this.hits.sum();
	}

	private static boolean keepable(ExecutionContext context) {
		if (context.getOperationDefinition().getOperation() != Operation.QUERY) {
			return false;
		}
		for (var field : context.getNormalizedQueryTree().get().getCoordinatesToNormalizedFields().keySet()) {
			if (!field.getFieldName().equals("__typename") && !KEPT.contains(field)) {
				return false;
			}
		}
		return true;
	}

	/** An answer and its version; one read while the epoch changed (null) is neither given nor kept. */
	private record Kept(DataVersions.Stamp version, String json) {
	}

	private synchronized Kept find(Key key) {
		var kept = this.answers.get(key);
		return kept == null ? null : new Kept(this.version, kept);
	}

	/**
	 * Keeps an answer of this data version, dropping those of earlier versions, which can never be given again, and
	 * the least recently used while over the size. An answer over an eighth of the size is not kept.
	 */
	private synchronized void keep(Key key, DataVersions.Stamp version, String answer) {
		long size = size(key, answer);
		if (version.before(this.version) || size > this.maxBytes / 8) {
			return;
		}
		if (this.version.before(version)) {
			this.answers.clear();
			this.bytes = 0;
			this.version = version;
		}
		var replaced = this.answers.put(key, answer);
		this.bytes += size - (replaced == null ? 0 : size(key, replaced));
		var oldest = this.answers.entrySet().iterator();
		while (this.bytes > this.maxBytes && oldest.hasNext()) {
			var entry = oldest.next();
			this.bytes -= size(entry.getKey(), entry.getValue());
			oldest.remove();
		}
	}

	private static Set<FieldCoordinates> coordinates(String lines) {
		return lines.lines().flatMap(line -> {
			var type = line.substring(0, line.indexOf(':'));
			return Stream.of(line.substring(type.length() + 1).trim().split(" +"))
				.map(field -> FieldCoordinates.coordinates(type, field));
		}).collect(Collectors.toUnmodifiableSet());
	}

	/** What a kept answer takes in memory, roughly: two bytes a character of it and of its key's texts. */
	private static long size(Key key, String answer) {
		return 2L * (answer.length() + key.document().length() + key.variables().length()) + 256;
	}

}
