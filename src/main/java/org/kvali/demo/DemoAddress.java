package org.kvali.demo;

import java.util.Map;

import org.kvali.graphql.ExplorerDefaults;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A demo listens on this machine alone ({@code server.address} 127.0.0.1) unless an address is set: its keys, an
 * ADMIN key among them, are in its log, and a service started without a database by mistake (a deployment's lost
 * {@code SPRING_DATASOURCE_URL}) ran as a demo open on every network the machine is on (a review's).
 */
public class DemoAddress implements EnvironmentPostProcessor {

	/** The loopback address a demo listens on. */
	static final String LOOPBACK = "127.0.0.1";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (ExplorerDefaults.demo(environment)) {
			environment.getPropertySources()
				.addLast(new MapPropertySource("kvaliDemoAddress", Map.of("server.address", LOOPBACK)));
		}
	}

}
