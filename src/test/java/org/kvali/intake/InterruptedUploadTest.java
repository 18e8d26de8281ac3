package org.kvali.intake;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.kvali.ServiceScopeListener;
import org.kvali.access.ApiKeyService;
import org.kvali.access.Role;
import org.kvali.TestCallers;
import org.kvali.TimeoutServerTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseDataSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over a real server ({@link TimeoutServerTest}, the context of {@code RequestTimeoutTest}; the test reads the
 * tables in the service's scope, which sees them whole): an upload whose connection closes before the whole sheet
 * arrived stores nothing and is recorded as cut off, not as a sheet whose quotes are misplaced, which sent the
 * partner looking for a fault in the sheet.
 */
@TimeoutServerTest
@TestExecutionListeners(listeners = ServiceScopeListener.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
class InterruptedUploadTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@LiquibaseDataSource
	DataSource ownerDataSource;

	@Autowired
	ApiKeyService keys;

	@Test
	void anUploadCutOffIsToldAsSuchAndStoresNothing() throws Exception {
		var rows = new StringBuilder(AttendanceImportTest.HEADER);
		for (int i = 0; i < 200; i++) {
			rows.append("CUT-1,Workshop,workshop,CSO-CAPACITY,2025-03-01,2025-03-01,,CUT-P").append(i)
				.append(",female,,,,,,\n");
		}
		// half of the last row, inside a quoted value as an unreadable sheet would be
		rows.append("CUT-1,\"Workshop");
		var sent = rows.toString().getBytes(StandardCharsets.UTF_8);
		long before = this.jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_event", Long.class);
		try (var socket = new Socket("localhost", this.port)) {
			var out = socket.getOutputStream();
			out.write(("POST /imports/attendance HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
					+ TestCallers.ADMIN_KEY + "\r\nContent-Type: text/csv\r\nContent-Length: " + (2 * sent.length)
					+ "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			out.write(sent);
			out.flush();
		}
		var deadline = Instant.now().plus(Duration.ofSeconds(20));
		String recorded = null;
		while (recorded == null && Instant.now().isBefore(deadline)) {
			recorded = this.jdbc.query("SELECT subject FROM audit_event WHERE id > ? AND action = 'import'",
					rs -> rs.next() ? rs.getString(1) : null, before);
			Thread.sleep(50);
		}
		assertThat(recorded).isEqualTo("refused with HTTP 400: The upload was cut off before the whole sheet arrived; "
				+ "nothing was stored: send it again");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM participant WHERE ref LIKE 'CUT-%'", Integer.class))
			.isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM activity WHERE code = 'CUT-1'", Integer.class))
			.isZero();
	}

	/**
	 * A sender that stops sending (its side of the connection closed) and waits for the answer reads Kvali's refusal,
	 * as the audit log keeps it: the connection left in error, the server answered its own generic body (a tester's).
	 */
	@Test
	void anUploadCutOffIsAnsweredWithItsReason() throws Exception {
		var sent = (AttendanceImportTest.HEADER + "HALF-1,Workshop,workshop,CSO-CAPACITY,2025-03-01,2025-03-01,,HALF-P,"
				+ "female,,,,,,\n").getBytes(StandardCharsets.UTF_8);
		String answer;
		try (var socket = new Socket("localhost", this.port)) {
			var out = socket.getOutputStream();
			out.write(("POST /imports/attendance?dryRun=true HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
					+ TestCallers.ADMIN_KEY + "\r\nContent-Type: text/csv\r\nContent-Length: " + (2 * sent.length)
					+ "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			out.write(sent);
			out.flush();
			socket.shutdownOutput();
			answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
		assertThat(answer).startsWith("HTTP/1.1 400")
			.contains("{\"status\":\"REJECTED\",\"errors\":[{\"message\":\"The upload was cut off before the whole"
					+ " sheet arrived; nothing was stored: send it again\"}]}")
			.doesNotContain("timestamp");
	}

	/** A GraphQL request cut off is answered as every refusal of /graphql is, not with the server's error page. */
	@Test
	void aGraphQlRequestCutOffIsAnsweredWithAGraphQlError() throws Exception {
		String answer;
		try (var socket = new Socket("localhost", this.port)) {
			var out = socket.getOutputStream();
			out.write(("POST /graphql HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TestCallers.ADMIN_KEY
					+ "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"query\":").getBytes(
							StandardCharsets.US_ASCII));
			out.flush();
			socket.shutdownOutput();
			answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
		assertThat(answer).startsWith("HTTP/1.1 400")
			.contains("{\"errors\":[{\"message\":\"The request could not be read to its end (HTTP 400); send it"
					+ " again\",\"extensions\":{\"classification\":\"BAD_REQUEST\"}}]}")
			.doesNotContain("timestamp");
	}

	/**
	 * A key revoked while its sheet is sent stores nothing: the load asks for its key before it writes, and holds it
	 * (changeset 047), so that a revocation comes before the load or after it, never beside it.
	 */
	@Test
	void aSheetWhoseKeyIsRevokedWhileItIsSentStoresNothing() throws Exception {
		var key = this.keys.create("revoked mid-upload", Role.ADMIN, List.of(), false, "test");
		var rows = new StringBuilder(AttendanceImportTest.HEADER);
		for (int i = 0; i < 50; i++) {
			rows.append("REV-1,Workshop,workshop,CSO-CAPACITY,2025-03-01,2025-03-01,,REV-P").append(i)
				.append(",female,,,,,,\n");
		}
		var sent = rows.toString().getBytes(StandardCharsets.UTF_8);
		String answer;
		try (var socket = new Socket("localhost", this.port)) {
			var out = socket.getOutputStream();
			out.write(("POST /imports/attendance HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
					+ key.secret() + "\r\nContent-Type: text/csv\r\nConnection: close\r\nContent-Length: "
					+ sent.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			out.write(sent, 0, sent.length / 2);
			out.flush();
			// the request passed the key's check and streams into the staging table: a fixed pause of 300 ms was too
			// short while a whole build ran beside the test, and the revocation came before the check (401)
			awaitStaging();
			this.keys.revoke(key.key().id());
			out.write(sent, sent.length / 2, sent.length - sent.length / 2);
			out.flush();
			answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
		assertThat(answer).startsWith("HTTP/1.1 403")
			.contains("Your key was revoked while the sheet was sent; nothing was stored");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM participant WHERE ref LIKE 'REV-%'", Integer.class))
			.isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM activity WHERE code = 'REV-1'", Integer.class))
			.isZero();
	}

	/** Until a session copies a sheet's rows into the staging table (at most 30 s). */
	private void awaitStaging() throws InterruptedException {
		var deadline = Instant.now().plusSeconds(30);
		// only the owner sees what other sessions run
		var owner = new JdbcTemplate(this.ownerDataSource);
		while (owner.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE state = 'active'"
				+ " AND query LIKE 'COPY import_row (%FROM STDIN%'", Integer.class) == 0) {
			assertThat(Instant.now()).as("the sheet reached the staging table").isBefore(deadline);
			Thread.sleep(20);
		}
	}

}
