package org.kvali.report;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The coarser value of each finer one where the index stores both for each activity or each organization alike (an
 * activity's project, organizer, kind, venue municipality or month, a project's programme, an organization's kind),
 * read from its columns without a scan: a breakdown by both would count a group for each pair, as many as activities
 * times organizers where its dense counters are sized by both. A finer value the index holds under two coarser ones
 * is not known.
 */
final class StoredCoarser {

	/** No activity or organization has the finer value. */
	private static final int NONE = -1;

	/** Two have it, of different coarser values. */
	private static final int TWO = -2;

	private final Dimension coarser;

	private final Dictionary fine;

	/** The coarser id of each finer id, or {@link #NONE} or {@link #TWO}. */
	private final int[] coarseOf;

	private final IndexQuery query;

	private final Grouping grouping;

	/** The coarser values by id, each made once. */
	private final Map<Integer, Object> values = new HashMap<>();

	private StoredCoarser(FactIndex index, Grouping grouping, Dimension finer, Dimension coarser) {
		this.coarser = coarser;
		this.fine = index.dictionaries.get(finer);
		this.query = new IndexQuery(index, ParticipationFilter.ALL);
		this.grouping = grouping;
		var fineIds = index.attributes.get(finer);
		var coarseIds = index.attributes.get(coarser);
		this.coarseOf = new int[this.fine.size()];
		Arrays.fill(this.coarseOf, NONE);
		for (int i = 0; i < fineIds.length; i++) {
			int known = this.coarseOf[fineIds[i]];
			this.coarseOf[fineIds[i]] = known == NONE || known == coarseIds[i] ? coarseIds[i] : TWO;
		}
	}

	/**
	 * The coarser values of a finer dimension of text the index stores for the same things as the coarser one, or
	 * null where it does not.
	 */
	static StoredCoarser of(FactIndex index, Grouping grouping, Dimension finer, Dimension coarser) {
		var fine = index.attributes.get(finer);
		var coarse = index.attributes.get(coarser);
		return finer.isText() && index.dictionaries.containsKey(finer) && fine != null && coarse != null
				&& fine.length == coarse.length ? new StoredCoarser(index, grouping, finer, coarser) : null;
	}

	/** Whether the finer value (as groups are keyed by it) lies in one coarser value the index knows. */
	boolean knows(Object finer) {
		return coarseId(finer) >= 0;
	}

	/** The coarser value of a finer one it {@link #knows}, as groups are keyed by it. */
	Object coarser(Object finer) {
		return this.values.computeIfAbsent(coarseId(finer), id -> GroupBuilder
			.key(this.query.values(List.of(this.coarser), this.grouping, new int[] { id }), List.of(this.coarser))
			.get(0));
	}

	/** The coarser value of each of these finer ones it knows. */
	Map<Object, Object> of(Collection<?> finer) {
		var of = new HashMap<Object, Object>();
		for (var value : finer) {
			if (knows(value)) {
				of.put(value, coarser(value));
			}
		}
		return of;
	}

	private int coarseId(Object finer) {
		int id = finer == null ? this.fine.unknown() : this.fine.find(finer.toString());
		return id < 0 ? NONE : this.coarseOf[id];
	}

}
