package org.kvali.report;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Small-cell suppression.
 *
 * @param k groups and totals of 1 to k-1 participants are suppressed for the callers it applies to
 */
@Validated
@ConfigurationProperties("kvali.suppression")
public record SuppressionProperties(@DefaultValue("5") @Min(2) int k) {
}
