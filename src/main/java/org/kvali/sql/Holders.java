package org.kvali.sql;

import java.sql.Array;
import java.sql.SQLException;
import java.util.List;

import org.kvali.graphql.Text;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What still names a row that a mutation would delete: a deletion is refused while anything does, telling what, so
 * that nothing is left pointing at nothing and a mistake is undone in the order it was made.
 */
public final class Holders {

	/** How many codes of one kind of holder are told. */
	private static final int NAMED = 3;

	/** The remedy for indicators whose filters name a row. */
	public static final String INDICATORS = "change those indicators' filters (updateIndicator) or delete them"
			+ " (deleteIndicator)";

	private Holders() {
	}

	/**
	 * SQL: one kind of holder ({@link #of}), at {@code place}: the indicators whose filter or denominator's filter
	 * names {@code :code} in one of the lists {@code keys} (changeset 015's filters, as the report feature reads them).
	 */
	public static String namingFilters(int place, String... keys) {
		var lists = new StringBuilder();
		for (var key : keys) {
			lists.append(lists.isEmpty() ? "" : ", ").append("i.filter -> '").append(key).append("', i.denominator_filter -> '")
				.append(key).append("'");
		}
		return """
				SELECT %d, 'indicator whose filter names it', 'indicators whose filters name it', i.code FROM indicator i
				WHERE EXISTS (SELECT 1 FROM unnest(ARRAY[%s]) AS codes WHERE codes @> to_jsonb(CAST(:code AS text)))"""
			.formatted(place, lists);
	}

	/** One kind of holder: its place in the telling, and the phrase that tells it. */
	public record Held(int place, String phrase) {
	}

	/**
	 * The holders of the row with this id and code, one per kind ("2 projects it leads (P-1, P-2)", "14
	 * participations", "3 values reported for it (OUT-1)"), in order; empty when nothing names it. {@code holders} is
	 * a {@code UNION ALL} of one {@code SELECT} per kind, each giving its place in the telling, its description in the
	 * singular and in the plural, and the code naming each holder (null where holders have none to tell; several may
	 * name one), binding {@code :id} and {@code :code}.
	 */
	public static List<Held> of(JdbcClient jdbc, String holders, long id, String code) {
		return jdbc.sql("""
				SELECT place, count(*), CASE WHEN count(*) = 1 THEN one ELSE many END,
				       (array_agg(DISTINCT label ORDER BY label) FILTER (WHERE label IS NOT NULL))[1 : %d],
				       count(DISTINCT label)
				FROM (%s) AS holder (place, one, many, label)
				GROUP BY place, one, many
				ORDER BY place""".formatted(NAMED, holders))
			.param("id", id)
			.param("code", code)
			.query((rs, row) -> new Held(rs.getInt(1), phrase(rs.getLong(2), rs.getString(3), rs.getArray(4),
					rs.getInt(5))))
			.list();
	}

	/** What to do about them: {@code remedies[place - 1]} for each kind among them, each remedy told once. */
	public static String remedies(List<Held> held, String... remedies) {
		return joined(held.stream().map(kind -> remedies[kind.place() - 1]).distinct().toList());
	}

	/** Why a row cannot go yet: "Activity X still has 14 participations: remove them first, then the activity". */
	public static String refusal(String row, List<Held> held, String remedy) {
		return row + " still has " + told(held) + ": " + remedy;
	}

	/** The holders' phrases joined as a reader would. */
	public static String told(List<Held> held) {
		return joined(held.stream().map(Held::phrase).toList());
	}

	/** The phrases joined as a reader would: "a", "a and b", "a, b and c". */
	public static String joined(List<String> phrases) {
		int last = phrases.size() - 1;
		return last <= 0 ? String.join("", phrases)
				: String.join(", ", phrases.subList(0, last)) + " and " + phrases.get(last);
	}

	private static String phrase(long count, String what, Array labels, int distinct) throws SQLException {
		var phrase = count + " " + what;
		if (labels == null) {
			return phrase;
		}
		var named = List.of((String[]) labels.getArray());
		return phrase + " (" + Text.someOf(named, distinct) + ")";
	}

}
