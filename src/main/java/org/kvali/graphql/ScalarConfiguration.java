package org.kvali.graphql;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

@Configuration(proxyBeanMethods = false)
class ScalarConfiguration {

	/**
	 * Kvali's `Date` and `DateTime`, and its own `ID` in place of graphql-java's, which the wiring's strict mode keeps
	 * otherwise.
	 */
	@Bean
	RuntimeWiringConfigurer scalars() {
		return wiring -> wiring.scalar(DateScalar.INSTANCE)
			.scalar(DateTimeScalar.INSTANCE)
			.strictMode(false)
			.scalar(IdScalar.INSTANCE)
			.strictMode(true);
	}

}
