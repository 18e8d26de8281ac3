package org.kvali.programme;

/** What a partner organization does in a project, as the schema's enum of the same name. */
public enum PartnerRole {

	CO_APPLICANT, IMPLEMENTING_PARTNER, REGIONAL_PARTNER, ASSOCIATE

}
