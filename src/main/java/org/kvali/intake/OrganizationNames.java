package org.kvali.intake;

/**
 * Organizations' names as sheets compare them with each other and with the stored ones: as people type them, case,
 * runs of spaces and curly apostrophes aside, in English or Georgian.
 */
final class OrganizationNames {

	/** Georgian's capitals (Mtavruli), which PostgreSQL's lower() of the C locale keeps, and their small letters. */
	private static final String CAPITALS = letters(0x1C90, 0x1CBA) + letters(0x1CBD, 0x1CBF);

	private static final String SMALL = letters(0x10D0, 0x10FA) + letters(0x10FD, 0x10FF);

	private OrganizationNames() {
	}

	/**
	 * SQL: the name in {@code column} as compared: lower case, Georgian capitals too, runs of spaces as one, curly
	 * apostrophes straight.
	 */
	static String key(String column) {
		return "regexp_replace(lower(translate(" + column + ", '’‘" + CAPITALS + "', '''''" + SMALL
				+ "')), '\\s+', ' ', 'g')";
	}

	private static String letters(int first, int last) {
		var letters = new StringBuilder();
		for (int c = first; c <= last; c++) {
			letters.appendCodePoint(c);
		}
		return letters.toString();
	}

}
