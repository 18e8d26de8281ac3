package org.kvali.report;

/** A breakdown asked for whole that has more groups than may be answered or suppressed at once. */
final class TooManyGroups extends RuntimeException {

	final int most;

	TooManyGroups(int most) {
		super("More than " + most + " groups");
		this.most = most;
	}

}
