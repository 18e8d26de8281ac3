package org.kvali.access;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.kvali.demo.DemoMode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In demo mode, opening GraphiQL's page in a browser on the service's own machine hands it this start's demo ANALYST
 * key as a cookie that only same-site requests to {@code /graphql} carry, so the page can query without a key copied
 * by hand. A browser elsewhere gets no cookie: whoever could reach the service would otherwise be an analyst, with
 * small groups shown, on a demo database that partners' sheets may have filled since.
 */
@Component
class DemoGraphiQlCookie extends OncePerRequestFilter {

	private static final Set<String> LOCAL_NAMES = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

	private final DemoMode demo;

	private final DemoKeys keys;

	/** Whether GraphiQL is served at all ({@code KVALI_EXPLORER_ENABLED}): its 404 handed out the key too. */
	private final boolean graphiql;

	DemoGraphiQlCookie(DemoMode demo, DemoKeys keys,
			@Value("${spring.graphql.graphiql.enabled:false}") boolean graphiql) {
		this.demo = demo;
		this.keys = keys;
		this.graphiql = graphiql;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.demo.on() || !this.graphiql || !"GET".equals(request.getMethod())
				|| !request.getRequestURI().equals("/graphiql") || !fromThisMachine(request);
	}

	/**
	 * Whether the request came from the service's own machine, to an address of it: from a loopback address (a proxy
	 * there passes everyone's requests on as its own, so a demo behind one gives every visitor the key), and for
	 * localhost by name or number (a page of another site whose name an attacker pointed at 127.0.0.1 sends its
	 * own).
	 */
	static boolean fromThisMachine(HttpServletRequest request) {
		if (!LOCAL_NAMES.contains(request.getServerName())) {
			return false;
		}
		try {
			return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var secret = this.keys.secret(Role.ANALYST);
		if (secret != null) {
			response.addHeader("Set-Cookie", ResponseCookie.from(SecurityConfiguration.DEMO_COOKIE, secret)
				.path("/graphql")
				.httpOnly(true)
				.sameSite("Strict")
				.build()
				.toString());
		}
		chain.doFilter(request, response);
	}

}
