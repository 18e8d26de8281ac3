package org.kvali.graphql;

import java.io.IOException;
import java.util.Collections;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A Content-Type no body can have ({@code *}{@code /*}, {@code application/*}, or one that does not parse) failed
 * every request with a 500 before any handler was chosen: Spring's router reads the header into a request and refuses
 * a wildcard there. So does an Accept that does not parse (an empty 406). Both are answered here, before that, with
 * the status they mean and one error saying what to send.
 */
@Component
class UnreadableMediaTypes extends OncePerRequestFilter {

	/** A type and subtype of token characters (RFC 9110), neither a wildcard. */
	private static final Pattern CONCRETE = Pattern
		.compile("[!#$%&'+.^_`|~0-9A-Za-z-]+/[!#$%&'+.^_`|~0-9A-Za-z-][!#$%&'*+.^_`|~0-9A-Za-z-]*");

	private final JsonMapper json;

	UnreadableMediaTypes(JsonMapper json) {
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var type = request.getHeader(HttpHeaders.CONTENT_TYPE);
		var named = type == null ? "" : type.split(";", 2)[0].trim();
		// a header naming no type at all is no header, as Spring reads it
		if (!named.isEmpty() && !CONCRETE.matcher(named).matches()) {
			MalformedRequests.refuse(response, this.json, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The body is sent as '"
					+ Text.preview(type, 100) + "', which names no type of content: send application/json to /graphql,"
					+ " text/csv or the .xlsx type to /imports/attendance");
			return;
		}
		if (!named.isEmpty() && !readable(type)) {
			// file --mime gives an .xlsx charset=binary, which Spring cannot read and refused with an empty 415
			MalformedRequests.refuse(response, this.json, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The body's type '"
					+ Text.preview(type, 100) + "' has parameters that cannot be read (a charset Java does not know?):"
					+ " send it as " + named + " alone");
			return;
		}
		for (var accept : Collections.list(request.getHeaders(HttpHeaders.ACCEPT))) {
			try {
				MediaType.parseMediaTypes(accept);
			}
			catch (InvalidMediaTypeException ex) {
				MalformedRequests.refuse(response, this.json, HttpStatus.NOT_ACCEPTABLE, "The Accept header '"
						+ Text.preview(accept, 100) + "' is not readable: accept application/json");
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static boolean readable(String header) {
		try {
			MediaType.parseMediaType(header);
			return true;
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

}
