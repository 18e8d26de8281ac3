package org.kvali.graphql;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on one GraphQL document, checked before anything runs.
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
 */
@ConfigurationProperties("kvali.graphql")
public record RequestLimits(@DefaultValue("50000") int maxCharacters, @DefaultValue("5000") int maxTokens,
		@DefaultValue("12") int maxDepth, @DefaultValue("50") int maxAliases, @DefaultValue("500") int maxFields,
		@DefaultValue("500000") int maxComplexity, @DefaultValue("30s") Duration requestTimeout,
		@DefaultValue("1MB") DataSize maxBody) {
}
