package org.kvali.participant;

import java.util.List;

import org.kvali.access.Access;
import org.kvali.access.Role;
import org.kvali.activity.ActivityService;
import org.kvali.graphql.Connection;
import org.kvali.graphql.Page;
import org.kvali.graphql.Validation;
import org.kvali.report.ParticipationRole;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who was recorded at an activity, for an admin, and for a partner at an activity its organizations run: the people
 * its sheets recorded, so that a sheet can be checked as loaded. Reports count people and never list them.
 */
@Service
class Attendance {

	private final JdbcClient jdbc;

	private final ActivityService activities;

	Attendance(JdbcClient jdbc, ActivityService activities) {
		this.jdbc = jdbc;
		this.activities = activities;
	}

	/** A page of the activity's people in order of reference, and how many there are, as of one snapshot. */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Connection<Attendee> of(String activityCode, Page page) {
		Access.require(Role.ADMIN, Role.PARTNER);
		new Validation().code("activity", activityCode).check();
		var activity = this.activities.changeable("activity", activityCode);
		List<Attendee> rows = this.jdbc.sql("""
				SELECT p.ref, pn.role, pn.organization_id, p.gender, p.birth_year, p.disability,
				       p.home_municipality_code
				FROM participation pn
				JOIN participant p ON p.id = pn.participant_id
				WHERE pn.activity_id = :activity AND (CAST(:after AS text) IS NULL OR p.ref > :after)
				ORDER BY p.ref
				LIMIT :limit""")
			.param("activity", activity.id())
			.param("after", page.key(0, ref -> ref))
			.param("limit", page.limit())
			.query((rs, row) -> new Attendee(rs.getString(1), ParticipationRole.valueOf(rs.getString(2)),
					rs.getObject(3, Long.class), rs.getString(4), rs.getObject(5, Integer.class),
					rs.getObject(6, Boolean.class), rs.getString(7)))
			.list();
		int total = this.jdbc.sql("SELECT count(*) FROM participation WHERE activity_id = :activity")
			.param("activity", activity.id())
			.query(Integer.class)
			.single();
		return Connection.of(rows, page, attendee -> List.of(attendee.ref()), total);
	}

}
