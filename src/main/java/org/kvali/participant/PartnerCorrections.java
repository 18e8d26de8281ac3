package org.kvali.participant;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.kvali.access.Caller;
import org.kvali.access.PartnerScope;
import org.kvali.graphql.Validation;
import org.kvali.sql.ErasedReferences;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a PARTNER corrects of a person: its own participant's details (recorded at activities its organizations run
 * and at no others, whose details its sheets compare and change), their gender too, but not what an admin corrected,
 * which only an admin changes. PostgreSQL holds a partner to the same (changeset 070).
 */
@Repository
class PartnerCorrections {

	private final JdbcClient jdbc;

	PartnerCorrections(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The details an admin corrected of the stored person, if the partner's own participant and not erased (whose
	 * new reference its attendance does not show: a tester's partner corrected one by it); else nothing.
	 */
	Optional<List<String>> ownParticipant(long person, Caller caller) {
		return this.jdbc.sql("SELECT p.admin_corrected FROM participant p WHERE p.id = :person AND "
				+ Attendance.listed() + " AND NOT " + PartnerScope.keptAsStored(":person"))
			.param("person", person)
			.param("erased", ErasedReferences.PREFIX)
			.param("organizations", caller.organizations().toArray(Long[]::new))
			.query((rs, row) -> List.of((String[]) rs.getArray(1).getArray()))
			.optional();
	}

	/**
	 * Whether the stored person, not the partner's own participant ({@link #ownParticipant}), is listed in the
	 * attendance of an activity its organizations run: told that they were not found, a partner looked them up there
	 * again (a tester's).
	 */
	boolean attending(long person, Caller caller) {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM participant p JOIN participation x ON x.participant_id = p.id
				               JOIN activity a ON a.id = x.activity_id
				               WHERE p.id = :person AND a.organizer_id = ANY(CAST(:organizations AS bigint[]))
				                 AND %s)""".formatted(Attendance.listed()))
			.param("person", person)
			.param("erased", ErasedReferences.PREFIX)
			.param("organizations", caller.organizations().toArray(Long[]::new))
			.query(Boolean.class)
			.single();
	}

	/** A problem for each field the correction would change of what an admin corrected. */
	void check(Participant stored, ParticipantEditor.Correction input, Long organizationId, List<String> corrected,
			Validation validation) {
		refuse(validation, corrected, "gender", input.gender().isPresent()
				&& !input.gender().value().name().equals(stored.gender()));
		refuse(validation, corrected, "birth_year", !input.birthYear().isOmitted()
				&& !Objects.equals(input.birthYear().value(), stored.birthYear()));
		refuse(validation, corrected, "disability", !input.disability().isOmitted()
				&& !Objects.equals(input.disability().value(), stored.disability()));
		refuse(validation, corrected, "home_municipality", !input.homeMunicipality().isOmitted()
				&& !Objects.equals(input.homeMunicipality().value(), stored.homeMunicipalityCode()));
		refuse(validation, corrected, "organization", !input.organization().isOmitted()
				&& !Objects.equals(organizationId, stored.organizationId()));
	}

	/**
	 * Names the person to PostgreSQL as the one this transaction corrects: a partner's statements may then change
	 * their gender, which they change of no one else (changeset 070).
	 */
	void correcting(Participant person) {
		this.jdbc.sql("SELECT set_config('kvali.correcting', :person, true)")
			.param("person", Long.toString(person.id()))
			.query()
			.singleRow();
	}

	/** Names no one again once the person is written: nothing later in the transaction changes a gender. */
	void corrected() {
		this.jdbc.sql("SELECT set_config('kvali.correcting', '', true)").query().singleRow();
	}

	private static void refuse(Validation validation, List<String> corrected, String detail, boolean changed) {
		if (changed && corrected.contains(detail)) {
			var words = detail.replace('_', ' ');
			validation.problem("input." + field(detail), null, "An admin corrected their " + words
					+ "; only an admin changes it");
		}
	}

	/** The input's field of a detail as {@code participant.admin_corrected} names it. */
	private static String field(String detail) {
		return switch (detail) {
			case "birth_year" -> "birthYear";
			case "home_municipality" -> "homeMunicipality";
			default -> detail;
		};
	}

}
