package org.kvali.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the notes in {@code fact_change} (changesets 026 to 030, 040, 046, 064 and 065) say changed since a report
 * index was built, and the queries that read only the rows they name: inserted rows by their ranges of ids, corrected
 * participants, activities, participations and organizations by the ids corrected (or their ranges), merged; deleted
 * participations, participants, activities and organizations by their ids.
 */
final class ChangeNotes {

	/**
	 * The tables the loader's four queries read, whose rows inserted (changeset 026), corrected (027, 028, 030) and
	 * deleted (040, 046, 064; 065: up to 100,000 a statement) are noted with ids and read alone. A note of another
	 * table's change has the index read everything: only these tables' rows are caught up with.
	 */
	private static final Set<String> READ = Set.of("activity", "participant", "participation", "organization");

	/**
	 * What changed since an index: rows inserted per table, per table whose rows were corrected the most rows a
	 * catch-up reads again for it (the ids noted, or the span of a range; overlaps counted twice), and rows deleted
	 * per table.
	 */
	record Changes(Map<String, Long> inserted, Map<String, Long> corrected, Map<String, Long> deleted) {

		boolean none() {
			return this.inserted.isEmpty() && this.corrected.isEmpty() && this.deleted.isEmpty();
		}

	}

	/**
	 * A row deleted since: its id, for a participation its person's and activity's ids, and whether it was inserted
	 * since too (then no index before had it).
	 */
	record Deleted(long id, long person, long activity, boolean insertedSince) {
	}

	private ChangeNotes() {
	}

	/**
	 * How many rows each table gained after change note {@code since}, and which tables had rows corrected; null when
	 * anything else happened (a note without ids), or the notes are not those the previous index saw (the note it saw
	 * last is gone, or the last note now is older: the notes were deleted, or the database restored), which would hide
	 * changes.
	 */
	static Changes since(Connection connection, long since, long lastChange) throws SQLException {
		if (lastChange < since) {
			return null;
		}
		var changes = new Changes(new HashMap<>(), new HashMap<>(), new HashMap<>());
		try (var statement = connection.prepareStatement("""
				SELECT id, table_name, inserted, updated, coalesce(cardinality(ids), last_id - first_id + 1), deleted
				FROM fact_change WHERE id >= ? ORDER BY id""")) {
			statement.setLong(1, since);
			try (var notes = statement.executeQuery()) {
				boolean sawSince = since == 0;
				boolean first = true;
				while (notes.next()) {
					long id = notes.getLong(1);
					// an index that saw no note saw them all only while none was deleted (changeset 042): the first
					// there is must be the first ever noted
					if (since == 0 && first && id != 1) {
						return null;
					}
					first = false;
					if (id == since) {
						sawSince = true;
						continue;
					}
					var table = notes.getString(2);
					boolean insert = notes.getObject(3) != null;
					boolean correction = notes.getObject(4) != null;
					boolean deletion = notes.getObject(6) != null;
					if (!sawSince || !READ.contains(table) || !insert && !correction && !deletion) {
						return null;
					}
					if (insert) {
						changes.inserted().merge(table, notes.getLong(3), Long::sum);
					}
					else if (correction) {
						changes.corrected().merge(table, notes.getLong(5), Long::sum);
					}
					else {
						changes.deleted().merge(table, notes.getLong(6), Long::sum);
					}
				}
				if (!sawSince) {
					return null;
				}
			}
		}
		return changes;
	}

	/**
	 * Whether every note after {@code since} names the ids it changed in a table the index reads, and note
	 * {@code since} is still there (not pruned), so that a load would build on an index.
	 */
	static boolean allWithIds(JdbcClient jdbc, long since) {
		return jdbc.sql("""
				SELECT coalesce(bool_and(first_id IS NOT NULL AND table_name = ANY (:read)), true)
				       AND CASE WHEN :since = 0 THEN coalesce((SELECT min(id) FROM fact_change), 1) = 1
				                ELSE EXISTS (SELECT 1 FROM fact_change WHERE id = :since) END
				FROM fact_change WHERE id > :since""")
			.param("since", since)
			.param("read", READ.toArray(String[]::new))
			.query(Boolean.class)
			.single();
	}

	/**
	 * The rows of {@code query} (one of the loader's four, which have no WHERE clause) inserted after change note
	 * {@code kvali.index_since}: those whose {@code id} lies in a range of inserted ids noted for {@code table} since.
	 * Joined from the notes, so that each range is an index scan; an EXISTS over the notes made PostgreSQL scan all 10
	 * million participations.
	 */
	static String inserted(String query, String id, String table) {
		return """
				SELECT q.* FROM fact_change c CROSS JOIN LATERAL (%s
				WHERE %s BETWEEN c.first_id AND c.last_id) q
				WHERE c.id > CAST(current_setting('kvali.index_since') AS bigint) AND c.table_name = '%s'
				  AND c.inserted IS NOT NULL"""
			.formatted(query, id, table);
	}

	/**
	 * The rows of {@code query} corrected in {@code table} after change note {@code kvali.index_since}: the ids a note
	 * names (changesets 030 and 065, for up to 100,000 rows), or else the range from its first to its last id, the
	 * unchanged rows between them too. All merged first: corrections of the same rows in several statements (each load
	 * of a sheet, say) read each row once, and neighbouring ids are read as one range. Rows inserted since are left
	 * out: they are read with the other new rows, as they are now.
	 */
	static String corrected(String query, String id, String table) {
		return """
				SELECT q.* FROM (SELECT unnest(range_agg(n.ids) FILTER (WHERE n.corrected)
				                               - coalesce(range_agg(n.ids) FILTER (WHERE NOT n.corrected), '{}')) AS ids
				                 FROM (SELECT int8range(coalesce(x.id, f.first_id), coalesce(x.id, f.last_id), '[]') AS ids,
				                              f.updated IS NOT NULL AS corrected
				                       FROM fact_change f LEFT JOIN LATERAL unnest(f.ids) AS x(id) ON true
				                       WHERE f.id > CAST(current_setting('kvali.index_since') AS bigint)
				                         AND f.table_name = '%s' AND f.first_id IS NOT NULL AND f.deleted IS NULL) n) c
				CROSS JOIN LATERAL (%s
				WHERE %s >= lower(c.ids) AND %s < upper(c.ids)) q"""
			.formatted(table, query, id, id);
	}

	/**
	 * The rows of {@code table} deleted after change note {@code kvali.index_since} (changesets 040, 046 and 064), in
	 * the order deleted.
	 */
	static List<Deleted> deleted(Connection connection, String table) throws SQLException {
		var deleted = new ArrayList<Deleted>();
		try (var statement = connection.prepareStatement("""
				SELECT d.id, coalesce(d.person, 0), coalesce(d.activity, 0),
				       EXISTS (SELECT 1 FROM fact_change i
				               WHERE i.id > CAST(current_setting('kvali.index_since') AS bigint) AND i.table_name = f.table_name
				                 AND i.inserted IS NOT NULL AND d.id BETWEEN i.first_id AND i.last_id)
				FROM fact_change f CROSS JOIN LATERAL unnest(f.ids, f.deleted_people, f.deleted_activities)
				     WITH ORDINALITY AS d(id, person, activity, n)
				WHERE f.id > CAST(current_setting('kvali.index_since') AS bigint) AND f.table_name = ?
				  AND f.deleted IS NOT NULL
				ORDER BY f.id, d.n""")) {
			statement.setString(1, table);
			try (var rows = statement.executeQuery()) {
				while (rows.next()) {
					deleted.add(new Deleted(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getBoolean(4)));
				}
			}
		}
		return deleted;
	}

}
