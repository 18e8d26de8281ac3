package org.kvali.activity;

import java.util.List;
import java.util.Optional;

import org.kvali.access.Access;
import org.kvali.access.Caller;
import org.kvali.access.Role;
import org.kvali.audit.AuditLog;
import org.kvali.graphql.Validation;
import org.kvali.programme.ProgrammeService;
import org.kvali.sql.ErasedReferences;
import org.kvali.sql.Holders;
import org.kvali.sql.WritersQueue;
import org.kvali.time.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes an activity no one took part in: one a sheet made under a mistyped code, emptied of its participations
 * since (a tester's stayed in every list, with no way to remove it). One with participations, or that an indicator's
 * filter names, is refused.
 */
@Service
@Transactional
class ActivityDeletion {

	/** What names an activity ({@link Holders}). */
	private static final String HOLDERS = """
			SELECT 1, 'participation', 'participations', NULL FROM participation WHERE activity_id = :id
			UNION ALL
			""" + Holders.namingFilters(2, "activities");

	private final ActivityService activities;

	private final ProgrammeService programmes;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Today today;

	ActivityDeletion(ActivityService activities, ProgrammeService programmes, JdbcClient jdbc, AuditLog audit,
			Today today) {
		this.today = today;
		this.activities = activities;
		this.programmes = programmes;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * Deletes the activity; with {@code withParticipations}, its participations first, as removeParticipation would
	 * one by one: a person left with none is removed, the others' own organization follows their latest remaining
	 * activity.
	 */
	String delete(String code, boolean withParticipations) {
		Access.require(Role.ADMIN, Role.PARTNER);
		// no sheet adds a person to it between the count and the deletion, nor does another change its organizer
		// after the partner's check that its organization runs it, or delete it first
		WritersQueue.join(this.jdbc);
		var stored = this.activities.changeable("code", code);
		var project = this.programmes.projectsById(List.of(stored.projectId())).get(stored.projectId());
		var held = Holders.of(this.jdbc, HOLDERS, stored.id(), stored.code())
			.stream()
			.filter(kind -> !withParticipations || kind.place() != 1)
			.toList();
		if (!held.isEmpty()) {
			// indicators are an admin's: a partner is told to ask (it was told to change them itself: a tester's)
			var indicators = Caller.current().is(Role.PARTNER) ? "ask an admin to " + Holders.INDICATORS
					: Holders.INDICATORS;
			var remedy = Holders.remedies(held, "remove them (removeParticipation, or all with the activity:"
					+ " withParticipations: true)", indicators) + " first, then the activity";
			new Validation().problem("code", code, Holders.refusal("Activity " + stored.code(), held, remedy)).check();
		}
		int participations = withParticipations ? removeParticipations(stored) : 0;
		keepRemovedPeople(stored);
		if (this.jdbc.sql("DELETE FROM activity WHERE id = :id").param("id", stored.id()).update() == 0) {
			// row-level security left the row out: the caller lost the project since the check above
			throw new AccessDeniedException("Project " + project.code() + " is not one of your organizations' projects");
		}
		// kept, so that an old sheet sent again, recording it once more, is warned of (a tester's)
		this.jdbc.sql("""
				INSERT INTO deleted_activity (code_key, project_id, participations, deleted_on)
				VALUES (lower(:code), :project, :participations, :today)
				ON CONFLICT (code_key, project_id) DO UPDATE SET participations = excluded.participations,
				    deleted_on = excluded.deleted_on""")
			.param("code", stored.code())
			.param("project", stored.projectId())
			.param("participations", participations)
			// the day where the programmes run, as a sheet's dates are
			.param("today", this.today.date())
			.update();
		return stored.code();
	}

	/**
	 * Keeps the people removed at the activity as recorded by mistake (removeParticipation) as deleted with it: their
	 * removals go with the activity, and of someone recorded nowhere else they were all that named them, so an erasure
	 * of them was refused as of no one while a sheet's report still named them (a review's). Of someone stored
	 * elsewhere, or again, it is only read once they are not, and their erasure takes it. One kept already keeps its
	 * first activity's organizer and project: a partner, who may add a row there, may not read or change one.
	 */
	private void keepRemovedPeople(Activity activity) {
		this.jdbc.sql("""
				INSERT INTO deleted_person (ref_digest, deleted_on, hosted_by, projects)
				SELECT ref_digest, :today, CAST(:hostedBy AS bigint[]), ARRAY[CAST(:project AS bigint)]
				FROM removed_participation WHERE activity_id = :activity
				ON CONFLICT DO NOTHING""")
			.param("activity", activity.id())
			.param("today", this.today.date())
			.param("hostedBy", activity.organizerId() == null ? new Long[0] : new Long[] { activity.organizerId() })
			.param("project", activity.projectId())
			.update();
	}

	/**
	 * Removes every participation at the activity (its people recorded under a wrong code, an erased person's too,
	 * whom no reference names any more), and the people recorded nowhere else, and tells how many participations went;
	 * the others' own organization follows their latest remaining activity.
	 */
	private int removeParticipations(Activity activity) {
		var people = this.jdbc.sql("DELETE FROM participation WHERE activity_id = :activity RETURNING participant_id")
			.param("activity", activity.id())
			.query(Long.class)
			.list()
			.toArray(Long[]::new);
		// an erased person's reference is not named: nothing links it to the old one, which the log keeps
		var removed = this.jdbc.sql("""
				DELETE FROM participant p WHERE p.id = ANY(:people)
				  AND NOT EXISTS (SELECT 1 FROM participation pn WHERE pn.participant_id = p.id)
				RETURNING %s""".formatted(ErasedReferences.named("p.ref")))
			.param("people", people)
			.query((rs, row) -> Optional.ofNullable(rs.getString(1)))
			.list();
		var named = removed.stream().flatMap(Optional::stream).sorted().toList();
		int erased = removed.size() - named.size();
		// known as deleted, so that an erasure of one of them, whom a sheet's report may still name, is not refused
		// as of no one (ParticipantService#forget)
		this.jdbc.sql("""
				INSERT INTO deleted_person (ref_digest, deleted_on, hosted_by, projects)
				SELECT sha256(convert_to(lower(r), 'UTF8')), :today, CAST(:hostedBy AS bigint[]),
				       ARRAY[CAST(:project AS bigint)]
				FROM unnest(CAST(:refs AS text[])) r
				ON CONFLICT DO NOTHING""")
			.param("refs", named.toArray(String[]::new))
			.param("today", this.today.date())
			.param("hostedBy", activity.organizerId() == null ? new Long[0] : new Long[] { activity.organizerId() })
			.param("project", activity.projectId())
			.update();
		// whose personal data went, as removeParticipation's entries tell one by one
		this.audit.record("remove participations with activity", activity.code() + ": " + people.length
				+ " participations; people recorded nowhere else, removed: " + String.join(", ", named)
				+ (erased == 0 ? "" : (named.isEmpty() ? "" : ", and ") + erased + " erased at their request"));
		this.jdbc.sql("""
				SELECT own_organizations_followed(ARRAY(SELECT p.id FROM participant p WHERE p.id = ANY(:people)))""")
			.param("people", people)
			.query(Integer.class)
			.single();
		return people.length;
	}

}
