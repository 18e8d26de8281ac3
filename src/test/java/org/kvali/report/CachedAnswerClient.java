package org.kvali.report;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Times repeated questions, answered from the service's cache, from a JVM of its own, as a dashboard's server would
 * ask them: in the benchmark's JVM the client shared the service's heap, collector and two cores, and its figures
 * said more of that than of the cache. Run by {@link #measure}; it and {@link BenchmarkClient} need nothing but the
 * JDK, so their class folder is its class path.
 */
final class CachedAnswerClient {

	private CachedAnswerClient() {
	}

	/** For each body, {@code runs} times in milliseconds, sorted, after {@code warmup} untimed requests. */
	static List<double[]> measure(BenchmarkClient client, List<String> bodies, int warmup, int runs) throws Exception {
		var classes = Path.of(CachedAnswerClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		var process = new ProcessBuilder(java, "-Xmx64m", "-cp", classes.toString(), CachedAnswerClient.class.getName(),
				Integer.toString(client.port()), client.key(), Integer.toString(warmup), Integer.toString(runs))
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		try (var in = process.outputWriter(StandardCharsets.UTF_8)) {
			for (var body : bodies) {
				in.write(body);
				in.newLine();
			}
		}
		var times = new ArrayList<double[]>();
		try (var out = process.inputReader(StandardCharsets.UTF_8)) {
			for (String line = out.readLine(); line != null; line = out.readLine()) {
				times.add(Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray());
			}
			if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0 || times.size() != bodies.size()) {
				throw new IllegalStateException("The cached-answer client failed or did not end");
			}
		}
		finally {
			process.destroyForcibly();
		}
		return times;
	}

	/** Arguments: port, key, warm-up requests and timed requests per body; the bodies on standard input, one a line. */
	public static void main(String[] args) throws Exception {
		var client = new BenchmarkClient(Integer.parseInt(args[0]), args[1]);
		int warmup = Integer.parseInt(args[2]);
		int runs = Integer.parseInt(args[3]);
		var bodies = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).lines().toList();
		for (var body : bodies) {
			for (int i = 0; i < warmup; i++) {
				client.send(body);
			}
			var millis = new double[runs];
			for (int i = 0; i < runs; i++) {
				long started = System.nanoTime();
				client.send(body);
				millis[i] = (System.nanoTime() - started) / 1e6;
			}
			Arrays.sort(millis);
			System.out.println(String.join(",", Arrays.stream(millis).mapToObj(Double::toString).toList()));
		}
	}

}
