package org.kvali.graphql;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.util.UriUtils;

/**
 * The body a handler answered a refusal with, kept where the server turns the response into its error page anyway:
 * an upload cut off or stalled leaves the connection in error, and the partner got the server's generic body
 * ({@code "error": "Bad Request"}) while the audit log held the refusal's reason (a tester's); a GraphQL request's
 * that broke off so gets a GraphQL error, as every refusal of {@code /graphql}. Other error pages (no such path, a
 * method not allowed) answer in the same shape.
 */
@Component
public class AnsweredRefusals extends DefaultErrorAttributes {

	private static final String BODY = AnsweredRefusals.class.getName() + ".body";

	/** Keeps the body a refusal of this request is answered with, for the error page too. */
	public static void keep(HttpServletRequest request, Map<String, Object> body) {
		request.setAttribute(BODY, body);
	}

	@Override
	public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
		if (request.getAttribute(BODY, RequestAttributes.SCOPE_REQUEST) instanceof Map<?, ?> body) {
			var kept = new LinkedHashMap<String, Object>();
			body.forEach((key, value) -> kept.put(String.valueOf(key), value));
			return kept;
		}
		// a GraphQL request whose body broke off or stalled (400, 408) is answered as every refusal of /graphql is;
		// its path as the router reads it: /%67raphql is GraphQL too
		var uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI, RequestAttributes.SCOPE_REQUEST);
		var status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE, RequestAttributes.SCOPE_REQUEST)
				instanceof Integer code ? HttpStatus.resolve(code) : null;
		if (uri instanceof String raw && raw.startsWith(request.getContextPath())
				&& "/graphql".equals(UriUtils.decode(raw.substring(request.getContextPath().length()),
						StandardCharsets.UTF_8))
				&& (status == HttpStatus.BAD_REQUEST || status == HttpStatus.REQUEST_TIMEOUT)) {
			var message = status == HttpStatus.REQUEST_TIMEOUT
					? "The request body stopped arriving before its end; send it again"
					: "The request could not be read to its end (HTTP 400); send it again";
			return Map.of("errors", MalformedRequests.body(message).errors());
		}
		// every other error page in the shape of /graphql's errors too: a client read Spring's own body for a path
		// or method that does not exist (a tester's had three shapes to parse)
		if (status == null) {
			return super.getErrorAttributes(request, options);
		}
		var path = uri instanceof String raw ? Text.preview(Text.oneLine(raw), 100) : "";
		return Map.of("errors", ErrorBody.of(classification(status), switch (status) {
			case NOT_FOUND -> "No such path: " + path + "; Kvali answers at /graphql, /imports/attendance, "
					+ "/iati/activities.xml and /actuator/health";
			case METHOD_NOT_ALLOWED -> "The method is not allowed at " + path + " (the Allow header names those that"
					+ " are)";
			default -> "HTTP " + status.value() + " " + status.getReasonPhrase() + " at " + path;
		}).errors());
	}

	/** The classification of an error page of this status, as GraphQL's errors name theirs. */
	static String classification(HttpStatus status) {
		return switch (status) {
			case UNAUTHORIZED -> ErrorType.UNAUTHORIZED.name();
			case FORBIDDEN -> ErrorType.FORBIDDEN.name();
			case NOT_FOUND -> ErrorType.NOT_FOUND.name();
			case SERVICE_UNAVAILABLE -> KvaliErrorType.UNAVAILABLE.name();
			default -> (status.is4xxClientError() ? ErrorType.BAD_REQUEST : ErrorType.INTERNAL_ERROR).name();
		};
	}

}
