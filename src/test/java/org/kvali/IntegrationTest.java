package org.kvali;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;

/**
 * The whole application against a real PostgreSQL holding the demo data; every test class that carries it shares
 * one application context and so one database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = { "kvali.demo.enabled=true", "kvali.embedded.clean=true",
		"kvali.embedded.data-dir=target/test-postgres", "kvali.report.index=sync", "kvali.import.max-bytes=1000000", "kvali.import.max-rows=5000",
		"kvali.bootstrap-admin-key=" + TestCallers.ADMIN_KEY, "kvali.rate-limit.requests-per-minute=0" })
@AutoConfigureMockMvc
@AutoConfigureHttpGraphQlTester
@TestExecutionListeners(listeners = ServiceScopeListener.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
@Import({ TestDatabaseConfiguration.class, StatementCounterConfiguration.class, TestCallers.class, Callers.class,
		TestJwts.class, TestClock.Configuration.class })
public @interface IntegrationTest {

}
