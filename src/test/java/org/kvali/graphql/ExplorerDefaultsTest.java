package org.kvali.graphql;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** GraphiQL and introspection: on in demo mode, off against a configured database, and as the property says. */
class ExplorerDefaultsTest {

	@Test
	void onForTheEmbeddedDemoOffForAConfiguredDatabase() {
		assertThat(explorer(new MockEnvironment())).isEqualTo("true true");
		assertThat(explorer(new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/kvali")))
			.isEqualTo("false false");
		assertThat(explorer(new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/kvali")
			.withProperty("kvali.demo.enabled", "true"))).isEqualTo("true true");
	}

	@Test
	void thePropertyDecidesAndSpringsOwnSettingsStillWin() {
		assertThat(explorer(new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/kvali")
			.withProperty("kvali.explorer.enabled", "true"))).isEqualTo("true true");
		assertThat(explorer(new MockEnvironment().withProperty("kvali.explorer.enabled", "false"))).isEqualTo("false false");
		assertThat(explorer(new MockEnvironment().withProperty("kvali.explorer.enabled", "false")
			.withProperty("spring.graphql.graphiql.enabled", "true"))).isEqualTo("true false");
	}

	private static String explorer(MockEnvironment environment) {
		new ExplorerDefaults().postProcessEnvironment(environment, new SpringApplication());
		return environment.getProperty("spring.graphql.graphiql.enabled") + " "
				+ environment.getProperty("spring.graphql.schema.introspection.enabled");
	}

}
