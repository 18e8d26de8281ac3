package org.kvali.indicator;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How far behind the time elapsed an indicator may be while its target period runs: ON_TRACK from {@code onTrack}
 * times the elapsed share, AT_RISK from {@code atRisk} times, OFF_TRACK below (an ended period is ACHIEVED or
 * NOT_ACHIEVED).
 */
@ConfigurationProperties("kvali.indicator")
record IndicatorThresholds(@DefaultValue("0.9") double onTrack, @DefaultValue("0.6") double atRisk) {
}
