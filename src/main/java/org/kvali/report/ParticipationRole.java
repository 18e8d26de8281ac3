package org.kvali.report;

/** The part a person plays at an activity, as the schema's enum of the same name. */
public enum ParticipationRole {

	PARTICIPANT, TRAINER, FACILITATOR, SPEAKER, ORGANIZER

}
