package org.kvali.sql;

import java.sql.Array;
import java.sql.SQLException;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What still names a row that a mutation would delete: a deletion is refused while anything does, telling what, so
 * that nothing is left pointing at nothing and a mistake is undone in the order it was made.
 */
public final class Holders {

	/** How many codes of one kind of holder are told. */
	private static final int NAMED = 3;

	private Holders() {
	}

	/**
	 * The holders of the row with this id and code, one phrase per kind ("2 projects it leads (P-1, P-2)", "14
	 * participations"), in order; empty when nothing names it. {@code holders} is a {@code UNION ALL} of one
	 * {@code SELECT} per kind, each giving its place in the telling, its description in the singular and in the
	 * plural, and a code naming each holder (null where holders have none to tell), binding {@code :id} and
	 * {@code :code}.
	 */
	public static List<String> of(JdbcClient jdbc, String holders, long id, String code) {
		return jdbc.sql("""
				SELECT count(*), CASE WHEN count(*) = 1 THEN one ELSE many END,
				       (array_agg(label ORDER BY label) FILTER (WHERE label IS NOT NULL))[1 : %d]
				FROM (%s) AS holder (place, one, many, label)
				GROUP BY place, one, many
				ORDER BY place""".formatted(NAMED, holders))
			.param("id", id)
			.param("code", code)
			.query((rs, row) -> phrase(rs.getLong(1), rs.getString(2), rs.getArray(3)))
			.list();
	}

	/** The phrases joined as a reader would: "a", "a and b", "a, b and c". */
	public static String joined(List<String> phrases) {
		int last = phrases.size() - 1;
		return last <= 0 ? String.join("", phrases)
				: String.join(", ", phrases.subList(0, last)) + " and " + phrases.get(last);
	}

	private static String phrase(long count, String what, Array labels) throws SQLException {
		var phrase = count + " " + what;
		if (labels == null) {
			return phrase;
		}
		var named = List.of((String[]) labels.getArray());
		return phrase + " (" + String.join(", ", named) + (count > named.size() ? " and " + (count - named.size())
				+ " more" : "") + ")";
	}

}
