package org.kvali.intake;

/** The outcome of loading a sheet. */
public enum ImportStatus {

	/** Stored. */
	IMPORTED,
	/** Checked in a dry run: it would be stored as reported, but nothing was. */
	VALIDATED,
	/** Refused for the errors listed; nothing was stored. */
	REJECTED

}
