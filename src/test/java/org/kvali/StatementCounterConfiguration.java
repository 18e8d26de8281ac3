package org.kvali;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Puts a {@link StatementCounter} in front of the application's data source (not Liquibase's). */
@TestConfiguration(proxyBeanMethods = false)
class StatementCounterConfiguration {

	@Bean
	static BeanPostProcessor statementCounting() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return bean instanceof DataSource dataSource && "dataSource".equals(beanName)
						&& !(bean instanceof StatementCounter) ? new StatementCounter(dataSource) : bean;
			}
		};
	}

}
