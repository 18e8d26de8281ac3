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

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

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
	 * (a tester's): the sheet's path says what it lacks, and the others refuse it as a type not read.
	 */
	@Test
	void aFormWithoutItsBoundaryIsRefused() throws Exception {
		var form = "multipart/form-data";
		assertThat(answer("POST /imports/attendance?dryRun=true HTTP/1.1", "application/json", form))
			.startsWith("HTTP/1.1 400")
			.contains("{\"status\":\"REJECTED\",\"errors\":[{\"message\":\"The form's type gives no boundary"
					+ " between its parts (multipart/form-data; boundary=...)\"}]}");
		assertThat(answer("POST /graphql HTTP/1.1", "application/json", form)).startsWith("HTTP/1.1 415")
			.contains("\"classification\":\"BAD_REQUEST\"");
		// a sheet sent as a form's fields (curl -d) was read as one parameter, told back whole, and logged; one
		// holding a % that escapes nothing was a bare 400
		assertThat(answer("POST /imports/attendance?dryRun=true HTTP/1.1", "application/json",
				"application/x-www-form-urlencoded")).startsWith("HTTP/1.1 415")
			.contains("a form's fields are not read: attach the file to a form of type multipart/form-data, as curl"
					+ " -F file=@sheet.csv does")
			.doesNotContain("a,b").doesNotContain("Unknown parameter");
	}

	/**
	 * A sheet attached to a form, as curl -F, a browser and a client's form-data send it, is read from the form as
	 * the server receives it (a tester's was refused with 415); its name is the history's.
	 */
	@Test
	void aSheetAttachedToAFormIsRead() throws Exception {
		var body = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"C:\\sheets\\march.csv\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n" + AttendanceImportTest.HEADER
				+ "TI-FORM-1,Form,meeting,CSO-CAPACITY,2025-03-01,2025-03-01,,TI-F1,female,,,,,,\r\n--XyZ--\r\n";
		assertThat(answer("POST /imports/attendance?dryRun=true HTTP/1.1", "application/json",
				"multipart/form-data; boundary=XyZ", body))
			.startsWith("HTTP/1.1 200")
			.contains("\"status\":\"VALIDATED\"")
			.contains("\"created\":{\"activities\":1,\"participants\":1,\"participations\":1,\"organizations\":0}")
			.contains("\"fileName\":\"march.csv\"");
		// a field after the file, read as nothing, would load a dry run: the load is refused, and nothing stored
		var loaded = body.replace("--XyZ--", "--XyZ\r\nContent-Disposition: form-data; name=\"dryRun\"\r\n\r\n"
				+ "true\r\n--XyZ--");
		assertThat(answer("POST /imports/attendance HTTP/1.1", "application/json", "multipart/form-data; boundary=XyZ",
				loaded))
			.startsWith("HTTP/1.1 400")
			.contains("The form holds more than the sheet after it: send the file alone, and give dryRun and name in"
					+ " the address (?dryRun=true&name=...)");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM activity WHERE code = 'TI-FORM-1'", Integer.class))
			.isZero();
	}

	private String answer(String requestLine) throws Exception {
		return answer(requestLine, "application/json");
	}

	private String answer(String requestLine, String accept) throws Exception {
		return answer(requestLine, accept, null);
	}

	private String answer(String requestLine, String accept, String contentType) throws Exception {
		return answer(requestLine, accept, contentType, contentType == null ? "" : "a,b%zz\n");
	}

	private String answer(String requestLine, String accept, String contentType, String body) throws Exception {
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
