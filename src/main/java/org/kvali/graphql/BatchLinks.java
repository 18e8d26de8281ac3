package org.kvali.graphql;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** Joins the parents of a batch-loaded field to the children loaded for all of them in one query. */
public final class BatchLinks {

	private BatchLinks() {
	}

	/** Each parent with the child its key names; parents without a key or a child are left out (null field). */
	public static <P, K, C> Map<P, C> byKey(Collection<P> parents, Function<P, K> key, Map<K, C> children) {
		Map<P, C> result = new HashMap<>();
		for (P parent : parents) {
			K k = key.apply(parent);
			if (k != null && children.containsKey(k)) {
				result.put(parent, children.get(k));
			}
		}
		return result;
	}

	/** Each parent with the list its key names, or an empty list. */
	public static <P, K, C> Map<P, List<C>> listsByKey(Collection<P> parents, Function<P, K> key,
			Map<K, List<C>> children) {
		Map<P, List<C>> result = new HashMap<>();
		for (P parent : parents) {
			result.put(parent, children.getOrDefault(key.apply(parent), List.of()));
		}
		return result;
	}

	/** The distinct non-null keys of the parents, to load their children with. */
	public static <P, K> List<K> keys(Collection<P> parents, Function<P, K> key) {
		return parents.stream().map(key).filter(Objects::nonNull).distinct().toList();
	}

}
