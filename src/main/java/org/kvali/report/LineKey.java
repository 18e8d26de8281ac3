package org.kvali.report;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A line of a breakdown weighed ({@link SmallCells}) as the places of its groups among the breakdown's, in order, and
 * the participants it is told with: two lines of these alike are one. Places, not the groups: a group's hash reads its
 * 23 fields, and a set of them for each line took a fifth of a breakdown of 14,000 activities by age band.
 */
record LineKey(int[] places, int told) {

	/** The key of a line of groups, each at its place among the breakdown's ({@code place}, by identity). */
	static LineKey of(List<ParticipationGroup> line, Map<ParticipationGroup, Integer> place, int told) {
		var places = new int[line.size()];
		for (int i = 0; i < places.length; i++) {
			places[i] = place.get(line.get(i));
		}
		Arrays.sort(places);
		return new LineKey(places, told);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof LineKey key && key.told == this.told && Arrays.equals(key.places, this.places);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(this.places) + this.told;
	}

	@Override
	public String toString() {
		return Arrays.toString(this.places) + " of " + this.told;
	}

}
