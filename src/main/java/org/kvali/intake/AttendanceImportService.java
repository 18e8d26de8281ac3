package org.kvali.intake;

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

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads an attendance sheet all or nothing. Every row is checked and every error reported; only a sheet without
 * errors is written, in one transaction with its report. A dry run writes it the same way and rolls back, so its
 * counts are exactly what a real load would do.
 */
@Service
public class AttendanceImportService {

	private final ImportLimits limits;

	private final IntakeLookups lookups;

	private final AttendanceWriter writer;

	private final ImportHistory history;

	private final TransactionTemplate transaction;

	AttendanceImportService(ImportLimits limits, IntakeLookups lookups, AttendanceWriter writer,
			ImportHistory history, TransactionTemplate transaction) {
		this.limits = limits;
		this.lookups = lookups;
		this.writer = writer;
		this.history = history;
		this.transaction = transaction;
	}

	ImportReport load(byte[] body, SheetFormat format, String contentType, boolean dryRun, String importedBy) {
		var sheet = format == SheetFormat.XLSX ? XlsxSheetReader.read(body, this.limits.maxRows(), 20 * this.limits.maxBytes())
				: CsvSheetReader.read(body, this.limits.maxRows());
		var sha = sha256(body);
		var at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
		var id = UUID.randomUUID();
		var warnings = new ArrayList<ImportMessage>();
		var errors = new ArrayList<ImportMessage>();
		headerMessages(sheet.header(), warnings, errors);
		if (errors.isEmpty() && sheet.rows().isEmpty()) {
			errors.add(new ImportMessage(null, null, null, "The sheet has a header but no rows"));
		}
		if (!errors.isEmpty()) {
			return rejected(id, dryRun, sheet, warnings, errors, sha, importedBy, at, contentType);
		}
		var checked = new ArrayList<AttendanceRow>(sheet.rows().size());
		for (var row : sheet.rows()) {
			checked.add(RowChecker.check(row, this.limits.maxCellLength(), errors));
		}
		// The checks against stored data run under the activities' locks, so what they saw still holds at the write.
		var report = this.transaction.execute(status -> {
			this.writer.lock(checked);
			var rows = new SheetCheck(this.lookups, errors).check(checked);
			if (!errors.isEmpty()) {
				status.setRollbackOnly();
				return null;
			}
			var outcome = this.writer.write(rows);
			var stored = report(id, dryRun ? ImportStatus.VALIDATED : ImportStatus.IMPORTED, dryRun, rows.size(),
					outcome, warnings, List.of(), sha, importedBy, at);
			if (dryRun) {
				status.setRollbackOnly();
			}
			else {
				this.history.save(stored, contentType);
			}
			return stored;
		});
		if (report == null) {
			errors.sort(Comparator.comparing(ImportMessage::row, Comparator.nullsFirst(Comparator.naturalOrder())));
			return rejected(id, dryRun, sheet, warnings, errors, sha, importedBy, at, contentType);
		}
		if (dryRun) {
			this.transaction.executeWithoutResult(status -> this.history.save(report, contentType));
		}
		return report;
	}

	private ImportReport rejected(UUID id, boolean dryRun, Sheet sheet, List<ImportMessage> warnings,
			List<ImportMessage> errors, String sha, String importedBy, OffsetDateTime at, String contentType) {
		var report = new ImportReport(id, ImportStatus.REJECTED, dryRun, sheet.rows().size(), ImportCounts.NONE,
				ImportCounts.NONE, ImportCounts.NONE, List.copyOf(warnings), List.copyOf(errors), sha, importedBy, at);
		this.transaction.executeWithoutResult(status -> this.history.save(report, contentType));
		return report;
	}

	private static ImportReport report(UUID id, ImportStatus status, boolean dryRun, int rows,
			AttendanceWriter.Outcome outcome, List<ImportMessage> warnings, List<ImportMessage> errors, String sha,
			String importedBy, OffsetDateTime at) {
		return new ImportReport(id, status, dryRun, rows, outcome.created(), outcome.updated(), outcome.unchanged(),
				List.copyOf(warnings), errors, sha, importedBy, at);
	}

	private static void headerMessages(List<String> header, List<ImportMessage> warnings,
			List<ImportMessage> errors) {
		for (var required : Columns.REQUIRED) {
			if (!header.contains(required)) {
				errors.add(new ImportMessage(1, required, null, "The required column " + required + " is missing"));
			}
		}
		var seen = new ArrayList<String>();
		for (var column : header) {
			if (seen.contains(column)) {
				errors.add(new ImportMessage(1, column, null, "The column " + column + " appears twice"));
			}
			else if (!Columns.ALL.contains(column)) {
				warnings.add(new ImportMessage(1, column, null, "unknown column, ignored"));
			}
			seen.add(column);
		}
	}

	private static String sha256(byte[] body) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
