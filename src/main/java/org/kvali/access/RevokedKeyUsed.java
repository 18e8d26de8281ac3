package org.kvali.access;

/**
 * A revoked API key was sent ({@code key} as the audit log names keys, its {@code role}), from {@code address}: told
 * at most once an hour for each key ({@link BearerKeyAuthenticationProvider}), for the audit log to keep.
 */
public record RevokedKeyUsed(String key, Role role, String address) {
}
