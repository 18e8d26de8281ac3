package org.kvali.report;

/** Age bands; the ordinal of the known ones is the {@code age_band} number of the participation_fact view. */
public enum AgeBand {

	UNDER_18, AGE_18_29, AGE_30_44, AGE_45_59, AGE_60_PLUS, UNKNOWN;

	static AgeBand ofBand(Integer band) {
		return band == null ? UNKNOWN : values()[band];
	}

}
