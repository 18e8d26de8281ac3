package org.kvali.graphql;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * What Tomcat answers itself, before any servlet (a request line or header past its limits, a URL it cannot parse), is
 * JSON in the shape of every other error, not Tomcat's HTML page (a tester's: 400 text/html for a 10 KB URL).
 */
@Configuration(proxyBeanMethods = false)
class TomcatErrorPages {

	@Bean
	TomcatContextCustomizer jsonErrorReports() {
		return context -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(JsonReport.class.getName());
			}
		};
	}

	/** Tomcat's error report, written as an error of {@link ErrorBody}. */
	public static class JsonReport extends ErrorReportValve {

		private static final JsonMapper JSON = JsonMapper.builder().build();

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			var ioAllowed = new AtomicBoolean(true);
			response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
			if (status < 400 || response.getContentWritten() > 0 || !ioAllowed.get() || !response.setErrorReported()) {
				return;
			}
			var known = HttpStatus.resolve(status);
			var message = "HTTP " + status + (known == null ? "" : " " + known.getReasonPhrase())
					+ (status == 400 ? ": the request could not be read (a request line, header or URL too long or"
							+ " malformed)" : "");
			try {
				response.setContentType("application/json");
				// a status HTTP does not name keeps its number
				var classification = known == null ? "ERROR" : AnsweredRefusals.classification(known);
				JSON.writeValue(response.getOutputStream(), ErrorBody.of(classification, message));
				response.finishResponse();
			}
			catch (IOException ex) {
				// the client went away: nothing more to answer
			}
		}

	}

}
