package org.kvali.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.kvali.demo.DemoMode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every endpoint needs a bearer token, an API key or (when an issuer is configured) a JWT, except the health probe and
 * GraphiQL's page. Sessions are not kept; each request carries its token.
 */
/* Only a web application has requests to guard; the benchmark's data generator runs without one. */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** The health probe's path, open to all: no key is asked for there, nor looked up when one is sent. */
	private static final String HEALTH = "/actuator/health";

	/** The cookie by which GraphiQL, in demo mode, sends the demo ANALYST key. */
	static final String DEMO_COOKIE = "kvali_demo_key";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, BearerKeyAuthenticationProvider keys,
			ObjectProvider<JwtDecoder> jwtDecoder, JwtCallers jwtCallers, GraphQlShapedErrors errors, DemoMode demo,
			DemoKeys demoKeys, CrossOrigins origins, RateLimitProperties rateLimit) throws Exception {
		List<AuthenticationProvider> providers = new ArrayList<>(List.of(keys));
		jwtDecoder.ifAvailable(decoder -> {
			var jwt = new JwtAuthenticationProvider(decoder);
			jwt.setJwtAuthenticationConverter(jwtCallers);
			providers.add(jwt);
		});
		var manager = new ProviderManager(providers);
		// a browser's preflight from an allowed origin is answered before any key is asked for; with none allowed,
		// a preflight is a request without a key
		http.cors(AbstractHttpConfigurer::disable);
		if (!origins.origins().isEmpty()) {
			http.addFilterBefore(origins.filter(), BearerTokenAuthenticationFilter.class);
		}
		// counted once the caller is known, before anything is read of the request
		http.addFilterAfter(new CallerRateLimit(rateLimit), BearerTokenAuthenticationFilter.class);
		return http.csrf(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(requests -> requests.requestMatchers(HEALTH, HEALTH + "/**")
				.permitAll()
				.requestMatchers("/actuator/**")
				.hasRole(Role.ADMIN.name())
				.requestMatchers("/graphiql", "/graphiql/**", "/error")
				.permitAll()
				.anyRequest()
				.authenticated())
			.oauth2ResourceServer(resourceServer -> resourceServer.authenticationManagerResolver(request -> manager)
				.bearerTokenResolver(tokens(demo, demoKeys))
				.authenticationEntryPoint(errors)
				.accessDeniedHandler(errors))
			.exceptionHandling(handling -> handling.authenticationEntryPoint(errors).accessDeniedHandler(errors))
			.headers(Customizer.withDefaults())
			.build();
	}

	/**
	 * The Authorization header; in demo mode, without one, the demo cookie GraphiQL's page set, on the requests it
	 * was set for: to {@code /graphql} from the service's own machine, holding this start's demo ANALYST key (a cookie
	 * of any other key, an admin's too, was taken: a credential the README does not name). None for the health probe,
	 * which is open: a probe sending a key had it looked up, and while the database was gone liveness failed after
	 * 30 s.
	 */
	private static BearerTokenResolver tokens(DemoMode demo, DemoKeys demoKeys) {
		var header = new DefaultBearerTokenResolver();
		return request -> {
			var path = request.getRequestURI().substring(request.getContextPath().length());
			if (path.equals(HEALTH) || path.startsWith(HEALTH + "/")) {
				return null;
			}
			int authorizations = Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION)).size();
			if (authorizations > 1) {
				// the first was taken, where a proxy adding one, or reading the last, saw another caller
				throw new GraphQlShapedErrors.TwoCallers(authorizations);
			}
			var token = header.resolve(request);
			if (token == null && demo.on() && request.getRequestURI().equals("/graphql")
					&& DemoGraphiQlCookie.fromThisMachine(request)) {
				var cookie = demoCookie(request);
				var analyst = demoKeys.secret(Role.ANALYST);
				boolean theAnalysts = cookie != null && analyst != null && MessageDigest
					.isEqual(cookie.getBytes(StandardCharsets.UTF_8), analyst.getBytes(StandardCharsets.UTF_8));
				token = theAnalysts ? cookie : null;
			}
			return token;
		};
	}

	private static String demoCookie(HttpServletRequest request) {
		if (request.getCookies() == null) {
			return null;
		}
		for (Cookie cookie : request.getCookies()) {
			if (DEMO_COOKIE.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
				return cookie.getValue();
			}
		}
		return null;
	}

}
