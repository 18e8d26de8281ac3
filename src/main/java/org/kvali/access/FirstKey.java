package org.kvali.access;

import java.util.Optional;

import org.kvali.demo.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.stereotype.Component;

/**
 * Says at the start when no request can be answered: outside demo mode, with no key stored that is not revoked, no
 * bootstrap key and no token issuer, every request is refused with 401, and the start said nothing of it.
 */
@Component
class FirstKey implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstKey.class);

	private final DemoMode demo;

	private final ApiKeyService keys;

	private final BootstrapKey bootstrap;

	private final ObjectProvider<JwtDecoder> issuer;

	FirstKey(DemoMode demo, ApiKeyService keys, BootstrapKey bootstrap, ObjectProvider<JwtDecoder> issuer) {
		this.demo = demo;
		this.keys = keys;
		this.bootstrap = bootstrap;
		this.issuer = issuer;
	}

	@Override
	public void run(ApplicationArguments args) {
		try {
			warning(this.demo.on()).ifPresent(log::warn);
		}
		catch (RuntimeException ex) {
			// a warning, not a reason to stop: readiness tells of a database that cannot be asked
			log.warn("Could not tell whether any key may be used ({})", ex.getMessage());
		}
	}

	/** The warning, when nobody can be let in. */
	Optional<String> warning(boolean demoOn) {
		if (demoOn || this.bootstrap.set() || this.issuer.getIfAvailable() != null
				|| ServiceScope.call(this.keys::anyActive)) {
			return Optional.empty();
		}
		return Optional.of("No API key that works outside demo mode is stored, and neither KVALI_BOOTSTRAP_ADMIN_KEY "
				+ "nor a token issuer is set: "
				+ "every request will be refused. Start with KVALI_BOOTSTRAP_ADMIN_KEY set to a random secret of 32 "
				+ "characters or more, and make the first keys with createApiKey");
	}

}
