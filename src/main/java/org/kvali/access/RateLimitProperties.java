package org.kvali.access;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many requests one caller (a key, a token's subject) may send to one instance.
 *
 * @param requestsPerMinute the rate sustained; 0 sets no limit
 * @param burst how many may come at once above it, as a dashboard's page asks its questions together
 */
@Validated
@ConfigurationProperties("kvali.rate-limit")
public record RateLimitProperties(@DefaultValue("1200") @PositiveOrZero int requestsPerMinute,
		@DefaultValue("200") @Positive int burst) {
}
