package org.kvali.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Set;

/**
 * The organizations each person was known to beyond their current participations, as of the index's data version:
 * those that ran an activity they were removed from, or ran one of theirs before it changed hands (changeset 074).
 * Kept for the persons who have any alone (removals and hand-overs are few beside the participations), by person
 * number, with each distinct set of organizations (database ids) once.
 */
record FormerOrganizers(int[] persons, int[] setOf, long[][] sets) {

	/** From column {@code f} of the persons read ({@link FactIndexLoader#PERSONS}), arrays as PostgreSQL writes them. */
	static FormerOrganizers of(SourceTable persons, int f) {
		var sets = new ArrayList<long[]>();
		var column = persons.column(f, 0, -1, text -> {
			var ids = text.substring(1, text.length() - 1);
			if (ids.isEmpty()) {
				return -1;
			}
			sets.add(Arrays.stream(ids.split(",")).mapToLong(Long::parseLong).toArray());
			return sets.size() - 1;
		});
		int count = (int) Arrays.stream(column).filter(set -> set >= 0).count();
		var numbers = new int[count];
		var setOf = new int[count];
		for (int p = 0, i = 0; p < column.length; p++) {
			if (column[p] >= 0) {
				numbers[i] = p;
				setOf[i++] = column[p];
			}
		}
		return new FormerOrganizers(numbers, setOf, sets.toArray(long[][]::new));
	}

	/** Sets the bit of each person one of these organizations was known to before ({@link FactIndex#knownTo}). */
	void mark(Set<Long> organizations, long[] known) {
		var theirs = new boolean[this.sets.length];
		boolean any = false;
		for (int s = 0; s < this.sets.length; s++) {
			theirs[s] = Arrays.stream(this.sets[s]).anyMatch(organizations::contains);
			any |= theirs[s];
		}
		for (int i = 0; any && i < this.persons.length; i++) {
			if (theirs[this.setOf[i]]) {
				int p = this.persons[i];
				known[p >>> 6] |= 1L << p;
			}
		}
	}

}
