package org.kvali.access;

/** What a caller may do; see the schema's {@code Role} for each one's rights. */
public enum Role {

	ADMIN, ANALYST, DONOR, PARTNER

}
