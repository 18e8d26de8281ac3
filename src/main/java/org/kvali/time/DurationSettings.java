package org.kvali.time;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The duration settings are a whole number with its unit, ms, s, m or h, as the README has them: bound alone, 30 was
 * read as 30 ms, so KVALI_GRAPHQL_REQUEST_TIMEOUT=30 started a service whose every report timed out. A value of
 * another form stops the start, naming the setting.
 */
@Component
class DurationSettings {

	/** Every duration setting of the service. */
	static final List<String> SETTINGS = List.of("kvali.graphql.request-timeout", "kvali.import.upload-time",
			"kvali.report.rebuild-wait");

	private static final Pattern FORM = Pattern.compile("\\d{1,12}(ms|s|m|h)");

	DurationSettings(Environment environment) {
		for (var setting : SETTINGS) {
			var value = environment.getProperty(setting);
			if (value != null && !FORM.matcher(value.strip()).matches()) {
				throw new IllegalStateException(setting + " (" + setting.toUpperCase(Locale.ROOT).replaceAll("[.-]", "_")
						+ ") is '" + value + "', no duration: give a whole number with its unit, ms, s, m or h (30s, 10m)");
			}
		}
	}

}
