package org.kvali.time;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The duration settings are a whole number with its unit, ms, s, m or h, as the README has them: bound alone, 30 was
 * read as 30 ms, so KVALI_GRAPHQL_REQUEST_TIMEOUT=30 started a service whose every report timed out, and
 * KVALI_GRAPHQL_BODY_TIME=10 one that refused every GraphQL body slower than 10 ms (a review's). A value of
 * another form stops the start before anything is bound (bound first, 30 for the upload time was refused as shorter
 * than a second), naming the setting and where it was given.
 */
public class DurationSettings implements EnvironmentPostProcessor {

	/** Every duration setting of the service. */
	public static final List<String> SETTINGS = List.of("kvali.graphql.request-timeout", "kvali.graphql.body-time",
			"kvali.import.upload-time", "kvali.report.rebuild-wait", "kvali.report.prune-notes-every");

	private static final Pattern FORM = Pattern.compile("\\d{1,12}(ms|s|m|h)");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		for (var setting : SETTINGS) {
			var value = environment.getProperty(setting);
			if (value != null && !FORM.matcher(value.strip()).matches()) {
				var source = environment.getPropertySources().stream()
					// the first that holds it, past the view of them all that Spring Boot puts first
					.filter(candidate -> !ConfigurationPropertySources.isAttachedConfigurationPropertySource(candidate)
							&& candidate.containsProperty(setting))
					.map(candidate -> ", from " + candidate.getName())
					.findFirst()
					.orElse("");
				throw new IllegalStateException(setting + " (" + setting.toUpperCase(Locale.ROOT).replaceAll("[.-]", "_")
						+ source + ") is '" + value + "', no duration: give a whole number with its unit, ms, s, m or h "
						+ "(30s, 10m)");
			}
		}
	}

}
