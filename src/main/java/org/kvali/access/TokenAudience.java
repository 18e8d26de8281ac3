package org.kvali.access;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Stops the start where an issuer's tokens are accepted for no audience: each token the issuer made, for any of its
 * applications, was taken, and one carrying Kvali's role claim made its holder that role (a review's; the README only
 * advised the setting).
 */
@Component
class TokenAudience {

	private static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

	TokenAudience(Environment environment) {
		var binder = Binder.get(environment);
		var audiences = binder.bind(JWT + "audiences", Bindable.listOf(String.class)).orElse(List.of());
		if (audiences.stream().anyMatch(audience -> !audience.isBlank())) {
			return;
		}
		for (var source : List.of("issuer-uri", "jwk-set-uri", "public-key-location")) {
			if (!binder.bind(JWT + source, String.class).orElse("").isBlank()) {
				throw new IllegalStateException(setting("audiences") + " is not set, while " + setting(source)
						+ " is: set it to Kvali's client id, so that the tokens its issuer makes for other applications"
						+ " are refused");
			}
		}
	}

	private static String setting(String name) {
		return JWT + name + " (" + (JWT + name).toUpperCase(Locale.ROOT).replaceAll("[.-]", "_") + ")";
	}

}
