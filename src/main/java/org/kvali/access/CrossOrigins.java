package org.kvali.access;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * The web origins whose pages may call the service from a browser (a donor's dashboard on its own site): each an
 * origin such as {@code https://dashboard.example.org}, a pattern ({@code https://*.example.org}) or {@code *}. None
 * by default, when only pages of the service's own origin may. The key travels in the Authorization header, never
 * in a cookie, so no credentials are allowed across origins.
 *
 * @param origins the origins, or patterns of them
 */
@ConfigurationProperties("kvali.cors")
record CrossOrigins(@DefaultValue List<String> origins) {

	/**
	 * An origin, or a pattern of them whose first label is {@code *} ({@code https://*.example.org}: not
	 * {@code https://*example.org}, which evilexample.org matches too), or {@code *} for every one.
	 */
	private static final Pattern ORIGIN = Pattern
		.compile("\\*|https?://(\\*\\.)?[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*(:\\d{1,5})?");

	CrossOrigins {
		for (var origin : origins) {
			if (!ORIGIN.matcher(origin).matches()) {
				throw new IllegalArgumentException("kvali.cors.origins (KVALI_CORS_ORIGINS) holds '" + origin
						+ "', which is no origin: give scheme and host, and the port if not the usual, such as "
						+ "https://dashboard.example.org, with no path");
			}
		}
	}

	/**
	 * The filter that answers a browser's preflight from an allowed origin and marks the answers to it: a request of
	 * another origin, or of the service's own behind a proxy that the service sees under another address, passes on
	 * without those headers (a browser keeps the answer from another origin's page), and only a preflight of another
	 * origin is refused. Spring's own refused every request whose Origin was not listed, the service's own pages'
	 * behind a proxy too.
	 */
	CorsFilter filter() {
		var filter = new CorsFilter(source());
		filter.setCorsProcessor(new DefaultCorsProcessor() {

			@Override
			protected boolean handleInternal(ServerHttpRequest request, ServerHttpResponse response,
					CorsConfiguration config, boolean preFlightRequest) throws IOException {
				if (!preFlightRequest && checkOrigin(config, request.getHeaders().getOrigin()) == null) {
					return true;
				}
				return super.handleInternal(request, response, config, preFlightRequest);
			}

		});
		return filter;
	}

	/**
	 * The paths a page calls, with what it may send: besides the key and the type, the headers that tracing in a
	 * dashboard adds to its requests (W3C trace context, Sentry's, a request id), which carry no credentials; a
	 * preflight asking for one was answered without it, and the browser refused the dashboard's request (a
	 * developer's).
	 */
	private CorsConfigurationSource source() {
		var source = new UrlBasedCorsConfigurationSource();
		var allowed = new CorsConfiguration();
		allowed.setAllowedOriginPatterns(this.origins);
		allowed.setAllowedMethods(List.of("GET", "POST"));
		allowed.setAllowedHeaders(List.of("Authorization", "Content-Type", "traceparent", "tracestate", "sentry-trace",
				"baggage", "X-Request-Id"));
		allowed.setExposedHeaders(List.of("Retry-After"));
		allowed.setAllowCredentials(false);
		allowed.setMaxAge(Duration.ofHours(1));
		for (var path : List.of("/graphql", "/iati/**", "/imports/**")) {
			source.registerCorsConfiguration(path, allowed);
		}
		return source;
	}

}
