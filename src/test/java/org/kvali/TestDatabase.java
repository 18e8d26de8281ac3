package org.kvali;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Which PostgreSQL the tests run against: a Testcontainers {@code postgres:17-alpine} when a Docker engine answers,
 * the embedded PostgreSQL 17 otherwise. {@code KVALI_TEST_DB=testcontainers} or {@code embedded} forces either.
 */
final class TestDatabase {

	private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);

	static final boolean CONTAINER = decide();

	private TestDatabase() {
	}

	private static boolean decide() {
		var forced = System.getenv("KVALI_TEST_DB");
		boolean container;
		if ("testcontainers".equalsIgnoreCase(forced)) {
			container = true;
		}
		else if ("embedded".equalsIgnoreCase(forced)) {
			container = false;
		}
		else {
			container = dockerAnswers();
		}
		log.info("Tests use {} PostgreSQL 17{}", container ? "Testcontainers (postgres:17-alpine)" : "embedded",
				forced == null ? "" : " (forced by KVALI_TEST_DB=" + forced + ")");
		return container;
	}

	private static boolean dockerAnswers() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
