package org.kvali.graphql;

import java.time.Duration;

import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on one GraphQL document, checked before anything runs; a limit below 1 stops the start, naming the setting
 * (a depth of -1 refused every request).
 *
 * @param maxCharacters longest document
 * @param maxTokens most tokens (names, punctuation, values) in a document
 * @param maxDepth deepest nesting of selections
 * @param maxAliases most aliased fields
 * @param maxFields most field selections, fragments counted where they are spread
 * @param maxComplexity most weight: each field weighs 1 plus its children, times its page size ({@code first}, else
 * 10) for a list, at most the items the list can have ({@link ListSizes}; a breakdown's groups)
 * @param requestTimeout how long a request may run; fields not fetched by then fail with an error
 * @param maxBody longest request body, read before the document's limits apply
 * @param bodyTime longest time a request body may take to arrive
 */
@Validated
@ConfigurationProperties("kvali.graphql")
public record RequestLimits(@DefaultValue("50000") @Positive int maxCharacters,
		@DefaultValue("5000") @Positive int maxTokens, @DefaultValue("12") @Positive int maxDepth,
		@DefaultValue("50") @Positive int maxAliases, @DefaultValue("500") @Positive int maxFields,
		@DefaultValue("500000") @Positive int maxComplexity,
		@DefaultValue("30s") @DurationMin(millis = 1) Duration requestTimeout, @DefaultValue("1MB") DataSize maxBody,
		@DefaultValue("10s") @DurationMin(millis = 1) Duration bodyTime) {

	public RequestLimits {
		if (maxBody.toBytes() < 1) {
			throw new IllegalArgumentException(
					"kvali.graphql.max-body (KVALI_GRAPHQL_MAX_BODY) must be 1B or more; it is " + maxBody);
		}
	}

}
