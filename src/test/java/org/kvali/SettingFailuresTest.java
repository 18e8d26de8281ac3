package org.kvali;

import java.net.ConnectException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;

import static org.assertj.core.api.Assertions.assertThat;

class SettingFailuresTest {

	private final SettingFailures analyzer = new SettingFailures();

	@Test
	void aSettingRefusedDeepInABeanIsTheDescription() {
		var refused = new IllegalStateException("kvali.time-zone (KVALI_TIME_ZONE) is 'Mars/Olympus', which is no time"
				+ " zone");
		var analysis = this.analyzer.analyze(new BeanCreationException("demoGraphiQlCookie", "failed",
				new BeanCreationException("clock", "failed", refused)));
		assertThat(analysis.getDescription()).isEqualTo(refused.getMessage());
		assertThat(analysis.getAction()).isEqualTo("Correct the setting named, then start again.");
		// one of Spring's settings that Kvali checks, the token audience
		var audience = new IllegalStateException("spring.security.oauth2.resourceserver.jwt.audiences"
				+ " (SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES) is not set");
		assertThat(this.analyzer.analyze(new BeanCreationException("tokenAudience", "failed", audience))
			.getDescription()).isEqualTo(audience.getMessage());
	}

	@Test
	void aDatabaseOutOfReachIsNamed() {
		var refused = new SQLException("Connection to localhost:55463 refused.", "08001", new ConnectException(
				"Connection refused"));
		var analysis = this.analyzer.analyze(new BeanCreationException("demoKeys", "failed", refused));
		assertThat(analysis.getDescription()).isEqualTo("The database cannot be reached or refused the login:"
				+ " Connection to localhost:55463 refused.");
		assertThat(analysis.getAction()).startsWith("Start the database, or correct SPRING_DATASOURCE_URL");
	}

	@Test
	void aLoginRefusedIsNamed() {
		var refused = new SQLException("password authentication failed for user \"kvali\"", "28P01");
		var analysis = this.analyzer.analyze(new BeanCreationException("demoKeys", "failed", refused));
		assertThat(analysis.getDescription()).isEqualTo("The database cannot be reached or refused the login: password"
				+ " authentication failed for user \"kvali\"");
	}

	@Test
	void aDatabaseThatDoesNotExistIsNamed() {
		var refused = new SQLException("FATAL: database \"nosuchdb\" does not exist", "3D000");
		assertThat(this.analyzer.analyze(new BeanCreationException("liquibase", "failed", refused)).getDescription())
			.isEqualTo("The database cannot be reached or refused the login: FATAL: database \"nosuchdb\" does not"
					+ " exist");
	}

	@Test
	void anyOtherFailureIsLeftToSpring() {
		assertThat(this.analyzer.analyze(new BeanCreationException("x", "failed", new IllegalStateException("other"))))
			.isNull();
		assertThat(this.analyzer.analyze(new SQLException("syntax error"))).isNull();
	}

}
