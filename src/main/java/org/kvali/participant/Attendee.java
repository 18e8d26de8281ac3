package org.kvali.participant;

import org.kvali.report.ParticipationRole;

/**
 * A person as recorded at one activity: their pseudonymous record and their participation there, without name or
 * contacts.
 */
public record Attendee(String ref, ParticipationRole role, Long organizationId, String gender, Integer birthYear,
		Boolean disability, String homeMunicipalityCode) {
}
