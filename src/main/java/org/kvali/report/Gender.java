package org.kvali.report;

/** A participant's gender, as the schema's enum of the same name. */
public enum Gender {

	FEMALE, MALE, OTHER, UNDISCLOSED

}
