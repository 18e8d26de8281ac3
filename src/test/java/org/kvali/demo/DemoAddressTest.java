package org.kvali.demo;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A demo listens on this machine alone unless an address is set; a service against a configured database listens
 * where Spring's default has it, on every address.
 */
class DemoAddressTest {

	private static final String URL = "jdbc:postgresql://db/kvali";

	@Test
	void aDemoListensOnThisMachineAloneUnlessAnAddressIsSet() {
		assertThat(address(new MockEnvironment())).isEqualTo("127.0.0.1");
		assertThat(address(new MockEnvironment().withProperty("spring.datasource.url", URL)
			.withProperty("kvali.demo.enabled", "true"))).isEqualTo("127.0.0.1");
		assertThat(address(new MockEnvironment().withProperty("server.address", "0.0.0.0"))).isEqualTo("0.0.0.0");
	}

	@Test
	void aServiceOfAConfiguredDatabaseListensAsSpringHasIt() {
		assertThat(address(new MockEnvironment().withProperty("spring.datasource.url", URL))).isNull();
		assertThat(address(new MockEnvironment().withProperty("kvali.demo.enabled", "false"))).isNull();
	}

	/** Registered: a service started as the README's first command starts it takes it. */
	@Test
	void aStartTakesIt() {
		var application = new SpringApplication(Object.class);
		application.setWebApplicationType(org.springframework.boot.WebApplicationType.NONE);
		try (var context = application.run("--spring.main.banner-mode=off")) {
			assertThat(context.getEnvironment().getProperty("server.address")).isEqualTo("127.0.0.1");
		}
	}

	private static String address(MockEnvironment environment) {
		new DemoAddress().postProcessEnvironment(environment, new SpringApplication());
		return environment.getProperty("server.address");
	}

}
