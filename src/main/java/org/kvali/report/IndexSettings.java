package org.kvali.report;

/**
 * How many answers an index keeps and how many groups they may hold in all; the most values a row copy holds: 16
 * bits' worth, which tests lower so that the demo data, whose dimensions all fit, is also counted through the
 * look-ups by person, activity and organization; and the most bytes one question's counters may take ({@link
 * ScanMemory}).
 */
record IndexSettings(int cachedAnswers, long cachedGroups, int rowCopyValues, long scanLimit) {

	IndexSettings {
		if (rowCopyValues < 1 || rowCopyValues > Character.MAX_VALUE + 1) {
			throw new IllegalArgumentException("A row copy holds 1 to 65,536 values, not " + rowCopyValues);
		}
		if (scanLimit < 1 << 20) {
			throw new IllegalArgumentException("A scan may take at least 1 MB, not " + scanLimit + " bytes");
		}
	}

	IndexSettings(int cachedAnswers, long cachedGroups, long scanLimit) {
		this(cachedAnswers, cachedGroups, Character.MAX_VALUE + 1, scanLimit);
	}

	IndexSettings(int cachedAnswers) {
		this(cachedAnswers, ReportProperties.CACHED_GROUPS, ScanMemory.defaultLimit());
	}

}
