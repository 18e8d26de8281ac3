package org.kvali.report;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The coarser value of each of a breakdown's finer values the index stores ({@link StoredCoarser}), read through the
 * finer values' places, which the five coarser values of an activity share: a map of its own for each of them, of a
 * project's 16,456 activities, took 103 of 1,726 samples of a donor's breakdown of them by gender, and looking each
 * activity up in each of the five maps 97 of 1,486. A finer value whose coarser one is not stored is not in the map.
 */
final class CoarserOf extends AbstractMap<Object, Object> {

	/** A finer value whose coarser one the index does not store. */
	static final Object NOT_STORED = new Object();

	private final Map<Object, Integer> places;

	private final Object[] coarse;

	/** The coarser value of the finer value at each place, or {@link #NOT_STORED}. */
	CoarserOf(Map<Object, Integer> places, Object[] coarse) {
		this.places = places;
		this.coarse = coarse;
	}

	/**
	 * The coarser value of each of these finer values in the map, or {@code otherwise}. In a {@link CoarserOf}, the
	 * finer values' places are looked up once for all the maps that share them ({@code read}, by their places).
	 */
	static Object[] of(Map<Object, Object> coarserOf, Object[] finer, Object otherwise,
			Map<Map<Object, Integer>, Places> read) {
		var coarse = new Object[finer.length];
		if (coarserOf instanceof CoarserOf stored) {
			var places = read.get(stored.places);
			if (places == null || places.finer() != finer) {
				places = new Places(finer, new int[finer.length]);
				for (int n = 0; n < finer.length; n++) {
					places.places()[n] = stored.places.getOrDefault(finer[n], -1);
				}
				read.put(stored.places, places);
			}
			for (int n = 0; n < finer.length; n++) {
				int place = places.places()[n];
				var value = place < 0 ? NOT_STORED : stored.coarse[place];
				coarse[n] = value == NOT_STORED ? otherwise : value;
			}
		}
		else {
			for (int n = 0; n < finer.length; n++) {
				coarse[n] = coarserOf.getOrDefault(finer[n], otherwise);
			}
		}
		return coarse;
	}

	/** The places of these finer values (-1 where a map has none). */
	record Places(Object[] finer, int[] places) {
	}

	@Override
	public Object getOrDefault(Object finer, Object otherwise) {
		var place = this.places.get(finer);
		return place == null || this.coarse[place] == NOT_STORED ? otherwise : this.coarse[place];
	}

	@Override
	public Object get(Object finer) {
		return getOrDefault(finer, null);
	}

	@Override
	public boolean containsKey(Object finer) {
		return getOrDefault(finer, NOT_STORED) != NOT_STORED;
	}

	/** Made anew at each call, as size, equals and hashCode read it: the weighing reads the map by its keys alone. */
	@Override
	public Set<Entry<Object, Object>> entrySet() {
		var entries = new LinkedHashMap<Object, Object>();
		this.places.forEach((finer, place) -> {
			if (this.coarse[place] != NOT_STORED) {
				entries.put(finer, this.coarse[place]);
			}
		});
		return Collections.unmodifiableMap(entries).entrySet();
	}

}
