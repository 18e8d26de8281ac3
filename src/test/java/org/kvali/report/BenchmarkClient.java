package org.kvali.report;

import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Posts GraphQL to the benchmark's service with a key (the benchmark's admin, or a partner's). A plain blocking
 * connection (kept alive between requests), as a dashboard's server-side client would use: the JDK's asynchronous
 * HttpClient added 10 to 20 ms of its own threads' hand-offs per request on this machine.
 */
final class BenchmarkClient {

	private final URL url;

	private final String key;

	BenchmarkClient(ConfigurableApplicationContext context, String key) throws Exception {
		this(((WebServerApplicationContext) context).getWebServer().getPort(), key);
	}

	/** A client of the service on {@code port}, also in a JVM without Spring ({@link CachedAnswerClient}). */
	BenchmarkClient(int port, String key) throws Exception {
		this.url = URI.create("http://localhost:" + port + "/graphql").toURL();
		this.key = key;
	}

	int port() {
		return this.url.getPort();
	}

	String key() {
		return this.key;
	}

	/** The response, failing on any error. */
	String send(String body) throws Exception {
		var response = post(body);
		if (response.contains("\"errors\"")) {
			throw new IllegalStateException(body + " -> " + response);
		}
		return response;
	}

	/** The response, errors and all; failing only on an HTTP status other than 200. */
	String post(String body) throws Exception {
		var connection = (HttpURLConnection) this.url.openConnection();
		// a hung service ends the run rather than hold it for ever (the SQL path answers within its 30 s)
		connection.setConnectTimeout(10_000);
		connection.setReadTimeout(120_000);
		connection.setRequestMethod("POST");
		connection.setDoOutput(true);
		connection.setRequestProperty("Content-Type", "application/json");
		connection.setRequestProperty("Authorization", "Bearer " + this.key);
		try (var out = connection.getOutputStream()) {
			out.write(body.getBytes(StandardCharsets.UTF_8));
		}
		int status = connection.getResponseCode();
		String response;
		try (var in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
			response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		if (status != 200) {
			throw new IllegalStateException(body + " -> " + status + " " + response);
		}
		return response;
	}

}
