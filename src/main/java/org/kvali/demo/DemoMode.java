package org.kvali.demo;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether the service runs as a demo: always on the embedded database, elsewhere only when {@code kvali.demo.enabled}
 * is true. A demo loads the seed programme, makes a key per role and opens GraphiQL without a key.
 */
@Component
public class DemoMode {

	private final boolean on;

	DemoMode(ObjectProvider<EmbeddedPostgres> embedded, @Value("${kvali.demo.enabled:#{null}}") Boolean enabled) {
		this.on = enabled != null ? enabled : embedded.getIfAvailable() != null;
	}

	public boolean on() {
		return this.on;
	}

}
