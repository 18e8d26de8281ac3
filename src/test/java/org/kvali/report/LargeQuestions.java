package org.kvali.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Questions an analyst may ask in GraphiQL that are far larger than a dashboard's, each asked by several clients at
 * once, every one a new question (its own end date after every activity): what came back and how long it took. An
 * error other than a refusal or a time-out (an internal one, as running out of memory gives) is printed.
 */
final class LargeQuestions {

	private record Question(String name, String by, String rest) {

		String body(int variant) {
			var query = "{ participation(filter: {to: \"" + LocalDate.of(2060, 1, 1).plusDays(variant) + "\"}) { "
					+ "breakdown(by: [" + this.by + "]" + this.rest + " } }";
			return "{\"query\":\"" + query.replace("\"", "\\\"") + "\"}";
		}

	}

	private static final String TOP_20 = ", orderBy: [{by: PARTICIPANTS, direction: DESC}], first: 20)";

	private static final List<Question> QUESTIONS = List.of(
			new Question("activity x gender x age band, top 20", "ACTIVITY, GENDER, AGE_BAND",
					TOP_20 + " { participations participants }"),
			new Question("activity x gender, top 20, all measures", "ACTIVITY, GENDER",
					TOP_20 + " { participations participants activities organizations }"),
			new Question("activity x gender x age band, top 20, all", "ACTIVITY, GENDER, AGE_BAND",
					TOP_20 + " { participations participants activities organizations }"),
			new Question("activity x gender, every group", "ACTIVITY, GENDER",
					") { activity { code } gender participations participants }"));

	private static final AtomicInteger VARIANT = new AtomicInteger();

	private LargeQuestions() {
	}

	static void run(BenchmarkClient client, int clients) throws Exception {
		System.out.printf("%nLarge questions, %d clients at once, each a new question:%n", clients);
		System.out.printf("%-42s %8s %8s %8s %9s %6s %9s %9s%n", "", "answered", "memory", "groups", "timed out",
				"other", "p50 ms", "max ms");
		var pool = Executors.newFixedThreadPool(clients);
		try {
			for (var question : QUESTIONS) {
				var asked = new ArrayList<Callable<String[]>>();
				for (int c = 0; c < clients; c++) {
					asked.add(() -> {
						long started = System.nanoTime();
						var response = client.post(question.body(VARIANT.incrementAndGet()));
						return new String[] { response, Double.toString((System.nanoTime() - started) / 1e6) };
					});
				}
				int[] outcomes = new int[5];
				double[] millis = new double[clients];
				String other = null;
				var answers = pool.invokeAll(asked);
				for (int c = 0; c < clients; c++) {
					var answer = answers.get(c).get();
					int outcome = outcome(answer[0]);
					outcomes[outcome]++;
					other = outcome == 4 && other == null ? answer[0] : other;
					millis[c] = Double.parseDouble(answer[1]);
				}
				Arrays.sort(millis);
				System.out.printf("%-42s %8d %8d %8d %9d %6d %9.0f %9.0f%n", question.name(), outcomes[0], outcomes[1],
						outcomes[2], outcomes[3], outcomes[4], millis[clients / 2], millis[clients - 1]);
				if (other != null) {
					System.out.println("  other error: " + other.substring(0, Math.min(300, other.length())));
				}
			}
		}
		finally {
			pool.shutdown();
		}
	}

	/** 0 answered, 1 refused for its memory, 2 refused for its number of groups, 3 timed out, 4 another error. */
	private static int outcome(String response) {
		if (!response.contains("\"errors\"")) {
			return 0;
		}
		if (response.contains("memory one question may use")) {
			return 1;
		}
		if (response.contains("groups, more than are answered at once")) {
			return 2;
		}
		return response.contains("\"TIMEOUT\"") ? 3 : 4;
	}

}
