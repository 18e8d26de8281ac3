package org.kvali.intake;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What happened to one sheet: returned by the import endpoint and kept for reading back through GraphQL. */
public record ImportReport(UUID id, ImportStatus status, boolean dryRun, int rows, ImportCounts created,
		ImportCounts updated, ImportCounts unchanged, List<ImportMessage> warnings, List<ImportMessage> errors,
		String fileSha256, String importedBy, OffsetDateTime importedAt) {
}
