package org.kvali.graphql;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * The error page, in JSON whatever the request accepts ({@link AnsweredRefusals} makes its body): a browser's
 * Accept got Spring's white-label HTML page, and the page asked for itself answered 500 in Spring's own shape (a
 * tester's). Kvali is an API; its only page is GraphiQL's.
 */
@RestController
class ErrorPages implements ErrorController {

	private final ErrorAttributes attributes;

	ErrorPages(ErrorAttributes attributes) {
		this.attributes = attributes;
	}

	@RequestMapping("${server.error.path:${error.path:/error}}")
	ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code)) {
			// asked for, not forwarded to: no path of Kvali's
			return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("errors", ErrorBody.of(ErrorType.NOT_FOUND.name(), "No such path: "
						+ Text.preview(Text.oneLine(request.getRequestURI()), 100)).errors()));
		}
		var body = this.attributes.getErrorAttributes(new ServletWebRequest(request), ErrorAttributeOptions.defaults());
		return ResponseEntity.status(code).contentType(MediaType.APPLICATION_JSON).body(body);
	}

}
