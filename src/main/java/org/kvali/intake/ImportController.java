package org.kvali.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.kvali.access.Caller;
import org.kvali.audit.AuditLog;
import org.kvali.graphql.Accepts;
import org.kvali.graphql.AnsweredRefusals;
import org.kvali.graphql.Glyphs;
import org.kvali.graphql.Text;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /imports/attendance}: an attendance sheet as the body, CSV in UTF-8 or an .xlsx workbook. */
@RestController
class ImportController {

	/** The longest a refused sheet's body is read for, to be answered. */
	private static final Duration DRAIN_TIME = Duration.ofSeconds(30);

	private final AttendanceImportService imports;

	private final ImportLimits limits;

	private final ImportTurns turns;

	private final AuditLog audit;

	ImportController(AttendanceImportService imports, ImportLimits limits, ImportTurns turns, AuditLog audit) {
		this.imports = imports;
		this.limits = limits;
		this.turns = turns;
		this.audit = audit;
	}

	@PostMapping("/imports/attendance")
	ResponseEntity<ImportReport> attendance(HttpServletRequest request) throws IOException, InterruptedException {
		try {
			AttendanceImportService.loader();
		}
		catch (AccessDeniedException ex) {
			// a DONOR's or ANALYST's key sending sheets is worth knowing of; it is no import, and its body is not read
			this.audit.record("refused import", ex.getMessage());
			throw ex;
		}
		acceptsJson(request);
		// the type first: the parameters of a form's type are read from the body, which told the whole sheet back as
		// one parameter's name, and into the audit log (a tester's, sent with curl -d)
		var contentType = request.getContentType() == null ? "" : request.getContentType();
		boolean form = FormSheet.isForm(contentType);
		var format = form ? null : SheetFormat.of(contentType);
		if (form) {
			FormSheet.boundary(contentType);
		}
		boolean dryRun = dryRun(request.getParameterMap());
		var fileName = fileName(request.getParameterMap());
		try (var turn = take(request)) {
			InputStream body = new LimitedBody(request.getInputStream(), this.limits.maxBytes().toBytes(),
					this.limits.uploadTime());
			if (form) {
				// the form's file is the sheet, of the type of its part or its name, and its name the history's
				var file = FormSheet.open(body, contentType);
				body = file;
				contentType = file.contentType();
				format = SheetFormat.of(contentType);
				fileName = fileName != null ? fileName : file.fileName();
			}
			var report = this.imports.load(body, format, contentType, dryRun, fileName);
			var status = report.status() == ImportStatus.REJECTED ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK;
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(report);
		}
	}

	/**
	 * A turn to load; refused when none comes in time, after the body is read to its end (up to the limits): a client
	 * that sends the whole body before it reads the answer, as Python's urllib does, saw the connection closed under
	 * it instead of the 503 that tells it to come back (a tester's).
	 */
	private ImportTurns.Turn take(HttpServletRequest request) throws InterruptedException {
		try {
			return this.turns.take(Caller.current().name());
		}
		catch (SheetException ex) {
			try {
				// as long as the turn was waited for at most: a crowd of slow senders holds no thread for minutes
				var time = this.limits.uploadTime().compareTo(DRAIN_TIME) < 0 ? this.limits.uploadTime() : DRAIN_TIME;
				new LimitedBody(request.getInputStream(), this.limits.maxBytes().toBytes(), time)
					.transferTo(OutputStream.nullOutputStream());
			}
			catch (IOException | SheetException unread) {
				// cut off, stalled or over the size: the refusal stands, the connection is closed after it
			}
			throw ex;
		}
	}

	/**
	 * Refuses, before the sheet is read, a request that accepts no JSON: the sheet was loaded, and then the answer
	 * could not be given (an empty 406), so the sender took a stored sheet for a failed one (a tester's).
	 */
	private static void acceptsJson(HttpServletRequest request) {
		var accepted = Collections.list(request.getHeaders(HttpHeaders.ACCEPT));
		// an empty header names no type, as no header does
		accepted.removeIf(String::isBlank);
		// an Accept that does not parse was refused before (UnreadableMediaTypes)
		if (Accepts.any(MediaType.parseMediaTypes(accepted), MediaType.APPLICATION_JSON)) {
			return;
		}
		throw new SheetException(HttpStatus.NOT_ACCEPTABLE, "The request accepts only " + Text.preview(String.join(", ",
				accepted), 100) + ": the answer is application/json; nothing was read or stored");
	}

	/**
	 * Whether the load is a dry run: {@code dryRun=true}, or {@code false} (the default). Any other parameter or value
	 * is refused before the sheet is read, since a misspelt {@code dryrun=true} left out would store the sheet.
	 */
	private static boolean dryRun(Map<String, String[]> parameters) {
		for (var name : parameters.keySet()) {
			if (!name.equals("dryRun") && !name.equals("name")) {
				throw new SheetException(HttpStatus.BAD_REQUEST, "Unknown parameter '" + Text.preview(name, 40)
						+ "': there are dryRun"
						+ " (true to check the sheet without storing it, false to load it) and name (the file's name,"
						+ " for the history)");
			}
		}
		var values = parameters.get("dryRun");
		if (values == null) {
			return false;
		}
		if (values.length != 1 || !values[0].equals("true") && !values[0].equals("false")) {
			throw new SheetException(HttpStatus.BAD_REQUEST,
					"dryRun must be true or false, given once, not '" + String.join("', '", values) + "'");
		}
		return values[0].equals("true");
	}

	/** The file's name the sender gives, shown in the import history: one line of text, given once; null if none. */
	private static String fileName(Map<String, String[]> parameters) {
		var values = parameters.get("name");
		if (values == null) {
			return null;
		}
		if (values.length != 1 || Text.blank(values[0]) || Text.length(values[0]) > 255
				|| Text.holdsControl(values[0], false) || Text.turnsAround(values[0])
				|| Glyphs.nonCharacter(values[0]) >= 0) {
			throw new SheetException(HttpStatus.BAD_REQUEST, "name is the file's name, for the import history: given"
					+ " once, 1 to 255 characters on one line");
		}
		return Text.trim(values[0]);
	}

	/** A body that is no readable sheet, or too large: refused, and recorded in the audit log as such. */
	@ExceptionHandler
	ResponseEntity<Map<String, Object>> unreadable(SheetException ex, HttpServletRequest request) {
		this.audit.record("import", "refused with HTTP " + ex.status().value() + ": " + ex.getMessage());
		// JSON whatever the request accepts: a 406 says why too
		var refusal = ResponseEntity.status(ex.status()).contentType(MediaType.APPLICATION_JSON);
		if (ex.status() == HttpStatus.SERVICE_UNAVAILABLE) {
			// no turn came: a script that retries on 503 is told when, as for a database out of reach
			refusal.header(HttpHeaders.RETRY_AFTER, "5");
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", "REJECTED");
		body.put("errors", List.of(Map.of("message", ex.getMessage())));
		// an upload that broke off leaves the connection in error, and the server answers with its error page
		AnsweredRefusals.keep(request, body);
		return refusal.body(body);
	}

}
