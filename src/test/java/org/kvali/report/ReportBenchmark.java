package org.kvali.report;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.kvali.bench.BenchmarkDatabase;
import org.kvali.intake.ImportBenchmark;

/**
 * {@code ./mvnw -q test-compile exec:java@benchmark -Dsizes=1000000,10000000}: for each size, the service's start-up
 * (until its in-memory index is ready) and heap; the six standard dashboard queries over HTTP on the fast path
 * without and with its answer cache (the cached answers from a client in a JVM of its own), and on the SQL path (the same service started with the index off); requests per
 * second with 8 clients; large questions 8 at once ({@link LargeQuestions}); attendance imports into that database
 * beside a plain COPY (dry runs, so that it stays as generated); at the end the import benchmark on a fresh database
 * ({@link ImportBenchmark}). Generate the data first ({@code exec:java@generate}).
 */
public final class ReportBenchmark {

	private static final int WARMUP = 3;

	private static final int RUNS = Integer.getInteger("runs", 15);

	/** Repeated questions answered from the cache, each asked this often untimed, then timed, by its own client. */
	private static final int CACHE_WARMUP = 100;

	private static final int CACHE_RUNS = Integer.getInteger("cacheRuns", 200);

	private static final int SQL_RUNS = Integer.getInteger("sqlRuns", 3);

	private static final int SERVER_WARMUP = Integer.getInteger("serverWarmup", 100);

	private static final int CLIENTS = 8;

	private static final int THROUGHPUT_SECONDS = Integer.getInteger("throughputSeconds", 15);

	/** One of the dashboard's questions; {@code %s} is where a filter argument goes. */
	private record Standard(String name, String graphQl, String filter) {

		/** The query as a request body; {@code variant} > 0 adds an end date after every activity, a new question. */
		String body(int variant) {
			var bounds = new ArrayList<String>();
			if (!this.filter.isEmpty()) {
				bounds.add(this.filter);
			}
			if (variant > 0) {
				bounds.add("to: \"" + LocalDate.of(2030, 1, 1).plusDays(variant) + "\"");
			}
			var argument = bounds.isEmpty() ? "" : "(filter: {" + String.join(", ", bounds) + "})";
			return "{\"query\":\"" + this.graphQl.formatted(argument).replace("\"", "\\\"") + "\"}";
		}

	}

	private static final List<Standard> QUERIES = List.of(
			new Standard("totals", "{ participation%s { totals { participations participants activities organizations } } }", ""),
			new Standard("region x gender",
					"{ participation%s { breakdown(by: [REGION, GENDER]) { region { code } gender participations participants share } } }", ""),
			new Standard("municipality",
					"{ participation%s { breakdown(by: [MUNICIPALITY]) { municipality { code } participations participants share } } }", ""),
			new Standard("quarters of two years",
					"{ participation%s { breakdown(by: [QUARTER]) { period { key } participations participants share } } }",
					"from: \"2024-01-01\""),
			new Standard("top 20 organizations",
					"{ participation%s { breakdown(by: [ORGANIZATION], orderBy: [{by: PARTICIPANTS, direction: DESC}], first: 20) { organization { code name } participations participants share } } }", ""),
			new Standard("project x gender x age band",
					"{ participation%s { breakdown(by: [PROJECT, GENDER, AGE_BAND]) { project { code } gender ageBand participations participants share } } }", ""));

	private static final AtomicInteger VARIANT = new AtomicInteger();

	private static final AtomicInteger SQL_TIMEOUTS = new AtomicInteger();

	private ReportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		var sizes = System.getProperty("sizes", Integer.toString(BenchmarkDatabase.participations())).split(",");
		for (var size : sizes) {
			benchmark(Integer.parseInt(size.trim()));
		}
		if (!Boolean.getBoolean("skipImport")) {
			ImportBenchmark.main(args);
		}
	}

	private static void benchmark(int size) throws Exception {
		double[][] fast = new double[QUERIES.size()][];
		double[][] sql = new double[QUERIES.size()][];
		List<double[]> cached;
		System.out.printf("%n== %,d participations ==%n", size);
		long started = System.nanoTime();
		try (var context = BenchmarkDatabase.start(size, true, "kvali.report.index=async")) {
			double contextSeconds = (System.nanoTime() - started) / 1e9;
			var index = context.getBean(ReportIndex.class);
			while (index.current().isEmpty()) {
				Thread.sleep(20);
			}
			double readySeconds = (System.nanoTime() - started) / 1e9;
			BenchmarkDatabase.describe(context);
			System.gc();
			var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
			var facts = index.current().orElseThrow();
			System.out.printf("Start-up: context %.1f s, index ready %.1f s after start; heap used after GC %,d MB"
					+ " (max %,d MB); index columns %,d MB%n", contextSeconds, readySeconds, heap.getUsed() >> 20,
					heap.getMax() >> 20, facts.bytes() >> 20);
			var client = new BenchmarkClient(context, BenchmarkDatabase.ADMIN_KEY);
			// a service that has run a while: its HTTP and GraphQL code compiled, as after a few hundred requests
			for (int round = 0; round < SERVER_WARMUP; round++) {
				for (var query : QUERIES) {
					client.send(query.body(round % 2 == 0 ? 0 : VARIANT.incrementAndGet()));
				}
			}
			for (int q = 0; q < QUERIES.size(); q++) {
				var query = QUERIES.get(q);
				fast[q] = time(WARMUP, RUNS, () -> client.send(query.body(VARIANT.incrementAndGet())));
			}
			cached = CachedAnswerClient.measure(client, QUERIES.stream().map(query -> query.body(0)).toList(),
					CACHE_WARMUP, CACHE_RUNS);
			var region = QUERIES.get(1);
			// a partner's reports run its suppression check too (are they all over its own activities?)
			var created = client.send("{\"query\":\"mutation { createApiKey(input: {name: \\\"benchmark partner "
					+ System.nanoTime() + "\\\", role: PARTNER, organizations: [\\\"ORG-1\\\"]}) { secret } }\"}");
			var partner = new BenchmarkClient(context, created.replaceAll(".*\"secret\":\"([^\"]+)\".*", "$1"));
			var asPartner = time(WARMUP, RUNS, () -> partner.send(region.body(VARIANT.incrementAndGet())));
			System.out.printf("Region x gender as a PARTNER of ORG-1, each a new question: p50 %.1f ms, p95 %.1f ms%n",
					p(asPartner, 50), p(asPartner, 95));
			// a donor's dashboards ask the same six, their small groups weighed over all the groups and withheld (a
			// donor's municipalities against their regions' people too, its top 20 over all 50,000 organizations)
			created = client.send("{\"query\":\"mutation { createApiKey(input: {name: \\\"benchmark donor "
					+ System.nanoTime() + "\\\", role: DONOR}) { secret } }\"}");
			var donor = new BenchmarkClient(context, created.replaceAll(".*\"secret\":\"([^\"]+)\".*", "$1"));
			for (var query : QUERIES) {
				var asDonor = time(WARMUP, RUNS, () -> donor.send(query.body(VARIANT.incrementAndGet())));
				System.out.printf("%s as a DONOR, each a new question: p50 %.1f ms, p95 %.1f ms%n", query.name(),
						p(asDonor, 50), p(asDonor, 95));
			}
			// ORG-5 leads a project (SYN-PRJ-16) and runs its activities: over them alone it sees its groups in full
			created = client.send("{\"query\":\"mutation { createApiKey(input: {name: \\\"benchmark organizer "
					+ System.nanoTime() + "\\\", role: PARTNER, organizations: [\\\"ORG-5\\\"]}) { secret } }\"}");
			var organizer = new BenchmarkClient(context, created.replaceAll(".*\"secret\":\"([^\"]+)\".*", "$1"));
			var own = new Standard("region x gender, own activities", region.graphQl(), "organizers: [\"ORG-5\"]");
			var ofOwn = time(WARMUP, RUNS, () -> organizer.send(own.body(VARIANT.incrementAndGet())));
			System.out.printf("Region x gender of its own activities as a PARTNER of ORG-5 (in full), each a new"
					+ " question: p50 %.1f ms, p95 %.1f ms%n", p(ofOwn, 50), p(ofOwn, 95));
			// over everything: its own project's groups, shown by their key, are weighed beside its breakdowns by
			// project alone and by gender alone as those weigh them
			var projects = new Standard("project x gender", "{ participation%s { breakdown(by: [PROJECT, GENDER]) {"
					+ " project { code } gender participants } } }", "");
			var byProject = time(WARMUP, RUNS, () -> organizer.send(projects.body(VARIANT.incrementAndGet())));
			System.out.printf("Project x gender as a PARTNER of ORG-5 (its own project beside others'), each a new"
					+ " question: p50 %.1f ms, p95 %.1f ms%n", p(byProject, 50), p(byProject, 95));
			var perOrganizer = new Standard("organizer x gender",
					"{ participation%s { breakdown(by: [ORGANIZER, GENDER]) { organizer { code } gender participants"
							+ " } } }",
					"");
			var reach = time(WARMUP, RUNS, () -> client.send(perOrganizer.body(VARIANT.incrementAndGet())));
			System.out.printf("Reach per implementing partner (ORGANIZER x GENDER), each a new question: p50 %.1f ms,"
					+ " p95 %.1f ms%n", p(reach, 50), p(reach, 95));
			// who ran the activities beside who was reached, and the domain's "organizations that sent people to more
			// than three activities" (distinct activities per organization, then the groups kept)
			var roles = new Standard("role x gender", "{ participation%s { breakdown(by: [ROLE, GENDER]) { role gender"
					+ " participants } } }", "roles: [PARTICIPANT, TRAINER, FACILITATOR, SPEAKER, ORGANIZER]");
			var byRole = time(WARMUP, RUNS, () -> client.send(roles.body(VARIANT.incrementAndGet())));
			System.out.printf("ROLE x GENDER over every role, each a new question: p50 %.1f ms, p95 %.1f ms%n",
					p(byRole, 50), p(byRole, 95));
			var moreThanThree = new Standard("organizations at more than three activities",
					"{ participation%s { breakdown(by: [ORGANIZATION], having: {activities: {atLeast: 4}}, orderBy:"
							+ " [{by: ACTIVITIES, direction: DESC}], first: 20) { organization { code } activities"
							+ " participants } } }",
					"");
			var kept = time(WARMUP, RUNS, () -> client.send(moreThanThree.body(VARIANT.incrementAndGet())));
			System.out.printf("Organizations at more than three activities (having), top 20, each a new question:"
					+ " p50 %.1f ms, p95 %.1f ms%n", p(kept, 50), p(kept, 95));
			// a drill-down into a few activities reads their rows alone
			var activities = new Standard("totals of 10 activities",
					"{ participation%s { totals { participants participations activities organizations } } }",
					IntStream.range(0, 10).mapToObj(a -> "\"SYN-ACT-" + (1 + 100 * a) + "\"")
						.collect(Collectors.joining(", ", "activities: [", "]")));
			var drillDown = time(WARMUP, RUNS, () -> client.send(activities.body(VARIANT.incrementAndGet())));
			System.out.printf("Totals of 10 activities, each a new question: p50 %.1f ms, p95 %.1f ms%n",
					p(drillDown, 50), p(drillDown, 95));
			System.out.printf("Throughput, region x gender, %d clients for %d s: %.1f requests/s, each a new question;"
					+ " %.1f requests/s, the same question (cached)%n", CLIENTS, THROUGHPUT_SECONDS,
					throughput(() -> client.send(region.body(VARIANT.incrementAndGet()))),
					throughput(() -> client.send(region.body(0))));
			System.out.printf("Answer cache: %,d hits, %,d misses on the current index%n", facts.answers.hits(),
					facts.answers.misses());
			LargeQuestions.run(client, CLIENTS);
		}
		try (var context = BenchmarkDatabase.start(size, true, "kvali.report.index=off")) {
			var client = new BenchmarkClient(context, BenchmarkDatabase.ADMIN_KEY);
			client.send(QUERIES.get(0).body(0));
			for (int q = 0; q < QUERIES.size(); q++) {
				var query = QUERIES.get(q);
				sql[q] = time(1, SQL_RUNS, () -> sqlAnswer(client, query.body(VARIANT.incrementAndGet())));
			}
			if (SQL_TIMEOUTS.get() > 0) {
				System.out.printf("SQL path: %d answers stopped at the statement timeout (30 s), timed as they ran%n",
						SQL_TIMEOUTS.get());
			}
			System.out.printf("%n%-30s %9s %9s %9s %9s %9s %9s%n", "over HTTP, ms", "fast p50", "fast p95",
					"cache p50", "cache p95", "SQL p50", "SQL p95");
			for (int q = 0; q < QUERIES.size(); q++) {
				System.out.printf("%-30s %9.1f %9.1f %9.1f %9.1f %9.0f %9.0f%n", QUERIES.get(q).name(),
						p(fast[q], 50), p(fast[q], 95), p(cached.get(q), 50), p(cached.get(q), 95), p(sql[q], 50),
						p(sql[q], 95));
			}
			System.out.printf("(cache: a client in a JVM of its own, %d requests untimed, then %d timed, per question)%n",
					CACHE_WARMUP, CACHE_RUNS);
			if (!Boolean.getBoolean("skipImport")) {
				ImportBenchmark.atScale(context);
			}
		}
	}

	private interface Run {

		void run() throws Exception;

	}

	/**
	 * An answer on the SQL path, which is there to be compared with: one stopped by the statement timeout is counted
	 * at the time it took (it ended the run before), any other error ends it.
	 */
	private static void sqlAnswer(BenchmarkClient client, String body) throws Exception {
		var response = client.post(body);
		if (response.contains("\"classification\":\"TIMEOUT\"")) {
			SQL_TIMEOUTS.incrementAndGet();
		}
		else if (response.contains("\"errors\"")) {
			throw new IllegalStateException(body + " -> " + response);
		}
	}

	private static double[] time(int warmup, int runs, Run run) throws Exception {
		for (int i = 0; i < warmup; i++) {
			run.run();
		}
		double[] millis = new double[runs];
		for (int i = 0; i < runs; i++) {
			long started = System.nanoTime();
			run.run();
			millis[i] = (System.nanoTime() - started) / 1e6;
		}
		Arrays.sort(millis);
		return millis;
	}

	private static double throughput(Run run) throws Exception {
		var done = new AtomicLong();
		var pool = Executors.newFixedThreadPool(CLIENTS);
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(THROUGHPUT_SECONDS);
		long started = System.nanoTime();
		for (int c = 0; c < CLIENTS; c++) {
			pool.execute(() -> {
				try {
					while (System.nanoTime() < end) {
						run.run();
						done.incrementAndGet();
					}
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(THROUGHPUT_SECONDS + 120, TimeUnit.SECONDS);
		return done.get() / ((System.nanoTime() - started) / 1e9);
	}

	private static double p(double[] sorted, int percentile) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
	}

}
