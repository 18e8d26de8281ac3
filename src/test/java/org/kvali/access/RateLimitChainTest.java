package org.kvali.access;

import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/** The rate limit counts a request once its caller is known: right after the bearer token is read. */
@IntegrationTest
class RateLimitChainTest {

	@Autowired
	SecurityFilterChain chain;

	@Test
	void theLimitComesRightAfterTheCallerIsKnown() {
		var filters = this.chain.getFilters();
		int bearer = filters.indexOf(filters.stream()
			.filter(BearerTokenAuthenticationFilter.class::isInstance)
			.findFirst()
			.orElseThrow());
		assertThat(filters.get(bearer + 1)).isInstanceOf(CallerRateLimit.class);
		assertThat(filters.stream().filter(CallerRateLimit.class::isInstance)).hasSize(1);
	}

}
