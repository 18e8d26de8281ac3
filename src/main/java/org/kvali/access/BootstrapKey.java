package org.kvali.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The secret accepted as an ADMIN key, when one is set: a short one stops the start, since it opens everything and a
 * guessable one (a single letter was accepted) is as good as none.
 *
 * @param bootstrapAdminKey the secret; unset or blank for none
 */
@ConfigurationProperties("kvali")
record BootstrapKey(String bootstrapAdminKey) {

	/** The fewest characters of the secret: 32, as 16 random bytes written in hexadecimal. */
	static final int SHORTEST = 32;

	BootstrapKey {
		if (bootstrapAdminKey != null && !bootstrapAdminKey.isBlank() && bootstrapAdminKey.length() < SHORTEST) {
			throw new IllegalArgumentException("kvali.bootstrap-admin-key (KVALI_BOOTSTRAP_ADMIN_KEY) has "
					+ bootstrapAdminKey.length() + " characters; give a random secret of " + SHORTEST
					+ " or more (openssl rand -hex 32)");
		}
	}

	boolean set() {
		return this.bootstrapAdminKey != null && !this.bootstrapAdminKey.isBlank();
	}

}
