package org.kvali.access;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

import org.kvali.graphql.ErrorBody;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a caller's requests past its rate ({@link RateLimitProperties}) with 429 and Retry-After, once it is known
 * who asks: a dashboard gone into a loop, or a script, leaves the instance to the others. Requests without a caller
 * (the health probe, GraphiQL's page) are not counted. Each instance counts its own.
 */
final class CallerRateLimit extends OncePerRequestFilter {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RateLimitProperties limits;

	private final CallerBuckets buckets;

	CallerRateLimit(RateLimitProperties limits) {
		this.limits = limits;
		this.buckets = limits.requestsPerMinute() == 0 ? null : new CallerBuckets(limits, System::nanoTime);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var caller = this.buckets == null ? null : Caller.find().orElse(null);
		long wait = caller == null ? 0 : this.buckets.take(caller.name());
		if (wait == 0) {
			chain.doFilter(request, response);
			return;
		}
		long seconds = Math.max(1, (wait + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
		response.setHeader("Retry-After", Long.toString(seconds));
		ErrorBody.write(response, JSON, HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_REQUESTS",
				"Too many requests from this caller: at most " + this.limits.requestsPerMinute() + " a minute, "
						+ this.limits.burst() + " at once (KVALI_RATE_LIMIT_REQUESTS_PER_MINUTE, KVALI_RATE_LIMIT_BURST);"
						+ " ask again in " + seconds + " s");
	}

}
