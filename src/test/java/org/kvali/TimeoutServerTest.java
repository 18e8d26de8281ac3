package org.kvali;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A real server whose GraphQL requests time out after 1 ms (so that any request passes it; the service's own is 30 s,
 * {@code kvali.graphql.request-timeout}), without the report index, behind a proxy as README sets it up: the proxy
 * trusted is this machine's loopback address alone. Every test class that carries it shares one context and so one
 * database: two contexts on its data folder, whose properties had come apart, stopped each other's PostgreSQL (20 s
 * waited for it, then killed).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "kvali.graphql.request-timeout=1ms", "kvali.demo.enabled=true", "kvali.embedded.clean=true",
				"kvali.embedded.data-dir=target/test-postgres-timeout", "kvali.report.index=off",
				"kvali.bootstrap-admin-key=" + TestCallers.ADMIN_KEY, "server.forward-headers-strategy=native",
				"server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1",
				// a demo listens on the loopback address alone; the proxy's client comes from another
				"server.address=0.0.0.0" })
@Import(TestDatabaseConfiguration.class)
public @interface TimeoutServerTest {

}
