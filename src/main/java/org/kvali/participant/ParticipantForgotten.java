package org.kvali.participant;

/**
 * A person was erased at their request ({@code ref}: their reference as stored before), within the erasure's
 * transaction: whatever else keeps the reference in its text lets it go there too, or the erasure is undone.
 */
public record ParticipantForgotten(String ref) {
}
