package org.kvali.intake;

/** The database refused the sheet's rows on their way into the staging table: a server fault, not the sheet's. */
class StagingException extends RuntimeException {

	StagingException(Throwable cause) {
		super("Could not copy the sheet's rows into the database", cause);
	}

}
