package org.kvali.report;

import java.time.Duration;

import jakarta.validation.constraints.PositiveOrZero;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the report index and of the answers kept; a value out of range stops the start, naming the setting.
 *
 * @param index when the index is built: at start before the service is ready, in the background, or never
 * @param rebuildWait after a change, how long a report waits for the index to catch up before SQL answers it
 * @param cachedAnswers answers each index keeps
 * @param cachedGroups groups the answers an index keeps may hold in all (totals count as one); an answer of more than
 *        a twentieth of them is not kept
 * @param scanMemory memory one question's counters may take; a quarter of the heap when not set
 * @param cachedResponses memory for whole responses given again while the data is unchanged; 0 keeps none
 */
@Validated
@ConfigurationProperties("kvali.report")
public record ReportProperties(@DefaultValue("async") Index index,
		@DefaultValue("20s") @DurationMin(millis = 0) Duration rebuildWait,
		@DefaultValue("8192") @PositiveOrZero int cachedAnswers,
		@DefaultValue("" + CACHED_GROUPS) @PositiveOrZero long cachedGroups, DataSize scanMemory,
		@DefaultValue("32MB") DataSize cachedResponses) {

	/**
	 * By default, about 25 MB of groups: 1,200 breakdowns by municipality and gender at 10 million participations
	 * kept 199,392 groups in 23.7 MB (each group with its share), 125 bytes a group.
	 */
	static final long CACHED_GROUPS = 200_000;

	public enum Index {

		SYNC, ASYNC, OFF

	}

	public ReportProperties {
		if (scanMemory != null && scanMemory.toBytes() < 1) {
			throw new IllegalArgumentException(
					"kvali.report.scan-memory (KVALI_REPORT_SCAN_MEMORY) must be 1B or more; it is " + scanMemory);
		}
		if (cachedResponses.isNegative()) {
			throw new IllegalArgumentException(
					"kvali.report.cached-responses (KVALI_REPORT_CACHED_RESPONSES) must be 0B or more; it is "
							+ cachedResponses);
		}
	}

}
