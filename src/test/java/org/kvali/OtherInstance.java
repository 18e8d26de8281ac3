package org.kvali;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** A second service on the tests' database, as a configured one (not its own embedded server), on a free port. */
public final class OtherInstance {

	private OtherInstance() {
	}

	/**
	 * Starts it with the report index {@code sync} or {@code off}, and the properties given beside the defaults; the
	 * caller closes it.
	 */
	public static ConfigurableApplicationContext start(JdbcConnectionDetails database, String reportIndex,
			String... properties) {
		return start(database.getJdbcUrl(), database, reportIndex, properties);
	}

	/** Starts it as {@link #start(JdbcConnectionDetails, String, String...)} does, on another URL to the database. */
	public static ConfigurableApplicationContext start(String url, JdbcConnectionDetails database, String reportIndex,
			String... properties) {
		return new SpringApplicationBuilder(KvaliApplication.class)
			.properties(properties)
			.properties("spring.datasource.url=" + url,
					"spring.datasource.username=" + database.getUsername(),
					"spring.datasource.password=" + database.getPassword(), "server.port=0",
					"kvali.demo.enabled=false", "kvali.report.index=" + reportIndex,
					// introspection is switched on or off for the whole JVM: off here, the other tests would lose it
					"kvali.explorer.enabled=true", "kvali.bootstrap-admin-key=" + TestCallers.ADMIN_KEY,
					"kvali.rate-limit.requests-per-minute=0")
			.run();
	}

	/** The port it listens on. */
	public static int port(ConfigurableApplicationContext instance) {
		return ((WebServerApplicationContext) instance).getWebServer().getPort();
	}

	/** The answer's field {@code root} from the instance, asked as the key's caller, checked to hold no errors. */
	@SuppressWarnings("unchecked")
	public static Object ask(ConfigurableApplicationContext instance, JsonMapper json, String key, String document,
			String root, Map<String, Object> variables) throws Exception {
		var body = new HashMap<String, Object>(Map.of("query", document));
		if (variables != null) {
			body.put("variables", variables);
		}
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port(instance) + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + key)
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
			.build();
		var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
		Map<String, Object> answer = json.readValue(response, Map.class);
		assertThat(answer.get("errors")).as(response).isNull();
		return ((Map<String, Object>) answer.get("data")).get(root);
	}

}
