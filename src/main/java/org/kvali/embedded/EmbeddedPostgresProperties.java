package org.kvali.embedded;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how the embedded PostgreSQL runs when no datasource is configured.
 *
 * @param dataDir folder that keeps the database between runs
 * @param port TCP port on localhost; 0 picks a free one
 * @param clean whether to wipe the folder on start and on stop (tests use a fresh database each run); a kept folder
 *        is flushed to disk at every commit, a wiped one is not
 */
@ConfigurationProperties("kvali.embedded")
public record EmbeddedPostgresProperties(@DefaultValue(".kvali/postgres") Path dataDir, @DefaultValue("0") int port,
		@DefaultValue("false") boolean clean) {

	public EmbeddedPostgresProperties {
		if (port < 0 || port > 65_535) {
			throw new IllegalArgumentException("kvali.embedded.port (KVALI_EMBEDDED_PORT) is " + port
					+ ": a port is 1 to 65535, or 0 for a free one");
		}
	}

}
