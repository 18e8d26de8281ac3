package org.kvali.participant;

/**
 * A person as only ADMIN sees them: the pseudonymous record and the personal data kept apart from it (null where
 * not known).
 */
public record Participant(long id, String ref, String gender, Integer birthYear, Boolean disability,
		String homeMunicipalityCode, Long organizationId, String fullName, String phone, String email,
		int participations) {
}
