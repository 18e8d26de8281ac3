package org.kvali.graphql;

import java.util.List;
import java.util.function.Function;

/** A page of a Relay connection, built from one row more than asked for so that `hasNextPage` costs no query. */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, int totalCount) {

	public record Edge<T>(String cursor, T node) {
	}

	public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
	}

	public static <T> Connection<T> of(List<T> rowsPlusOne, Page page, Function<T, List<String>> cursorKey,
			int totalCount) {
		var rows = rowsPlusOne.size() > page.first() ? rowsPlusOne.subList(0, page.first()) : rowsPlusOne;
		var edges = rows.stream().map(row -> new Edge<>(Cursor.encode(cursorKey.apply(row)), row)).toList();
		var pageInfo = new PageInfo(rowsPlusOne.size() > page.first(), page.after() != null,
				edges.isEmpty() ? null : edges.get(0).cursor(),
				edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
		return new Connection<>(edges, pageInfo, totalCount);
	}

}
