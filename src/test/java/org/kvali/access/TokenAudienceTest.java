package org.kvali.access;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An issuer's tokens are taken only for Kvali: a start naming an issuer, its key set or a public key, without an
 * audience, stops naming the setting to add; with one, or with no issuer at all, it goes on.
 */
class TokenAudienceTest {

	private static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(TokenAudience.class);

	@Test
	void anIssuerWithoutAnAudienceStopsTheStart() {
		for (var source : new String[] { "issuer-uri=https://login.example.org/realms/kvali",
				"jwk-set-uri=https://login.example.org/keys", "public-key-location=classpath:key.pub" }) {
			var name = source.substring(0, source.indexOf('='));
			for (var audiences : new String[] { null, "", " " }) {
				var started = audiences == null ? this.context.withPropertyValues(JWT + source)
						: this.context.withPropertyValues(JWT + source, JWT + "audiences=" + audiences);
				started.run(context -> assertThat(context.getStartupFailure()).as(source)
					.rootCause()
					.hasMessage(JWT + "audiences (SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES) is not set,"
							+ " while " + JWT + name + " (SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_"
							+ name.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + ") is: set it to Kvali's"
							+ " client id, so that the tokens its issuer makes for other applications are refused"));
			}
			this.context.withPropertyValues(JWT + source, JWT + "audiences=kvali")
				.run(context -> assertThat(context).hasNotFailed());
		}
		this.context.run(context -> assertThat(context).hasNotFailed());
	}

}
