package org.kvali.embedded;

import java.io.IOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

/**
 * Starts PostgreSQL 17 in-process when no datasource is configured, so the service runs with nothing but a JDK.
 * It runs after the service-connection auto-configuration so that a Testcontainers database, when present, wins.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class,
		afterName = "org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration")
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
@ConditionalOnMissingBean(JdbcConnectionDetails.class)
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
public class EmbeddedPostgresAutoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresAutoConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
		var dataDir = properties.dataDir().toAbsolutePath();
		StaleServer.stopIfRunning(dataDir);
		EmbeddedStart.portFree(properties.port());
		if (properties.clean()) {
			EmbeddedStart.wipe(dataDir);
		}
		else {
			EmbeddedStart.kept(dataDir);
		}
		var postgres = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(properties.clean())
			.setPort(properties.port())
			// Stopped as a bean (destroyMethod), after everything that uses it: the library's own shutdown hook would
			// stop it at the same moment as Spring's, under running requests and an index build.
			.setRegisterShutdownHook(false)
			.setLocaleConfig("encoding", "UTF8")
			.setLocaleConfig("locale", "C")
			// A kept folder is written as a server's data should be: flushed to disk (the library starts PostgreSQL
			// with fsync off, which a power cut can turn into a corrupt database) and each commit on disk before it is
			// answered. A folder wiped at every start (tests) needs neither.
			.setServerConfig("fsync", onUnless(properties.clean()))
			.setServerConfig("synchronous_commit", onUnless(properties.clean()))
			.start();
		if (properties.clean()) {
			EmbeddedStart.mark(dataDir);
		}
		log.info("Embedded PostgreSQL 17 on port {} with data in {}{}", postgres.getPort(), dataDir,
				properties.clean() ? ", wiped at start and at stop and not flushed to disk" : "");
		return postgres;
	}

	private static String onUnless(boolean condition) {
		return condition ? "off" : "on";
	}

	@Bean
	EmbeddedWatch embeddedWatch(EmbeddedPostgres postgres, EmbeddedPostgresProperties properties,
			ApplicationEventPublisher events) throws IOException {
		return new EmbeddedWatch(properties.dataDir().toAbsolutePath(), events);
	}

	@Bean
	JdbcConnectionDetails embeddedConnectionDetails(EmbeddedPostgres postgres) {
		var url = postgres.getJdbcUrl("postgres", "postgres");
		return new JdbcConnectionDetails() {
			@Override
			public String getUsername() {
				return "postgres";
			}

			@Override
			public String getPassword() {
				return "";
			}

			@Override
			public String getJdbcUrl() {
				return url;
			}
		};
	}

}
