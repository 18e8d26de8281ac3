package org.kvali.indicator;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How far behind the time elapsed an indicator may be while its target period runs: ON_TRACK from {@code onTrack}
 * times the elapsed share, AT_RISK from {@code atRisk} times, OFF_TRACK below (an ended period is ACHIEVED or
 * NOT_ACHIEVED). Each lies between 0 and 1, and AT_RISK's below ON_TRACK's, or the start stops naming them.
 */
@Validated
@ConfigurationProperties("kvali.indicator")
record IndicatorThresholds(@DefaultValue("0.9") @DecimalMin("0") @DecimalMax("1") double onTrack,
		@DefaultValue("0.6") @DecimalMin("0") @DecimalMax("1") double atRisk) {

	IndicatorThresholds {
		if (atRisk > onTrack) {
			throw new IllegalArgumentException("kvali.indicator.at-risk (KVALI_INDICATOR_AT_RISK, " + atRisk
					+ ") must not be above kvali.indicator.on-track (KVALI_INDICATOR_ON_TRACK, " + onTrack + ")");
		}
	}

}
