package org.kvali;

import org.springframework.boot.test.context.TestConfiguration;
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

	@Bean
	MockMvcBuilderCustomizer adminByDefault() {
		return builder -> builder.defaultRequest(
				MockMvcRequestBuilders.get("/").header("Authorization", "Bearer " + ADMIN_KEY));
	}

}
