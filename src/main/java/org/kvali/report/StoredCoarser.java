package org.kvali.report;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The coarser value of each finer one where the index stores both for each activity or each organization alike (an
 * activity's project, organizer, kind, venue municipality or month, a project's programme, an organization's kind),
 * read from its columns without a scan: a breakdown by both would count a group for each pair, as many as activities
 * times organizers where its dense counters are sized by both. Activities deleted since the index was first read are
 * left out; a finer value held under two coarser ones (an organization deleted and made again of another kind) is
 * not known. Read once for an index, which never changes.
 */
final class StoredCoarser {

	/** No activity or organization has the finer value. */
	private static final int NONE = -1;

	/** Two have it, of different coarser values. */
	private static final int TWO = -2;

	private final Dictionary fine;

	/** The coarser id of each finer id, or {@link #NONE} or {@link #TWO}. */
	private final int[] coarseOf;

	/** The coarser values by id, as groups are keyed by them. */
	private final Object[] values;

	private StoredCoarser(FactIndex index, Dimension finer, Dimension coarser) {
		this.fine = index.dictionaries.get(finer);
		var fineIds = index.attributes.get(finer);
		var coarseIds = index.attributes.get(coarser);
		boolean activities = Level.of(finer) == Level.ACTIVITY;
		this.coarseOf = new int[this.fine.size()];
		Arrays.fill(this.coarseOf, NONE);
		var query = new IndexQuery(index, ParticipationFilter.ALL);
		this.values = new Object[Arrays.stream(coarseIds).max().orElse(-1) + 1];
		var read = new boolean[this.values.length];
		for (int i = 0; i < fineIds.length; i++) {
			if (activities && index.activityDeleted(i)) {
				continue;
			}
			int known = this.coarseOf[fineIds[i]];
			this.coarseOf[fineIds[i]] = known == NONE || known == coarseIds[i] ? coarseIds[i] : TWO;
			if (!read[coarseIds[i]]) {
				// a month's key is the calendar's whatever the years' start, and the others have none
				this.values[coarseIds[i]] = GroupBuilder
					.key(query.values(List.of(coarser), Grouping.CALENDAR, new int[] { coarseIds[i] }), List.of(coarser))
					.get(0);
				read[coarseIds[i]] = true;
			}
		}
	}

	/**
	 * The coarser values of a finer dimension of text the index stores for the same things as the coarser one, not a
	 * year or quarter (whose keys the breakdown's years move), or null where there are none.
	 */
	static StoredCoarser read(FactIndex index, Dimension finer, Dimension coarser) {
		var fine = index.attributes.get(finer);
		var coarse = index.attributes.get(coarser);
		return finer.isText() && index.dictionaries.containsKey(finer) && fine != null && coarse != null
				&& Level.of(finer) == Level.of(coarser) && coarser != Dimension.YEAR
				&& coarser != Dimension.QUARTER ? new StoredCoarser(index, finer, coarser) : null;
	}

	/** Whether the finer value (as groups are keyed by it) lies in one coarser value the index knows. */
	boolean knows(Object finer) {
		return coarseId(finer) >= 0;
	}

	/** The coarser value of a finer one it {@link #knows}, as groups are keyed by it; null for one it does not. */
	Object coarser(Object finer) {
		int id = coarseId(finer);
		return id < 0 ? null : this.values[id];
	}

	/**
	 * The coarser value of each of these finer ones the index has, or null where one lies in two (the groups by both
	 * tell which), read through the finer values' places ({@link CoarserOf}).
	 */
	Map<Object, Object> of(Finer finer) {
		if (finer.dictionary() != this.fine) {
			throw new IllegalArgumentException("The finer values were read by another dimension's dictionary");
		}
		var coarse = new Object[finer.ids().length];
		for (int n = 0; n < coarse.length; n++) {
			int id = finer.ids()[n] < 0 ? NONE : this.coarseOf[finer.ids()[n]];
			if (id == TWO) {
				return null;
			}
			coarse[n] = id >= 0 ? this.values[id] : CoarserOf.NOT_STORED;
		}
		return new CoarserOf(finer.places(), coarse);
	}

	/**
	 * The distinct values of the finer dimension these groups have, with their ids, read once for all the coarser
	 * dimensions it lies in: read for each of the five an activity lies in (each value looked up in a map of every
	 * activity's code five times), they took an eighth of the samples of a donor's breakdown of a project's 16,000
	 * activities by gender.
	 */
	Finer finer(Dimension finer, List<ParticipationGroup> groups) {
		var met = new FirstMet();
		for (var group : groups) {
			met.number(group.value(finer));
		}
		var ids = new int[met.values().size()];
		for (int n = 0; n < ids.length; n++) {
			ids[n] = fineId(met.values().get(n));
		}
		return new Finer(this.fine, ids, met.numbers());
	}

	/** Distinct values of a finer dimension: their ids in its dictionary (-1 where none), by their places. */
	record Finer(Dictionary dictionary, int[] ids, Map<Object, Integer> places) {
	}

	private int coarseId(Object finer) {
		int id = fineId(finer);
		return id < 0 ? NONE : this.coarseOf[id];
	}

	/** The id of a finer value as groups are keyed by it, -1 where the index has none. */
	private int fineId(Object finer) {
		return finer == null ? this.fine.unknown() : this.fine.find(finer.toString());
	}

}
