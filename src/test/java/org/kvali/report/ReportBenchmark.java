package org.kvali.report;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.kvali.bench.BenchmarkDatabase;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * {@code ./mvnw -q test-compile exec:java@benchmark -Dparticipations=1000000}: the six standard dashboard queries
 * over HTTP, each beside the same SQL run directly over JDBC, with p50 and p95 latencies.
 */
public final class ReportBenchmark {

	private static final int WARMUP = 3;

	private static final int RUNS = Integer.getInteger("runs", 15);

	private record Standard(String name, String graphQl, Supplier<String> sql, Map<String, Object> parameters) {
	}

	private ReportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int size = BenchmarkDatabase.participations();
		try (var context = BenchmarkDatabase.start(size, true)) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			var jdbc = new NamedParameterJdbcTemplate(context.getBean(DataSource.class));
			var http = HttpClient.newHttpClient();
			var url = URI.create("http://localhost:" + port + "/graphql");
			System.out.printf("%n%-32s %10s %10s %10s %10s %8s%n", "query (" + size + " participations)", "HTTP p50",
					"HTTP p95", "SQL p50", "SQL p95", "ratio");
			for (var query : standardQueries()) {
				var request = HttpRequest.newBuilder(url)
					.header("Content-Type", "application/json")
					.header("Authorization", "Bearer " + BenchmarkDatabase.ADMIN_KEY)
					.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + query.graphQl().replace("\"", "\\\"") + "\"}"))
					.build();
				double[] overHttp = time(() -> {
					var response = http.send(request, HttpResponse.BodyHandlers.ofString());
					if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
						throw new IllegalStateException(response.body());
					}
				});
				double[] direct = time(() -> jdbc.queryForList(query.sql().get(), query.parameters()));
				System.out.printf("%-32s %8.1f ms %7.1f ms %7.1f ms %7.1f ms %7.2fx%n", query.name(), p(overHttp, 50),
						p(overHttp, 95), p(direct, 50), p(direct, 95), p(overHttp, 50) / p(direct, 50));
			}
		}
	}

	private static List<Standard> standardQueries() {
		var all = ParticipationFilter.ALL;
		var twoYears = new ParticipationFilter(null, null, null, null, null, null, null, null, null, null, null, null,
				null, null, LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31));
		var queries = new ArrayList<Standard>();
		queries.add(new Standard("totals",
				"{ participation { totals { participations participants activities organizations } } }",
				() -> ReportSql.totals(ReportSql.conditions(all)), ReportSql.conditions(all).parameters()));
		queries.add(breakdown("region x gender", "", List.of(Dimension.REGION, Dimension.GENDER), "", all, null,
				"region { code } gender"));
		queries.add(breakdown("municipality", "", List.of(Dimension.MUNICIPALITY), "", all, null, "municipality { code }"));
		queries.add(breakdown("quarters of two years", "(filter: {from: \"2024-01-01\", to: \"2025-12-31\"})",
				List.of(Dimension.QUARTER), "", twoYears, null, "period { key }"));
		queries.add(breakdown("top 20 organizations", "", List.of(Dimension.ORGANIZATION),
				", orderBy: [{by: PARTICIPANTS, direction: DESC}], first: 20", all, 20, "organization { code name }"));
		queries.add(breakdown("project x gender x age band", "",
				List.of(Dimension.PROJECT, Dimension.GENDER, Dimension.AGE_BAND), "", all, null,
				"project { code } gender ageBand"));
		return queries;
	}

	private static Standard breakdown(String name, String filterArgument, List<Dimension> by, String extra,
			ParticipationFilter filter, Integer first, String fields) {
		var order = first == null ? List.<GroupOrder>of() : List.of(new GroupOrder(GroupOrderField.PARTICIPANTS, Direction.DESC));
		var conditions = ReportSql.conditions(filter);
		if (first != null) {
			conditions.bind("limit", first + 1);
		}
		var graphQl = "{ participation" + filterArgument + " { breakdown(by: ["
				+ String.join(", ", by.stream().map(Enum::name).toList()) + "]" + extra + ") { " + fields
				+ " participations participants share } } }";
		return new Standard(name, graphQl, () -> ReportSql.breakdown(by, order, new MeasureSet(false, false), conditions, first != null),
				conditions.parameters());
	}

	private interface Run {

		void run() throws Exception;

	}

	private static double[] time(Run run) throws Exception {
		for (int i = 0; i < WARMUP; i++) {
			run.run();
		}
		double[] millis = new double[RUNS];
		for (int i = 0; i < RUNS; i++) {
			long started = System.nanoTime();
			run.run();
			millis[i] = (System.nanoTime() - started) / 1e6;
		}
		Arrays.sort(millis);
		return millis;
	}

	private static double p(double[] sorted, int percentile) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
	}

}
