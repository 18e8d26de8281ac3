package org.kvali.report;

import java.util.Arrays;

/**
 * A line of a breakdown weighed ({@link SmallCells}) as the places of its groups among the breakdown's ({@link
 * NumberedGroups}), ascending as every line lists them, and the participants it is told with: two lines of these
 * alike are one.
 */
record LineKey(int[] places, int told) {

	/** The key of a line as it is built, told with -1 where its total is not known. */
	static LineKey of(Weighing.Line line) {
		return new LineKey(line.groups(), line.told() == null ? -1 : line.told());
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
