package org.kvali.demo;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Whether the service runs as a demo: as {@code kvali.demo.enabled} says, and without it when no datasource URL is
 * configured (the service then starts its embedded database). A demo loads the seed programme, makes a key per role
 * and opens GraphiQL without a key.
 */
@Component
public class DemoMode {

	private final boolean on;

	DemoMode(Environment environment) {
		this.on = decide(environment);
	}

	/** The rule itself, for what must know it before the application context exists (the explorer's defaults). */
	public static boolean decide(Environment environment) {
		var demo = environment.getProperty("kvali.demo.enabled", Boolean.class);
		return demo != null ? demo : environment.getProperty("spring.datasource.url", "").isBlank();
	}

	public boolean on() {
		return this.on;
	}

}
