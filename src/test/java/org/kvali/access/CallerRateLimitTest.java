package org.kvali.access;

import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** A caller's requests past its rate: the buckets on a clock of the test's, and the filter's answer. */
class CallerRateLimitTest {

	private long now = 1_000_000_000L;

	@AfterEach
	void noCaller() {
		SecurityContextHolder.clearContext();
	}

	/** 60 a minute, 3 at once: the fourth waits a second, one more comes back each second, up to 3. */
	@Test
	void aBucketHoldsTheBurstAndRefillsAtTheRate() {
		var buckets = new CallerBuckets(new RateLimitProperties(60, 3, 20), () -> this.now);
		for (int n = 0; n < 3; n++) {
			assertThat(buckets.take("key:dashboard#1")).isZero();
		}
		assertThat(buckets.take("key:dashboard#1")).isEqualTo(TimeUnit.SECONDS.toNanos(1));
		// another caller has its own
		assertThat(buckets.take("jwt:someone")).isZero();
		this.now += TimeUnit.MILLISECONDS.toNanos(400);
		assertThat(buckets.take("key:dashboard#1")).isEqualTo(TimeUnit.MILLISECONDS.toNanos(600));
		this.now += TimeUnit.MILLISECONDS.toNanos(600);
		assertThat(buckets.take("key:dashboard#1")).isZero();
		assertThat(buckets.take("key:dashboard#1")).isPositive();
		// an hour idle refills it to the burst, not beyond
		this.now += TimeUnit.HOURS.toNanos(1);
		for (int n = 0; n < 3; n++) {
			assertThat(buckets.take("key:dashboard#1")).isZero();
		}
		assertThat(buckets.take("key:dashboard#1")).isPositive();
	}

	/** Past the buckets kept, those full again are let go; one still being emptied is kept with what it holds. */
	@Test
	void fullBucketsAreLetGoOnceThereAreMany() {
		var buckets = new CallerBuckets(new RateLimitProperties(60, 3, 20), () -> this.now);
		for (int n = 0; n < 4; n++) {
			buckets.take("busy");
		}
		for (int n = 0; n <= CallerBuckets.KEPT; n++) {
			buckets.take("caller " + n);
		}
		this.now += TimeUnit.SECONDS.toNanos(1);
		buckets.take("one more");
		// the busy one got one back in that second, and is not full: kept, and empty again after one
		assertThat(buckets.kept()).isEqualTo(2);
		assertThat(buckets.take("busy")).isZero();
		assertThat(buckets.take("busy")).isPositive();
	}

	@Test
	void aCallerPastItsRateIsAnswered429WithRetryAfter() throws Exception {
		var filter = new CallerRateLimit(new RateLimitProperties(60, 2, 20), () -> this.now);
		SecurityContextHolder.getContext()
			.setAuthentication(new CallerAuthentication(new Caller("key:dashboard#7", Role.DONOR, Set.of())));
		for (int n = 0; n < 2; n++) {
			var chain = new MockFilterChain();
			var response = new MockHttpServletResponse();
			filter.doFilter(new MockHttpServletRequest("POST", "/graphql"), response, chain);
			assertThat(chain.getRequest()).as("request %d passed on", n).isNotNull();
			assertThat(response.getStatus()).isEqualTo(200);
		}
		var chain = new MockFilterChain();
		var response = new MockHttpServletResponse();
		filter.doFilter(new MockHttpServletRequest("POST", "/graphql"), response, chain);
		assertThat(chain.getRequest()).as("the third passed on").isNull();
		assertThat(response.getStatus()).isEqualTo(429);
		assertThat(response.getHeader("Retry-After")).isEqualTo("1");
		assertThat(response.getContentAsString()).isEqualTo("{\"errors\":[{\"message\":\"Too many requests from this"
				+ " caller: at most 60 a minute, 2 together (KVALI_RATE_LIMIT_REQUESTS_PER_MINUTE,"
				+ " KVALI_RATE_LIMIT_BURST); ask again in 1 s\",\"extensions\":{\"classification\":"
				+ "\"TOO_MANY_REQUESTS\"}}]}");
		// a request of no caller (the health probe) is not counted
		SecurityContextHolder.clearContext();
		var probe = new MockFilterChain();
		filter.doFilter(new MockHttpServletRequest("GET", "/actuator/health"), new MockHttpServletResponse(), probe);
		assertThat(probe.getRequest()).isNotNull();
	}

	/**
	 * A request answered on another thread (GraphQL's) runs until that ends: past those a caller may have running, the
	 * next is refused, and taken again once one has ended, however it ended; sheets sent to /imports are not counted.
	 */
	@Test
	void aCallerHasSoManyRequestsRunningAtOnce() throws Exception {
		var filter = new CallerRateLimit(new RateLimitProperties(6000, 100, 2), () -> this.now);
		SecurityContextHolder.getContext()
			.setAuthentication(new CallerAuthentication(new Caller("key:dashboard#8", Role.DONOR, Set.of())));
		var first = running(filter);
		var second = running(filter);
		assertThat(filter.running("key:dashboard#8")).isEqualTo(2);
		var refused = new MockHttpServletResponse();
		var chain = new MockFilterChain();
		filter.doFilter(new MockHttpServletRequest("POST", "/graphql"), refused, chain);
		assertThat(chain.getRequest()).isNull();
		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
		assertThat(refused.getContentAsString()).contains("Too many requests from this caller at once: at most 2"
				+ " running (KVALI_RATE_LIMIT_RUNNING); ask again when one has been answered");
		var sheet = new MockFilterChain();
		var upload = new MockHttpServletRequest("POST", "/imports/attendance");
		filter.doFilter(upload, new MockHttpServletResponse(), sheet);
		assertThat(sheet.getRequest()).as("a sheet passed on").isNotNull();
		first.getAsyncContext().complete();
		assertThat(filter.running("key:dashboard#8")).isEqualTo(1);
		var third = running(filter);
		// a request timing out ends too, once
		((org.springframework.mock.web.MockAsyncContext) second.getAsyncContext()).getListeners()
			.forEach(listener -> {
				try {
					listener.onTimeout(new jakarta.servlet.AsyncEvent(second.getAsyncContext()));
					listener.onComplete(new jakarta.servlet.AsyncEvent(second.getAsyncContext()));
				}
				catch (java.io.IOException ex) {
					throw new IllegalStateException(ex);
				}
			});
		assertThat(filter.running("key:dashboard#8")).isEqualTo(1);
		third.getAsyncContext().complete();
		assertThat(filter.running("key:dashboard#8")).isZero();
	}

	/** A request passed on that goes on on another thread, as GraphQL's do. */
	private static MockHttpServletRequest running(CallerRateLimit filter) throws Exception {
		var request = new MockHttpServletRequest("POST", "/graphql");
		request.setAsyncSupported(true);
		var response = new MockHttpServletResponse();
		filter.doFilter(request, response, (req, res) -> req.startAsync());
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(request.isAsyncStarted()).isTrue();
		return request;
	}

	@Test
	void noRateSetsNoLimit() throws Exception {
		var filter = new CallerRateLimit(new RateLimitProperties(0, 1, 1));
		SecurityContextHolder.getContext()
			.setAuthentication(new CallerAuthentication(new Caller("key:script#9", Role.ANALYST, Set.of())));
		for (int n = 0; n < 1_000; n++) {
			var chain = new MockFilterChain();
			filter.doFilter(new MockHttpServletRequest("POST", "/graphql"), new MockHttpServletResponse(), chain);
			assertThat(chain.getRequest()).isNotNull();
		}
	}

}
