package org.kvali.access;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.kvali.IntegrationTest;
import org.kvali.demo.DemoMode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The start says so when nobody can be let in, and only then. */
@IntegrationTest
class FirstKeyTest {

	@Autowired
	ApiKeyService keys;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	/** No token issuer (the tests' context has one). */
	private final ObjectProvider<JwtDecoder> issuer = new StaticListableBeanFactory().getBeanProvider(JwtDecoder.class);

	@Autowired
	DemoMode demo;

	@Autowired
	ApplicationContext context;

	@Test
	void withoutAnyKeyTheStartSaysEveryRequestWillBeRefused() {
		var none = new BootstrapKey(null);
		this.transactions.executeWithoutResult(status -> {
			status.setRollbackOnly();
			this.jdbc.update("UPDATE api_key SET revoked_at = now() WHERE revoked_at IS NULL AND NOT demo");
			assertThat(new FirstKey(this.demo, this.keys, none, this.issuer).warning(false)).hasValue("No API key that works outside "
					+ "demo mode is stored, and neither KVALI_BOOTSTRAP_ADMIN_KEY nor a token issuer is set: every request will be refused. Start "
					+ "with KVALI_BOOTSTRAP_ADMIN_KEY set to a random secret of 32 characters or more, and make the first "
					+ "keys with createApiKey");
			// a bootstrap key, demo mode or a stored key lets someone in
			assertThat(new FirstKey(this.demo, this.keys, new BootstrapKey("k".repeat(32)), this.issuer)
				.warning(false)).isEmpty();
			assertThat(new FirstKey(this.demo, this.keys, none, this.issuer).warning(true)).isEmpty();
			assertThat(this.context.getBean(FirstKey.class).warning(false))
				.as("the tests' service, with a bootstrap key and an issuer")
				.isEmpty();
			this.keys.create("first", Role.ADMIN, List.of(), false, "test");
			assertThat(new FirstKey(this.demo, this.keys, none, this.issuer).warning(false)).isEmpty();
		});
	}

}
