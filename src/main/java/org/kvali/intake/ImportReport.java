package org.kvali.intake;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What happened to one sheet: returned by the import endpoint and kept for reading back through GraphQL; with the
 * file's name as the sender gave it and the first {@link #ACTIVITIES} activities it names, so that a history of many
 * sheets tells which was which (both null in reports kept before they were).
 */
public record ImportReport(UUID id, ImportStatus status, boolean dryRun, int rows, ImportCounts created,
		ImportCounts updated, ImportCounts unchanged, List<ImportMessage> warnings, List<ImportMessage> errors,
		String fileSha256, String importedBy, OffsetDateTime importedAt, String fileName, List<String> activities) {

	/** The most activities a report names. */
	static final int ACTIVITIES = 100;

	/** The most warnings a report lists, then how many more there are. */
	static final int WARNINGS = 1_000;

	/** The most errors a report lists, then how many more there are. */
	static final int ERRORS = 10_000;

}
