package org.kvali.participant;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Participants with their personal data, and their erasure. */
@Repository
class ParticipantRepository {

	private final JdbcClient jdbc;

	ParticipantRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Participant> byRef(String ref) {
		return this.jdbc.sql("""
				SELECT p.id, p.ref, p.gender, p.birth_year, p.disability, p.home_municipality_code, p.organization_id,
				       pp.full_name, pp.phone, pp.email,
				       (SELECT count(*) FROM participation pn WHERE pn.participant_id = p.id) AS participations
				FROM participant p LEFT JOIN participant_personal pp ON pp.participant_id = p.id
				WHERE p.ref = :ref""")
			.param("ref", ref)
			.query(Participant.class)
			.optional();
	}

	/** Deletes the person's personal data and gives their record a new reference; false when the ref is unknown. */
	boolean forget(String ref, String newRef) {
		this.jdbc.sql("""
				DELETE FROM participant_personal WHERE participant_id = (SELECT id FROM participant WHERE ref = :ref)""")
			.param("ref", ref)
			.update();
		return this.jdbc.sql("UPDATE participant SET ref = :newRef WHERE ref = :ref")
			.param("ref", ref)
			.param("newRef", newRef)
			.update() == 1;
	}

}
