package org.kvali;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Stands in for an OpenID Connect issuer: the application verifies JWTs against this key pair's public key, and
 * tests sign tokens with its private key.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestJwts {

	private static final RSAPublicKey PUBLIC_KEY;

	private static final RSAPrivateKey PRIVATE_KEY;

	static {
		try {
			var generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			var pair = generator.generateKeyPair();
			PUBLIC_KEY = (RSAPublicKey) pair.getPublic();
			PRIVATE_KEY = (RSAPrivateKey) pair.getPrivate();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Bean
	JwtDecoder testIssuer() {
		return NimbusJwtDecoder.withPublicKey(PUBLIC_KEY).build();
	}

	/** The public key as a JSON Web Key Set, as an issuer publishes it at its {@code jwks_uri}. */
	public static String jwkSet() {
		return new JWKSet(new RSAKey.Builder(PUBLIC_KEY).keyID("kvali-test").build()).toString();
	}

	/** A token signed by the test issuer for the subject, with these claims, expiring at {@code expires} (or never). */
	public static String token(String subject, Map<String, Object> claims, Instant expires) {
		var builder = new JWTClaimsSet.Builder().subject(subject)
			.issueTime(Date.from(Instant.now().minusSeconds(60)))
			.expirationTime(expires == null ? null : Date.from(expires));
		claims.forEach(builder::claim);
		var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), builder.build());
		try {
			jwt.sign(new RSASSASigner(PRIVATE_KEY));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

}
