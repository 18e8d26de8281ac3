package org.kvali.report;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The persons known to each set of organizations lately asked, over one index's rows: a partner's answer counts its
 * strangers in a scan for its groups and one for each line, each of which would read its activities' rows again. Kept
 * by the organizations alone, so asked only with an index of those rows: its own, or one of a later version that
 * shares them ({@link FactIndex#at}).
 */
final class KnownPersons {

	/** The most sets of organizations kept (a partner's bits are a bit per person). */
	private static final int KEPT = 32;

	/** Whom each person was known to beyond their current participations. */
	private final FormerOrganizers former;

	private final Map<Set<Long>, long[]> known = new ConcurrentHashMap<>();

	KnownPersons(FormerOrganizers former) {
		this.former = former;
	}

	/**
	 * The persons who took part, in any role, in an activity one of these organizations runs, or were known to them
	 * before ({@link FormerOrganizers}), as bits by person number: those a filter of strangers to them leaves out
	 * ({@link ParticipationFilter#strangersTo}). Read from those activities' rows and the persons with former
	 * organizers alone.
	 */
	long[] to(Set<Long> organizations, FactIndex index) {
		if (this.known.size() > KEPT) {
			this.known.clear();
		}
		return this.known.computeIfAbsent(Set.copyOf(organizations), asked -> read(asked, index));
	}

	private long[] read(Set<Long> organizations, FactIndex index) {
		var run = index.organizers.runBy(organizations);
		var known = new long[(index.persons + 63) >>> 6];
		for (int a = 0; a < index.activities; a++) {
			if (run[a]) {
				for (int r = index.activityStart[a]; r < index.activityStart[a + 1]; r++) {
					int p = index.person[index.activityRows[r]];
					known[p >>> 6] |= 1L << p;
				}
			}
		}
		this.former.mark(organizations, known);
		return known;
	}

}
