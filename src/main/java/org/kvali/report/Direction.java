package org.kvali.report;

/** Sort direction of a breakdown's groups. */
public enum Direction {

	ASC, DESC

}
