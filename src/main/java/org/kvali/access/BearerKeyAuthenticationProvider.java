package org.kvali.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

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

	BearerKeyAuthenticationProvider(ApiKeyService keys, BootstrapKey bootstrap) {
		this.keys = keys;
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
			caller = ServiceScope.call(() -> this.keys.caller(token))
				.orElseThrow(() -> new BadCredentialsException("The API key is unknown or revoked"));
		}
		else {
			return null;
		}
		var result = new CallerAuthentication(caller);
		// the client's address, for the audit log
		result.setDetails(authentication.getDetails());
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
