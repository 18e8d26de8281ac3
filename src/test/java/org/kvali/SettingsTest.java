package org.kvali;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.kvali.time.DurationSettings;

import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A setting out of range stops the start with a message naming it: before, -5 rows or a depth of -1 started a
 * service that refused every sheet or every request, and an unknown index mode stopped it only once it was up.
 */
class SettingsTest {

	@Configuration(proxyBeanMethods = false)
	@ConfigurationPropertiesScan("org.kvali")
	static class Settings {

	}

	private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Settings.class);

	@Test
	void theDefaultsAndGoodValuesBind() {
		this.context.run(started -> assertThat(started).hasNotFailed());
		this.context
			.withPropertyValues("kvali.import.max-rows=1", "kvali.import.max-bytes=512KB", "kvali.report.index=OFF", "kvali.report.rebuild-wait=0s",
					"kvali.graphql.request-timeout=1500ms", "kvali.import.upload-time= 2h ",
					"kvali.report.cached-answers=0", "kvali.report.cached-groups=0", "kvali.report.cached-responses=0", "kvali.indicator.on-track=0.7",
					"kvali.indicator.at-risk=0.7", "kvali.suppression.k=2", "kvali.rate-limit.requests-per-minute=0",
					"kvali.rate-limit.burst=1", "kvali.rate-limit.running=1",
					"kvali.bootstrap-admin-key=" + "k".repeat(32))
			.run(started -> assertThat(started).hasNotFailed());
	}

	@Test
	void aSettingOutOfRangeStopsTheStartNamingIt() {
		refused("kvali.import.max-rows=-5", "maxRows", "must be greater than 0");
		refused("kvali.import.max-bytes=0B", "kvali.import.max-bytes (KVALI_IMPORT_MAX_BYTES) must be 1B or more");
		refused("kvali.import.concurrent=0", "concurrent", "must be greater than 0");
		refused("kvali.import.upload-time=0s", "uploadTime", "must be longer than or equal to 1 second");
		refused("kvali.graphql.max-depth=-1", "maxDepth", "must be greater than 0");
		refused("kvali.graphql.max-body=-1", "kvali.graphql.max-body (KVALI_GRAPHQL_MAX_BODY) must be 1B or more; it is -1B");
		refused("kvali.report.index=bogus", "kvali.report.index", "No enum constant");
		refused("kvali.report.rebuild-wait=abc", "kvali.report.rebuild-wait", "'abc' is not a valid duration");
		refused("kvali.report.cached-answers=-1", "cachedAnswers", "must be greater than or equal to 0");
		refused("kvali.report.cached-groups=-1", "cachedGroups", "must be greater than or equal to 0");
		refused("kvali.report.scan-memory=0B", "kvali.report.scan-memory (KVALI_REPORT_SCAN_MEMORY) must be 1B or more");
		refused("kvali.suppression.k=1", "k", "must be greater than or equal to 2");
		refused("kvali.indicator.on-track=1.5", "onTrack", "must be less than or equal to 1");
		this.context.withPropertyValues("kvali.indicator.on-track=0.5", "kvali.indicator.at-risk=0.8")
			.run(started -> assertThat(failure(started.getStartupFailure()))
				.contains("kvali.indicator.at-risk (KVALI_INDICATOR_AT_RISK, 0.8) must not be above "
						+ "kvali.indicator.on-track (KVALI_INDICATOR_ON_TRACK, 0.5)"));
		refused("kvali.security.role-claim= ", "roleClaim", "must not be blank");
		refused("kvali.rate-limit.requests-per-minute=-1", "requestsPerMinute", "must be greater than or equal to 0");
		refused("kvali.rate-limit.burst=0", "burst", "must be greater than 0");
		refused("kvali.rate-limit.running=0", "running", "must be greater than 0");
		refused("kvali.cors.origins=https://dashboard.example.org/app", "kvali.cors.origins (KVALI_CORS_ORIGINS) holds");
		refused("kvali.bootstrap-admin-key=x", "kvali.bootstrap-admin-key (KVALI_BOOTSTRAP_ADMIN_KEY) has 1 "
				+ "characters; give a random secret of 32 or more");
	}

	/**
	 * A duration without its unit stops the start before anything is bound, naming the setting and where it was
	 * given: 30 was read as 30 ms (every report timed out), and for the upload time refused as shorter than a second.
	 */
	@Test
	void aDurationWithoutItsUnitStopsTheStartNamingIt() {
		// every one: the time a GraphQL body may take, and how often notes are pruned, were read as milliseconds
		assertThat(DurationSettings.SETTINGS).contains("kvali.graphql.request-timeout", "kvali.graphql.body-time",
				"kvali.import.upload-time", "kvali.report.rebuild-wait", "kvali.report.prune-notes-every");
		for (var setting : DurationSettings.SETTINGS) {
			for (var value : List.of("30", "PT10M", "1.5s", "10M", "30d", "abc")) {
				var environment = new MockEnvironment().withProperty(setting, value);
				assertThatThrownBy(() -> new DurationSettings().postProcessEnvironment(environment, null))
					.hasMessage(setting + " (" + setting.toUpperCase(Locale.ROOT).replaceAll("[.-]", "_")
							+ ", from mockProperties) is '" + value + "', no duration: give a whole number with its "
							+ "unit, ms, s, m or h (30s, 10m)");
			}
			for (var value : List.of("1500ms", "30s", " 10m ", "2h")) {
				new DurationSettings().postProcessEnvironment(new MockEnvironment().withProperty(setting, value), null);
			}
		}
		new DurationSettings().postProcessEnvironment(new MockEnvironment(), null);
	}

	private void refused(String setting, String... told) {
		this.context.withPropertyValues(setting).run(started -> {
			assertThat(started).as(setting).hasFailed();
			assertThat(failure(started.getStartupFailure())).as(setting).contains(told);
		});
	}

	/** The messages of the failure and its causes, with each validation error's field. */
	private static String failure(Throwable failure) {
		var told = new ArrayList<String>();
		for (var cause = failure; cause != null; cause = cause.getCause()) {
			told.add(String.valueOf(cause.getMessage()));
		}
		return String.join("\n", told);
	}

}
