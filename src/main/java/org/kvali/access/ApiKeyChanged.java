package org.kvali.access;

/**
 * A key made or revoked, published inside the transaction that stores it, so that the audit log's entry of it is
 * stored with it or not at all.
 *
 * @param action {@code create API key} or {@code revoke API key}
 * @param key the key as the audit log names its actions, its role and a partner's organizations
 */
public record ApiKeyChanged(String action, String key) {
}
