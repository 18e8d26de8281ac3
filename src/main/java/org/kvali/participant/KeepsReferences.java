package org.kvali.participant;

/**
 * What keeps text that may name a person's reference, beside the participant table: an erasure of someone no longer
 * stored (deleted with the activity they alone attended) still finds them there, and takes them out of it.
 */
public interface KeepsReferences {

	/** Whether anything kept holds the reference as a person's, in any case. */
	boolean names(String ref);

}
