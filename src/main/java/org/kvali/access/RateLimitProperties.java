package org.kvali.access;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How much one caller (a key, a token's subject) may ask of one instance.
 *
 * @param requestsPerMinute the rate of requests sustained; 0 sets no limit, on the rate nor on those running
 * @param burst how many may come together after a quiet while (the bucket's size), as a dashboard's page asks its
 * questions together
 * @param running how many of its requests may be running at once: each holds a thread for up to the request timeout
 */
@Validated
@ConfigurationProperties("kvali.rate-limit")
public record RateLimitProperties(@DefaultValue("1200") @PositiveOrZero int requestsPerMinute,
		@DefaultValue("100") @Positive int burst, @DefaultValue("20") @Positive int running) {
}
