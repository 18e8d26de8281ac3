package org.kvali.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Authenticates a bearer token that is an API key: the bootstrap admin key when one is configured, or a stored key.
 * Tokens that are no API key (a JWT) are left to the next provider.
 */
@Component
class BearerKeyAuthenticationProvider implements AuthenticationProvider {

	/** How long one revoked key's use is told once. */
	private static final Duration TOLD_EVERY = Duration.ofHours(1);

	private final ApiKeyService keys;

	private final byte[] bootstrapAdminKey;

	private final ApplicationEventPublisher events;

	/** When each revoked key's use was last told, by its name. */
	private final Map<String, Instant> told = new ConcurrentHashMap<>();

	BearerKeyAuthenticationProvider(ApiKeyService keys, BootstrapKey bootstrap, ApplicationEventPublisher events) {
		this.keys = keys;
		this.events = events;
		this.bootstrapAdminKey = bootstrap.set() ? bootstrap.bootstrapAdminKey().getBytes(StandardCharsets.UTF_8) : null;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		var token = ((BearerTokenAuthenticationToken) authentication).getToken();
		Caller caller;
		if (this.bootstrapAdminKey != null
				&& MessageDigest.isEqual(this.bootstrapAdminKey, token.getBytes(StandardCharsets.UTF_8))) {
			caller = new Caller("bootstrap-admin", Role.ADMIN, Set.of());
		}
		else if (token.startsWith(ApiKeyService.PREFIX)) {
			// no one is authenticated yet: the look-up is the service's own work
			caller = ServiceScope.call(() -> this.keys.caller(token)).orElseThrow(() -> {
				revokedKeyUsed(token, authentication);
				return new BadCredentialsException("The API key is unknown or revoked");
			});
		}
		else {
			return null;
		}
		var result = new CallerAuthentication(caller);
		// the client's address, for the audit log
		result.setDetails(authentication.getDetails());
		return result;
	}

	/**
	 * Tells of a revoked key sent, once an hour for each key: someone still holds it (a dashboard not yet given the
	 * new key, or whoever the key was revoked for), which the audit log did not show. An unknown token is not told:
	 * anyone can send one.
	 */
	private void revokedKeyUsed(String token, Authentication authentication) {
		ServiceScope.call(() -> this.keys.revoked(token)).ifPresent(key -> {
			var now = Instant.now();
			var last = this.told.put(key.name(), now);
			if (last == null || last.plus(TOLD_EVERY).isBefore(now)) {
				this.events.publishEvent(new RevokedKeyUsed(key.name(), key.role(),
						authentication.getDetails() instanceof WebAuthenticationDetails details
								? details.getRemoteAddress() : null));
			}
			else {
				this.told.put(key.name(), last);
			}
		});
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
