package org.kvali.access;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

import org.kvali.graphql.ErrorBody;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a caller's requests past its rate, or past those it may have running at once ({@link RateLimitProperties}),
 * with 429 and Retry-After, once it is known who asks: a dashboard gone into a loop, or a script, leaves the instance
 * to the others. Requests without a caller (the health probe, GraphiQL's page) are not counted, nor sheets sent to
 * {@code /imports}, which take turns of their own and are read to the end before any refusal (a client sending the
 * whole body before reading the answer saw the connection closed instead). Each instance counts its own.
 */
final class CallerRateLimit extends OncePerRequestFilter {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RateLimitProperties limits;

	private final CallerBuckets buckets;

	/** Per caller, its requests running; a caller with none has no entry. */
	private final Map<String, Integer> running = new ConcurrentHashMap<>();

	CallerRateLimit(RateLimitProperties limits) {
		this(limits, System::nanoTime);
	}

	CallerRateLimit(RateLimitProperties limits, LongSupplier clock) {
		this.limits = limits;
		this.buckets = limits.requestsPerMinute() == 0 ? null : new CallerBuckets(limits, clock);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		var path = request.getRequestURI().substring(request.getContextPath().length());
		return this.buckets == null || path.startsWith("/imports/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var caller = Caller.find().map(Caller::name).orElse(null);
		if (caller == null) {
			chain.doFilter(request, response);
			return;
		}
		long wait = this.buckets.take(caller);
		if (wait > 0) {
			long seconds = Math.max(1, (wait + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
			refuse(response, seconds, "Too many requests from this caller: at most " + this.limits.requestsPerMinute()
					+ " a minute, " + this.limits.burst() + " together (KVALI_RATE_LIMIT_REQUESTS_PER_MINUTE,"
					+ " KVALI_RATE_LIMIT_BURST); ask again in " + seconds + " s");
			return;
		}
		if (!start(caller)) {
			refuse(response, 1, "Too many requests from this caller at once: at most " + this.limits.running()
					+ " running (KVALI_RATE_LIMIT_RUNNING); ask again when one has been answered");
			return;
		}
		boolean handedOn = false;
		try {
			chain.doFilter(request, response);
			if (request.isAsyncStarted()) {
				// answered on another thread (GraphQL's): running until that ends
				request.getAsyncContext().addListener(new Finished(caller));
				handedOn = true;
			}
		}
		finally {
			if (!handedOn) {
				finish(caller);
			}
		}
	}

	/** Counts one more request of the caller running, unless it has as many as it may. */
	private boolean start(String caller) {
		boolean[] started = { false };
		this.running.compute(caller, (name, now) -> {
			int count = now == null ? 0 : now;
			started[0] = count < this.limits.running();
			return started[0] ? count + 1 : count;
		});
		return started[0];
	}

	private void finish(String caller) {
		this.running.computeIfPresent(caller, (name, now) -> now <= 1 ? null : now - 1);
	}

	/** The requests of the caller running now, for tests. */
	int running(String caller) {
		return this.running.getOrDefault(caller, 0);
	}

	private static void refuse(HttpServletResponse response, long seconds, String message) throws IOException {
		response.setHeader("Retry-After", Long.toString(seconds));
		ErrorBody.write(response, JSON, HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_REQUESTS", message);
	}

	/** Ends a request answered on another thread, however it ends. */
	private final class Finished implements AsyncListener {

		private final String caller;

		private boolean done;

		Finished(String caller) {
			this.caller = caller;
		}

		private synchronized void end() {
			if (!this.done) {
				this.done = true;
				finish(this.caller);
			}
		}

		@Override
		public void onComplete(AsyncEvent event) {
			end();
		}

		@Override
		public void onTimeout(AsyncEvent event) {
			end();
		}

		@Override
		public void onError(AsyncEvent event) {
			end();
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
			// a new async cycle (a dispatch that starts async again) ends with its own events, which this listener
			// is no longer registered for: carry it over
			event.getAsyncContext().addListener(this);
		}

	}

}
