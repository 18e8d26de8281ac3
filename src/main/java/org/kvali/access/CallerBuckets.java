package org.kvali.access;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A bucket of requests per caller: full at the burst, refilled at the rate, one taken by each request. The buckets
 * of callers that have not asked for long enough to refill theirs are let go once there are many.
 */
final class CallerBuckets {

	/** How many buckets are kept before full ones are let go. */
	static final int KEPT = 10_000;

	/** Past {@link #KEPT}, how often the buckets are looked through for full ones: not at every request. */
	private static final long SWEEP_EVERY = TimeUnit.SECONDS.toNanos(1);

	private final double perNano;

	private final double burst;

	private final LongSupplier clock;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private volatile long swept;

	CallerBuckets(RateLimitProperties limits, LongSupplier clock) {
		this.perNano = limits.requestsPerMinute() / (double) TimeUnit.MINUTES.toNanos(1);
		this.burst = limits.burst();
		this.clock = clock;
		this.swept = clock.getAsLong() - SWEEP_EVERY;
	}

	/** Takes one request of the caller's: 0 when it may be answered, else the nanoseconds until the next may. */
	long take(String caller) {
		long now = this.clock.getAsLong();
		if (this.buckets.size() > KEPT && now - this.swept >= SWEEP_EVERY) {
			this.swept = now;
			this.buckets.values().removeIf(bucket -> bucket.full(now));
		}
		return this.buckets.computeIfAbsent(caller, name -> new Bucket(now)).take(now);
	}

	int kept() {
		return this.buckets.size();
	}

	private final class Bucket {

		private double requests = CallerBuckets.this.burst;

		private long at;

		Bucket(long now) {
			this.at = now;
		}

		synchronized long take(long now) {
			// a thread that read the clock before another took from the bucket does not move it back
			refill(Math.max(now, this.at));
			if (this.requests >= 1) {
				this.requests--;
				return 0;
			}
			return Math.max(1, (long) Math.ceil((1 - this.requests) / CallerBuckets.this.perNano));
		}

		synchronized boolean full(long now) {
			refill(Math.max(now, this.at));
			return this.requests >= CallerBuckets.this.burst;
		}

		private void refill(long now) {
			this.requests = Math.min(CallerBuckets.this.burst,
					this.requests + (now - this.at) * CallerBuckets.this.perNano);
			this.at = now;
		}

	}

}
