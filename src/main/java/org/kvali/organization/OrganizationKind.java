package org.kvali.organization;

/** The kind of an organization, as the schema's enum of the same name. */
public enum OrganizationKind {

	DONOR, IMPLEMENTER, PARTNER, CSO, ACTIVIST_GROUP, MUNICIPALITY, OTHER

}
