package org.kvali.graphql;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * GraphiQL, schema introspection and the printed schema ({@code /graphql/schema}) are on in demo mode (the embedded database, or {@code kvali.demo.enabled}) and
 * off elsewhere, unless {@code kvali.explorer.enabled} says otherwise. Set explicitly, the Spring GraphQL properties
 * still win: these are only their defaults.
 */
public class ExplorerDefaults implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		var explicit = environment.getProperty("kvali.explorer.enabled", Boolean.class);
		boolean on = explicit != null ? explicit : demo(environment);
		environment.getPropertySources()
			.addLast(new MapPropertySource("kvaliExplorerDefaults", Map.of("spring.graphql.graphiql.enabled", on,
					"spring.graphql.schema.introspection.enabled", on, "spring.graphql.schema.printer.enabled", on)));
	}

	/** Demo mode as {@code DemoMode} decides it: asked for, or else the embedded database (no datasource URL). */
	public static boolean demo(ConfigurableEnvironment environment) {
		var demo = environment.getProperty("kvali.demo.enabled", Boolean.class);
		return demo != null ? demo : environment.getProperty("spring.datasource.url", "").isBlank();
	}

}
