package org.kvali.graphql;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The GraphQL endpoint answers the JSON type its request prefers. Spring's handler takes the first accepted range
 * equal to one of its two types, parameters and all, else application/json: {@code application/json;q=0, *}{@code /*}
 * was answered application/json, and {@code application/graphql-response+json;q=0.9} too. Here the Accept is read as
 * HTTP has it ({@link Accepts#best}) and handed on as the one type chosen, of two taken alike the one named first (as
 * Spring chose; GraphiQL names application/graphql-response+json first); a request taking neither is left as sent,
 * for {@link OnlyPostedJson} to refuse.
 */
@Component
class GraphQlAnswerType extends OncePerRequestFilter {

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"/graphql".equals(request.getRequestURI()) || request.getHeader(HttpHeaders.ACCEPT) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var chosen = chosen(request);
		chain.doFilter(chosen == null ? request : new HttpServletRequestWrapper(request) {

			@Override
			public String getHeader(String name) {
				return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? chosen : super.getHeader(name);
			}

			@Override
			public Enumeration<String> getHeaders(String name) {
				return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.enumeration(List.of(chosen))
						: super.getHeaders(name);
			}

		}, response);
	}

	/** Where the type is first named as itself (not by a wildcard), past the end when it is not. */
	private static int named(List<MediaType> accepted, MediaType type) {
		for (int i = 0; i < accepted.size(); i++) {
			if (accepted.get(i).equalsTypeAndSubtype(type)) {
				return i;
			}
		}
		return accepted.size();
	}

	/** The type to answer in, null when the request takes neither or its Accept does not parse. */
	private static String chosen(HttpServletRequest request) {
		try {
			var accepted = MediaType.parseMediaTypes(Collections.list(request.getHeaders(HttpHeaders.ACCEPT)));
			var json = MediaType.APPLICATION_JSON;
			var response = MediaType.APPLICATION_GRAPHQL_RESPONSE;
			var best = named(accepted, response) < named(accepted, json) ? Accepts.best(accepted, response, json)
					: Accepts.best(accepted, json, response);
			return best == null ? null : best.toString();
		}
		catch (InvalidMediaTypeException ex) {
			return null;
		}
	}

}
