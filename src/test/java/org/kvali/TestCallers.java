package org.kvali;

import jakarta.servlet.Filter;

import org.kvali.access.ServiceScope;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Tests call as ADMIN unless they say otherwise: every MockMvc request, and so every GraphQL test request, carries
 * the bootstrap admin key the tests configure; a request that sets its own Authorization header keeps it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestCallers {

	/** The bootstrap admin key of the tests ({@code kvali.bootstrap-admin-key}). */
	public static final String ADMIN_KEY = "test-bootstrap-admin-key-0123456789abcdef";

	/**
	 * A MockMvc request runs on the test's thread, which works in the service scope ({@link ServiceScopeListener}):
	 * this first filter takes the mark off for the request, so that the request has only what the service gives a
	 * real one, and a step that should mark itself as the service's work but does not fails here too.
	 */
	@Bean
	FilterRegistrationBean<Filter> requestsOutsideTheServiceScope() {
		var registration = new FilterRegistrationBean<Filter>((request, response, chain) -> {
			if (Thread.currentThread() != ServiceScopeListener.testThread) {
				chain.doFilter(request, response);
				return;
			}
			ServiceScope.leave();
			try {
				chain.doFilter(request, response);
			}
			finally {
				ServiceScope.enter();
			}
		});
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	MockMvcBuilderCustomizer adminByDefault() {
		return builder -> builder.defaultRequest(
				MockMvcRequestBuilders.get("/").header("Authorization", "Bearer " + ADMIN_KEY));
	}

}
