package org.kvali.sql;

/**
 * The references of people erased at their request, which begin with {@link #PREFIX}: counted, never named, as
 * nothing may link one to the reference it replaced. Here, not with the erasure, so that the features the erasure
 * depends on (activities, organizations, sheets) read them alike.
 */
public final class ErasedReferences {

	public static final String PREFIX = "forgotten-";

	private ErasedReferences() {
	}

	/** SQL: whether {@code column} holds an erased reference. */
	public static String erased(String column) {
		return column + " LIKE '" + PREFIX + "%'";
	}

	/** SQL: the reference {@code column} holds, or null for an erased one. */
	public static String named(String column) {
		return "CASE WHEN " + erased(column) + " THEN NULL ELSE " + column + " END";
	}

}
