package org.kvali.intake;

import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.kvali.ServiceScopeListener;
import org.kvali.TestCallers;
import org.kvali.TestDatabaseConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refusals as a real server gives them, past what MockMvc runs (the error page): a sheet refused for want of a turn
 * (sheets of up to 20 MB here), a path or method that does not exist.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "kvali.embedded.clean=true", "kvali.embedded.data-dir=target/test-postgres-turns",
				"kvali.report.index=off", "kvali.import.max-bytes=20MB",
				"kvali.bootstrap-admin-key=" + TestCallers.ADMIN_KEY })
@Import(TestDatabaseConfiguration.class)
@TestExecutionListeners(listeners = ServiceScopeListener.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
class RealServerRefusalsTest {

	@LocalServerPort
	int port;

	@Autowired
	ImportTurns turns;

	/**
	 * A sheet refused for want of a turn is read to its end first: a client that sends the whole body before reading
	 * the answer (Python's urllib) saw the connection closed under it instead of the 503 (a tester's).
	 */
	@Test
	void aSheetWithoutATurnIsAnsweredToAClientStillSending() throws Exception {
		var row = "TURN-1,Workshop,workshop,CSO-CAPACITY,2025-03-01,2025-03-01,,TURN-P%d,female,,,,,,\n";
		var rows = new StringBuilder(AttendanceImportTest.HEADER);
		for (int i = 0; rows.length() < 8_000_000; i++) {
			rows.append(row.formatted(i));
		}
		var sent = rows.toString().getBytes(StandardCharsets.UTF_8);
		var wait = ImportTurns.wait;
		var held = new java.util.ArrayList<ImportTurns.Turn>();
		String answer;
		try {
			ImportTurns.wait = 100;
			while (held.size() < 4) {
				held.add(this.turns.take("held " + held.size()));
			}
			try (var socket = new Socket("localhost", this.port)) {
				var out = socket.getOutputStream();
				out.write(("POST /imports/attendance?dryRun=true HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
						+ TestCallers.ADMIN_KEY + "\r\nContent-Type: text/csv\r\nContent-Length: " + sent.length
						+ "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
				out.write(sent);
				out.flush();
				answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			}
		}
		finally {
			held.forEach(ImportTurns.Turn::close);
			ImportTurns.wait = wait;
		}
		assertThat(answer).startsWith("HTTP/1.1 503").contains("Retry-After: 5")
			.contains("Other sheets are being loaded (4 at once at most)");
	}

	/** Every error page has the shape of /graphql's errors: Spring's own body was a third shape to parse. */
	@Test
	void aPathOrMethodThatDoesNotExistIsAnsweredAsAnError() throws Exception {
		assertThat(answer("GET /nowhere HTTP/1.1")).startsWith("HTTP/1.1 404").doesNotContain("timestamp")
			.contains("{\"errors\":[{\"message\":\"No such path: /nowhere; Kvali answers at /graphql,"
					+ " /imports/attendance, /iati/activities.xml and /actuator/health\",\"extensions\":"
					+ "{\"classification\":\"NOT_FOUND\"}}]}");
		assertThat(answer("POST /iati/activities.xml?programme=EU-CSO-EQUAL HTTP/1.1")).startsWith("HTTP/1.1 405")
			.contains("Allow: GET")
			.contains("{\"errors\":[{\"message\":\"The method is not allowed at /iati/activities.xml (the Allow"
					+ " header names those that are)\",\"extensions\":{\"classification\":\"BAD_REQUEST\"}}]}");
	}

	/** A browser's Accept gets the same JSON, not a white-label HTML page; the error page asked for is no path. */
	@Test
	void aBrowserGetsTheErrorAsJsonToo() throws Exception {
		var browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
		assertThat(answer("GET /nowhere HTTP/1.1", browser)).startsWith("HTTP/1.1 404")
			.contains("Content-Type: application/json").contains("\"classification\":\"NOT_FOUND\"")
			.doesNotContain("Whitelabel");
		assertThat(answer("GET /imports/attendance HTTP/1.1", browser)).startsWith("HTTP/1.1 405")
			.contains("Content-Type: application/json").contains("The method is not allowed at /imports/attendance");
		assertThat(answer("GET /error HTTP/1.1")).startsWith("HTTP/1.1 404")
			.contains("{\"errors\":[{\"message\":\"No such path: /error\",\"extensions\":{\"classification\":"
					+ "\"NOT_FOUND\"}}]}");
	}

	/** What Tomcat refuses before any servlet is JSON too: it was Tomcat's HTML page (a security tester's). */
	@Test
	void aRequestTomcatCannotTakeIsAnsweredAsAnError() throws Exception {
		var json = "{\"errors\":[{\"message\":\"HTTP 400 Bad Request: the request could not be read (a request"
				+ " line, header or URL too long or malformed)\",\"extensions\":{\"classification\":\"BAD_REQUEST\"}}]}";
		assertThat(answer("GET /graphql?" + "a".repeat(10_000) + " HTTP/1.1")).startsWith("HTTP/1.1 400")
			.contains("Content-Type: application/json").endsWith(json);
		assertThat(answer("GET /graphql/%zz HTTP/1.1")).startsWith("HTTP/1.1 400").endsWith(json);
	}

	/**
	 * A form's type without its boundary was parsed as a form before any handler, and failed every path with a 500
	 * (a tester's): it is refused as a type not read, the sheet's answer saying how to send one.
	 */
	@Test
	void aFormsUploadIsRefusedAsATypeNotRead() throws Exception {
		var form = "multipart/form-data";
		assertThat(answer("POST /imports/attendance?dryRun=true HTTP/1.1", "application/json", form))
			.startsWith("HTTP/1.1 415")
			.contains("{\"status\":\"REJECTED\",\"errors\":[{\"message\":\"Send the sheet as text/csv (UTF-8, or"
					+ " Excel's Unicode Text as text/plain) or as " + SheetFormat.XLSX_TYPE + "; got '" + form + "' (a"
					+ " form is not read: send the file itself as the body, as curl --data-binary @sheet.csv -H"
					+ " 'Content-Type: text/csv' does)\"}]}");
		assertThat(answer("POST /graphql HTTP/1.1", "application/json", form)).startsWith("HTTP/1.1 415")
			.contains("\"classification\":\"BAD_REQUEST\"");
		// a sheet sent as a form's fields (curl -d) was read as one parameter, told back whole, and logged; one
		// holding a % that escapes nothing was a bare 400
		assertThat(answer("POST /imports/attendance?dryRun=true HTTP/1.1", "application/json",
				"application/x-www-form-urlencoded")).startsWith("HTTP/1.1 415").contains("a form is not read")
			.doesNotContain("a,b").doesNotContain("Unknown parameter");
	}

	private String answer(String requestLine) throws Exception {
		return answer(requestLine, "application/json");
	}

	private String answer(String requestLine, String accept) throws Exception {
		return answer(requestLine, accept, null);
	}

	private String answer(String requestLine, String accept, String contentType) throws Exception {
		var body = contentType == null ? "" : "a,b%zz\n";
		try (var socket = new Socket("localhost", this.port)) {
			socket.getOutputStream().write((requestLine + "\r\nHost: localhost\r\nAuthorization: Bearer "
					+ TestCallers.ADMIN_KEY + "\r\nAccept: " + accept + "\r\nContent-Length: " + body.length()
					+ (contentType == null ? "" : "\r\nContent-Type: " + contentType) + "\r\nConnection: close"
					+ "\r\n\r\n" + body)
				.getBytes(StandardCharsets.US_ASCII));
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
