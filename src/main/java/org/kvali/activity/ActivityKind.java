package org.kvali.activity;

/** The kind of an activity, as the schema's enum of the same name. */
public enum ActivityKind {

	TRAINING, WORKSHOP, MEETING, CONFERENCE, CAMPAIGN, OTHER

}
