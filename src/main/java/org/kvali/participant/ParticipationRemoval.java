package org.kvali.participant;

import org.kvali.access.Access;
import org.kvali.access.Role;
import org.kvali.activity.Activity;
import org.kvali.activity.ActivityService;
import org.kvali.audit.AuditLog;
import org.kvali.graphql.NotFoundException;
import org.kvali.graphql.Validation;
import org.kvali.sql.ErasedReferences;
import org.kvali.sql.WritersQueue;
import org.kvali.time.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A participation recorded by mistake removed, which a sheet does not do: a sheet adds and corrects. It waits its
 * turn among writers, as a sheet does; the index and every report follow the committed change.
 */
@Service
@Transactional
class ParticipationRemoval {

	private final ActivityService activities;

	private final Today today;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	ParticipationRemoval(ActivityService activities, Today today, JdbcClient jdbc, AuditLog audit) {
		this.activities = activities;
		this.today = today;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * Removes the person's participation in the activity: an ADMIN's anywhere, a PARTNER's at activities its
	 * organizations run. The person stays with their other participations; one left with none is removed.
	 */
	Activity remove(String activityCode, String ref) {
		var caller = Access.require(Role.ADMIN, Role.PARTNER);
		new Validation().code("activity", activityCode).code("ref", ref).check();
		WritersQueue.join(this.jdbc);
		var activity = this.activities.changeable("activity", activityCode);
		// one answer whether the reference names no one or someone not there: a partner learns of no one else; nor
		// of someone erased, whose new reference its attendance does not show (a tester's partner removed one by it)
		var person = this.jdbc.sql("""
				DELETE FROM participation pn USING participant p
				WHERE pn.activity_id = :activity AND p.id = pn.participant_id AND lower(p.ref) = lower(:ref)
				  AND %s
				RETURNING p.id, p.ref""".formatted(Attendance.listed()))
			.param("activity", activity.id())
			.param("ref", ref)
			.param("organizations", caller.is(Role.PARTNER) ? caller.organizations().toArray(Long[]::new) : null)
			.param("erased", ErasedReferences.PREFIX)
			.query((rs, row) -> new Removed(rs.getLong(1), rs.getString(2)))
			.optional()
			.orElseThrow(() -> NotFoundException.explained("ref", ref, "Participant " + ref
					+ " is not recorded at activity " + activity.code()));
		// kept, so that an old sheet sent again, recording them there once more, is warned of (a tester's)
		this.jdbc.sql("""
				INSERT INTO removed_participation (activity_id, ref_digest, removed_on)
				VALUES (:activity, sha256(convert_to(lower(:ref), 'UTF8')), :today)
				ON CONFLICT (activity_id, ref_digest) DO UPDATE SET removed_on = excluded.removed_on""")
			.param("activity", activity.id())
			.param("ref", person.ref())
			// the day where the programmes run, as a sheet's dates are
			.param("today", this.today.date())
			.update();
		// someone recorded nowhere else was recorded by mistake: kept, they would be nobody's, and any partner's
		// sheet could compare and change what this one recorded of them
		int removed = this.jdbc.sql("""
				DELETE FROM participant p WHERE p.id = :person
				  AND NOT EXISTS (SELECT 1 FROM participation pn WHERE pn.participant_id = p.id)""")
			.param("person", person.id())
			.update();
		if (removed == 1) {
			// their personal data went with them: told apart from a removal that kept the person (a tester's)
			this.audit.record("remove participant with their participation", person.ref() + " at " + activity.code()
					+ ", recorded nowhere else");
		}
		else {
			// the removed one may have been their latest activity: their own organization follows the one before
			this.jdbc.sql("SELECT own_organizations_followed(ARRAY[CAST(:person AS bigint)])")
				.param("person", person.id())
				.query(Integer.class)
				.single();
		}
		return activity;
	}

	/** A participation removed: its person's id and reference as stored. */
	private record Removed(long id, String ref) {
	}

}
