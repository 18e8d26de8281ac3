package org.kvali.intake;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reports of every sheet loaded, checked or refused, newest first. */
@Repository
class ImportHistory {

	/** Imports of one caller, or of anyone when the parameter is null. */
	private static final String BY = "(CAST(:by AS text) IS NULL OR imported_by = :by) ";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ImportHistory(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void save(ImportReport report, String contentType) {
		this.jdbc.sql("""
				INSERT INTO attendance_import (id, status, dry_run, file_sha256, content_type, imported_by, imported_at,
				                               rows, report)
				VALUES (:id, :status, :dryRun, :sha, :contentType, :by, :at, :rows, CAST(:report AS jsonb))""")
			.param("id", report.id())
			.param("status", report.status().name())
			.param("dryRun", report.dryRun())
			.param("sha", report.fileSha256())
			.param("contentType", contentType)
			.param("by", report.importedBy())
			.param("at", report.importedAt())
			.param("rows", report.rows())
			.param("report", this.json.writeValueAsString(report))
			.update();
	}

	/** The import, when it exists and was made by {@code importedBy} (by anyone when that is null). */
	Optional<ImportReport> find(UUID id, String importedBy) {
		return this.jdbc.sql("SELECT report::text FROM attendance_import WHERE id = :id AND " + BY)
			.param("id", id)
			.param("by", importedBy)
			.query(String.class)
			.optional()
			.map(text -> this.json.readValue(text, ImportReport.class));
	}

	/**
	 * A page newest first, after the import with the given time and id when they are not null, of the imports made
	 * by {@code importedBy} (by anyone when that is null).
	 */
	List<ImportReport> page(OffsetDateTime afterAt, UUID afterId, int limit, String importedBy) {
		var where = afterAt == null ? "" : "AND (imported_at, id) < (:at, :id)";
		var query = this.jdbc.sql("SELECT report::text FROM attendance_import WHERE " + BY + where
				+ " ORDER BY imported_at DESC, id DESC LIMIT :limit").param("limit", limit).param("by", importedBy);
		if (afterAt != null) {
			query = query.param("at", afterAt).param("id", afterId);
		}
		return query.query(String.class).list().stream().map(text -> this.json.readValue(text, ImportReport.class)).toList();
	}

	int count(String importedBy) {
		return this.jdbc.sql("SELECT count(*) FROM attendance_import WHERE " + BY)
			.param("by", importedBy)
			.query(Integer.class)
			.single();
	}

}
