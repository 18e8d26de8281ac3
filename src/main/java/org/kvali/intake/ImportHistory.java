package org.kvali.intake;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;

import org.kvali.access.Caller;
import org.kvali.access.Role;
import org.kvali.participant.KeepsReferences;
import org.kvali.participant.ParticipantForgotten;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reports of every sheet loaded, checked or refused, newest first. A reader is null (ADMIN: every import), or
 * a partner reading those it sent and those sent for its organizations alone (not one sent by a key acting for
 * another organization too, which may concern that one's projects only).
 */
@Repository
class ImportHistory implements KeepsReferences {

	private static final String BY = "(CAST(:by AS text) IS NULL OR imported_by = :by "
			+ "OR cardinality(imported_for) > 0 AND imported_for <@ CAST(:for AS bigint[])) ";

	/** SQL: the messages of the report's list %s with the reference {@code :pattern} finds as "(erased)". */
	private static final String WITHOUT_REFERENCE = """
			(SELECT coalesce(jsonb_agg(
			            CASE WHEN m -> 'value' IS NULL THEN m
			                 ELSE jsonb_set(m, '{value}',
			                                to_jsonb(regexp_replace(m ->> 'value', :pattern, '(erased)', 'gi')))
			            END
			            || jsonb_build_object('message', regexp_replace(m ->> 'message', :pattern, '(erased)', 'gi'))
			            ORDER BY n), '[]')
			 FROM jsonb_array_elements(report -> '%s') WITH ORDINALITY AS x (m, n))""";

	/** SQL: the report {@code report} with {@link #WITHOUT_REFERENCE} in its warnings and errors. */
	private static final String WITHOUT = "report || jsonb_build_object('warnings', %s, 'errors', %s)".formatted(
			WITHOUT_REFERENCE.formatted("warnings"), WITHOUT_REFERENCE.formatted("errors"));

	/** The advisory lock of {@link #keepingReports}. */
	private static final long REPORTS_KEPT = 0x6b76616c69L;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ImportHistory(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Keeps the report of a sheet sent by {@code sender}: a partner's for its organizations; without the references of
	 * erased people it names ({@code erased}).
	 */
	void save(ImportReport report, String contentType, Caller sender, List<String> erased) {
		this.jdbc.sql("""
				INSERT INTO attendance_import (id, status, dry_run, file_sha256, content_type, imported_by, imported_for,
				                               imported_at, rows, report)
				VALUES (:id, :status, :dryRun, :sha, :contentType, :by, :for, :at, :rows, CAST(:report AS jsonb))""")
			.param("id", report.id())
			.param("status", report.status().name())
			.param("dryRun", report.dryRun())
			.param("sha", report.fileSha256())
			.param("contentType", contentType)
			.param("by", report.importedBy())
			.param("for", sender.is(Role.PARTNER) ? sender.organizations().toArray(Long[]::new) : new Long[0])
			.param("at", report.importedAt())
			.param("rows", report.rows())
			.param("report", withoutReferences(report, erased))
			.update();
	}

	/**
	 * Whether a kept report names it, in any case: a sheet's cell of participant references holding it, or a message's
	 * text naming it as a person ("Participant P-5 would be 4 at activity ...", in a birth year's column; "3
	 * participants (P-1, P-5 and ...)"; an erasure of someone named so alone was refused as of no one: a review's). Not
	 * any word of a message: an activity's or organization's code given to an erasure by mistake would be kept as
	 * erased, and taken out of every report's text.
	 */
	@Override
	public boolean names(String ref) {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM attendance_import i,
				               jsonb_array_elements(coalesce(i.report -> 'warnings', '[]')
				                                    || coalesce(i.report -> 'errors', '[]')) m
				               WHERE m ->> 'column' = :column AND lower(m ->> 'value') = lower(:ref)
				                  OR m ->> 'message' ~* :named)""")
			.param("column", Columns.PARTICIPANT_REF)
			.param("ref", ref)
			.param("named", "(Participant |(participants?|people|person) [^()]{0,60}\\([^)]*)" + pattern(List.of(ref)))
			.query(Boolean.class)
			.single();
	}

	/**
	 * Takes an erased person's reference out of the messages of every sheet's report, where the partner that sent it
	 * read it beside the sheet's activities (a tester's): "(erased)" stands in its place, in the value and the
	 * message, written in any case. Only values and messages are rewritten, so a reference that reads as a key of the
	 * report changes none.
	 */
	@EventListener
	void forgotten(ParticipantForgotten erasure) {
		keepingReports();
		this.jdbc.sql("UPDATE attendance_import SET report = " + WITHOUT + " WHERE CAST(report AS text) ~* :pattern")
			.param("pattern", pattern(List.of(erasure.ref())))
			.update();
	}

	/**
	 * Keeps a report that was not stored with its load (a dry run's, a refused sheet's), after the load's lock was let
	 * go, without the references erased since (an erasure committed in between rewrote every report but this one: a
	 * review's). It and erasures take turns ({@link #keepingReports}), so an erasure either committed before, and its
	 * reference is found here, or finds this report to rewrite. Of those erased since the day before the load alone:
	 * none most days, known by one look at the table.
	 */
	void saveAfterLoad(ImportReport report, String contentType, Caller sender, List<String> erased) {
		keepingReports();
		var since = this.jdbc.sql("""
				SELECT DISTINCT t FROM regexp_split_to_table(:text, '[^A-Za-z0-9._-]+') t
				WHERE EXISTS (SELECT 1 FROM erased_reference WHERE erased_on >= :day) AND t <> ''
				  AND EXISTS (SELECT 1 FROM erased_reference e
				              WHERE e.digest = sha256(convert_to(lower(t), 'UTF8')))""")
			.param("text", this.json.writeValueAsString(List.of(report.warnings(), report.errors())))
			.param("day", report.importedAt().toLocalDate().minusDays(1))
			.query(String.class)
			.list();
		save(report, contentType, sender, since.isEmpty() ? erased
				: Stream.concat(erased.stream(), since.stream()).distinct().toList());
	}

	/** The turn of an erasure's rewrite of the reports, or of a report kept after its load, until the commit. */
	private void keepingReports() {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", REPORTS_KEPT).query().singleRow();
	}

	/**
	 * The report as kept: a sheet sent again after an erasure is refused for naming the reference, which was taken
	 * out of the reports before; it is kept without it (nor any message naming it), as those are (a tester's read it
	 * there again). A refusal naming another organization's person is kept without the reference
	 * ({@link PartnerSheetChecks#kept}), nor in any other message.
	 */
	private String withoutReferences(ImportReport report, List<String> erased) {
		var refused = PartnerSheetChecks.othersRefused(report.errors());
		var kept = this.json.writeValueAsString(new ImportReport(report.id(), report.status(), report.dryRun(),
				report.rows(), report.created(), report.updated(), report.unchanged(),
				PartnerSheetChecks.kept(report.warnings(), refused), PartnerSheetChecks.kept(report.errors(), refused),
				report.fileSha256(),
				report.importedBy(), report.importedAt(), report.fileName(), report.activities()));
		if (erased.isEmpty()) {
			return kept;
		}
		return this.jdbc.sql("SELECT CAST(" + WITHOUT + " AS text) FROM (SELECT CAST(:report AS jsonb) AS report) r")
			.param("report", kept)
			.param("pattern", pattern(erased))
			.query(String.class)
			.single();
	}

	/** What finds any of the references in a text, in any case, as a whole word. */
	private static String pattern(List<String> refs) {
		if (refs.stream().anyMatch(String::isEmpty)) {
			// it would match between any two words of every message
			throw new IllegalArgumentException("An empty reference names no one");
		}
		return "(?<![A-Za-z0-9._-])(" + refs.stream()
			.map(ref -> ref.replaceAll("([\\\\^$.|?*+()\\[\\]{}-])", "\\\\$1"))
			.collect(Collectors.joining("|")) + ")(?![A-Za-z0-9._-])";
	}

	/** The import, when it exists and the reader may read it. */
	Optional<ImportReport> find(UUID id, Caller reader) {
		return this.jdbc.sql("SELECT report::text FROM attendance_import WHERE id = :id AND " + BY)
			.param("id", id)
			.params(readBy(reader))
			.query(String.class)
			.optional()
			.map(text -> this.json.readValue(text, ImportReport.class));
	}

	/**
	 * A page newest first, after the import with the given time and id when they are not null, of the imports the
	 * reader may read; without their warnings and errors ({@link #messages}), of which each may hold 11,000: a page
	 * of 100 read up to 400 MB, whatever fields the request asked for (a review's).
	 */
	List<ImportReport> page(OffsetDateTime afterAt, UUID afterId, int limit, Caller reader) {
		var where = afterAt == null ? "" : "AND (imported_at, id) < (:at, :id)";
		var query = this.jdbc.sql("SELECT (report - 'warnings' - 'errors')::text FROM attendance_import WHERE " + BY
				+ where + " ORDER BY imported_at DESC, id DESC LIMIT :limit")
			.param("limit", limit)
			.params(readBy(reader));
		if (afterAt != null) {
			query = query.param("at", afterAt).param("id", afterId);
		}
		return query.query(String.class).list().stream().map(text -> this.json.readValue(text, ImportReport.class)).toList();
	}

	/**
	 * Of {@code list} ("warnings" or "errors"), the first {@code first} messages of each import of the ids that the
	 * reader may read.
	 */
	Map<UUID, List<ImportMessage>> messages(Collection<UUID> ids, String list, int first, Caller reader) {
		var messages = new HashMap<UUID, List<ImportMessage>>();
		this.jdbc.sql("""
				SELECT id, coalesce((SELECT jsonb_agg(m.message ORDER BY m.n)
				                     FROM jsonb_array_elements(report -> :list) WITH ORDINALITY m(message, n)
				                     WHERE m.n <= :first), '[]')::text
				FROM attendance_import WHERE id = ANY(:ids) AND """ + BY)
			.param("list", list)
			.param("first", first)
			.param("ids", ids.toArray(UUID[]::new))
			.params(readBy(reader))
			.query((rs, row) -> messages.put(rs.getObject(1, UUID.class),
					List.of(this.json.readValue(rs.getString(2), ImportMessage[].class))))
			.list();
		return messages;
	}

	int count(Caller reader) {
		return this.jdbc.sql("SELECT count(*) FROM attendance_import WHERE " + BY)
			.params(readBy(reader))
			.query(Integer.class)
			.single();
	}

	private static Map<String, Object> readBy(Caller reader) {
		var parameters = new HashMap<String, Object>();
		parameters.put("by", reader == null ? null : reader.name());
		parameters.put("for", reader == null ? null : reader.organizations().toArray(Long[]::new));
		return parameters;
	}

}
