package org.kvali.participant;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.kvali.sql.WritersQueue;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Participants with their personal data, and their erasure. */
@Repository
class ParticipantRepository {

	/**
	 * SQL: a reference kept as erased a second time (removed at one activity and deleted with another, say) keeps the
	 * organizers and projects of both, whose partners are told of it; the first's alone were kept (a review's).
	 */
	private static final String HOSTS_JOINED = """
			hosted_by = ARRAY(SELECT DISTINCT unnest(erased_reference.hosted_by || excluded.hosted_by) ORDER BY 1),
			projects = ARRAY(SELECT DISTINCT unnest(erased_reference.projects || excluded.projects) ORDER BY 1)""";

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
				WHERE lower(p.ref) = lower(:ref)""")
			.param("ref", ref)
			.query(Participant.class)
			.optional();
	}

	/** Waits for the writers' queue and holds it until the transaction ends. */
	void queueWriters() {
		WritersQueue.join(this.jdbc);
	}

	/**
	 * Gives the person's record a new reference, deletes their personal data and keeps the old reference's digest;
	 * false when the ref is unknown. The participant is written first, so the transaction waits its turn among
	 * writers before it holds any other row.
	 */
	boolean forget(String ref, String newRef) {
		var id = this.jdbc.sql("UPDATE participant SET ref = :newRef WHERE lower(ref) = lower(:ref) RETURNING id")
			.param("ref", ref)
			.param("newRef", newRef)
			.query(Long.class)
			.optional();
		id.ifPresent(participant -> {
			this.jdbc.sql("DELETE FROM participant_personal WHERE participant_id = :id")
				.param("id", participant)
				.update();
			// what was removed of them at an activity goes too, and what was kept of them deleted with one (they were
			// stored again since): a sheet naming them is refused now, and the partners of those activities told
			var activities = new ArrayList<>(dropRemovals(ref));
			activities.addAll(this.jdbc.sql("SELECT activity_id FROM participation WHERE participant_id = :id")
				.param("id", participant)
				.query(Long.class)
				.list());
			keepErased(ref, activities);
			forgetDeleted(ref);
		});
		return id.isPresent();
	}

	/** The day the reference, in any case, was erased; empty where it was not. */
	Optional<LocalDate> erasedOn(String ref) {
		return this.jdbc
			.sql("SELECT erased_on FROM erased_reference WHERE digest = sha256(convert_to(lower(:ref), 'UTF8'))")
			.param("ref", ref)
			.query(LocalDate.class)
			.optional();
	}

	/** Keeps a reference no one has now as erased, so that a sheet naming it is refused; true. */
	boolean keepErased(String ref) {
		keepErased(ref, List.of());
		return true;
	}

	/**
	 * Erases what is kept of a person no longer stored, removed at every activity they were recorded at (and so
	 * deleted as recorded by mistake): the removals' digests go, and the reference is kept as erased, as
	 * {@link #forget} keeps it, with the organizers and projects of those activities. Whether there were any.
	 */
	boolean forgetRemoved(String ref) {
		var activities = dropRemovals(ref);
		if (!activities.isEmpty()) {
			keepErased(ref, activities);
		}
		return !activities.isEmpty();
	}

	/**
	 * Keeps the reference's digest as erased, so that a sheet naming it again is refused (StagingChecks), not made a
	 * new person; with the organizers and projects of the activities, whose partners are told of it.
	 */
	private void keepErased(String ref, List<Long> activities) {
		this.jdbc.sql("""
				INSERT INTO erased_reference (digest, erased_on, hosted_by, projects)
				SELECT sha256(convert_to(lower(:ref), 'UTF8')), current_date,
				       coalesce(array_agg(DISTINCT a.organizer_id) FILTER (WHERE a.organizer_id IS NOT NULL), '{}'),
				       coalesce(array_agg(DISTINCT a.project_id), '{}')
				FROM activity a WHERE a.id = ANY(CAST(:activities AS bigint[]))
				ON CONFLICT (digest) DO UPDATE SET %s""".formatted(HOSTS_JOINED))
			.param("ref", ref)
			.param("activities", activities.toArray(Long[]::new))
			.update();
	}

	/**
	 * Erases what is kept of a person deleted with the activity they alone attended: the reference is kept as erased,
	 * and the digest that they were deleted goes. Whether they were.
	 */
	boolean forgetDeleted(String ref) {
		// kept as erased with the organizer and project of the activity, as keepErased keeps those of stored ones
		return this.jdbc.sql("""
				WITH deleted AS (
				    DELETE FROM deleted_person WHERE ref_digest = sha256(convert_to(lower(:ref), 'UTF8'))
				    RETURNING ref_digest, hosted_by, projects),
				kept AS (
				    INSERT INTO erased_reference (digest, erased_on, hosted_by, projects)
				    SELECT ref_digest, current_date, hosted_by, projects FROM deleted
				    ON CONFLICT (digest) DO UPDATE SET %s)
				SELECT count(*) FROM deleted""".formatted(HOSTS_JOINED))
			.param("ref", ref)
			.query(Integer.class)
			.single() > 0;
	}

	/** Deletes the removals kept of the reference; the activities they were at. */
	private List<Long> dropRemovals(String ref) {
		return this.jdbc.sql("""
				DELETE FROM removed_participation WHERE ref_digest = sha256(convert_to(lower(:ref), 'UTF8'))
				RETURNING activity_id""")
			.param("ref", ref)
			.query(Long.class)
			.list();
	}

}
