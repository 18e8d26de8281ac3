package org.kvali.access;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The application's data source works as the non-owner role {@code kvali_app} within the caller's scope
 * ({@link ScopedDataSource}); Liquibase alone connects as the configured user, which owns the tables.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseRoles {

	@Bean
	static BeanPostProcessor scopedConnections() {
		return new ScopingPostProcessor();
	}

	@Bean(defaultCandidate = false)
	@LiquibaseDataSource
	DataSource liquibaseDataSource(JdbcConnectionDetails connection) {
		var dataSource = new SimpleDriverDataSource();
		dataSource.setDriverClass(org.postgresql.Driver.class);
		dataSource.setUrl(connection.getJdbcUrl());
		dataSource.setUsername(connection.getUsername());
		dataSource.setPassword(connection.getPassword());
		return dataSource;
	}

	/**
	 * Wraps the application's data source before anything else does: before initialization, when post-processors
	 * that wrap beans (as the tests' statement counter does) have not run yet.
	 */
	static final class ScopingPostProcessor implements BeanPostProcessor, PriorityOrdered {

		@Override
		public Object postProcessBeforeInitialization(Object bean, String beanName) {
			return bean instanceof DataSource dataSource && "dataSource".equals(beanName)
					&& !(bean instanceof ScopedDataSource) ? new ScopedDataSource(dataSource) : bean;
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

}
