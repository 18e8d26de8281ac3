package org.kvali.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Authenticates a bearer token that is an API key: the bootstrap admin key when one is configured, or a stored key.
 * Tokens that are no API key (a JWT) are left to the next provider.
 */
@Component
class BearerKeyAuthenticationProvider implements AuthenticationProvider {

	private final ApiKeyService keys;

	private final byte[] bootstrapAdminKey;

	BearerKeyAuthenticationProvider(ApiKeyService keys,
			@Value("${kvali.bootstrap-admin-key:}") String bootstrapAdminKey) {
		this.keys = keys;
		this.bootstrapAdminKey = bootstrapAdminKey.isBlank() ? null
				: bootstrapAdminKey.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		var token = ((BearerTokenAuthenticationToken) authentication).getToken();
		if (this.bootstrapAdminKey != null
				&& MessageDigest.isEqual(this.bootstrapAdminKey, token.getBytes(StandardCharsets.UTF_8))) {
			return new CallerAuthentication(new Caller("bootstrap-admin", Role.ADMIN, Set.of()));
		}
		if (!token.startsWith(ApiKeyService.PREFIX)) {
			return null;
		}
		return this.keys.caller(token)
			.map(CallerAuthentication::new)
			.orElseThrow(() -> new BadCredentialsException("The API key is unknown or revoked"));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
