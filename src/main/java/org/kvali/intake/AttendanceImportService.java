package org.kvali.intake;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.kvali.access.ApiKeyService;
import org.kvali.access.Caller;
import org.kvali.access.PartnerScope;
import org.kvali.access.Role;
import org.kvali.audit.AuditLog;
import org.kvali.geography.GeographyService;
import org.kvali.time.Today;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads an attendance sheet all or nothing, in one transaction. The rows stream from the request into a staging
 * table, each checked on its own on the way; the checks across rows and against stored data then run as SQL under
 * a lock that keeps other writers out until the load ends. Every error is reported; only a sheet without errors is
 * written, with its report. A dry run writes it the same way and rolls back, so its counts are exactly what a real
 * load would do.
 */
@Service
public class AttendanceImportService {

	private final ImportLimits limits;

	private final Today today;

	private final GeographyService geography;

	private final Staging staging;

	private final StoredMatches matches;

	private final StagingChecks checks;

	private final AttendanceWriter writer;

	private final ImportHistory history;

	private final TransactionTemplate transaction;

	private final PartnerScope partners;

	private final AuditLog audit;

	private final ApiKeyService keys;

	AttendanceImportService(ImportLimits limits, GeographyService geography, Staging staging, StoredMatches matches,
			StagingChecks checks, AttendanceWriter writer, ImportHistory history, TransactionTemplate transaction,
			PartnerScope partners, AuditLog audit, ApiKeyService keys, Today today) {
		this.keys = keys;
		this.today = today;
		this.matches = matches;
		this.partners = partners;
		this.audit = audit;
		this.limits = limits;
		this.geography = geography;
		this.staging = staging;
		this.checks = checks;
		this.writer = writer;
		this.history = history;
		this.transaction = transaction;
	}

	/**
	 * What one load found: rows read, the file's hash, warnings, errors, the references of erased people it names (not
	 * to be kept in its report), and the report unless rejected.
	 */
	private record Outcome(int rows, String sha, List<ImportMessage> warnings, List<ImportMessage> errors,
			int errorsLeftOut, List<String> activities, List<String> erased, ImportReport report) {
	}

	/**
	 * The current caller if it may load sheets (an ADMIN or a PARTNER); the request's parameters and content type are
	 * looked at after this, so that a caller without the role learns nothing from them and leaves no audit entry.
	 */
	static Caller loader() {
		var caller = Caller.current();
		if (!caller.is(Role.ADMIN, Role.PARTNER)) {
			throw new AccessDeniedException("Loading sheets needs the role ADMIN or PARTNER; the caller has " + caller.role());
		}
		return caller;
	}

	/**
	 * Loads a sheet for the current caller: an ADMIN, or a PARTNER into the projects of its organizations; other roles
	 * are refused before the body is read.
	 */
	ImportReport load(InputStream body, SheetFormat format, String contentType, boolean dryRun, String fileName) {
		var caller = loader();
		var importedBy = caller.name();
		var digest = sha256();
		var in = new DigestInputStream(body, digest);
		var at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
		var id = UUID.randomUUID();
		var municipalities = this.geography.placeNames();
		var outcome = this.transaction.execute(status -> {
			RowIntake intake;
			try (var copy = this.staging.open(this.limits.uploadTime())) {
				intake = new RowIntake(this.limits, municipalities, copy, this.today.zone());
				read(in, format, intake);
				intake.end();
				copy.end();
			}
			var sha = HexFormat.of().formatHex(digest.digest());
			var errors = new ArrayList<>(intake.errors());
			var warnings = new ArrayList<>(intake.warnings());
			PartnerSheet partner = null;
			List<String> activities = List.of();
			List<String> erased = List.of();
			int stored = 0;
			if (errors.isEmpty() && intake.rows() == 0) {
				errors.add(new ImportMessage(null, null, null, "The sheet has a header but no rows"));
			}
			if (!intake.headerFailed()) {
				// The checks against stored data run under the write lock, so what they saw holds at the write.
				this.staging.analyze();
				this.staging.lockWrites();
				// after the lock, which a load may wait for: a revocation waits for the checks and writes alone
				if (this.keys.callersKeyRevoked()) {
					throw new SheetException(HttpStatus.FORBIDDEN,
							"Your key was revoked while the sheet was sent; nothing was stored");
				}
				// a partner's projects as of the lock, which a change of a project's partners waits for
				partner = caller.is(Role.PARTNER)
						? new PartnerSheet(this.partners.projects(caller), caller.organizations()) : null;
				warnings.addAll(this.checks.mergedOrganizations(partner));
				this.matches.match(partner);
				activities = this.matches.activities(ImportReport.ACTIVITIES);
				if (partner != null) {
					var kept = this.checks.keptAsCorrected(partner, intake.written());
					if (!kept.isEmpty()) {
						this.matches.startsSetAside();
					}
					warnings.addAll(kept);
				}
				errors.addAll(this.checks.check(partner, intake.written()));
				if (errors.isEmpty()) {
					// what the warnings of changes and the writes compare the rows with
					stored = this.matches.storedParticipations();
				}
				warnings.addAll(this.checks.warnings(partner, !errors.isEmpty(), intake.written()));
				if (partner != null) {
					warnings.addAll(this.checks.keptAsStored(partner));
				}
				erased = errors.isEmpty() ? List.of() : this.checks.erasedNamed();
			}
			if (!errors.isEmpty()) {
				status.setRollbackOnly();
				return new Outcome(intake.rows(), sha, warnings, errors, intake.errorsLeftOut(), activities, erased,
						null);
			}
			var written = this.writer.write(intake.rows(), stored, partner);
			var report = new ImportReport(id, dryRun ? ImportStatus.VALIDATED : ImportStatus.IMPORTED, dryRun,
					intake.rows(), written.created(), written.updated(), written.unchanged(),
					ImportMessage.listed(warnings, ImportReport.WARNINGS, "warnings"), List.of(), sha, importedBy, at,
					fileName, activities);
			if (dryRun) {
				status.setRollbackOnly();
			}
			else {
				// with the rows it stored: a load committed just before the service was killed had no entry (a
				// tester's)
				this.history.save(report, contentType, caller, List.of());
				audit(report);
			}
			return new Outcome(intake.rows(), sha, warnings, List.of(), 0, activities, List.of(), report);
		});
		var report = outcome.report();
		if (report == null) {
			var errors = new ArrayList<>(outcome.errors());
			errors.sort(Comparator.comparing(ImportMessage::row, Comparator.nullsFirst(Comparator.naturalOrder())));
			report = new ImportReport(id, ImportStatus.REJECTED, dryRun, outcome.rows(), ImportCounts.NONE,
					ImportCounts.NONE, ImportCounts.NONE,
					ImportMessage.listed(outcome.warnings(), ImportReport.WARNINGS, "warnings"),
					ImportMessage.listed(errors, outcome.errorsLeftOut(), ImportReport.ERRORS, "errors"),
					outcome.sha(), importedBy, at, fileName, outcome.activities());
		}
		if (report.status() != ImportStatus.IMPORTED) {
			var kept = report;
			this.transaction.executeWithoutResult(status -> {
				this.history.saveAfterLoad(kept, contentType, caller, outcome.erased());
				audit(kept);
			});
		}
		return report;
	}

	/** The audit log's entry of a load, in the transaction that records it in the history. */
	private void audit(ImportReport report) {
		this.audit.record("import", report.id() + " " + report.status() + (report.dryRun() ? " (dry run)" : "")
				+ ", " + report.rows() + " rows, SHA-256 " + report.fileSha256());
	}

	private void read(InputStream in, SheetFormat format, SheetSink sink) {
		if (format == SheetFormat.XLSX) {
			try {
				XlsxSheetReader.read(in.readAllBytes(), 20 * this.limits.maxBytes().toBytes(), this.limits.maxRows(),
						this.today.zone(), sink);
			}
			catch (IOException ex) {
				throw SheetException.unread(ex);
			}
		}
		else {
			CsvSheetReader.read(in, RecordBounds.most(this.limits.maxCellLength()), sink);
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
