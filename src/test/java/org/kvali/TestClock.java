package org.kvali;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The service's clock in tests: the system's, in the service's zone, until a test stops it at an instant
 * ({@link #stopAt}); the next test finds it running again ({@link ServiceScopeListener}).
 */
public final class TestClock extends Clock {

	private final ZoneId zone;

	private volatile Instant stopped;

	private TestClock(ZoneId zone) {
		this.zone = zone;
	}

	/** Stops the clock at {@code instant} for the rest of the test. */
	public void stopAt(Instant instant) {
		this.stopped = instant;
	}

	void run() {
		this.stopped = null;
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		var clock = new TestClock(zone);
		clock.stopped = this.stopped;
		return clock;
	}

	@Override
	public Instant instant() {
		var instant = this.stopped;
		return instant != null ? instant : Instant.now();
	}

	/** Puts the test clock in the place of the service's. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		/** In the zone of the service's own clock. */
		@Bean
		@Primary
		TestClock testClock(@Qualifier("clock") Clock service) {
			return new TestClock(service.getZone());
		}

	}

}
