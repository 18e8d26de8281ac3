package org.kvali.access;

/** A key just made, with the secret that is shown this once. */
public record CreatedApiKey(ApiKey key, String secret) {
}
