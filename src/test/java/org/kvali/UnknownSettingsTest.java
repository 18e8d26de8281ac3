package org.kvali;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A setting given under Kvali's name that names none of its settings is told at start, with the nearest: a misspelt
 * KVALI_SUPRESSION_K=10 was ignored without a word, and small groups were shown from 5 people.
 */
@IntegrationTest
class UnknownSettingsTest {

	@Autowired
	ApplicationContext context;

	/** A misspelt setting is told with the nearest; Kubernetes' variables of a service named kvali are not settings. */
	@Test
	void aMisspeltSettingIsToldWithTheNearest() {
		var environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("systemEnvironment", Map.ofEntries(
				Map.entry("KVALI_SUPRESSION_K", "10"), Map.entry("KVALI_SUPPRESSION_K", "5"),
				Map.entry("KVALI_CORS_ORIGINS_0", "https://a.example"), Map.entry("KVALI_IMPORT_MAX_ROWS", "1000"),
				Map.entry("PATH", "/bin"), Map.entry("KVALI_SERVICE_HOST", "10.0.0.1"),
				Map.entry("KVALI_PORT", "tcp://10.0.0.1:8080"), Map.entry("KVALI_PORT_8080_TCP_ADDR", "10.0.0.1"),
				Map.entry("KVALI_FOO", "1"), Map.entry("KVALI_POSTGRESQL_PORT_5432_TCP_ADDR", "10.0.0.2"),
				Map.entry("KVALI_REPORT_PRUNE_NOTES_EVERY", "2h"), Map.entry("KVALI_GRAPHQL_MAXDEPTH", "5"),
				Map.entry("KVALI_SUPPRESSIONK", "10"))));
		environment.getPropertySources().addFirst(new MapPropertySource("commandLineArgs", Map.of(
				"kvali.report.cached-answer", "10", "kvali.import.maxRows", "10", "kvali.cors.origins[1]", "x")));
		assertThat(UnknownSettings.unknown(environment, UnknownSettings.known(this.context))).containsExactlyInAnyOrder(
				"kvali.report.cached-answer (from commandLineArgs) names no setting of Kvali and is ignored; the nearest"
						+ " is kvali.report.cached-answers (the README lists them all)",
				"KVALI_SUPRESSION_K (from systemEnvironment) names no setting of Kvali and is ignored; the nearest is"
						+ " KVALI_SUPPRESSION_K (the README lists them all)",
				"KVALI_FOO (from systemEnvironment) names no setting of Kvali and is ignored; no setting is near it"
						+ " (the README lists them all)",
				"KVALI_SUPPRESSIONK (from systemEnvironment) names no setting of Kvali and is ignored; the nearest is"
						+ " KVALI_SUPPRESSION_K (the README lists them all)");
	}

	/** Every setting the README's table names is one the service knows, and the reverse. */
	@Test
	void theReadmeNamesEverySetting() throws Exception {
		var readme = Files.readString(Path.of("README.md"));
		var named = Pattern.compile("KVALI_[A-Z_]*[A-Z]").matcher(readme).results().map(match -> match.group())
			.collect(Collectors.toCollection(TreeSet::new));
		var known = UnknownSettings.known(this.context).stream()
			.map(setting -> setting.toUpperCase(Locale.ROOT).replaceAll("[.-]", "_"))
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(known).containsAll(named);
		assertThat(named).containsAll(known);
	}

}
