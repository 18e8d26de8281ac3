package org.kvali.access;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The web origins whose pages may call the service from a browser (a donor's dashboard on its own site): each an
 * origin such as {@code https://dashboard.example.org}, or a pattern ({@code https://*.example.org}). None by default,
 * when only pages of the service's own origin may. The key travels in the Authorization header, never in a cookie, so
 * no credentials are allowed across origins.
 *
 * @param origins the origins, or patterns of them
 */
@ConfigurationProperties("kvali.cors")
record CrossOrigins(@DefaultValue List<String> origins) {

	CrossOrigins {
		for (var origin : origins) {
			if (!origin.matches("https?://[^/?#\\s]+|\\*")) {
				throw new IllegalArgumentException("kvali.cors.origins (KVALI_CORS_ORIGINS) holds '" + origin
						+ "', which is no origin: give scheme and host, and the port if not the usual, such as "
						+ "https://dashboard.example.org, with no path");
			}
		}
	}

	/** The paths a page calls, with what it may send. */
	CorsConfigurationSource source() {
		var source = new UrlBasedCorsConfigurationSource();
		var allowed = new CorsConfiguration();
		allowed.setAllowedOriginPatterns(this.origins);
		allowed.setAllowedMethods(List.of("GET", "POST"));
		allowed.setAllowedHeaders(List.of("Authorization", "Content-Type"));
		allowed.setExposedHeaders(List.of("Retry-After"));
		allowed.setAllowCredentials(false);
		allowed.setMaxAge(Duration.ofHours(1));
		for (var path : List.of("/graphql", "/iati/**", "/imports/**")) {
			source.registerCorsConfiguration(path, allowed);
		}
		return source;
	}

}
