package org.kvali.report;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Small-cell suppression.
 *
 * @param k groups and totals of 1 to k-1 participants are suppressed for the callers it applies to
 */
@ConfigurationProperties("kvali.suppression")
public record SuppressionProperties(@DefaultValue("5") int k) {

	public SuppressionProperties {
		if (k < 2) {
			throw new IllegalArgumentException("kvali.suppression.k must be 2 or more; it is " + k);
		}
	}

}
